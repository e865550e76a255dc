# tests/bench/ingest-peers.sh — sourced by scripts/bench: sio-ingest and
# sio-transform against their peers on the street files of $data.
#
# The job for every tool is the same: the street files to counts by force,
# crime type and month, each non-empty Crime ID once.  Every tool's counts
# must equal sio's, else the benchmark fails.  Two limits do less than the
# job: a memchr newline count (reading) and sqlite_floor (SQLite's inserts
# alone, as many rows as the set has).  Leaves $ingest_results (one line a
# tool: name, wall s, peak KiB) for the pipeline table.

find "$data" -name '*-street.csv' | LC_ALL=C sort >"$work/files"
nfiles=$(wc -l <"$work/files" | tr -d ' ')
bytes=$(xargs cat <"$work/files" | wc -c | tr -d ' ')   # also warms the page cache
rows=$(( $(xargs cat <"$work/files" | wc -l) - nfiles ))

# The sio job: ingest into a fresh store, then transform (both timed as one).
cat >"$work/sio.sh" <<EOS
rm -f "$work/sio.db" "$work/sio.db-wal" "$work/sio.db-shm"
"$build/sio-ingest" --quiet --config "$top/config/sio.ini" --store "$work/sio.db" \\
    --out "$work/sio-out" $(tr '\n' ' ' <"$work/files") &&
"$build/sio-transform" --quiet --config "$top/config/sio.ini" --store "$work/sio.db" \\
    --out "$work/sio-out"
EOS

# shellcheck disable=SC2046 # one argument per file: the paths have no spaces
set -- $(cat "$work/files")
ingest_results=$work/results
: >"$ingest_results"
measure() { # NAME OUTPUT-OR-- COMMAND...
    name=$1 out=$2
    shift 2
    echo "bench: $name" >&2
    got=$(median "$@")
    [ -n "$got" ] || exit 70
    echo "$name $got" >>"$ingest_results"
    [ "$out" = - ] && return 0
    LC_ALL=C sort "$out" >"$out.sorted"
    if ! cmp -s "$work/sio.sorted" "$out.sorted"; then
        echo "bench: FAIL: $name's counts differ from sio's:" >&2
        diff "$work/sio.sorted" "$out.sorted" | head -n 10 >&2
        exit 1
    fi
}
measure sio - sh "$work/sio.sh"
LC_ALL=C sort "$work/sio-out/csv/monthly_counts.csv" >"$work/sio.sorted"
measure "duckdb-store" "$work/duckdb-store.csv" \
    node "$top/tests/bench/duckdb_store.js" "$work/duck.db" "$work/duckdb-store.csv" "$@"
measure "duckdb-aggregate" "$work/duckdb-agg.csv" \
    node "$top/tests/bench/duckdb_agg.js" "$work/duckdb-agg.csv" "$@"
measure "sqlite3-import" "$work/sqlite.csv" \
    sh "$top/tests/bench/sqlite_import.sh" "$work/sqlite.db" "$work/sqlite.csv" "$@"
measure "pandas" "$work/pandas.csv" \
    /usr/bin/python3 "$top/tests/bench/pandas_count.py" "$work/pandas.csv" "$@"
measure "memchr-newlines" - "$work/nlcount" "$@"
# The other limit: as many rows, no parsing, only SQLite's inserts into
# sio's schema, one INSERT per row and one transaction per file as in sio.
cat >"$work/floor.sh" <<EOS
rm -f "$work/floor.db" "$work/floor.db-wal" "$work/floor.db-shm"
"$work/sqlite_floor" "$work/floor.db" "$top/lib/store/schema/00-core.sql" $rows $nfiles
EOS
measure "sqlite-floor" - sh "$work/floor.sh"

echo
echo "ingest, SIZE=$SIZE: $nfiles street files, $rows rows, $((bytes / 1000000)) MB;" \
     "median of $RUNS runs, page cache warm"
echo "every tool gave the same counts by force, crime type and month"
awk -v bytes="$bytes" '
    NR == 1 { sio = $2 }
    { printf "%-18s %8.2f %8.0f %10.0f %10.2f\n", $1, $2, bytes / 1e6 / ($2 > 0 ? $2 : 0.01),
             $3 / 1024, ($2 > 0 ? sio / $2 : 0) }
    BEGIN { printf "%-18s %8s %8s %10s %10s\n", "tool", "wall s", "MB/s", "peak MiB", "sio/tool" }
' "$ingest_results"
