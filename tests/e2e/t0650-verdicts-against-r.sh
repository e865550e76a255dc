#!/bin/sh
# t0650-verdicts-against-r: every tested verdict sio-measures gives on the
# generated sample (street counts, monthly indicator counts and shares) is
# recomputed live in R 4.2 by tests/tools/verdicts_check.R — the dispersion
# from glm(quasipoisson / quasibinomial, with month-of-year terms where the
# series is seasonal, or over the whole series with one rate a year for the
# quarterly ones), the interval from the quasi-Poisson Wald-t interval,
# poisson.test or Newcombe on effective counts — and must agree to 1e-6; and
# every peer row's significance is recomputed the same way
# (tests/tools/peers_check.R) and must agree.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
out=$WORK/out
opts="--config $TOP/config/sio.ini --store $store --out $out --quiet"
q() { sqlite3 -batch -csv -header "$store" "$1"; }

if ! command -v Rscript >/dev/null 2>&1; then
    echo "skip t0650: Rscript is not installed (Debian r-base-core)"
    fail t0650.0-rscript-is-installed "the check against R cannot run"
    done_testing
    exit
fi
check_exit t0650.1-generate 0 "$BIN/sio-gen" --size test --seed 1 --indicators --out "$WORK/sample"
# shellcheck disable=SC2086 # opts is a word list on purpose
check_exit t0650.2-ingest 0 "$BIN/sio-ingest" $opts "$WORK/sample"
# shellcheck disable=SC2086
check_exit t0650.3-transform 0 "$BIN/sio-transform" $opts
# shellcheck disable=SC2086
check_exit t0650.4-measures 0 "$BIN/sio-measures" $opts

q "SELECT c.force, c.measure, c.period_start AS month, c.value AS y,
          d.value AS n, c.period_type = 'fq' AS quarter, c.months_covered AS t
   FROM measure_results c
   LEFT JOIN measure_results d ON d.force = c.force AND d.measure = c.measure
    AND d.period_type = c.period_type AND d.period = c.period AND d.statistic = 'denominator'
   WHERE (c.period_type = 'month' AND c.statistic IN ('count', 'proportion_pct')
          OR c.period_type = 'fq' AND c.statistic IN ('count', 'proportion_pct')
             AND c.months_covered = 3)
    AND c.value IS NOT NULL" >"$WORK/points.csv"
q "SELECT v.force, v.measure, v.comparison, v.latest_start, v.latest_end, v.base_start,
          v.base_end, printf('%.17g', v.change_pct) AS change, printf('%.17g', v.ci_low_pct) AS low,
          printf('%.17g', v.ci_high_pct) AS high, printf('%.17g', v.dispersion) AS dispersion,
          v.dispersion_df AS df, coalesce(s.value < 0.05 AND v.unit = '%', 0) AS seasonal, v.unit,
          v.method LIKE '%whole series with one % for each%' AS years
   FROM measure_verdicts v LEFT JOIN measure_results s ON s.force = v.force
    AND s.measure = v.measure AND s.period_type = 'series' AND s.statistic = 'seasonal_f_p'
   WHERE v.verdict IN ('improvement', 'deterioration', 'no significant change')
    AND v.dispersion_df >= 10 AND v.latest_value > 0 AND v.base_value > 0" >"$WORK/verdicts.csv"
n=$(($(wc -l <"$WORK/verdicts.csv") - 1))
check t0650.5-there-are-tested-verdicts-to-check test "$n" -ge 40
check t0650.6-some-fit-month-of-year-terms grep -q ',1,%,0$' "$WORK/verdicts.csv"
check t0650.7-some-are-shares grep -q ',"percentage points",0$' "$WORK/verdicts.csv"
# Quarterly series: 8 points in the two windows are too few, so the whole
# series with one rate a year (lib/stats/dispersion.h).
check t0650.7a-some-quarterly-series-are-fitted-by-year grep -q ',%,1$' "$WORK/verdicts.csv"
check t0650.7b-some-quarterly-shares-are-fitted-by-year grep -q ',"percentage points",1$' "$WORK/verdicts.csv"
check_exit t0650.8-every-verdict-agrees-with-r 0 Rscript "$TOP/tests/tools/verdicts_check.R" \
    "$WORK/points.csv" "$WORK/verdicts.csv" 0.95
grep MISMATCH "$WORK/.out" | head -n 5
check t0650.9-r-checked-them-all grep -q "^checked $n verdicts, 0 mismatches" "$WORK/.out"

q "SELECT COALESCE((SELECT slug FROM force_aliases WHERE alias = force), force) AS force,
          measure, month, count FROM measure_counts" >"$WORK/counts.csv"
q "SELECT force, measure, substr(period, 14) AS period_end, group_name, member, count,
          population, significant FROM peer_results WHERE significant IS NOT NULL
    AND group_name <> 'England and Wales'
    AND measure IN (SELECT measure FROM measure_counts)" >"$WORK/peers.csv"
p=$(($(wc -l <"$WORK/peers.csv") - 1))
check t0650.10-there-are-peer-tests-to-check test "$p" -ge 20
check t0650.11-some-peers-differ-and-some-do-not sh -c "grep -q ',1\$' '$WORK/peers.csv' &&
    grep -q ',0\$' '$WORK/peers.csv'"
check_exit t0650.12-every-peer-test-agrees-with-r 0 Rscript "$TOP/tests/tools/peers_check.R" \
    "$WORK/counts.csv" "$WORK/peers.csv" 0.95
grep MISMATCH "$WORK/.out" | head -n 5
check t0650.13-r-checked-every-peer-row grep -q "^checked $p peer rows, 0 mismatches" "$WORK/.out"
done_testing
