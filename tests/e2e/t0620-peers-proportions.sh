#!/bin/sh
# t0620-peers-proportions: peers for a proportion measure (victim
# satisfaction) on indicator rows inserted by hand.  Expected values are hand
# sums and R 4.2.2 prop.test(..., correct = FALSE) with options(digits = 12),
# written beside each check, never sio's own output.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
q() { sqlite3 -batch -noheader "$store" "$1"; }
cat >"$WORK/measures.ini" <<'INI'
[victim_satisfaction]
label = Victim satisfaction
indicator = victim_satisfaction_pct
statistic = proportion
better = up
INI
cat >"$WORK/peers.ini" <<'INI'
[Test group]
source = t0620
date = 2024-01
member = warwickshire
member = west-mercia
member = leicestershire
member = northamptonshire
INI
sed -e "s|^file = peers.ini|file = $WORK/peers.ini|" \
    -e "s|^file = measures.ini|file = $WORK/measures.ini|" \
    -e "s|^file = annotations.csv|file = $TOP/config/annotations.csv|" \
    "$TOP/config/sio.ini" >"$WORK/sio.ini"
opts="--config $WORK/sio.ini --store $store --out $WORK/out --quiet"

# Every month 2021-04 .. 2022-03: warwickshire 75% of 100 (900 of 1200 over
# the year), west-mercia 60% of 50 (360 of 600), leicestershire 80% of 200
# (1920 of 2400); northamptonshire 70% of 10 with 2021-09 missing.
{
    echo "BEGIN;"
    echo "INSERT INTO files(id, path, sha256, kind, force, month, bytes, rows_read,
          rows_loaded, rows_rejected, rows_duplicate, loaded_at) VALUES (9200, 't0620',
          't0620', 'indicators', 'warwickshire', '2021-04', 0, 0, 0, 0, 0,
          '2024-01-01T00:00:00Z');"
    line=0
    for f in warwickshire:75:100 west-mercia:60:50 leicestershire:80:200 northamptonshire:70:10; do
        slug=${f%%:*}; rest=${f#*:}; pct=${rest%%:*}; den=${rest#*:}
        for mon in 2021-04 2021-05 2021-06 2021-07 2021-08 2021-09 2021-10 2021-11 \
                   2021-12 2022-01 2022-02 2022-03; do
            [ "$slug$mon" = northamptonshire2021-09 ] && continue
            line=$((line + 1))
            echo "INSERT INTO indicators(file_id, line, force, force_slug, period, period_start,
                  period_end, indicator, value, denominator) VALUES (9200, $line, '$slug',
                  '$slug', '$mon', '$mon', '$mon', 'victim_satisfaction_pct', $pct, $den);"
        done
    done
    echo "COMMIT;"
} >"$WORK/rows.sql"
cat "$TOP"/lib/store/schema/*.sql >"$WORK/schema.sql"
check t0620.1-create-store-from-schema sqlite3 -batch "$store" ".read $WORK/schema.sql"
check t0620.2-insert-indicator-rows sqlite3 -batch "$store" ".read $WORK/rows.sql"
# shellcheck disable=SC2086 # opts is a word list on purpose
check_exit t0620.3-measures 0 "$BIN/sio-measures" $opts
row() { # MEMBER COLUMNS: warwickshire's view of the group
    q "SELECT $2 FROM peer_proportions WHERE force = 'warwickshire' AND member = '$1'
       AND measure = 'victim_satisfaction'"
}
check t0620.4-period-is-the-forces-latest-12-months test "$(row warwickshire period)" = \
    "12 months to 2022-03"
# R: prop.test(900, 1200, correct = FALSE)$conf.int = 0.724728814898 0.773675684801
check t0620.5-member-proportion-has-wilson-interval test "$(row warwickshire \
    "successes || ' ' || trials || printf(' %.4f %.4f %.4f', proportion_pct, ci_low,
    ci_high)")" = "900 1200 75.0000 72.4729 77.3676"
# Pooled: (900 + 360 + 1920) / (1200 + 600 + 2400) = 3180 / 4200 = 75.7143%;
# R: prop.test(3180, 4200, correct = FALSE)$conf.int = 0.743943235825 0.769872525583
check t0620.6-pooled-proportion-has-wilson-interval test "$(row warwickshire \
    "printf('%.4f %.4f %.4f', pooled_pct, pooled_low, pooled_high)")" = "75.7143 74.3943 76.9873"
check t0620.7-rank-1-is-lowest-share test "$(q "SELECT group_concat(member || '=' || rank, ' ')
    FROM (SELECT member, rank FROM peer_proportions WHERE force = 'warwickshire' AND rank
    IS NOT NULL ORDER BY rank)")" = "west-mercia=1 warwickshire=2 leicestershire=3"
# R: prop.test(c(900, 2280), c(1200, 3000), correct = FALSE)$p.value = 0.494764291756
check t0620.8-member-near-the-rest-is-not-significant test "$(row warwickshire \
    "printf('%.9f', p_value) || ' ' || significant")" = "0.494764292 0"
# R: prop.test(c(360, 2820), c(600, 3600), correct = FALSE)$p.value = 3.14464114961e-22
check t0620.9-member-far-below-the-rest-is-significant test "$(row west-mercia \
    "printf('%.5e', p_value) || ' ' || significant")" = "3.14464e-22 1"
# R: prop.test(c(1920, 1260), c(2400, 1800), correct = FALSE)$p.value = 7.47986855362e-14
check t0620.10-member-far-above-the-rest-is-significant test "$(row leicestershire \
    "printf('%.5e', p_value) || ' ' || significant")" = "7.47987e-14 1"
check t0620.11-member-with-a-missing-month-is-left-out test "$(row northamptonshire \
    "coalesce(successes, 'null') || ' ' || coalesce(rank, 'null') || ' ' ||
    coalesce(significant, 'null')")" = "null null null"
check t0620.12-difference-is-in-points test "$(row warwickshire \
    "printf('%.4f', difference)")" = "-0.7143"
check t0620.13-csv-written test "$(sed 1d "$WORK/out/csv/peer_proportions.csv" | wc -l)" -eq 16
check t0620.14-no-rate-rows-for-a-proportion test "$(q "SELECT count(*) FROM peer_results")" -eq 0
done_testing
