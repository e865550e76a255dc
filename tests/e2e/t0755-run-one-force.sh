#!/bin/sh
# t0755 — sio-run with [run] statement_force publishes that one force: it
# has sio-charts draw that force's charts only (the others' are not drawn,
# not published and not in the manifest), and naming another force makes
# the next run run its stages ("nothing changed" must not keep the old
# force's outputs) and publish the new force's charts and draft, the same
# files, byte for byte, as sio-charts over every force draws for it.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh" # gen_sample, run_config (statement_force = $sample_force)

# SVG charts and the Markdown and HTML draft only: enough to see whose they are.
run_config_extra='[charts]\nformats = svg\n[statement]\nformats = none\n'
cd "$WORK" && gen_sample in && run_config main "$WORK/sio.db" "$WORK/out" "$WORK/run.log" ||
    fail "t0755-0 the sample and configuration"
run() { "$BIN/sio-run" --quiet --config cfg/main.ini in; }
runs() { sqlite3 sio.db 'SELECT count(*) FROM runs'; }
charts_counts() { sqlite3 sio.db "SELECT counts FROM runs WHERE stage = 'charts' ORDER BY id DESC LIMIT 1"; }
# The forces whose charts a file list names.
chart_forces() { sed -n 's|.*charts/\([^/]*\)/.*|\1|p' | sort -u | tr '\n' ' '; }
manifest_forces() {
    python3 -c "import json; [print(o['path']) for o in json.load(open('out/manifest.json'))['outputs']]" | chart_forces
}

check_exit "t0755-1 sio-run with statement_force = $sample_force" 0 run
check "t0755-2 publishes that force's charts only" test "$(ls out/charts)" = "$sample_force"
check "t0755-3 the manifest lists no other force's charts" \
    test "$(manifest_forces)" = "$sample_force "
asked_for() { charts_counts | grep -q " force=$1\$"; }
check "t0755-4 sio-charts was asked for that force (its run's record)" asked_for "$sample_force"

sqlite3 sio.db 'SELECT force FROM force_quarters' | grep -v "^$sample_force\$" >other
other=$(cat other)
sed -i "s/^statement_force = .*/statement_force = $other/" cfg/main.ini
before=$(runs)
check_exit "t0755-5 naming another force ($other)" 0 run
check "t0755-6 runs the stages again" test "$(runs)" -gt "$before"
check "t0755-7 publishes the new force's charts only" test "$(ls out/charts)" = "$other"
drafts_of_other() { [ "$(cd out/statement && ls ./*.md | sed 's|^\./||; s|-20.*||')" = "$other" ]; }
check "t0755-8 and its draft" drafts_of_other
"$BIN/sio-charts" --quiet --config cfg/main.ini --out all --redraw ||
    fail "t0755-9 sio-charts over every force" "exit $?"
check "t0755-9 its charts are those sio-charts over every force draws, byte for byte" \
    diff -r "out/charts/$other" "all/charts/$other"

dry_run_asks() { "$BIN/sio-run" --dry-run --config cfg/main.ini in | grep -q "/sio-charts .* --force $other\$"; }
check "t0755-10 --dry-run shows sio-charts given the force" dry_run_asks

done_testing
