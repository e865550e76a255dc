# t0900 — the benchmark's own tools build and give the right answers on a
# small input: the newline count (against wc -l) and sqlite_floor (the rows
# it says it stored are in its store).  make bench itself is not a test: it
# times, and installs peers; this keeps its tools from breaking unseen.
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

done_testing
