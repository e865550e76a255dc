#!/bin/sh
# t0400-ingest-shared-data: every CSV file in $SHARED/data loads with
# reconciled counts, and each table's published quirks survive the load.
#
# Expected values come from Python's csv module reading the same files (rows
# after the header; sums of counts), or from ../shared/data/README.md where it
# states them (25 negative counts; 44 forces, no final newline; a BOM on the
# lookup; the wide population table: 11 years x 39 English forces).
. "$(dirname "$0")/lib.sh"
data=$SHARED/data
if [ ! -d "$data" ]; then
    echo "skip shared data: $data not present"
    done_testing
    exit
fi
store=$WORK/sio.db
q() { sqlite3 -batch -noheader "$store" "$1"; }
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }
same() { cmp -s "$1" "$2" || { diff "$1" "$2" | head -n 10; return 1; }; }

check_exit t0400.1-whole-shared-folder-loads 0 \
    "$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store "$store" "$data"

# Rows after the header in every CSV, by Python's csv module (BOM stripped).
python3 - "$data" >"$WORK/rows.want" <<'PY'
import csv, os, sys
for r, _, ns in os.walk(sys.argv[1]):
    for n in ns:
        if n.lower().endswith('.csv'):
            p = os.path.join(r, n)
            with open(p, newline='', encoding='utf-8-sig') as f:
                print('%s,%d' % (p, sum(1 for _ in csv.reader(f)) - 1))
PY
LC_ALL=C sort "$WORK/rows.want" -o "$WORK/rows.want"
q "SELECT path || ',' || rows_read FROM files" | LC_ALL=C sort >"$WORK/rows.got"
check t0400.2-every-file-read-counts-equal-python same "$WORK/rows.want" "$WORK/rows.got"
check t0400.3-read-is-loaded-rejected-duplicate-per-file eq \
    "$(q 'SELECT count(*) FROM files WHERE rows_read <> rows_loaded + rows_rejected + rows_duplicate')" 0
check t0400.4-no-rejects-in-shared-data eq "$(q 'SELECT total(rows_rejected) FROM files')" 0.0
check t0400.5-every-csv-is-a-file-row eq "$(q 'SELECT count(*) FROM files')" \
    "$(wc -l <"$WORK/rows.want" | tr -d ' ')"

# Home Office rolling-year file: 46,469 rows, the sum of counts, 25 negatives.
pfa=$data/home-office-prc/rec-crime-pfa.csv
want_sum=$(python3 -c 'import csv,sys; print(sum(int(r[4]) for r in list(csv.reader(open(sys.argv[1])))[1:]))' "$pfa")
check t0400.6-ho-rolling-sum-of-counts eq "$(q "SELECT sum(count) FROM ho_crime WHERE period_type = 'r12'")" "$want_sum"
check t0400.7-ho-negative-counts-kept eq "$(q 'SELECT count(*) FROM ho_crime WHERE count < 0')" 25
check t0400.8-ho-negative-counts-noted eq \
    "$(q "SELECT rows FROM file_notes WHERE note LIKE 'negative count%'")" 25
check t0400.9-ho-rolling-12-month-periods eq \
    "$(q "SELECT period_start || ' ' || period_end FROM ho_crime WHERE line = 2")" '2002-04 2003-03'
check t0400.10-fraud-bodies-have-no-force eq \
    "$(q "SELECT group_concat(DISTINCT force) FROM (SELECT force FROM ho_crime WHERE force_slug IS NULL ORDER BY force)")" \
    'Action Fraud,CIFAS,UK Finance'
check t0400.11-every-force-area-named eq \
    "$(q "SELECT count(DISTINCT force_slug) FROM ho_crime")" 44

# The lookup starts with a BOM; 'London, City of' is quoted and maps to the City.
check t0400.12-lookup-with-bom-loads eq "$(q 'SELECT count(*) FROM area_lookup')" 348
check t0400.13-lookup-london-city-of eq \
    "$(q "SELECT DISTINCT force_slug FROM area_lookup WHERE pfa_name = 'London, City of'")" city-of-london
check t0400.14-lookup-every-row-a-force eq "$(q 'SELECT count(*) FROM area_lookup WHERE force_slug IS NULL')" 0

# forces.csv: no final newline, 44 rows; every id a known slug, every label agrees.
check t0400.15-force-list-last-row-without-newline eq \
    "$(q "SELECT id || '|' || label FROM force_list WHERE line = 45")" 'btp|British Transport Police'
check t0400.16-force-list-all-known eq "$(q 'SELECT count(force_slug) FROM force_list')" 44
check t0400.17-force-list-labels-agree eq \
    "$(q "SELECT count(*) FROM file_notes n JOIN files f ON f.id = n.file_id WHERE f.kind = 'force-list'")" 0

# Population: the wide table gives 11 x 39 figures, the census 43.
check t0400.18-wide-population-figures eq \
    "$(q "SELECT count(*) FROM population p JOIN files f ON f.id = p.file_id WHERE f.kind = 'population-wide'")" 429
want_2019=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1]))); print(r[-1][r[0].index("Warwickshire")])' \
    "$data/population/population_policeforces.csv")
check t0400.19-wide-population-cell eq \
    "$(q "SELECT population FROM population WHERE force_slug = 'warwickshire' AND year = 2019")" "$want_2019"
check t0400.20-census-population-2011 eq \
    "$(q "SELECT population || ' ' || basis FROM population WHERE force = 'Avon & Somerset' AND year = 2011")" \
    '1599555 census'
check t0400.21-every-population-row-a-force eq "$(q 'SELECT count(*) FROM population WHERE force_slug IS NULL')" 0

# police.uk names join to forces through force_aliases.
check t0400.22-falls-within-joins-force-aliases eq \
    "$(q "SELECT count(*) FROM (SELECT DISTINCT falls_within FROM street) s LEFT JOIN force_aliases a ON a.alias = s.falls_within WHERE a.slug IS NULL")" 0

# --report=csv: one row per file, the store's counts.
"$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store "$store" --report=csv >"$WORK/report.csv"
check t0400.23-report-csv-header eq "$(head -n 1 "$WORK/report.csv")" 'file,kind,read,loaded,rejected,duplicate'
check t0400.24-report-csv-one-row-per-file eq "$(($(wc -l <"$WORK/report.csv") - 1))" "$(q 'SELECT count(*) FROM files')"
check t0400.25-report-csv-adds-up eq "$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(sum(int(r["read"]) != int(r["loaded"]) + int(r["rejected"]) + int(r["duplicate"]) for r in rows))' "$WORK/report.csv")" 0

# Again: the same bytes, nothing to do.
"$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store "$store" "$data" >"$WORK/again.out"
check t0400.26-second-run-changes-nothing eq "$(grep -c 'already loaded' "$WORK/again.out")" \
    "$(wc -l <"$WORK/rows.want" | tr -d ' ')"

done_testing
