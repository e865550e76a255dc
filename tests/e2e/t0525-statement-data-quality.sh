#!/bin/sh
# t0525-statement-data-quality: the draft's data-quality line counts what
# sio-ingest rejected and noted in the force's own police.uk files, and
# only in its own: rows read, loaded, rejected and repeated summed over its
# files in force (checked against the files table with sqlite3), each note
# and reject reason with its rows and files (two rows with Longitude and
# Latitude swapped, one with a bad LSOA code, both made up here and added
# to one generated Warwickshire month).
. "$(dirname "$0")/lib.sh"
cfg=$TOP/config/sio.ini
store=$WORK/sio.db
out=$WORK/out
q() { sqlite3 -batch -noheader "$store" "$1"; }
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }

check_exit t0525-1-generate 0 "$BIN/sio-gen" --size small --seed 1 --out "$WORK/sample"
f=$WORK/sample/2022-03/2022-03-warwickshire-street.csv
w='Warwickshire Police'
printf 'q1,2022-03,%s,%s,52.3,-1.5,On or near X,E01031009,Rugby 001A,Burglary,,\r\n' "$w" "$w" >>"$f"
printf 'q2,2022-03,%s,%s,52.31,-1.51,On or near Y,E01031009,Rugby 001A,Burglary,,\r\n' "$w" "$w" >>"$f"
printf 'q3,2022-03,%s,%s,-1.5,52.3,On or near Z,E02001234,Rugby 001A,Burglary,,\r\n' "$w" "$w" >>"$f"
pipeline() {
    "$BIN/sio-ingest" --config "$cfg" --store "$store" --out "$out" --quiet "$WORK/sample" &&
    for stage in transform measures statement; do
        "$BIN/sio-$stage" --config "$cfg" --store "$store" --out "$out" --quiet || return
    done
}
check_exit t0525-2-pipeline 0 pipeline

md=$out/statement/warwickshire-2021-22-q4.md
# quality FILE: the Markdown of the data-quality subsection.
quality() { awk '/^### Data quality/ { on = 1; next } /^#/ { on = 0 } on' "$1"; }
quality "$md" >"$WORK/q.md"
fsum() { # COLUMN: its sum over the force's files, with a thousands separator
    q "SELECT printf('%,d', sum($1)) FROM files WHERE superseded_by IS NULL AND force = 'warwickshire' AND kind IN ('street', 'outcomes', 'stop-and-search')"
}
nfiles=$(q "SELECT count(*) FROM files WHERE superseded_by IS NULL AND force = 'warwickshire' AND kind IN ('street', 'outcomes', 'stop-and-search')")
want="sio read $(fsum rows_read) rows from $nfiles police.uk files"
check t0525-3-rows-read-summed-over-the-forces-files grep -qF "$want" "$WORK/q.md"
check t0525-4-rejected-and-repeated-counted grep -qF \
    "$(fsum rows_rejected) rejected and $(fsum rows_duplicate) repeating a Crime ID" "$WORK/q.md"
check t0525-5-swapped-coordinates-noted grep -qF \
    "coordinates outside England and Wales: Longitude and Latitude look swapped: 2 rows in 1 file." "$WORK/q.md"
check t0525-6-reject-reason-listed grep -qF \
    "bad LSOA code 'E02001234' (want E01 or W01 and six digits): 1 row in 1 file." "$WORK/q.md"
# Leicestershire's files were untouched: no swapped coordinates counted for it.
check t0525-7-another-forces-notes-not-counted sh -c \
    "! grep -q 'look swapped' '$out/statement/leicestershire-2021-22-q4.md'"

done_testing
