#!/bin/sh
# t0100-gen: sio-gen writes deterministic police.uk street files in the
# archive layout, and its --expect ground truth agrees with the independent
# count of tests/tools/count_street.py; every other source it writes is as
# deterministic.  (Its realism: t0110; its other sources through ingest: t0205.)
. "$(dirname "$0")/lib.sh"
gen=$BIN/sio-gen
count="python3 $TOP/tests/tools/count_street.py"
small="--forces 3 --from 2019-11 --to 2020-05 --rows 300"

check_exit t0100.1-help 0 "$gen" --help
check_exit t0100.2-version 0 "$gen" --version
check_exit t0100.3-bad-option 64 "$gen" --no-such-option --out "$WORK/x"
check_exit t0100.4-bad-month 64 "$gen" --out "$WORK/x" --from 2020-13
check_exit t0100.5-needs-out 64 "$gen" --seed 3

# shellcheck disable=SC2086
"$gen" $small --seed 7 --out "$WORK/a" --expect "$WORK/a.expect" &&
"$gen" $small --seed 7 --out "$WORK/b" --expect "$WORK/b.expect" &&
"$gen" $small --seed 8 --out "$WORK/c" --expect "$WORK/c.expect"
check_exit t0100.6-runs 0 test $? -eq 0

check t0100.7-same-seed-same-bytes diff -r "$WORK/a" "$WORK/b"
check t0100.8-same-seed-same-expect cmp -s "$WORK/a.expect" "$WORK/b.expect"
differs() { ! cmp -s "$1" "$2"; }
f=2020-01/2020-01-warwickshire-street.csv
check t0100.9-other-seed-other-bytes differs "$WORK/a/$f" "$WORK/c/$f"

# The archive tree: 3 forces x 7 months, each DIR/YYYY-MM/YYYY-MM-<slug>-street.csv.
layout() {
    (cd "$WORK/a" && find . -type f | sort) >"$WORK/layout.got"
    for m in 2019-11 2019-12 2020-01 2020-02 2020-03 2020-04 2020-05; do
        for s in leicestershire warwickshire west-mercia; do
            echo "./$m/$m-$s-street.csv"
        done
    done | sort >"$WORK/layout.want"
    cmp -s "$WORK/layout.got" "$WORK/layout.want"
}
check t0100.10-archive-layout layout

header='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
check t0100.11-header-crlf-no-bom test "$(head -n 1 "$WORK/a/$f" | od -An -c | tr -d ' \n')" = \
    "$(printf '%s\r\n' "$header" | od -An -c | tr -d ' \n')"
cr=$(printf '\r')
# No line lacks its CR, and there are no bare CRs inside lines.
every_line_crlf() { [ "$(cat "$WORK"/a/*/*.csv | grep -cv "$cr\$")" -eq 0 ] &&
    [ "$(cat "$WORK"/a/*/*.csv | tr -d '\n' | tr -cd '\r' | wc -c)" -eq "$(cat "$WORK"/a/*/*.csv | wc -l)" ]; }
check t0100.12-every-line-crlf every_line_crlf
check t0100.13-ends-with-crlf test "$(tail -c 2 "$WORK/a/$f" | od -An -c | tr -d ' ')" = '\r\n'

rows() { cat "$WORK"/a/*/*.csv | tr -d '\r' | grep -v '^Crime ID,'; }
check t0100.14-crime-ids-64-hex test "$(rows | grep -v '^,' | grep -cvE '^[0-9a-f]{64},')" -eq 0
check t0100.15-asb-empty-id-and-outcome test "$(rows | grep '^,' | grep -cv ',Anti-social behaviour,,$')" -eq 0
check t0100.16-no-location-rows test "$(rows | grep -c ',,,No Location,,,')" -gt 0
check t0100.17-quoted-locations test "$(rows | grep -c ',"On or near [^",]*, [^"]*",')" -gt 0
check t0100.18-repeated-crime-ids test "$(rows | cut -d, -f1 | grep . | sort | uniq -d | wc -l)" -gt 0

check t0100.19-expect-header test "$(head -n 1 "$WORK/a.expect")" = "force,crime_type,month,count"
$count "$WORK/a" >"$WORK/a.count" 2>"$WORK/a.count.err"
check t0100.20-expect-equals-count-street cmp -s "$WORK/a.expect" "$WORK/a.count"
$count --files "$WORK/a" >"$WORK/a.files"
dups_in_files() { awk -F, 'NR > 1 { d += $4; if ($2 != $3 + $4) bad = 1 } END { exit !(d > 0 && !bad) }' "$WORK/a.files"; }
check t0100.21-count-street-files-mode dups_in_files

# 14 crime types, each present.
check t0100.22-fourteen-crime-types test "$(cut -d, -f2 "$WORK/a.expect" | sed 1d | sort -u | wc -l)" -eq 14

# Every other source too: the same seed, the same bytes (ground truths included).
every="--forces 2 --from 2021-10 --to 2022-03 --rows 300 --all-sources"
# shellcheck disable=SC2086
"$gen" $every --seed 7 --out "$WORK/d" --expect "$WORK/d/../d.csv" &&
"$gen" $every --seed 7 --out "$WORK/e" --expect "$WORK/e/../e.csv"
check_exit t0100.23-runs-with-every-source 0 test $? -eq 0
same_truths() { for t in "" -outcomes -stop-search -ho; do cmp -s "$WORK/d$t.csv" "$WORK/e$t.csv" || return 1; done; }
check t0100.24-every-source-same-seed-same-bytes diff -r "$WORK/d" "$WORK/e"
check t0100.25-every-truth-same-seed-same-bytes same_truths
kinds() { (cd "$WORK/d" && find . -type f |
    sed -E 's@^\./[0-9]{4}-[0-9]{2}/[0-9]{4}-[0-9]{2}-(warwickshire|west-mercia)-@@; s@^\./@@' |
    sort -u | tr '\n' ' '); }
check t0100.26-every-kind-written test "$(kinds)" = \
    "home-office/prc-pfa-open-data-2021-22.csv home-office/rec-crime-pfa.csv indicators.csv outcomes.csv population.csv stop-and-search.csv street.csv "

done_testing
