#!/bin/sh
# t0610-measures-rolling: a measure from the Home Office rolling-year file
# (ho_offence_group): 12-month figures ending each quarter end and their
# comparisons, on rows inserted by hand and on the real rec-crime-pfa.csv.
# Expected values are hand sums and R 4.2.2 poisson.test, written beside
# each check, or awk reading the CSV itself — never sio's own output.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
q() { sqlite3 -batch -noheader "$store" "$1"; }
cat >"$WORK/measures.ini" <<'INI'
[burglary_robbery_r12]
label = Domestic burglary and robbery (rolling year)
national = neighbourhood_crime
ho_offence_group = Domestic burglary
ho_offence_group = Robbery
better = down
INI
sed -e "s|^file = peers.ini|file = $TOP/config/peers.ini|" \
    -e "s|^file = measures.ini|file = $WORK/measures.ini|" \
    -e "s|^file = annotations.csv|file = $TOP/config/annotations.csv|" \
    -e "s|^forces = forces.csv|forces = $TOP/config/forces.csv|" \
    "$TOP/config/sio.ini" >"$WORK/sio.ini"
opts="--config $WORK/sio.ini --store $store --out $WORK/out --quiet"

# --- rows by hand ---------------------------------------------------------
# 12 months to 2019-06 (the baseline, 2018-07..2019-06): burglary 1000 +
# robbery 200 = 1200 (shoplifting 999 is not configured);
# to 2020-06: 1050 + 100 = 1150; to 2021-06 (latest): 900 + 120 = 1020.
r12() { # LINE START END GROUP COUNT
    echo "INSERT INTO ho_crime(file_id, line, force, force_slug, period_type, period_start,
          period_end, offence_group, count) VALUES (9100, $1, 'Warwickshire', 'warwickshire',
          'r12', '$2', '$3', '$4', $5);"
}
{
    echo "BEGIN;"
    echo "INSERT INTO forces(slug, name) VALUES ('warwickshire', 'Warwickshire Police');"
    echo "INSERT INTO files(id, path, sha256, kind, force, month, bytes, rows_read,
          rows_loaded, rows_rejected, rows_duplicate, loaded_at) VALUES (9100, 't0610',
          't0610', 'ho-rolling-year', 'warwickshire', '2021-06', 0, 0, 0, 0, 0,
          '2024-01-01T00:00:00Z');"
    r12 1 2018-07 2019-06 'Domestic burglary' 1000
    r12 2 2018-07 2019-06 Robbery 200
    r12 3 2018-07 2019-06 Shoplifting 999
    r12 4 2019-07 2020-06 'Domestic burglary' 1050
    r12 5 2019-07 2020-06 Robbery 100
    r12 6 2020-07 2021-06 'Domestic burglary' 900
    r12 7 2020-07 2021-06 Robbery 120
    echo "COMMIT;"
} >"$WORK/rows.sql"
# The store's schema is the concatenation of lib/store/schema/*.sql.
cat "$TOP"/lib/store/schema/*.sql >"$WORK/schema.sql"
check t0610.1-create-store-from-schema sqlite3 -batch "$store" ".read $WORK/schema.sql"
check t0610.2-insert-rolling-rows sqlite3 -batch "$store" ".read $WORK/rows.sql"
# shellcheck disable=SC2086 # opts is a word list on purpose
check_exit t0610.3-measures-on-rolling-rows 0 "$BIN/sio-measures" $opts
m="force = 'warwickshire' AND measure = 'burglary_robbery_r12'"
check t0610.4-one-r12-row-per-figure test "$(q "SELECT group_concat(period || '=' ||
    CAST(value AS INTEGER), '|') FROM (SELECT * FROM measure_results WHERE $m AND
    period_type = 'r12' AND statistic = 'count' ORDER BY period_end)")" = \
    "12 months to 2019-06=1200|12 months to 2020-06=1150|12 months to 2021-06=1020"
# R: poisson.test(1020)$conf.int = 958.356239534 1084.568612382
check t0610.5-r12-count-has-exact-poisson-interval test "$(q "SELECT printf('%.6f %.6f',
    ci_low, ci_high) FROM measure_results WHERE $m AND period = '12 months to 2021-06'
    AND statistic = 'count'")" = "958.356240 1084.568612"
check t0610.6-no-monthly-or-quarterly-rows test "$(q "SELECT count(*) FROM measure_results
    WHERE $m AND period_type IN ('month', 'fq', 'fy', 'series')")" -eq 0
# hand: 1020 / 1200 - 1 = -15%.  12-month totals show nothing of the
# month-to-month variation, so the change is stated but not tested: no
# interval, verdict "not tested", and the sentence says why.
check t0610.7-baseline-change-is-stated-not-tested test "$(q "SELECT printf('%.4f %s %s',
    change_pct, coalesce(ci_low_pct, 'none'), verdict) FROM measure_verdicts WHERE $m
    AND comparison = 'baseline'")" = "-15.0000 none not tested"
# hand: 1020 / 1150 - 1 = -11.3043%
check t0610.8-year-earlier-compares-12-months-before test "$(q "SELECT printf('%.4f %s',
    change_pct, verdict) FROM measure_verdicts WHERE $m
    AND comparison = 'year_earlier'")" = "-11.3043 not tested"
check t0610.8b-sentence-says-why-it-is-not-tested test -n "$(q "SELECT 1 FROM measure_verdicts
    WHERE $m AND comparison = 'baseline' AND sentence LIKE
    '%fell 15.0%%not tested, because 12-month totals alone do not show how much%'")"
check t0610.9-no-quarter-verdict-from-a-rolling-file test "$(q "SELECT verdict FROM
    measure_verdicts WHERE $m AND comparison = 'quarter_last_year' AND sentence LIKE
    '%no quarterly figures%'")" = "no data"

# Without the baseline's 12 months in the file there is no baseline verdict.
q "DELETE FROM ho_crime WHERE period_end = '2019-06'"
# shellcheck disable=SC2086
check_exit t0610.10-measures-without-baseline-figure 0 "$BIN/sio-measures" $opts
check t0610.11-unmatched-baseline-is-no-data test "$(q "SELECT verdict FROM
    measure_verdicts WHERE $m AND comparison = 'baseline' AND sentence LIKE
    '%no figure for exactly the baseline%'")" = "no data"

# A figure that is not 12 months ending a quarter end is a data error (65).
r12 8 2020-06 2021-05 Robbery 5 | sqlite3 -batch "$store"
# shellcheck disable=SC2086
check_exit t0610.12-off-quarter-figure-is-a-data-error 65 "$BIN/sio-measures" $opts

# --- the real rolling-year file -------------------------------------------
pfa=$SHARED/data/home-office-prc/rec-crime-pfa.csv
if [ ! -f "$pfa" ]; then
    echo "skip real rolling-year file: $pfa not present"
    done_testing
    exit
fi
store=$WORK/real.db
opts="--config $WORK/sio.ini --store $store --out $WORK/out-real --quiet"
# shellcheck disable=SC2086
check_exit t0610.13-ingest-real-rolling-file 0 "$BIN/sio-ingest" $opts "$pfa"
# shellcheck disable=SC2086
check_exit t0610.14-measures-on-real-file 0 "$BIN/sio-measures" $opts
# awk on the CSV: Warwickshire's domestic burglary plus robbery, 12 months
# ending 31/12/2018.
want=$(awk -F, '$1 == "31/12/2018" && $2 == "Warwickshire" &&
    ($4 == "Domestic burglary" || $4 == "Robbery") { s += $5 } END { print s }' "$pfa")
check t0610.15-real-figure-equals-the-csv-sum test "$(q "SELECT CAST(value AS INTEGER)
    FROM measure_results WHERE $m AND period = '12 months to 2018-12'
    AND statistic = 'count'")" = "$want"
check t0610.16-real-sum-is-not-empty test "${want:-0}" -gt 0
done_testing
