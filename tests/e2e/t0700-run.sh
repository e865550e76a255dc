# t0700 — sio-run, the cron driver: runs every stage in order under a lock,
# logs one line per step, is silent with --quiet, says what it would do with
# --dry-run, and exits with the documented code (sysexits.h: EX_USAGE 64,
# EX_SOFTWARE 70, EX_TEMPFAIL 75, EX_CONFIG 78; a failed stage's own code).
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
gen_sample in
run_config main var/sio.db out var/run.log
steps=5; [ -x "$BIN/sio-statement" ] && steps=6 # sio-statement runs when built

check "t0700-1 help prints usage and exits 0" sh -c "'$BIN/sio-run' --help | grep -q '^usage: sio-run'"
check "t0700-2 version names sio" sh -c "'$BIN/sio-run' --version | grep -q '^sio-run (sio) '"
check_exit "t0700-3 unknown option exits 64" 64 "$BIN/sio-run" --no-such-option
check_exit "t0700-4 no inputs (none given, none in [run]) exits 64" 64 "$BIN/sio-run" --config cfg/main.ini
check "t0700-5 and says where inputs come from" grep -q "set \[run\] inputs" .err

check_exit "t0700-6 --dry-run exits 0" 0 "$BIN/sio-run" --config cfg/main.ini --dry-run in
check "t0700-7 --dry-run names every stage's command line, in order" \
    sh -c "grep -o 'sio-[a-z]* --config' .out | sed 's/ --config//' | tr '\n' ' ' |
           grep -q '^sio-ingest sio-transform sio-measures sio-workbook sio-charts '"
check "t0700-8 --dry-run passes the inputs to ingest after --" grep -q 'sio-ingest .* -- in$' .out
check "t0700-9 --dry-run runs nothing: no store, no log, no output" \
    test ! -e var/sio.db -a ! -e var/run.log -a ! -e out

check_exit "t0700-10 a full run exits 0" 0 "$BIN/sio-run" --config cfg/main.ini in
check "t0700-11 it logs one stderr line per stage with status and counts" \
    sh -c "grep -c ' sio-run: \(ingest\|transform\|measures\|workbook\|charts\) ok (exit 0) [0-9.]* s ' .err | grep -qx 5"
check "t0700-12 the ingest line has the store's row counts" \
    grep -q 'ingest ok .* read=[0-9]* loaded=[0-9]* rejected=0' .err
check "t0700-13 log lines start with the UTC time" \
    sh -c "grep -v '^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z ' var/run.log | grep -q . && exit 1 || exit 0"
check "t0700-14 the log file has the same step lines" \
    sh -c "grep -c 'ok (exit 0)' var/run.log | grep -qx $steps"
check "t0700-15 outputs are in place: CSV tables, workbook, charts, manifest" \
    test -s out/csv/measures.csv -a -s out/csv/monthly_counts.csv -a -s out/sio-2023-11-14.xlsx -a -d out/charts -a -s out/manifest.json
check "t0700-16 no staging folder is left behind" sh -c "! ls -d out.sio-run-* 2>/dev/null | grep -q ."

check_exit "t0700-17 --quiet run exits 0" 0 "$BIN/sio-run" --config cfg/main.ini --quiet --always in
check "t0700-18 --quiet prints nothing at all on success" test ! -s .out -a ! -s .err
check "t0700-19 --quiet still writes the log" sh -c "grep -c 'ok (exit 0)' var/run.log | grep -qx $((2 * steps))"

# [run] inputs in the configuration instead of operands, repeatable.
run_config inputs var/sio.db out var/run.log
printf '[run]\ninputs = in/2018-04\ninputs = in/2018-05\n' >>cfg/inputs.ini
check_exit "t0700-20 [run] inputs are used when no path is given" 0 \
    "$BIN/sio-run" --config cfg/inputs.ini --dry-run
check "t0700-21 every [run] inputs line is passed, in order" grep -q -- '-- in/2018-04 in/2018-05$' .out

# The lock: held by someone else, the run stops at once with 75 and the holder.
( flock -n 9 || exit 1; echo 4242 >&9; sleep 3 ) 9>>var/sio.db.lock &
holder=$!
sleep 0.3
check_exit "t0700-22 a second run while the lock is held exits 75" 75 "$BIN/sio-run" --config cfg/main.ini in
check "t0700-23 it names the lock file" grep -q "sio-run: another run holds var/sio.db.lock" .err
check "t0700-24 and the holder's pid" grep -q "(pid [0-9][0-9]*)" .err
wait $holder

# Freeze sio-run $1 together with a stage it is running, and print the
# stage's pid: the parent is stopped first so it cannot move on to the next
# stage, then a live child is stopped and seen stopped (not a zombie).  With
# both frozen, what holds the lock does not depend on timing.
freeze_with_stage() {
    _i=0
    while [ $_i -lt 400 ]; do
        kill -STOP "$1" 2>/dev/null || return
        for _s in $(pgrep -P "$1"); do
            kill -STOP "$_s" 2>/dev/null
            if [ "$(ps -o stat= -p "$_s" | cut -c1)" = T ]; then
                echo "$_s"; return
            fi
        done
        kill -CONT "$1"; sleep 0.02; _i=$((_i + 1))
    done
}

# Two real runs at once: exactly one of them runs.  The first's stage is
# held stopped while the second tries, so the overlap does not depend on timing.
"$BIN/sio-run" --config cfg/main.ini --quiet --always in 2>first.err & first=$!
held=$(freeze_with_stage "$first")
"$BIN/sio-run" --config cfg/main.ini --quiet --always in 2>second.err; second_rc=$?
[ -n "$held" ] && kill -CONT "$held"
kill -CONT "$first" 2>/dev/null
wait $first; first_rc=$?
check "t0700-25 of two overlapping runs the first completes" test "$first_rc" = 0
check "t0700-26 and the second exits 75 naming the first's pid" \
    sh -c "test $second_rc = 75 && grep -q '(pid $first)' second.err"

# A run whose parent is killed: its stage still holds the lock until it ends.
"$BIN/sio-run" --config cfg/main.ini --quiet --always in 2>/dev/null & parent=$!
orphan=$(freeze_with_stage "$parent")
kill -9 "$parent"; wait "$parent" 2>/dev/null
check_exit "t0700-27 a stage orphaned by a killed sio-run keeps the lock (75)" 75 \
    "$BIN/sio-run" --config cfg/main.ini --always in
[ -n "$orphan" ] && kill -CONT "$orphan"
i=0; while [ $i -lt 100 ] && ! flock -n var/sio.db.lock true; do sleep 0.1; i=$((i + 1)); done
check_exit "t0700-28 once it has ended, the next run completes" 0 "$BIN/sio-run" --config cfg/main.ini --quiet --always in

# A failing stage: its own message and code, and the outputs left as they were.
tree_list out >before.list
printf 'Name,Value\r\na,1\r\n' >notpolice.csv
check_exit "t0700-29 a failing stage's exit code is sio-run's (65)" 65 \
    "$BIN/sio-run" --config cfg/main.ini --quiet in notpolice.csv
check "t0700-30 the stage's own message reaches stderr" grep -q "sio-ingest: notpolice.csv:1: header not recognised" .err
check "t0700-31 even with --quiet, the failure is logged on stderr" grep -q "ingest FAILED (exit 65)" .err
check "t0700-32 the stages after it did not run" sh -c "! grep -q 'transform' .err"
tree_list out >after.list
check "t0700-33 the outputs are exactly the previous ones" cmp -s before.list after.list

check_exit "t0700-34 a typo in the config exits 78" 78 "$BIN/sio-run" --config "$TOP/tests/fault/typo.ini" in
check "t0700-35 naming file, line and key" grep -q "typo.ini:5: unknown key 'inptus' in section \[run\]" .err

run_config dot var/sio.db . var/run.log
check_exit "t0700-36 an output folder of '.' is refused (78): it is replaced whole" 78 \
    "$BIN/sio-run" --config cfg/dot.ini in

mkdir -p lonely && cp "$BIN/sio-run" lonely/
check_exit "t0700-37 a stage program missing beside sio-run exits 70" 70 lonely/sio-run --config cfg/main.ini in
check "t0700-38 naming the missing program" grep -q "lonely/sio-ingest: stage program missing" .err

done_testing
