# t0515 — a new edition of a force-month deletes exactly the old edition's
# street rows and no other file's, whether it finds them by their recorded
# run of rowids (street_rows), or by a scan when that run is missing (a store
# from before street_rows) or stale (rowids renumbered, as VACUUM may).
# Expected rows are the ones written here.
. "$(dirname "$0")/lib.sh"

HEADER='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
store="$WORK/sio.db"
q() { sqlite3 "$store" "$1"; }
# edition DIR FORCE PREFIX N: DIR/2022-01-FORCE-street.csv with N crimes PREFIX1..PREFIXN
edition() {
    mkdir -p "$1"
    {
        printf '%s\r\n' "$HEADER"
        i=1
        while [ "$i" -le "$4" ]; do
            printf '%s%d,2022-01,%s,%s,-1.5,52.3,On or near X,E01000001,X 001A,Burglary,,\r\n' \
                "$3" "$i" "$2" "$2"
            i=$((i + 1))
        done
    } >"$1/2022-01-$2-street.csv"
}
ids() { q "SELECT group_concat(crime_id, ' ') FROM (SELECT crime_id FROM street WHERE falls_within = '$1' ORDER BY rowid)"; }
ingest() { "$BIN/sio-ingest" --quiet --store "$store" "$@"; }

# Three forces' files, one after another, so each file's rows sit between
# the others' rowids.
edition "$WORK/v1" aaa a 3
edition "$WORK/v1" bbb b 4
edition "$WORK/v1" ccc c 2
ingest "$WORK/v1/2022-01-aaa-street.csv" "$WORK/v1/2022-01-bbb-street.csv" \
    "$WORK/v1/2022-01-ccc-street.csv"

check "t0515-1 each file's run of rowids is recorded, one rowid per loaded row" \
    test "$(q "SELECT group_concat(n, ' ') FROM (SELECT r.last_rowid - r.first_rowid + 1
               = f.rows_loaded AS n FROM street_rows r JOIN files f ON f.id = r.file_id
               ORDER BY f.id)")" = "1 1 1"

edition "$WORK/v2" bbb B 2
ingest "$WORK/v2/2022-01-bbb-street.csv"
check "t0515-2 the middle file's new edition replaces its rows" test "$(ids bbb)" = "B1 B2"
check "t0515-3 and leaves the files before and after it whole" \
    test "$(ids aaa)/$(ids ccc)" = "a1 a2 a3/c1 c2"

# A store whose rows were renumbered: ccc's recorded run now points at aaa's
# first rows, and ccc's own rows lie elsewhere.
q "UPDATE street_coded SET rowid = rowid + 1000;
   UPDATE street_coded SET rowid = (SELECT first_rowid FROM street_rows r JOIN files f
       ON f.id = r.file_id WHERE f.force = 'ccc') + rowid - 1001
   WHERE falls_within = (SELECT id FROM labels WHERE text = 'aaa')"
check "t0515-4 (set-up) ccc's recorded run now holds aaa's rows" \
    test "$(q "SELECT group_concat(s.crime_id, ' ') FROM street_rows r JOIN files f
               ON f.id = r.file_id JOIN street s ON s.rowid BETWEEN r.first_rowid
               AND r.last_rowid WHERE f.force = 'ccc'")" = "a1 a2"
edition "$WORK/v3" ccc C 1
ingest "$WORK/v3/2022-01-ccc-street.csv"
check "t0515-5 after a renumbering, a new edition still replaces exactly its rows" \
    test "$(ids ccc)" = "C1"
check "t0515-6 and the rows the stale run points at are kept" \
    test "$(ids aaa)/$(ids bbb)" = "a1 a2 a3/B1 B2"

# A store from before street_rows: no run recorded at all.
q "DELETE FROM street_rows"
edition "$WORK/v4" aaa A 1
ingest "$WORK/v4/2022-01-aaa-street.csv"
check "t0515-7 with no run recorded, a new edition replaces its rows by a scan" \
    test "$(ids aaa)" = "A1"
check "t0515-8 and no other file's" test "$(ids bbb)/$(ids ccc)" = "B1 B2/C1"
check "t0515-9 every file still reconciles, and only the newest editions have rows" \
    test "$(q "SELECT group_concat(f.rows_loaded = (SELECT count(*) FROM street s
                WHERE s.file_id = f.id) OR f.superseded_by IS NOT NULL, '')
                FROM files f")$(q "SELECT count(*) FROM street s JOIN files f
                ON f.id = s.file_id WHERE f.superseded_by IS NOT NULL")" = "1111110"

done_testing
