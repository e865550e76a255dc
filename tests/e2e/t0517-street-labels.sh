# t0517 — street rows keep their repeating texts (force names, crime types,
# outcome categories) once, in labels, and the street view gives every
# column back as published; a store of sio 0.1.0's shape is moved into this
# one on open, rows and rowids intact.  Expected values are the rows written
# here and in tests/fixtures/store/v1.sql.
. "$(dirname "$0")/lib.sh"

HEADER='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
store="$WORK/sio.db"
q() { sqlite3 -batch "$store" "$1"; }
ingest() { "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store "$store" "$@"; }
columns='crime_id, month, reported_by, falls_within, longitude, latitude, location, lsoa_code, lsoa_name, crime_type, last_outcome, context'

mkdir -p "$WORK/in"
cat >"$WORK/in/2022-03-warwickshire-street.csv" <<CSV
$HEADER
k1,2022-03,Warwickshire Police,Warwickshire Police,-1.5,52.25,On or near Park Road,E01031000,Rugby 001A,Burglary,Under investigation,
k2,2022-03,Warwickshire Police,Warwickshire Police,-1.25,52.5,"On or near Mill Lane, Rugby",E01031001,Rugby 001B,Shoplifting,Offender given a caution,a note
,2022-03,Warwickshire Police,Warwickshire Police,,,No Location,,,Anti-social behaviour,,
k4,2022-03,Warwickshire Police,Warwickshire Police,-1.5,52.25,On or near Park Road,E01031000,Rugby 001A,Burglary,,
CSV
cat >"$WORK/in/2022-04-warwickshire-street.csv" <<CSV
$HEADER
k5,2022-04,Warwickshire Police,Warwickshire Police,-1.5,52.25,On or near Park Road,E01031000,Rugby 001A,Burglary,Under investigation,
CSV
ingest "$WORK/in/2022-03-warwickshire-street.csv" "$WORK/in/2022-04-warwickshire-street.csv"

# The view's rows are the file's rows (an empty field is NULL in the store).
same_rows() {
    python3 - "$store" "$1" "$2" <<'PY'
import csv, sqlite3, sys
db, path, month = sys.argv[1:]
with open(path, newline='') as f:
    want = list(csv.reader(f))[1:]
cols = 'crime_id, month, reported_by, falls_within, longitude, latitude, location, lsoa_code, lsoa_name, crime_type, last_outcome, context'
got = [['' if v is None else repr(v) if isinstance(v, float) else str(v) for v in row]
       for row in sqlite3.connect(db).execute(
           'SELECT %s FROM street WHERE month = ? ORDER BY line' % cols, (month,))]
sys.exit(0 if got == want else 1)
PY
}
check "t0517-1 the street view gives back every column as published" \
    same_rows "$WORK/in/2022-03-warwickshire-street.csv" 2022-03
check "t0517-2 each repeating text is stored once, whatever the file and column" \
    test "$(q 'SELECT count(*), count(DISTINCT text) FROM labels')" = "6|6"
check "t0517-3 street_coded holds ids, not texts" \
    test "$(q "SELECT count(*) FROM street_coded WHERE typeof(falls_within) = 'integer'
               AND typeof(crime_type) = 'integer'")" = 5
check "t0517-4 a row with no outcome has no outcome label" \
    test "$(q "SELECT count(*) FROM street_coded WHERE last_outcome IS NULL")" = 2

# A zip member that breaks after its first rows is rolled back whole, the
# new crime type it brought with it too; a later file with that type stores
# it again under an id that exists.
python3 - "$WORK/bad.zip" <<'PY'
import sys, zipfile
header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n'
rows = ''.join('z%d,2022-05,Warwickshire Police,Warwickshire Police,-1.5,52.25,On or near Park Road,E01031000,Rugby 001A,Bicycle theft,,\r\n' % i
               for i in range(4000))
name = '2022-05/2022-05-warwickshire-street.csv'
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    z.writestr(name, header + rows)
raw = bytearray(open(sys.argv[1], 'rb').read())
at = 30 + len(name) + 200000        # well into the member: after rows were stored
raw[at] ^= 0x55                     # the member's CRC no longer matches
open(sys.argv[1], 'wb').write(raw)
PY
check_exit "t0517-5 (set-up) the broken member fails" 65 ingest "$WORK/bad.zip"
check "t0517-6 and leaves no label behind" \
    test "$(q "SELECT count(*) FROM labels WHERE text = 'Bicycle theft'")" = 0
sed 's/2022-05/2022-06/; s/z0,/y0,/' >"$WORK/in/2022-06-warwickshire-street.csv" <<CSV
$HEADER
z0,2022-05,Warwickshire Police,Warwickshire Police,-1.5,52.25,On or near Park Road,E01031000,Rugby 001A,Bicycle theft,,
CSV
ingest "$WORK/in/2022-06-warwickshire-street.csv"
check "t0517-7 a later file stores that type under a label that exists" \
    test "$(q "SELECT crime_type FROM street WHERE crime_id = 'y0'")" = "Bicycle theft"

# The same in one run, for a file that fails after all its rows are in
# (it changes while it is read: the fault shim appends a line): the labels it
# found are not handed on to the files after it, whose reader thread turns
# texts into ids from the labels of committed files only.
mkdir -p "$WORK/run"
for m in 07 08; do
    printf '%s\nu%s,2022-%s,Warwickshire Police,Warwickshire Police,,,No Location,,,Theft from the person,Awaiting court outcome,\n' \
        "$HEADER" "$m" "$m" >"$WORK/run/2022-$m-warwickshire-street.csv"
done
# (in the sanitised build the shim loads before ASan's runtime, which ASan allows when told)
check_exit "t0517-13 (set-up) a file that changes while read fails, the next loads, in one run" 75 \
    env SIO_FAULT=change:2022-07-warwickshire LD_PRELOAD="$BIN/tests/fault/inject.so" \
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
    "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store "$store" "$WORK/run"
check "t0517-14 the next file's texts are under labels that exist" \
    test "$(q "SELECT crime_type || '|' || last_outcome FROM street WHERE crime_id = 'u08'")" = \
    "Theft from the person|Awaiting court outcome"

# A store in sio 0.1.0's shape: opened, its street table becomes street_coded.
old="$WORK/v1.db"
sqlite3 -batch "$old" <"$TOP/tests/fixtures/store/v1.sql" >/dev/null
sqlite3 -batch "$old" "SELECT rowid, file_id, line, $columns, crime_type_published FROM street ORDER BY rowid" >"$WORK/before.txt"
store=$old
check_exit "t0517-8 a store of schema version 1 opens" 0 "$BIN/sio-transform" --quiet \
    --config "$TOP/config/sio.ini" --store "$old" --out "$WORK/out"
check "t0517-9 its street table is now the view" \
    test "$(q "SELECT type || ' ' || (SELECT user_version FROM pragma_user_version) FROM sqlite_master WHERE name = 'street'")" = "view 2"
q "SELECT rowid, file_id, line, $columns, crime_type_published FROM street ORDER BY rowid" >"$WORK/after.txt"
check "t0517-10 with every row, rowid and text as it was" cmp -s "$WORK/before.txt" "$WORK/after.txt"
check "t0517-11 and counted as before" \
    test "$(q "SELECT group_concat(force || ':' || crime_type || ':' || count, ' ') FROM (SELECT * FROM monthly_counts ORDER BY 1, 2)")" = \
    "Warwickshire Police:Anti-social behaviour:1 Warwickshire Police:Burglary:1 Warwickshire Police:Violence and sexual offences:1 West Mercia Police:Burglary:1"
printf '%s\nn1,2022-01,Warwickshire Police,Warwickshire Police,,,No Location,,,Drugs,,\n' "$HEADER" \
    >"$WORK/in/2022-01-warwickshire-street.csv"
ingest "$WORK/in/2022-01-warwickshire-street.csv"
check "t0517-12 a new edition replaces exactly the moved rows, found by their old run" \
    test "$(q "SELECT group_concat(crime_id, ' ') FROM (SELECT coalesce(crime_id, '-') AS crime_id FROM street ORDER BY rowid)")" = "m1 n1"

done_testing
