#!/bin/sh
# t0205-pipeline-sources: every other source sio-gen writes (outcomes and
# stop-and-search files, the Home Office open data table, indicators,
# population) goes through sio-ingest whole, and the store holds exactly the
# generator's ground truth for each (--expect's FILE-outcomes.csv,
# FILE-stop-search.csv, FILE-ho.csv), counted here with SQL.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
sample=$WORK/sample
q() { sqlite3 -batch -noheader "$store" "$1"; }

check_exit t0205.1-generate 0 "$BIN/sio-gen" --size test --seed 1 --all-sources \
    --out "$sample" --expect "$WORK/expect.csv"
check_exit t0205.2-ingest 0 "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" \
    --store "$store" "$sample"
check t0205.3-no-rejects test "$(q 'SELECT count(*) FROM rejects')" = 0
check t0205.4-read-is-loaded-for-every-file test "$(q "SELECT count(*) FROM files
    WHERE kind <> 'street' AND rows_read <> rows_loaded")" = 0

# The file's body equals the query's rows, both sorted as whole lines (byte
# order); the query writes CSV as the generator does (a field with a comma
# quoted).
same_lines() { # WANT_FILE SQL
    sed 1d "$1" | LC_ALL=C sort >"$WORK/want" &&
    q "$2" | LC_ALL=C sort >"$WORK/got" &&
    [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got" ||
    { diff "$WORK/want" "$WORK/got" | head -n 10; return 1; }
}
csv() { echo "CASE WHEN instr($1, ',') THEN '\"' || $1 || '\"' ELSE $1 END"; }
# Crimes with an outcome published each month, typed through their street row.
check t0205.5-outcomes-join-street-as-generated same_lines "$WORK/expect-outcomes.csv" \
    "SELECT o.falls_within || ',' || o.month || ',' || s.crime_type || ',' || o.outcome_type
            || ',' || count(DISTINCT o.crime_id)
       FROM outcomes o JOIN street s ON s.crime_id = o.crime_id GROUP BY o.falls_within,
            o.month, s.crime_type, o.outcome_type"
check t0205.6-every-outcome-has-its-crime test "$(q 'SELECT count(*) FROM outcomes
    WHERE crime_id NOT IN (SELECT crime_id FROM street WHERE crime_id IS NOT NULL)')" = 0
check t0205.7-outcome-month-is-its-file-month test "$(q "SELECT count(*) FROM outcomes o
    JOIN files f ON f.id = o.file_id WHERE o.month <> f.month")" = 0
check t0205.8-stop-and-search-as-generated same_lines "$WORK/expect-stop-search.csv" \
    "SELECT f.name || ',' || s.month || ',' || s.object_of_search || ',' || coalesce(s.outcome, '')
            || ',' || count(*)
       FROM stop_search s JOIN forces f ON f.slug = s.force
      GROUP BY f.name, s.month, s.object_of_search, s.outcome"
check t0205.9-home-office-table-as-generated same_lines "$WORK/expect-ho.csv" \
    "SELECT $(csv force) || ',' || period_start || ',' || offence_code || ',' || count
       FROM ho_crime WHERE period_type = 'fq'"
# Every force of England and Wales under its slug (British Transport Police
# too; the fraud bodies under none, and noted).
check t0205.10-home-office-table-has-every-force test \
    "$(q "SELECT count(DISTINCT force_slug) FROM ho_crime WHERE force_slug <> 'btp'")" = 43
check t0205.11-fraud-bodies-noted-not-forces test "$(q "SELECT count(DISTINCT force) FROM ho_crime
    WHERE force_slug IS NULL")" = 3
lines_less_header() { echo $(($(wc -l <"$1") - 1)); }
check t0205.12-indicators-all-loaded test \
    "$(q 'SELECT count(*) FROM indicators')" = "$(lines_less_header "$sample/indicators.csv")"
# sio-gen writes the series for every force of England and Wales (the
# national picture sums them), each under its slug.
check t0205.15-indicators-under-every-force test \
    "$(q "SELECT count(DISTINCT force_slug) || ' ' || count(*) FILTER (WHERE force_slug IS NULL) FROM indicators")" = "43 0"
check t0205.14-population-all-loaded test \
    "$(q 'SELECT count(*) FROM population WHERE force_slug IS NOT NULL')" = \
    "$(lines_less_header "$sample/population.csv")"

done_testing
