# t0720 — SIGKILL at random points of ingest, transform, measures, workbook, charts
# and of sio-run as a whole.  After each kill: the store passes PRAGMA
# integrity_check; every output file is either the previous version or the
# new one, byte for byte (never a torn file; unfinished temporary names are
# not outputs); a rerun completes and gives exactly what an uninterrupted run
# gives (for a stage: rerunning that stage restores exactly the state an
# uninterrupted run of it leaves).  sio-run's output folder is all previous
# or all new, and a rerun of sio-run gives the uninterrupted outputs.
# The kill points are random but seeded (SIO_KILL_SEED, printed), and spread
# over each stage's own measured duration, so a sanitizer build that runs
# slower is still killed part-way.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
seed=${SIO_KILL_SEED:-20240401}
trials=${SIO_KILL_TRIALS:-3}
[ -n "${SIO_SANITIZED:-}" ] && trials=${SIO_KILL_TRIALS:-2} # ASan is slower: fewer points
echo "# kill points seeded with SIO_KILL_SEED=$seed, $trials per stage"

stages="ingest transform measures workbook charts"
[ -x "$BIN/sio-statement" ] && stages="$stages statement" # sio-run runs it when built
gen_sample full
mkdir -p part && cp -r full/2018-* full/2019-* full/2020-* part/
# SVG only keeps the test inside its time budget: every format goes through the
# same write path (a temporary name, lib/atomic), and t0710 checks all of them.
# For the same reason the statement is Markdown and HTML only: its Word and
# PDF copies take the same path (a temporary name, renamed when whole).
run_config_extra='[charts]\nformats = svg\n[statement]\nformats = none\n'
run_config main

now() { date +%s.%N; }
# stage NAME STORE OUT: run one stage quietly (ingest reads full/, or $input).
# In the background it must be the stage itself that is killed, not a
# subshell around it: hence exec.
stage() {
    _s=$1 _db=$2 _out=$3
    set -- --config cfg/main.ini --store "$_db" --out "$_out" --quiet
    [ "$_s" = ingest ] && set -- "$@" "${input:-full}"
    [ "$_s" = statement ] && set -- "$@" --force "$sample_force"
    exec "$BIN/sio-$_s" "$@"
}

# The previous state P (part of the inputs, all stages), then the new
# state after each stage on the full inputs: snapshots ingest, transform,
# measures, charts, each with its store and outputs.  Durations kept.
mkdir -p snap/prev
for s in $stages; do
    (input=part stage $s snap/prev/sio.db snap/prev/out) ||
        fail "t0720-0 previous state: $s" "exit $?"
done
last=prev
for s in $stages; do
    echo $last >snap/before-$s
    mkdir -p snap/$s && cp -r snap/$last/sio.db snap/$last/out snap/$s/
    t0=$(now)
    (stage $s snap/$s/sio.db snap/$s/out) ||
        fail "t0720-0 new state: $s" "exit $?"
    echo "$(now) $t0" | awk '{ printf "%.3f\n", $1 - $2 }' >snap/$s/seconds
    last=$s
done
tree_list snap/prev/out >prev.list
tree_list snap/$last/out >new.list
files_sql='SELECT path, sha256, rows_read, rows_loaded, rows_rejected, rows_duplicate, superseded_by FROM files ORDER BY path, sha256'
rows_sql='SELECT (SELECT COUNT(*) FROM street), (SELECT COUNT(*) FROM rejects), (SELECT COUNT(*) FROM duplicates)'

# delays N SECONDS: N kill delays spread over (5%, 95%) of SECONDS.
delays() {
    awk -v n="$1" -v d="$2" -v seed="$seed$3" 'BEGIN { srand(seed);
        for (i = 0; i < n; i++) printf "%.3f\n", d * (0.05 + 0.9 * (i + rand()) / n) }'
}

# only_known LIST: every line of LIST is in prev.list or new.list.
only_known() {
    awk 'FILENAME != ARGV[3] { known[$0] = 1; next } !($0 in known) { print "unknown: " $0; bad = 1 }
         END { exit bad }' prev.list new.list "$1"
}

before_of() { cat snap/before-$1; }

n=0
for s in $stages; do
    tree_list snap/$s/out >$s.list
    for d in $(delays "$trials" "$(cat snap/$s/seconds)" $s); do
        n=$((n + 1)); t=trial$n
        rm -rf $t && mkdir $t && cp -r snap/$(before_of $s)/sio.db snap/$(before_of $s)/out $t/
        (stage $s $t/sio.db $t/out) &
        pid=$!
        sleep "$d"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; rc=$?
        what="$s killed at ${d}s"; [ $rc -eq 137 ] || what="$s (finished before the kill at ${d}s)"
        check "t0720-$n.1 $what: store passes integrity_check" \
            test "$(sqlite3 $t/sio.db 'PRAGMA integrity_check')" = ok
        tree_list $t/out >$t.list
        check "t0720-$n.2 $what: every output is the previous or the new version" only_known $t.list
        stray=$(find $t/out -name '*.tmp.*' | wc -l)
        [ "$stray" -gt 0 ] && echo "# $t: $stray unfinished temporary file(s) left, not counted as outputs"
        (stage $s $t/sio.db $t/out)
        check "t0720-$n.3 $what: the rerun completes" test $? = 0
        tree_list $t/out >$t.after
        check "t0720-$n.4 $what: its outputs are the uninterrupted run's" cmp -s $t.after $s.list
        check "t0720-$n.5 $what: the files table is the uninterrupted run's" \
            test "$(sqlite3 $t/sio.db "$files_sql")" = "$(sqlite3 snap/$s/sio.db "$files_sql")"
        check "t0720-$n.6 $what: so are the loaded, rejected and duplicate rows" \
            test "$(sqlite3 $t/sio.db "$rows_sql")" = "$(sqlite3 snap/$s/sio.db "$rows_sql")"
        rm -rf $t
    done
done

# sio-run as a whole, killed with all its children (a machine going down).
# Its uninterrupted outputs differ from the stages' above: it replaces the
# output folder whole, so the previous run's outputs that this run does not
# make (a statement for an earlier quarter) are gone.
mkdir -p ref && cp -r snap/prev/sio.db snap/prev/out ref/
run_config ref ref/sio.db ref/out ref/run.log
"$BIN/sio-run" --config cfg/ref.ini --quiet full || fail "t0720-0 uninterrupted sio-run" "exit $?"
tree_list ref/out >run.list
total=$(cat snap/*/seconds | awk '{ s += $1 } END { printf "%.3f", s }')
for d in $(delays "$trials" "$total" run); do
    n=$((n + 1)); t=trial$n
    rm -rf $t && mkdir $t && cp -r snap/prev/sio.db snap/prev/out $t/
    run_config $t $t/sio.db $t/out $t/run.log
    setsid "$BIN/sio-run" --config cfg/$t.ini --quiet full 2>/dev/null &
    pid=$!
    sleep "$d"; kill -9 -- -$pid 2>/dev/null; wait $pid 2>/dev/null
    what="sio-run killed at ${d}s"
    check "t0720-$n.1 $what: store passes integrity_check" \
        test "$(sqlite3 $t/sio.db 'PRAGMA integrity_check')" = ok
    tree_list $t/out >$t.list
    check "t0720-$n.2 $what: the output folder is wholly previous or wholly new" \
        sh -c "cmp -s $t.list prev.list || cmp -s $t.list run.list"
    check "t0720-$n.3 $what: no temporary file in the output folder" \
        test "$(find $t/out -name '*.tmp.*' | wc -l)" = 0
    check_exit "t0720-$n.4 $what: the rerun completes" 0 "$BIN/sio-run" --config cfg/$t.ini --quiet full
    tree_list $t/out >$t.after
    check "t0720-$n.5 $what: with the uninterrupted run's outputs" cmp -s $t.after run.list
    check "t0720-$n.6 $what: and nothing left beside the output folder" \
        test -z "$(ls -d $t/out.sio-run-* 2>/dev/null)"
    rm -rf $t
done

done_testing
