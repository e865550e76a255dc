#!/bin/sh
# t0210-ingest-quirks: sio-ingest on generated street files altered in the
# ways real files (or their copies) differ: a BOM, LF line endings, a ragged
# row, a quoted field holding a quote and a line break.  Each case is a fresh
# store; counts are checked against tests/tools/count_street.py.
. "$(dirname "$0")/lib.sh"
count=$TOP/tests/tools/count_street.py
cr=$(printf '\r')
"$BIN/sio-gen" --forces 1 --from 2021-06 --to 2021-06 --rows 300 --seed 5 --out "$WORK/g" >/dev/null ||
    fail t0210.0-generate
src=$WORK/g/2021-06/2021-06-warwickshire-street.csv

# ingest CASE FILE: load FILE into a store of its own; stdout/stderr kept.
ingest() {
    "$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store "$WORK/$1.db" "$2" \
        >"$WORK/$1.out" 2>"$WORK/$1.err" || { cat "$WORK/$1.err" >&2; return 1; }
}
q() { sqlite3 -batch -noheader "$WORK/$1.db" "$2"; }
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }
# The store's read,loaded,duplicate for case $1 against the script's for file $2.
counts_match() {
    eq "$(q "$1" "SELECT rows_read || ',' || rows_loaded || ',' || rows_duplicate FROM files")" \
        "$(python3 "$count" --files "$2" | sed 1d | cut -d, -f2-)"
}

mkdir -p "$WORK/bom" "$WORK/lf" "$WORK/ragged" "$WORK/quote"

# A UTF-8 BOM before the header (spreadsheet re-saves add one).
{ printf '\357\273\277'; cat "$src"; } >"$WORK/bom/2021-06-warwickshire-street.csv"
check t0210.1-bom-ingests ingest bom "$WORK/bom/2021-06-warwickshire-street.csv"
check t0210.2-bom-counts counts_match bom "$WORK/bom/2021-06-warwickshire-street.csv"
check t0210.3-bom-kind-street eq "$(q bom 'SELECT kind FROM files')" street

# LF line endings (the skeuomorph copies): same rows, and no CR kept in any field.
tr -d '\r' <"$src" >"$WORK/lf/2021-06-warwickshire-street.csv"
check t0210.4-lf-ingests ingest lf "$WORK/lf/2021-06-warwickshire-street.csv"
check t0210.5-lf-counts counts_match lf "$WORK/lf/2021-06-warwickshire-street.csv"
check t0210.6-crlf-no-cr-in-fields eq "$(ingest crlf "$src" &&
    q crlf "SELECT count(*) FROM street WHERE coalesce(context, '') LIKE '%$cr%' OR coalesce(last_outcome, '') LIKE '%$cr%'")" 0

# A ragged row (11 fields) at the end: rejected with its line, not dropped.
f=$WORK/ragged/2021-06-warwickshire-street.csv
cp "$src" "$f"
printf 'abc,2021-06,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near X,E01000001,Rugby 001A,Burglary\r\n' >>"$f"
lines=$(wc -l <"$f" | tr -d ' ')
check t0210.7-ragged-file-ingests ingest ragged "$f"
check t0210.8-ragged-row-rejected eq "$(q ragged 'SELECT rows_rejected FROM files')" 1
check t0210.9-ragged-reject-line eq "$(q ragged 'SELECT line FROM rejects')" "$lines"
check t0210.10-ragged-read-is-sum eq "$(q ragged 'SELECT rows_read - rows_loaded - rows_rejected - rows_duplicate FROM files')" 0

# A quoted Location holding "" and a line break: one row, and the rows after
# it keep their physical line numbers.  lib/csv/csvin.c strips the CR of every
# CRLF, so the break inside the field is stored as LF (no real file has one).
f=$WORK/quote/2021-06-warwickshire-street.csv
{
    head -n 2 "$src"
    printf ',2021-06,Warwickshire Police,Warwickshire Police,-1.500000,52.300000,"On or near ""The Pit"",\r\nRugby",E01000001,Rugby 001A,Anti-social behaviour,,\r\n'
    sed -n '3,$p' "$src"
} >"$f"
check t0210.11-quote-file-ingests ingest quote "$f"
check t0210.12-quote-counts counts_match quote "$f"
check t0210.13-quote-field-value eq "$(q quote "SELECT count(*) FROM street WHERE location = 'On or near \"The Pit\",' || char(10) || 'Rugby'")" 1
check t0210.14-line-after-multiline-row eq "$(q quote 'SELECT min(line) FROM street WHERE line > 3')" 5

done_testing
