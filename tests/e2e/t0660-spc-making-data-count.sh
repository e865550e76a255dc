#!/bin/sh
# t0660-spc-making-data-count: SPC as NHS England's Making Data Count does it
# (../shared/reference/measures.md §6), on the generated sample: limits fixed
# on the baseline widened to 15 points and applied to every point; no
# verdict, and why, from fewer than 15; counts' lower limits shown from 0
# while the CSV keeps them as calculated; points coloured by what they mean
# for the measure; a p-chart for shares; quarterly series on quarters; the
# seasonal note and the year-on-year option.  Expected values are hand
# calculations from the sample's own files, written beside each check.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
out=$WORK/out
opts="--config $TOP/config/sio.ini --store $store --out $out --quiet"
q() { sqlite3 -batch -noheader "$store" "$1"; }
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(g != "" && d <= t) }'; }

check_exit t0660.1-generate 0 "$BIN/sio-gen" --size test --seed 1 --own-indicators --out "$WORK/sample"
# shellcheck disable=SC2086 # opts is a word list on purpose
check_exit t0660.2-pipeline 0 sh -c "$BIN/sio-ingest $opts $WORK/sample && $BIN/sio-transform $opts &&
    $BIN/sio-measures $opts && $BIN/sio-charts $opts"
w="force = 'warwickshire'"

# --- limits fixed on the baseline, widened to 15 points ------------------------
# The baseline is 2018-07..2019-06 (12 months); the sample starts 2018-04, so
# the limits period grows back to it: 15 points.
check t0660.3-limits-fixed-on-the-baseline-widened-to-15 test "$(q "SELECT limits_start || ' '
    || limits_end || ' ' || limits_points FROM spc_summary WHERE $w AND measure = 'drugs_policeuk'")" = \
    "2018-04 2019-06 15"
# hand, from measure_counts: the centre line is the mean of those 15 months.
mean15=$(q "SELECT avg(count) FROM measure_counts WHERE force = 'Warwickshire Police'
    AND measure = 'drugs_policeuk' AND month BETWEEN '2018-04' AND '2019-06'")
check t0660.4-centre-line-is-the-mean-of-those-months near \
    "$(q "SELECT centre FROM spc_points WHERE $w AND measure = 'drugs_policeuk' AND month = '2022-03'")" "$mean15" 1e-9
check t0660.5-one-set-of-limits-for-every-point test "$(q "SELECT count(DISTINCT round(upper, 9))
    FROM spc_points WHERE $w AND measure = 'drugs_policeuk'")" -eq 1

# --- markers by meaning ----------------------------------------------------------
# drugs_policeuk: better = up, so a flagged point above the centre is an improvement;
# neighbourhood crime: better = down, so above is a concern.
by_meaning() { # MEASURE BETTER(+1|-1): every flagged point's signal follows its side
    q "SELECT count(*) FROM spc_points WHERE $w AND measure = '$1' AND rules <> ''
       AND signal <> CASE WHEN (value > centre) = ($2 > 0) THEN 'improvement' ELSE 'concern' END"
}
check t0660.6-signal-follows-better-up test "$(by_meaning drugs_policeuk 1)" -eq 0
check t0660.7-signal-follows-better-down test "$(by_meaning serious_violence -1)" -eq 0
check t0660.8-some-points-are-flagged test "$(q "SELECT count(*) FROM spc_points WHERE $w
    AND rules <> '' AND signal IN ('improvement', 'concern')")" -gt 0

# --- county lines closed: a quarterly series, charted on quarters --------------
check t0660.9-quarterly-series-is-charted-quarterly test "$(q "SELECT frequency FROM
    measure_windows WHERE $w AND measure = 'county_lines_closures'")" = quarter
check t0660.10-one-point-a-quarter-no-month-gaps test "$(q "SELECT count(*) || ' ' ||
    sum(substr(month, 6) NOT IN ('01', '04', '07', '10')) FROM spc_points WHERE $w
    AND measure = 'county_lines_closures'")" = "16 0"
alt=$out/charts/warwickshire/county_lines_closures-spc.txt
check t0660.11-its-chart-speaks-of-quarters grep -q "each quarter from 2018/19 Q1 to 2021/22 Q4" "$alt"
check t0660.12-and-lists-no-missing-months sh -c "! grep -q 'No data for' '$alt' &&
    ! grep -q 'partial' '$out/charts/warwickshire/county_lines_closures.txt'"

# --- lower limits: as calculated in the CSV, from 0 where shown ------------------
lower=$(q "SELECT lower FROM spc_points WHERE $w AND measure = 'county_lines_closures' LIMIT 1")
check t0660.13-a-count-s-lower-limit-can-be-below-0-as-calculated awk "BEGIN { exit !($lower < 0) }"
check t0660.14-the-csv-keeps-it-unfloored grep -q "^warwickshire,county_lines_closures,2018-04,[0-9.]*,[0-9.]*,-" \
    "$out/csv/spc_points.csv"
check t0660.15-the-chart-shows-it-from-0 grep -q "process limits of 0.0 to" "$alt"

# --- victim satisfaction: a p-chart, each month's limits from its own n ------------
check t0660.16-shares-get-a-p-chart test "$(q "SELECT chart FROM spc_summary WHERE $w
    AND measure = 'victim_satisfaction'")" = p
# hand, from indicators.csv: p = satisfied / asked over 2018-04..2019-06;
# 2022-03's limits p -/+ 3 sqrt(p (1 - p) / n) with that month's n.
want=$(awk -F, '$1 == "Warwickshire Police" && $3 == "victim_satisfaction_pct" {
        if ($2 >= "2018-04" && $2 <= "2019-06") { x += int($4 / 100 * $5 + 0.5); n += $5 }
        if ($2 == "2022-03") m = $5 }
    END { p = x / n; printf "%.6f %.6f", 100 * (p - 3 * sqrt(p * (1 - p) / m)),
          100 * (p + 3 * sqrt(p * (1 - p) / m)) }' "$WORK/sample/indicators.csv")
got=$(q "SELECT printf('%.6f %.6f', lower, upper) FROM spc_points WHERE $w
    AND measure = 'victim_satisfaction' AND month = '2022-03'")
check t0660.17-p-chart-limits-by-hand test "$got" = "$want"
check t0660.18-limits-differ-month-to-month test "$(q "SELECT count(DISTINCT round(upper, 6))
    FROM spc_points WHERE $w AND measure = 'victim_satisfaction'")" -gt 10
check t0660.19-the-p-chart-is-drawn test -s "$out/charts/warwickshire/victim_satisfaction-spc.svg"

# --- fewer than 15 points: no verdict, and why ------------------------------------
check_exit t0660.20-a-short-sample 0 "$BIN/sio-gen" --seed 2 --forces 1 --from 2022-01 --to 2022-11 \
    --out "$WORK/short"
s2="--config $TOP/config/sio.ini --store $WORK/short.db --out $WORK/out2 --quiet"
# shellcheck disable=SC2086
check_exit t0660.21-its-pipeline 0 sh -c "$BIN/sio-ingest $s2 $WORK/short && $BIN/sio-transform $s2 &&
    $BIN/sio-measures $s2 && $BIN/sio-charts $s2"
short=$(sqlite3 -batch -noheader "$WORK/short.db" "SELECT variation || '|' || why_no_verdict
    FROM spc_summary WHERE measure = 'drugs_policeuk'")
check t0660.22-eleven-months-give-no-spc-verdict test "$short" = \
    "no verdict|the limits rest on 11 points, fewer than the 15 Making Data Count asks for"
check t0660.23-no-point-is-flagged-on-provisional-limits test "$(sqlite3 -batch -noheader \
    "$WORK/short.db" "SELECT count(*) FROM spc_points WHERE rules <> ''")" -eq 0
check t0660.24-the-chart-says-why grep -q "No SPC verdict: the limits rest on 11 points" \
    "$WORK/out2/charts/warwickshire/drugs_policeuk-spc.txt"
# ... and the statement says why beside the SPC summary, as the chart does.
# shellcheck disable=SC2086 # s2 is a word list on purpose
check_exit t0660.31-its-statement 0 "$BIN/sio-statement" $s2 --force warwickshire --quarter '2022/23 Q2'
check t0660.32-the-statement-says-why grep -q '^\*Monthly variation (SPC): no verdict, as the limits rest on 11 points, fewer than the 15 Making Data Count asks for\.\*$' \
    "$WORK/out2/statement/warwickshire-2022-23-q2.md"

# --- seasonality ---------------------------------------------------------------------
# a police.uk series is seasonal in the sample (seasonal_f_p < 0.05):
# the summary says so; with [spc] seasonal = year_on_year each point is the
# month less the same month a year earlier.
seasonal=$(q "SELECT measure FROM measure_results WHERE $w AND statistic = 'seasonal_f_p'
    AND value < 0.05 AND measure IN (SELECT measure FROM measure_counts) ORDER BY measure LIMIT 1")
check t0660.25-the-sample-has-a-seasonal-series test -n "$seasonal"
check t0660.26-its-summary-has-the-seasonal-note test -n "$(q "SELECT 1 FROM spc_summary WHERE $w
    AND measure = '$seasonal' AND note LIKE '%seasonal (month-of-year F test p = %'")"
sed -e 's/^seasonal = note$/seasonal = year_on_year/' \
    -e "s|^file = measures.ini|file = $TOP/config/measures.ini|" \
    -e "s|^file = peers.ini|file = $TOP/config/peers.ini|" \
    -e "s|^file = annotations.csv|file = $TOP/config/annotations.csv|" \
    "$TOP/config/sio.ini" >"$WORK/yoy.ini"
check_exit t0660.27-measures-year-on-year 0 "$BIN/sio-measures" --config "$WORK/yoy.ini" \
    --store "$store" --out "$WORK/out3" --quiet
check t0660.28-the-seasonal-series-is-charted-year-on-year test "$(q "SELECT basis || ' ' ||
    (SELECT min(month) FROM spc_points WHERE $w AND measure = '$seasonal') FROM spc_summary
    WHERE $w AND measure = '$seasonal'")" = "year-on-year change 2019-04"
# hand: March 2022 less March 2021, from measure_counts
d=$(q "SELECT a.count - b.count FROM measure_counts a, measure_counts b WHERE
    a.force = 'Warwickshire Police' AND b.force = a.force AND a.measure = '$seasonal'
    AND b.measure = a.measure AND a.month = '2022-03' AND b.month = '2021-03'")
check t0660.29-each-point-is-the-change-on-a-year-earlier test "$(q "SELECT CAST(value AS INTEGER)
    FROM spc_points WHERE $w AND measure = '$seasonal' AND month = '2022-03'")" = "$d"
check t0660.30-other-series-stay-as-they-were test "$(q "SELECT basis FROM spc_summary WHERE $w
    AND measure = 'neighbourhood_crime_policeuk'")" = value
done_testing
