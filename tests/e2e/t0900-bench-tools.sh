# t0900 — the benchmark's own tools build and give the right answers on a
# small input: the newline count (against wc -l) and sqlite_floor (the rows
# it says it stored are in its store); and the measures peer in R runs and
# gets sio-measures' figures on a small store.  make bench itself is not a
# test: it times, and installs peers; this keeps its tools from breaking
# unseen, and the R peer doing the same job as sio as sio's methods change.
. "$(dirname "$0")/lib.sh"

check_exit "t0900-1 the tools build" 0 "$TOP/tests/bench/build-tools" "$WORK/tools"
printf 'a,b\n1,2\n3,4\n' >"$WORK/one.csv"
printf 'a,b\n5,6\n' >"$WORK/two.csv"
both() { cat "$WORK/one.csv" "$WORK/two.csv"; }
check "t0900-2 nlcount counts every file, byte and line" \
    test "$("$WORK/tools/nlcount" "$WORK/one.csv" "$WORK/two.csv")" = \
    "2,$(both | wc -c | tr -d ' '),$(both | wc -l | tr -d ' ')"
check "t0900-3 sqlite_floor stores the rows it is asked for" \
    test "$("$WORK/tools/sqlite_floor" "$WORK/floor.db" "$TOP/lib/store/schema/00-core.sql" 5000 7)" = "5000,7"
check "t0900-4 and they are in its store" \
    test "$(sqlite3 "$WORK/floor.db" 'SELECT count(*), count(DISTINCT file_id) FROM street_coded')" = "5000|7"

# A small store: two forces, three years, the shipped configuration.
"$BIN/sio-gen" --size small --forces 2 --from 2018-04 --to 2021-03 --rows 60 --own-indicators \
    --out "$WORK/sample" >/dev/null &&
    "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store "$WORK/s.db" "$WORK/sample" &&
    "$BIN/sio-transform" --quiet --config "$TOP/config/sio.ini" --store "$WORK/s.db" --out "$WORK/out" &&
    "$BIN/sio-measures" --quiet --config "$TOP/config/sio.ini" --store "$WORK/s.db" --out "$WORK/out" ||
    fail "t0900-5 the small store for the R peer" "a stage failed"
check_exit "t0900-5 the R peer's inputs come from the store" 0 \
    "$TOP/tests/bench/r-peer-inputs" "$WORK/s.db" "$TOP/config/sio.ini" "$WORK/peer"
# shellcheck disable=SC2046 # the arguments file is a word list
check_exit "t0900-6 the R peer runs" 0 Rscript "$TOP/tests/bench/measures_peer.R" $(cat "$WORK/peer/args")
check "t0900-7 it worked out every police.uk measure of both forces" \
    test "$(cut -d, -f1,2 "$WORK/peer/r/results.csv" | sed 1d | sort -u | wc -l)" -eq \
         "$(sqlite3 "$WORK/s.db" 'SELECT count(*) FROM (SELECT DISTINCT force, measure FROM measure_counts)')"
check_exit "t0900-8 and its figures, verdicts and SPC points are sio's" 0 \
    python3 "$TOP/tests/bench/peer_agrees.py" "$WORK/out/csv" "$WORK/peer/r"

done_testing
