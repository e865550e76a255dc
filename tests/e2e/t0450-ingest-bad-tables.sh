#!/bin/sh
# t0450-ingest-bad-tables: encodings and bad input in the non-police.uk
# tables give clear rejects or a clear refusal, never silent loss.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
q() { sqlite3 -batch -noheader "$store" "$1"; }
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }
ingest() { "$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store "$store" "$@"; }

# A spreadsheet re-save: BOM and CRLF; one row has a Windows-1252 e-acute (\351).
f=$WORK/indicators-bom.csv
printf '\357\273\277force,period,indicator,value\r\nWarwickshire Police,2022-07,county_lines_closed,3\r\nWarwickshire Police,2022-08,satisfaction caf\351,70\r\nWarwickshire Police,2022-09,county_lines_closed,4\r\n' >"$f"
check_exit t0450.1-bom-crlf-table-loads 0 ingest --quiet "$f"
check t0450.2-bom-header-recognised eq "$(q "SELECT kind FROM files WHERE path = '$f'")" indicators
check t0450.3-counts eq "$(q "SELECT rows_read || ' ' || rows_loaded || ' ' || rows_rejected FROM files WHERE path = '$f'")" '3 2 1'
check t0450.4-invalid-utf8-rejected-with-line eq "$(q "SELECT line || ': ' || reason FROM rejects")" \
    '3: invalid UTF-8 at line 3, column 45'  # 'Warwickshire Police,' 20 + '2022-08,' 8 + 'satisfaction caf' 16
check t0450.5-no-cr-in-values eq "$(q "SELECT count(*) FROM indicators WHERE indicator LIKE '%' || char(13) || '%'")" 0

# A header and no rows: loads, with nothing read.
printf 'force,year,population\n' >"$WORK/pop-empty.csv"
check_exit t0450.6-header-only-loads 0 ingest --quiet "$WORK/pop-empty.csv"
check t0450.7-header-only-counts eq "$(q "SELECT rows_read || ' ' || rows_loaded FROM files WHERE path LIKE '%pop-empty.csv'")" '0 0'

# An empty file and an unknown header: refused whole, exit 65, file named.
: >"$WORK/empty.csv"
check_exit t0450.8-empty-file-refused 65 ingest "$WORK/empty.csv"
check t0450.9-empty-file-named grep -q 'empty.csv.*empty file' "$WORK/.err"
printf 'when,what,how many\n2022-01,x,1\n' >"$WORK/mystery.csv"
check_exit t0450.10-unknown-header-refused 65 ingest "$WORK/mystery.csv"
check t0450.11-unknown-header-lists-kinds grep -q 'header not recognised.*ho-quarterly.*indicators' "$WORK/.err"
check t0450.12-refused-file-not-recorded eq "$(q "SELECT count(*) FROM files WHERE path LIKE '%mystery.csv'")" 0

# A ragged table row (more fields than the header) is rejected, not truncated.
printf 'force,year,population\nWarwickshire,2021,607000,extra\n' >"$WORK/pop-ragged.csv"
ingest --quiet "$WORK/pop-ragged.csv"
check t0450.13-ragged-table-row-rejected eq \
    "$(q "SELECT reason FROM rejects r JOIN files f ON f.id = r.file_id WHERE f.path LIKE '%pop-ragged.csv'")" \
    '4 fields, the header has 3'

check t0450.14-every-file-reconciles eq \
    "$(q 'SELECT count(*) FROM files WHERE rows_read <> rows_loaded + rows_rejected + rows_duplicate')" 0
done_testing
