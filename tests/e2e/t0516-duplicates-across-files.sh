#!/bin/sh
# t0516 — a Crime ID stored by one file is a duplicate in any other, in the
# same run or a later one, and however the store-wide check learns of it: the
# hashes written at the end of a run (crime_keys), or a catch-up when a run
# died before writing them.  A row held back on a "maybe" that turns out not
# stored is loaded whole.  Expected rows and counts are the ones written here.
. "$(dirname "$0")/lib.sh"

HEADER='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
store="$WORK/sio.db"
q() { sqlite3 "$store" "$1"; }
# street DIR MONTH FORCE ID... : DIR/MONTH-FORCE-street.csv, one Burglary per ID
street() {
    dir=$1 month=$2 force=$3
    shift 3
    mkdir -p "$dir"
    {
        printf '%s\r\n' "$HEADER"
        for id in "$@"; do
            printf '%s,%s,%s,%s,-1.5,52.3,On or near Y,E01000002,Y 002B,Burglary,Under investigation,\r\n' \
                "$id" "$month" "$force" "$force"
        done
    } >"$dir/$month-$force-street.csv"
}
ingest() { "$BIN/sio-ingest" --quiet --store "$store" "$@"; }
dups() { q "SELECT group_concat(d.crime_id || '@' || d.line, ' ') FROM duplicates d JOIN files f ON f.id = d.file_id WHERE f.path LIKE '%$1'"; }

street "$WORK/a" 2022-01 aaa x1 x2 x3
street "$WORK/a" 2022-02 aaa x4 x2 x5
check "t0516-1 two files in one run load" ingest "$WORK/a"
check "t0516-2 the second file's repeat of x2 is its duplicate, at its line" \
    test "$(dups 2022-02-aaa-street.csv)" = "x2@3"
check "t0516-3 and x2 is stored once" test "$(q "SELECT COUNT(*) FROM street WHERE crime_id = 'x2'")" = 1
check "t0516-4 the run wrote every file's hashes" \
    test "$(q "SELECT COUNT(*) FROM crime_keyed")" = 2

street "$WORK/b" 2022-03 bbb x6 x1
check "t0516-5 a later run loads" ingest "$WORK/b"
check "t0516-6 an ID stored by an earlier run is a duplicate" \
    test "$(dups 2022-03-bbb-street.csv)" = "x1@3"

# A run killed after its file committed but before the hashes were written:
# the next run must still know x6.
q "DELETE FROM crime_keyed WHERE file_id = (SELECT MAX(id) FROM files); DELETE FROM crime_keys WHERE run = (SELECT MAX(run) FROM crime_keys);"
street "$WORK/c" 2022-04 ccc x6 x7
check "t0516-7 a run after an unwritten one loads" ingest "$WORK/c"
check "t0516-8 the file left unkeyed is caught up: x6 is a duplicate" \
    test "$(dups 2022-04-ccc-street.csv)" = "x6@2"
check "t0516-9 and it is keyed now" \
    test "$(q "SELECT COUNT(*) FROM files f WHERE f.kind = 'street' AND f.superseded_by IS NULL AND f.id NOT IN (SELECT file_id FROM crime_keyed)")" = 0

# x5 leaves the store with a new edition of 2022-02 (its hash stays in
# crime_keys), so a later file's x5 is a "maybe", held back, then loaded.
street "$WORK/d" 2022-02 aaa x4 x2
check "t0516-10 the new edition loads" ingest "$WORK/d/2022-02-aaa-street.csv"
check "t0516-11 x5 went with the old edition" test "$(q "SELECT COUNT(*) FROM street WHERE crime_id = 'x5'")" = 0
street "$WORK/e" 2022-05 eee x8 x5 x5
check "t0516-12 a file whose ID is only a stale hash loads" ingest "$WORK/e"
check "t0516-13 x5 is loaded once, and its repeat is the duplicate" \
    test "$(q "SELECT COUNT(*) FROM street WHERE crime_id = 'x5'") $(dups 2022-05-eee-street.csv)" = "1 x5@4"
check "t0516-14 the held row is stored whole, at its own line" \
    test "$(q "SELECT line, month, falls_within, longitude, latitude, location, lsoa_code, crime_type, last_outcome FROM street WHERE crime_id = 'x5'")" = \
    "3|2022-05|eee|-1.5|52.3|On or near Y|E01000002|Burglary|Under investigation"
check "t0516-15 the held row is inside the file's recorded run of rows" \
    test "$(q "SELECT COUNT(*) FROM street s JOIN street_rows r ON s.rowid BETWEEN r.first_rowid AND r.last_rowid AND r.file_id = s.file_id WHERE s.crime_id = 'x5'")" = 1
# The 2011-12 layout has no Crime ID, but its rows are street rows too: its
# run keys it, or every later run would read it back.
{
    echo 'Month,Reported by,Falls within,Easting,Northing,Location,Crime type,Context'
    echo '2012-04,fff,fff,360667,169714,On or near Test Lane,Burglary,'
} >"$WORK/2012-04-fff-street.csv"
check "t0516-16 a 2011-12 layout file loads" ingest "$WORK/2012-04-fff-street.csv"
check "t0516-17 and is keyed by its own run" \
    test "$(q "SELECT COUNT(*) FROM crime_keyed k JOIN files f ON f.id = k.file_id WHERE f.path LIKE '%2012-04-fff-street.csv'")" = 1
check "t0516-18 every file reconciles" \
    test "$(q 'SELECT COUNT(*) FROM files WHERE rows_read <> rows_loaded + rows_rejected + rows_duplicate')" = 0
check "t0516-19 every Crime ID is stored at most once" \
    test "$(q 'SELECT COUNT(*) FROM (SELECT crime_id FROM street WHERE crime_id IS NOT NULL GROUP BY crime_id HAVING COUNT(*) > 1)')" = 0

done_testing
