# t0518 — sio-ingest counts each street file's rows by force, crime type and
# month as it stores them (street_tally), and sio-transform adds those counts
# up; they must always give what counting the rows gives.  The expected
# figures are counted here from the street view with SQL, independently of
# both programs.
. "$(dirname "$0")/lib.sh"

store="$WORK/sio.db"
q() { sqlite3 -batch "$store" "$1"; }
ingest() { "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store "$store" "$@"; }
transform() { "$BIN/sio-transform" --quiet --config "$TOP/config/sio.ini" --store "$store" --out "$WORK/out"; }
# What counting the rows gives, and what sio-transform wrote.
from_rows() { q "SELECT falls_within, crime_type, month, count(*) FROM street GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"; }
from_transform() { q "SELECT force, crime_type, month, count FROM monthly_counts ORDER BY 1, 2, 3"; }
same_counts() { from_rows >"$WORK/rows.txt"; from_transform >"$WORK/tr.txt"; [ -s "$WORK/rows.txt" ] && cmp -s "$WORK/rows.txt" "$WORK/tr.txt"; }
recounted() { q "SELECT counts FROM runs WHERE stage = 'transform' ORDER BY id DESC LIMIT 1" | sed 's/.*recounted_files=//'; }

"$BIN/sio-gen" --out "$WORK/in" --size test --seed 7 >/dev/null
ingest "$WORK/in"
check "t0518-1 each file's counts add up to its loaded rows" \
    test "$(q "SELECT count(*) FROM files f WHERE kind = 'street' AND rows_loaded <>
               (SELECT coalesce(sum(count), 0) FROM street_tally t WHERE t.file_id = f.id)")" = 0
transform
check "t0518-2 the counts sio-transform adds up are the rows' counts" same_counts
check "t0518-3 and it counted no file again" test "$(recounted)" = 0

# A new edition of one force-month: the old edition's counts go with its rows.
old=$(find "$WORK/in" -name '*-street.csv' | LC_ALL=C sort | head -n 1)
name=$(basename "$old")
mkdir -p "$WORK/v2"
head -n 11 "$old" >"$WORK/v2/$name"
ingest "$WORK/v2/$name"
check "t0518-4 a replaced edition keeps no counts" \
    test "$(q "SELECT count(*) FROM street_tally t JOIN files f ON f.id = t.file_id
               WHERE f.superseded_by IS NOT NULL")" = 0
transform
check "t0518-5 and the sums follow the new edition" same_counts

# A file whose counts are damaged (one of its rows of counts gone): they no
# longer add up to its rows_loaded, so it is counted again from its rows.
q "DELETE FROM street_tally WHERE (file_id, falls_within, crime_type, month) IN
       (SELECT file_id, falls_within, crime_type, month FROM street_tally
        WHERE file_id = (SELECT max(id) FROM files WHERE kind = 'street') LIMIT 1)"
transform
check "t0518-6 a file whose counts do not add up is counted again" test "$(recounted)" = 1
check "t0518-7 and the sums are the rows' again" same_counts

# A store whose counts are all gone (as one made before street_tally).
q "DELETE FROM street_tally"
transform
check "t0518-8 a store without counts is counted from its rows" \
    test "$(recounted)" = "$(q "SELECT count(*) FROM files WHERE kind = 'street' AND superseded_by IS NULL AND rows_loaded > 0")"
check "t0518-9 to the same sums" same_counts

done_testing
