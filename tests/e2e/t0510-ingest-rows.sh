# t0510 — every row is accounted for: loaded, rejected with file, line and
# reason, or duplicate; read = loaded + rejected + duplicate.  Same bytes
# twice is a no-op; a different file for the same force+month replaces the
# older one in one go.  Expected counts are read off the rows written here.
. "$(dirname "$0")/lib.sh"

HEADER='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
store="$WORK/sio.db"
q() { sqlite3 "$store" "$1"; }
row() { printf '%s,2022-01,Test Police,Test Police,-1.5,52.3,On or near X,E01000001,Test 001A,%s,,\r\n' "$1" "$2"; }

f="$WORK/2022-01-test-street.csv"
{
    printf '%s\r\n' "$HEADER"
    row id1 Burglary                                              # line 2 loaded
    row '' 'Anti-social behaviour'                                # line 3 loaded (ASB)
    row '' 'Anti-social behaviour'                                # line 4 loaded (ASB)
    row id1 Robbery                                               # line 5 duplicate
    printf 'id2,2022-01,Test Police,Test Police\r\n'              # line 6 ragged
    printf 'id3,2022-13,Test Police,Test Police,,,No Location,,,Drugs,,\r\n'   # line 7 bad month
    printf 'id4,2022-01,Test Police,Test Police,200,52,X,,,Drugs,,\r\n'        # line 8 bad longitude
    printf 'id5,2022-01,Test Police,,,,No Location,,,Drugs,,\r\n'              # line 9 no force
    printf 'id6,2022-01,Test Police,Test Police,,,No Location,,,Drugs,,\r\n'   # line 10 loaded
} >"$f"

check "t0510-1 ingest succeeds" "$BIN/sio-ingest" --quiet --store "$store" "$f"
check "t0510-2 read 9 = loaded 4 + rejected 4 + duplicate 1" \
    test "$(q 'SELECT rows_read, rows_loaded, rows_rejected, rows_duplicate FROM files')" = "9|4|4|1"
check "t0510-3 the ragged row is rejected at line 6 with its reason" \
    test "$(q "SELECT reason FROM rejects WHERE line = 6")" = "4 fields, the header has 12"
check "t0510-4 the bad month is rejected at line 7" \
    sh -c "sqlite3 '$store' \"SELECT reason FROM rejects WHERE line = 7\" | grep -q \"bad Month '2022-13'\""
check "t0510-5 the bad longitude is rejected at line 8" \
    sh -c "sqlite3 '$store' \"SELECT reason FROM rejects WHERE line = 8\" | grep -q 'bad Longitude'"
check "t0510-6 the reject keeps the raw text" \
    test "$(q "SELECT raw FROM rejects WHERE line = 6")" = "id2,2022-01,Test Police,Test Police"
check "t0510-7 the duplicate is kept with its line and Crime ID" \
    test "$(q "SELECT line, crime_id FROM duplicates")" = "5|id1"
check "t0510-8 anti-social behaviour rows have a NULL Crime ID" \
    test "$(q "SELECT COUNT(*) FROM street WHERE crime_id IS NULL")" = 2
check "t0510-9 No Location rows have NULL coordinates" \
    test "$(q "SELECT longitude IS NULL AND latitude IS NULL FROM street WHERE crime_id = 'id6'")" = 1

"$BIN/sio-ingest" --store "$store" "$f" >"$WORK/again.txt"
check "t0510-10 the same bytes again are a no-op" grep -q "already loaded" "$WORK/again.txt"
check "t0510-11 and change nothing in the store" test "$(q 'SELECT COUNT(*) FROM street')" = 4

mkdir -p "$WORK/v2"
{ printf '%s\r\n' "$HEADER"; row id1 Burglary; row id7 Robbery; } >"$WORK/v2/2022-01-test-street.csv"
"$BIN/sio-ingest" --store "$store" "$WORK/v2/2022-01-test-street.csv" >"$WORK/v2.txt"
check "t0510-12 a new edition of the same force-month replaces the old" \
    test "$(q "SELECT group_concat(crime_id) FROM (SELECT crime_id FROM street ORDER BY crime_id)")" = "id1,id7"
check "t0510-13 the old file is marked superseded by the new" \
    test "$(q "SELECT superseded_by FROM files WHERE id = 1")" = 2
check "t0510-14 the replacement is reported" grep -q "replaces an earlier file" "$WORK/v2.txt"
check "t0510-15 id1 in the new edition is not a duplicate of the old one" \
    test "$(q "SELECT rows_duplicate FROM files WHERE id = 2")" = 0

printf '\357\273\277%s\n' "$HEADER" >"$WORK/bom-street.csv"
row id8 Drugs | tr -d '\r' >>"$WORK/bom-street.csv"
check "t0510-16 a UTF-8 BOM and LF line ends load" \
    "$BIN/sio-ingest" --quiet --store "$store" "$WORK/bom-street.csv"
check "t0510-17 the BOM file's row is stored" test "$(q "SELECT crime_type FROM street WHERE crime_id = 'id8'")" = Drugs

printf '%s\r\nid9,2022-01,Test Police,Test Police,,,caf\351,,,Drugs,,\r\n' "$HEADER" >"$WORK/latin1-street.csv"
"$BIN/sio-ingest" --quiet --store "$store" "$WORK/latin1-street.csv"
check "t0510-18 Windows-1252 bytes are rejected with line and column" \
    test "$(q "SELECT line || ': ' || reason FROM rejects r JOIN files f ON f.id = r.file_id WHERE f.path LIKE '%latin1%'")" = "2: invalid UTF-8 at line 2, column 42"

check "t0510-19 every file reconciles" \
    test "$(q 'SELECT COUNT(*) FROM files WHERE rows_read <> rows_loaded + rows_rejected + rows_duplicate')" = 0

done_testing
