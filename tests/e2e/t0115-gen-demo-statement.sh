#!/bin/sh
# t0115-gen-demo-statement: the sources `make demo` generates (scripts/demo's
# sio-gen options, here at the test suite's size) give each of the six
# priorities its headline from its proper source, in the shipped
# precedence (config/measures.ini): the Home Office table for homicide,
# drug trafficking and neighbourhood crime; the force's own indicator series
# for knife crime, cyber crime and victim satisfaction, with the domestic
# abuse victims' figure beneath; every one of the six with England and Wales
# (all 43 forces) and the region beside it.  Every activity measure (drugs
# searches and their outcomes, drug offences charged, county lines closed)
# has figures, the rolling-year file's 12-month totals are there, and no
# source is reported missing.
. "$(dirname "$0")/lib.sh"
cfg=$TOP/config/sio.ini
cd "$WORK" || exit 1

# scripts/demo's own sio-gen options, at the test suite's size.
gen_args=$(sed -n 's/^gen_args="\(.*\)"$/\1/p' "$TOP/scripts/demo" | sed 's/--size small/--size test/')
pipeline() {
    case $gen_args in *"--size test"*) ;; *) echo "scripts/demo: no gen_args with --size small"; return 1 ;; esac
    # shellcheck disable=SC2086 # a word list on purpose
    "$BIN/sio-gen" $gen_args --out sample >/dev/null &&
        "$BIN/sio-ingest" --config "$cfg" --store db --out out --quiet sample >/dev/null &&
        "$BIN/sio-transform" --config "$cfg" --store db --out out --quiet &&
        "$BIN/sio-measures" --config "$cfg" --store db --out out --quiet
}
check t0115-1-pipeline pipeline
check_exit t0115-2-statement 0 "$BIN/sio-statement" --config "$cfg" --store db --out out \
    --quiet --force warwickshire
md=out/statement/warwickshire-2021-22-q4.md
q() { sqlite3 -batch -noheader db "$1"; }

# headline N LABEL SOURCE: section N's headline is LABEL, from SOURCE.
headline() {
    awk -v n="$1" '/^## [0-9]\. / { on = (substr($2, 1, 1) == n) } /^## [^0-9]/ { on = 0 } on' "$md" |
        awk '/^### Headline: / { h = substr($0, 15); getline; getline; print h "|" $0; exit }' |
        grep -q "^$2|\*Source: $3"
}
ho="Home Office police recorded crime, by financial quarter"
own="the force's own figures (an indicator series)"
check t0115-3-homicide-from-the-home-office headline 1 Homicide "$ho"
check t0115-4-serious-violence-from-knife-crime headline 2 "Knife or sharp instrument offences" "$own"
check t0115-5-drugs-from-trafficking headline 3 "Drug trafficking offences" "$ho"
check t0115-6-neighbourhood-crime-from-the-home-office headline 4 "Neighbourhood crime" "$ho"
check t0115-7-cyber-crime-from-reports headline 5 "Cyber crime reports" "$own"
check t0115-8-satisfaction-from-the-survey headline 6 "Victims satisfied with the whole experience" "$own"
check t0115-9-domestic-abuse-victims-beneath \
    grep -q '^#### Domestic abuse victims satisfied with the whole experience$' "$md"

national() { # MEASURE: country forces with data/expected, and whether a region row exists
    q "SELECT (SELECT forces_with_data || '/' || forces_expected FROM national_picture
        WHERE force = 'warwickshire' AND measure = '$1' AND area_kind = 'country'
        AND comparison = 'year_earlier') || ' ' || (SELECT count(*) FROM national_picture
        WHERE force = 'warwickshire' AND measure = '$1' AND area_kind = 'region'
        AND comparison = 'year_earlier')"
}
for m in homicide drug_trafficking neighbourhood_crime; do
    check "t0115-10-$m-beside-england-and-wales-and-region" test "$(national "$m")" = "43/43 1"
done
for m in knife_crime cyber_crime_reports victim_satisfaction; do
    check "t0115-14-$m-beside-england-and-wales-and-region" test "$(national "$m")" = "43/43 1"
done
# headline_block N: section N's headline, from its heading to the next.
headline_block() {
    awk -v n="$1" '/^## [0-9]\. / { on = (substr($2, 1, 1) == n) } /^## [^0-9]/ { on = 0 } on' "$md" |
        awk '/^### / { h = /^### Headline: / } h'
}
# In the draft: each headline's table has England and Wales' and the West
# Midlands' rows, and its sentence sets the force beside them.
beside_in_draft() {
    headline_block "$1" >block.txt
    grep -q '^| England and Wales: 12 months to March 2022 against the 12 months before | ' block.txt &&
        grep -q '^| West Midlands: 12 months to March 2022 against the 12 months before | ' block.txt &&
        grep -q '^Beside England and Wales: .* Warwickshire Police .*; England and Wales .*; the West Midlands region ' block.txt &&
        ! grep -q '^\*England and Wales: not shown' block.txt
}
for n in 1 2 3 4 5 6; do
    check "t0115-15-headline-$n-beside-england-and-wales-in-the-draft" beside_in_draft "$n"
done
has_figures() { # MEASURE: Warwickshire's latest 12 months have a value
    test "$(q "SELECT count(*) FROM measure_results WHERE force = 'warwickshire'
        AND measure = '$1' AND period_type = 'r12' AND value IS NOT NULL")" -gt 0
}
for m in drugs_searches drugs_search_outcomes drugs_charged county_lines_closures; do
    check "t0115-11-$m-has-figures" has_figures "$m"
done
# The rolling-year file (sio-gen --rolling-year) gives the 12-month totals
# of every offence group it carries; only force-recorded fraud, which the
# published file has had for no force since 2014, is said to be absent from
# the file loaded, not missing.
has_r12() { # MEASURE: Warwickshire's 12 months to March 2022 from the rolling-year file
    test "$(q "SELECT count(*) FROM measure_results WHERE force = 'warwickshire'
        AND measure = '$1' AND period_type = 'r12' AND period_end = '2022-03' AND statistic = 'count'
        AND value IS NOT NULL")" -eq 1
}
for m in homicide_r12 serious_violence_r12 drug_offences_r12 neighbourhood_crime_r12; do
    check "t0115-16-$m-has-figures" has_r12 "$m"
done
check t0115-17-no-source-reported-missing sh -c "! grep -q '^\*No figures loaded for: ' '$md'"
check t0115-18-no-12-month-totals-missing sh -c "! grep 'No figures loaded' '$md' | grep -q '12-month totals'"
check t0115-19-force-fraud-said-to-be-absent-from-the-file-loaded grep -q \
    '^\*Loaded, but with no figures for Warwickshire Police: Fraud offences recorded by the force (12-month totals) (.*rec-crime-pfa.csv))\.\*$' "$md"
check t0115-13-no-priority-without-data sh -c "! grep -q '^### Headline: no data loaded' '$md'"
done_testing
