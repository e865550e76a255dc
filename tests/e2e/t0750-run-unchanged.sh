#!/bin/sh
# t0750 — sio-run with nothing changed leaves the outputs as they are and
# runs no stage; anything its outputs depend on that changes makes it run:
# an input file written again (even with the same bytes), a new input, the
# configuration, SOURCE_DATE_EPOCH, a stage run by hand on the store, a file
# missing from the output folder, a stage program rebuilt, and --always.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
export SOURCE_DATE_EPOCH=1700000000
gen_sample in
run_config_extra='[charts]\nformats = svg\n[statement]\nformats = none\n'
run_config main "$WORK/sio.db" "$WORK/out" "$WORK/run.log"
# The programs in a folder of their own, so one can be "rebuilt" (touched).
mkdir bin && cp "$BIN"/sio-* bin/
run() { bin/sio-run --quiet --config cfg/main.ini "$@" in; }
runs() { sqlite3 sio.db 'SELECT count(*) FROM runs'; }
inodes() { find out -type f -exec stat -c '%i %Y %n' {} + | sort -k3; }
# ran: the last run ran its stages (the runs table grew); skipped: it did not.
ran() { _b=$(runs); run "$@" || return 1; test "$(runs)" -gt "$_b"; }
skipped() { _b=$(runs); run "$@" || return 1; test "$(runs)" -eq "$_b"; }

check_exit "t0750-1 a first run" 0 run
check "t0750-2 records its fingerprint in the manifest" \
    sh -c "python3 -c \"import json,re; assert re.fullmatch('[0-9a-f]{64}', json.load(open('out/manifest.json'))['fingerprint'])\""
inodes >before
check "t0750-3 a run with nothing changed runs no stage" skipped
as_before() { inodes | cmp -s - before; }
check "t0750-4 and leaves every output as it was" as_before
check "t0750-5 saying so in the log" grep -q 'nothing changed since the run that made' run.log

f=$(find in -name '*.csv' | sort | head -n 1)
touch "$f"
check "t0750-6 an input written again, same bytes: it runs" ran
check "t0750-7 and then not again" skipped
cp -r in in2 && mkdir -p in/2099-01 && cp "$f" in/2099-01/copy.csv
check "t0750-8 a new input file: it runs" ran
rm -rf in && mv in2 in
check "t0750-9 the input taken away again: it runs" ran
printf '[charts]\nclassification = OFFICIAL-SENSITIVE\n' >>cfg/main.ini
check "t0750-10 the configuration changed: it runs" ran
SOURCE_DATE_EPOCH=1700000001
check "t0750-11 SOURCE_DATE_EPOCH changed: it runs" ran
SOURCE_DATE_EPOCH=1700000000
run || fail "t0750-11 back to the first SOURCE_DATE_EPOCH" "exit $?"
"$BIN/sio-measures" --quiet --config cfg/main.ini --out elsewhere
check "t0750-12 a stage run by hand on the store: it runs" ran
rm out/csv/measures.csv
check "t0750-13 an output gone from the folder: it runs" ran
check "t0750-14 which puts it back" test -s out/csv/measures.csv
touch bin/sio-measures
check "t0750-15 a stage program rebuilt: it runs" ran
check "t0750-16 --always runs every stage whatever changed" ran --always

done_testing
