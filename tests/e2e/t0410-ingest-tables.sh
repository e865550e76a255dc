#!/bin/sh
# t0410-ingest-tables: the tables that are not police.uk files, from the
# realistic fixtures in tests/fixtures/ingest/ (the Home Office open data
# tables are not in ../shared/data; the fixture follows their documented
# columns, measures.md §3).  Each fixture's comment-free rows are counted by
# hand below: which rows load, which are rejected and why, which repeat.
. "$(dirname "$0")/lib.sh"
fx=$TOP/tests/fixtures/ingest
store=$WORK/sio.db
q() { sqlite3 -batch -noheader "$store" "$1"; }
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }
counts() { q "SELECT rows_read || ' ' || rows_loaded || ' ' || rows_rejected || ' ' || rows_duplicate FROM files WHERE path LIKE '%$1'"; }
ingest() { "$BIN/sio-ingest" --config "$fx/extract.ini" --store "$store" "$@"; }

check_exit t0410.1-fixtures-load 0 ingest "$fx/ho-quarterly-2022-23.csv" "$fx/indicators.csv" \
    "$fx/population-long.csv" "$fx/extract-warwickshire.csv"

# Home Office quarterly: 13 rows = 8 loaded + 4 rejected (quarter 5, year
# 2022/24, empty code, 'n/a') + 1 duplicate (line 10 repeats line 2).
check t0410.2-ho-counts eq "$(counts ho-quarterly-2022-23.csv)" '13 8 4 1'
check t0410.3-ho-kind eq "$(q "SELECT kind FROM files WHERE path LIKE '%ho-quarterly%'")" ho-quarterly
check t0410.4-ho-q1-is-april-to-june eq \
    "$(q "SELECT period_type || ' ' || period_start || ' ' || period_end FROM ho_crime WHERE line = 2")" 'fq 2022-04 2022-06'
check t0410.5-ho-q3-is-october-to-december eq \
    "$(q "SELECT period_start || ' ' || period_end FROM ho_crime WHERE line = 8")" '2022-10 2022-12'
check t0410.6-ho-london-city-of eq "$(q "SELECT force_slug FROM ho_crime WHERE force = 'London, City of'")" city-of-london
check t0410.7-ho-thousands-separator eq "$(q "SELECT count FROM ho_crime WHERE offence_code = '46'")" 12345
check t0410.8-ho-negative-count-kept eq "$(q "SELECT count FROM ho_crime WHERE offence_code = '4.4'")" -1
check t0410.9-ho-action-fraud-no-force eq \
    "$(q "SELECT coalesce(force_slug, 'NULL') FROM ho_crime WHERE force = 'Action Fraud'")" NULL
check t0410.10-ho-btp-is-a-force eq "$(q "SELECT force_slug FROM ho_crime WHERE force = 'British Transport Police'")" btp
check t0410.11-ho-bad-quarter-reason eq "$(q "SELECT reason FROM rejects WHERE line = 11 AND file_id = (SELECT id FROM files WHERE kind = 'ho-quarterly')")" \
    "bad Financial Quarter '5' (want 1 to 4)"
check t0410.12-ho-file-key-is-its-year eq "$(q "SELECT month FROM files WHERE kind = 'ho-quarterly'")" 2022-04

# Indicators: 12 rows = 7 loaded + 4 rejected (Q5, 2022-13, 'three', a zero
# denominator) + 1 duplicate (line 8 repeats line 2's force, period, indicator);
# line 13 leaves the optional denominator off altogether (4 fields).
check t0410.13-indicator-counts eq "$(counts indicators.csv)" '12 7 4 1'
check t0410.14-indicator-quarter-period eq \
    "$(q "SELECT period_start || ' ' || period_end || ' ' || value || ' ' || denominator FROM indicators WHERE line = 2")" \
    '2022-04 2022-06 71.5 412.0'
check t0410.15-indicator-financial-year eq \
    "$(q "SELECT period_start || ' ' || period_end FROM indicators WHERE indicator = 'cyber_crime_reports'")" '2022-04 2023-03'
check t0410.16-indicator-no-denominator-null eq \
    "$(q "SELECT count(*) FROM indicators WHERE indicator = 'county_lines_closed' AND denominator IS NULL")" 4
check t0410.16.1-indicator-row-without-denominator-field eq \
    "$(q "SELECT value FROM indicators WHERE line = 13")" 4.0
check t0410.17-indicator-spellings-one-slug eq \
    "$(q "SELECT count(DISTINCT force) || ' ' || count(DISTINCT force_slug) FROM indicators WHERE force_slug = 'warwickshire'")" '3 1'
check t0410.18-unknown-force-loaded-and-noted eq \
    "$(q "SELECT n.rows || ' ' || n.first_line FROM file_notes n JOIN files f ON f.id = n.file_id WHERE f.kind = 'indicators' AND n.note = 'unknown force' AND n.value = 'Gotham City Police'")" '1 7'

# Population (long): 7 rows = 4 loaded + 2 rejected (year 21, -5) + 1 duplicate.
check t0410.19-population-counts eq "$(counts population-long.csv)" '7 4 2 1'
check t0410.20-population-negative-rejected eq "$(q "SELECT reason FROM rejects WHERE raw LIKE 'Northamptonshire%'")" \
    "bad population '-5' for Northamptonshire (want a whole number above 0)"

# Extract: 8 rows = 5 loaded + 2 rejected (31/02/2022, no offence) + 1
# duplicate (reference 23/1001/22 again); dates in four forms give months.
check t0410.21-extract-counts eq "$(counts extract-warwickshire.csv)" '8 5 2 1'
check t0410.22-extract-dates eq "$(q "SELECT group_concat(date, ' ') FROM (SELECT date FROM extract_crimes ORDER BY line)")" \
    '2022-07-05 2022-07-06 2022-07-31 2022-08 2022-08-01'
check t0410.23-extract-months eq "$(q "SELECT group_concat(month, ' ') FROM (SELECT month FROM extract_crimes ORDER BY line)")" \
    '2022-07 2022-07 2022-07 2022-08 2022-08'
check t0410.24-extract-force-from-config eq "$(q "SELECT DISTINCT force || '|' || force_slug FROM extract_crimes")" \
    'Warwickshire Police|warwickshire'
check t0410.25-extract-empty-reference-not-duplicate eq "$(q "SELECT count(*) FROM extract_crimes WHERE crime_ref IS NULL")" 1
check t0410.26-extract-duplicate-reference eq \
    "$(q "SELECT line || ' ' || crime_id FROM duplicates d JOIN files f ON f.id = d.file_id WHERE f.kind = 'extract'")" '6 23/1001/22'
check t0410.27-extract-bad-date-reason eq "$(q "SELECT reason FROM rejects WHERE line = 7 AND file_id = (SELECT id FROM files WHERE kind = 'extract')")" \
    "bad date '31/02/2022' (want YYYY-MM-DD, DD/MM/YYYY or YYYY-MM)"

# Without an [extract] mapping the same file is not recognised (exit 65).
check_exit t0410.28-extract-needs-mapping 65 "$BIN/sio-ingest" --config "$TOP/config/sio.ini" \
    --store "$WORK/other.db" "$fx/extract-warwickshire.csv"

# A newer edition of a table (same file name) replaces the older one.
mkdir -p "$WORK/v2"
head -n 3 "$fx/indicators.csv" >"$WORK/v2/indicators.csv"
ingest --quiet "$WORK/v2/indicators.csv"
check t0410.29-newer-table-edition-replaces eq \
    "$(q "SELECT count(*) FROM indicators")" 2
check t0410.30-older-edition-superseded eq \
    "$(q "SELECT count(*) FROM files WHERE kind = 'indicators' AND superseded_by IS NOT NULL")" 1

done_testing
