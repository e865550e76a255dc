# t0870 — peers for every force, and the funnel plot.  A force in no
# configured group is compared with the other forces of its region
# (forces.csv's region column, read here with awk), a configured group
# winning wherever it is given, and every force with England and Wales when
# all are loaded; every force gets a peer chart.  The funnel plot of each
# count measure: every force's rate per
# 1,000 over the same 12 months against its population, the England and
# Wales rate (the pooled rate of every force; said to be only the forces
# plotted when some are missing) and exact Poisson 95% and 99.8% control
# limits, checked against R (tests/tools/funnel_limits.R, the formula beside
# it); a funnel chart for every force, its title and alt text saying where
# the force lies and counting the others outside each limit (which forces
# a national chart names and which it draws off the scale is
# tests/unit/test_chart_funnel.c's); none from fewer than three forces.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
command -v Rscript >/dev/null || { fail "t0870-0 R is installed (r-base-core)"; done_testing; exit; }
# Twelve months of the 43 forces, to the measures (every figure the funnel
# needs); then four forces through sio-run, for the charts.
stage_to_measures() { # NAME INPUT
    run_config "$1" "$1/sio.db" "$1/out" "$1/run.log"
    "$BIN/sio-ingest" --config "cfg/$1.ini" --quiet "$2" >/dev/null &&
        "$BIN/sio-transform" --config "cfg/$1.ini" --quiet &&
        "$BIN/sio-measures" --config "cfg/$1.ini" --quiet
}
"$BIN/sio-gen" --out in --forces 43 --from 2021-04 --to 2022-03 --rows 100 --seed 3 --indicators >/dev/null
stage_to_measures all in || fail "t0870-0 the 43 forces' store" "exit $?"
q() { sqlite3 -batch -noheader all/sio.db "$1"; }
points_csv() { # STORE: the funnel points with the target, full precision, for R
    sqlite3 -csv -header "$1" "SELECT p.measure, p.force, p.count, p.population,
        printf('%.17g', p.rate_per_1000) AS rate_per_1000, printf('%.17g', p.low_95) AS low_95,
        printf('%.17g', p.high_95) AS high_95, printf('%.17g', p.low_998) AS low_998,
        printf('%.17g', p.high_998) AS high_998, p.position,
        printf('%.17g', f.rate_per_1000) AS target_rate_per_1000
        FROM funnel_points p JOIN funnel_plots f USING (measure) ORDER BY p.measure, p.force"
}

counts=$(q "SELECT count(*) FROM measure_catalogue WHERE statistic = 'count'")
check "t0870-1 every count measure with population has a funnel" \
    test "$(q "SELECT count(*) FROM funnel_plots")" -eq "$(q "SELECT count(DISTINCT measure) FROM measure_results
        WHERE statistic = 'rate_per_1000'")" -a "$counts" -gt 0
check "t0870-2 with all 43 forces, the target is England and Wales'" \
    test "$(q "SELECT DISTINCT area || '|' || forces || '|' || forces_expected FROM funnel_plots")" = "England and Wales|43|43"
points_csv all/sio.db >points.csv
check "t0870-3 the target, every rate, limit and position agree with R" \
    Rscript "$TOP/tests/tools/funnel_limits.R" points.csv
awk -F, -v OFS=, 'NR == 2 { $9 = 0.1 } 1' points.csv >tampered.csv # high_998
check "t0870-4 and R notices a limit that is wrong" \
    sh -c "! Rscript '$TOP/tests/tools/funnel_limits.R' tampered.csv >tampered.out && grep -q 'limit 4 is 0.1,' tampered.out"
check "t0870-5 funnel.csv has a row per force and measure" \
    test "$(($(wc -l <all/out/csv/funnel.csv) - 1))" -eq "$(q "SELECT count(*) FROM funnel_points")"

# Peers: the shipped peers file's (illustrative) group of four; every other
# force is compared with its region, as forces.csv gives it.
region_of() { awk -F, -v s="$1" '$1 == s { print $4 }' "$TOP/config/forces.csv"; }
in_group() { q "SELECT DISTINCT group_name FROM peer_results WHERE force = '$1' AND group_name <> 'England and Wales'"; }
defaults_by_region() {
    for f in $(q "SELECT DISTINCT force FROM measure_results WHERE statistic = 'rate_per_1000'"); do
        case $f in warwickshire|west-mercia|leicestershire|northamptonshire) continue ;; esac
        test "$(in_group "$f")" = "$(region_of "$f") region" || { echo "# $f: $(in_group "$f")"; return 1; }
    done
}
check "t0870-6 a force in no configured group is compared with its region" defaults_by_region
region_members() { # the forces the store compares in REGION's group, against forces.csv's
    q "SELECT DISTINCT member FROM peer_results WHERE group_name = '$1 region' ORDER BY member" >got.members
    awk -F, -v r="$1" '$4 == r { print $1 }' "$TOP/config/forces.csv" | LC_ALL=C sort >want.members
    cmp -s got.members want.members
}
check "t0870-7 whose group is every force of that region" region_members "North West"
check "t0870-8 a configured group wins where given" \
    test "$(in_group warwickshire)" = "Demo neighbours (illustrative, not an MSG)"
check "t0870-9 though its force is still a member of its region's group, for the others" \
    test "$(q "SELECT count(*) FROM peer_results WHERE group_name = 'West Midlands region' AND member = 'warwickshire'
               AND force <> 'warwickshire'")" -gt 0
check "t0870-10 with every force loaded, each is compared with England and Wales too" \
    test "$(q "SELECT count(DISTINCT force) FROM peer_results WHERE group_name = 'England and Wales'")" -eq 43

# The charts: four forces, the whole run.
"$BIN/sio-gen" --out four --forces 4 --from 2021-04 --to 2022-03 --rows 100 --seed 5 --own-indicators >/dev/null
run_config_extra='[charts]\nformats = svg\n[statement]\nformats = none\n'
run_config charts var/sio.db out var/run.log
# every force's charts: no [run] statement_force, which would have sio-run
# draw that one force's only
sed -i '/^statement_force = /d' cfg/charts.ini
"$BIN/sio-run" --config cfg/charts.ini --quiet four || fail "t0870-0 sio-run on four forces" "exit $?"
q() { sqlite3 -batch -noheader var/sio.db "$1"; }
check "t0870-20 every force has a peer chart for each measure with rates" \
    test "$(ls out/charts/*/*-peers.svg | wc -l)" -eq "$(q "SELECT count(*) FROM (SELECT DISTINCT force, measure
        FROM measure_results WHERE statistic = 'rate_per_1000')")"
check "t0870-11 every force has a funnel chart for each such measure" \
    test "$(ls out/charts/*/*-funnel.svg | wc -l)" -eq "$(q "SELECT count(*) FROM funnel_points")"
check "t0870-12 each recorded for the statement" \
    test "$(q "SELECT count(*) FROM chart_files WHERE kind = 'funnel'")" -eq "$(q "SELECT count(*) FROM funnel_points")"
# Where the force lies, in the title (the SVG's text is drawn as glyphs, so
# the alt text, which sio writes from the same words, is read instead).
alt_agrees() {
    q "SELECT p.force, c.chart_stem, p.position FROM funnel_points p JOIN measure_catalogue c
       USING (measure)" | while IFS='|' read -r force stem pos; do
        f=out/charts/$force/$stem-funnel.txt
        case $pos in
            within) want="within the limits" ;;
            above*) want="above the limits" ;;
            below*) want="below the limits" ;;
        esac
        name=$(q "SELECT name FROM forces WHERE slug = '$force'")
        grep -q "^Funnel plot of .* $name: [0-9.]* per 1,000 (.*), $want" "$f" || { echo "# $f: $pos"; exit 1; }
    done
}
check "t0870-13 each chart's alt text gives the force's rate and whether it is within the limits" alt_agrees
# The other forces in words: how many lie outside the 99.8% limits and
# outside the 95% only, as the store has them, and each force outside the
# 99.8% limits named "(above)" or "(below)" (up to 8: four forces name all).
outside_counted() {
    q "SELECT p.force, c.chart_stem,
              (SELECT count(*) FROM funnel_points o WHERE o.measure = p.measure AND o.force <> p.force
                  AND o.position LIKE '% 99.8%'),
              (SELECT count(*) FROM funnel_points o WHERE o.measure = p.measure AND o.force <> p.force
                  AND o.position LIKE '% 95%')
       FROM funnel_points p JOIN measure_catalogue c USING (measure)" |
        while IFS='|' read -r force stem n998 n95; do
            f=out/charts/$force/$stem-funnel.txt
            if [ "$n998" -eq 0 ]; then
                want="none is outside the 99.8% limits and $n95 [a-z]* *outside the 95% limits only"
            else
                want="$n998 [a-z]* outside the 99.8% limits ([0-9]* above, [0-9]* below) and $n95 outside the 95% limits only"
            fi
            grep -q "Of the other 3 forces, $want\." "$f" &&
                test "$(grep -o '(\(above\|below\))' "$f" | wc -l)" -eq "$n998" ||
                { echo "# $f: $n998 outside 99.8%, $n95 outside 95% only"; exit 1; }
        done
}
check "t0870-14 and counts the other forces outside each limit, naming those outside the 99.8%" outside_counted
check "t0870-15 with four forces, the target is said to be theirs" \
    test "$(q "SELECT DISTINCT area FROM funnel_plots")" = "the 4 forces with data"

# A force without all 12 months is left out, and the target then says so.
rm -f in/2022-02/2022-02-dorset-street.csv
stage_to_measures gap in || fail "t0870-0 the store with a gap" "exit $?"
check "t0870-16 a force missing a month of the 12 is not plotted, and counted" \
    test "$(sqlite3 gap/sio.db "SELECT DISTINCT left_out FROM funnel_plots WHERE measure IN
        (SELECT measure FROM measure_catalogue WHERE source_kind = 'police.uk street')")" = 1
check "t0870-17 and the target is the other forces', not England and Wales'" \
    test "$(sqlite3 gap/sio.db "SELECT DISTINCT area FROM funnel_plots WHERE left_out = 1")" = "the 42 forces with data"
points_csv gap/sio.db >gap.csv
check "t0870-18 R agrees there too" Rscript "$TOP/tests/tools/funnel_limits.R" gap.csv

# Fewer than three forces: no funnel.
"$BIN/sio-gen" --out two --forces 2 --from 2021-04 --to 2022-03 --rows 100 --seed 7 --own-indicators >/dev/null
stage_to_measures two two || fail "t0870-0 the two-force store" "exit $?"
check "t0870-19 two forces make no funnel" test "$(sqlite3 two/sio.db "SELECT count(*) FROM funnel_plots")" = 0
done_testing
