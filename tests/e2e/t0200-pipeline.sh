#!/bin/sh
# t0200-pipeline: the four stages on a generated sample, checked against the
# generator's ground truth and against the store's own bookkeeping.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
out=$WORK/out
sample=$WORK/sample
opts="--config $TOP/config/sio.ini --store $store --out $out"
csv=$out/csv

# Run a stage, keeping its output for the failure message.
stage() {
    st_name=$1; shift
    # shellcheck disable=SC2086 # opts is a word list on purpose
    "$BIN/sio-$st_name" $opts "$@" >"$WORK/$st_name.out" 2>"$WORK/$st_name.err" ||
    { st_rc=$?; cat "$WORK/$st_name.err" >&2; return "$st_rc"; }
}
q() { sqlite3 -batch -noheader "$store" "$1"; }
body_sorted() { sed 1d "$1" | LC_ALL=C sort -t, -k1,1 -k2,2 -k3,3; }

check_exit t0200.1-generate 0 "$BIN/sio-gen" --size test --seed 1 --out "$sample" --expect "$WORK/expect.csv"
check_exit t0200.2-ingest 0 stage ingest "$sample"
check_exit t0200.3-transform 0 stage transform
check_exit t0200.4-measures 0 stage measures
check_exit t0200.5-charts 0 stage charts

# --- monthly counts are the ground truth ------------------------------------
check t0200.6-monthly-counts-header test "$(head -n 1 "$csv/monthly_counts.csv" 2>/dev/null)" = \
    "force,crime_type,month,count"
monthly_equals_expect() {
    body_sorted "$WORK/expect.csv" >"$WORK/want" &&
    body_sorted "$csv/monthly_counts.csv" >"$WORK/got" &&
    cmp -s "$WORK/want" "$WORK/got" ||
    { diff "$WORK/want" "$WORK/got" | head -n 10; return 1; }
}
check t0200.7-monthly-counts-equal-expect monthly_equals_expect
check t0200.8-monthly-counts-sorted-as-expect cmp -s "$WORK/expect.csv" "$csv/monthly_counts.csv"

# --- neighbourhood crime = Burglary + Robbery + Theft from the person + Vehicle crime
check t0200.9-measure-counts-header test "$(head -n 1 "$csv/measure_counts.csv" 2>/dev/null)" = \
    "force,measure,month,count"
neighbourhood() {
    awk -F, 'NR > 1 && ($2 == "Burglary" || $2 == "Robbery" ||
                        $2 == "Theft from the person" || $2 == "Vehicle crime") {
                 n[$1 "," $3] += $4 }
             END { for (k in n) print k "," n[k] }' "$WORK/expect.csv" | LC_ALL=C sort >"$WORK/nc.want"
    awk -F, '$2 == "neighbourhood_crime_policeuk" { print $1 "," $3 "," $4 }' "$csv/measure_counts.csv" |
        LC_ALL=C sort >"$WORK/nc.got"
    # Every force-month of the sample: 4 forces x 48 months.
    [ "$(wc -l <"$WORK/nc.want")" -eq 192 ] && cmp -s "$WORK/nc.want" "$WORK/nc.got" ||
    { diff "$WORK/nc.want" "$WORK/nc.got" | head -n 10; return 1; }
}
check t0200.10-neighbourhood-crime-is-sum-of-four-types neighbourhood

check t0200.11-measures-csv-has-header test -n "$(head -n 1 "$csv/measures.csv" 2>/dev/null)"

# --- charts (under out/charts/<force>/): each format present, each file with its signature
signature() { # FILE PREFIX...: FILE starts with one of the prefixes
    sig_file=$1; shift
    for sig_prefix; do
        [ "$(head -c ${#sig_prefix} "$sig_file")" = "$sig_prefix" ] && return 0
    done
    return 1
}
charts_ok() { # EXT PREFIX...: every out/charts/**/*.EXT has a signature, and one exists
    ch_ext=$1; shift
    find "$out/charts" -type f -name "*.$ch_ext" >"$WORK/charts.$ch_ext" 2>/dev/null
    [ -s "$WORK/charts.$ch_ext" ] || return 1
    while IFS= read -r ch_file; do
        signature "$ch_file" "$@" || { echo "bad signature: $ch_file"; return 1; }
    done <"$WORK/charts.$ch_ext"
}
png_ok() { charts_ok png "$(printf '\211PNG\r\n\032')"; }
check t0200.12-png-charts png_ok
check t0200.13-svg-charts charts_ok svg '<?xml' '<svg'
check t0200.14-pdf-charts charts_ok pdf '%PDF'

# --- the files table ---------------------------------------------------------
check t0200.15-read-is-loaded-rejected-duplicate test \
    "$(q 'SELECT count(*) FROM files WHERE rows_read != rows_loaded + rows_rejected + rows_duplicate')" = 0
check t0200.16-no-rejects-in-generated-data test "$(q 'SELECT total(rows_rejected) FROM files')" = 0.0
per_file() {
    python3 "$TOP/tests/tools/count_street.py" --files "$sample" |
        sed 1d | sed 's|^.*/||' | LC_ALL=C sort >"$WORK/files.want"
    q "SELECT path, rows_read, rows_loaded, rows_duplicate FROM files WHERE kind = 'street'" |
        tr '|' ',' | sed 's|^.*/||' | LC_ALL=C sort >"$WORK/files.got"
    cmp -s "$WORK/files.want" "$WORK/files.got" ||
    { diff "$WORK/files.want" "$WORK/files.got" | head -n 10; return 1; }
}
check t0200.17-per-file-read-loaded-duplicate per_file
rows_are_loaded() {
    street_n=$(q 'SELECT count(*) FROM street') && [ "${street_n:-0}" -gt 0 ] &&
    [ "$street_n" = "$(q 'SELECT sum(rows_loaded) FROM files')" ]
}
check t0200.18-street-rows-are-loaded-rows rows_are_loaded

# --- a second ingest of the same files changes nothing ----------------------
snapshot() {
    q "SELECT count(*), sum(rows_loaded), sum(rows_duplicate) FROM files" &&
    q "SELECT count(*) FROM street" &&
    q "SELECT count(*) FROM duplicates"
}
snapshot >"$WORK/before" || : >"$WORK/before"
check_exit t0200.19-reingest 0 stage ingest "$sample"
unchanged() { snapshot >"$WORK/after" && [ -s "$WORK/before" ] && cmp -s "$WORK/before" "$WORK/after"; }
check t0200.20-reingest-leaves-store-unchanged unchanged
# The report names the files (one line each) and loads none of them.
loads_nothing() { [ -s "$WORK/ingest.out" ] && ! grep -q 'loaded [1-9]' "$WORK/ingest.out"; }
check t0200.21-reingest-reports-nothing-loaded loads_nothing
cp "$csv/monthly_counts.csv" "$WORK/monthly.before" 2>/dev/null
check_exit t0200.22-transform-again 0 stage transform
check t0200.23-counts-unchanged-after-reingest cmp -s "$WORK/monthly.before" "$csv/monthly_counts.csv"
check t0200.24-second-ingest-recorded-no-new-files test \
    "$(q 'SELECT count(*) FROM files')" = 192

done_testing
