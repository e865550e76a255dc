#!/bin/sh
# t0115-gen-demo-statement: the sources `make demo` generates (scripts/demo's
# sio-gen options, here at the test suite's size) give each of the six
# priorities its headline from its proper source, in the shipped
# precedence (config/measures.ini): the Home Office table for homicide,
# drug trafficking and neighbourhood crime, with England and Wales (all 43
# forces) and the region beside them; the force's own indicator series for
# knife crime, cyber crime and victim satisfaction, with the domestic abuse
# victims' figure beneath.  Every activity measure (drugs searches and
# their outcomes, drug offences charged, county lines closed) has figures,
# and nothing but the rolling-year file, which sio-gen does not write, is
# reported missing.
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
has_figures() { # MEASURE: Warwickshire's latest 12 months have a value
    test "$(q "SELECT count(*) FROM measure_results WHERE force = 'warwickshire'
        AND measure = '$1' AND period_type = 'r12' AND value IS NOT NULL")" -gt 0
}
for m in drugs_searches drugs_search_outcomes drugs_charged county_lines_closures; do
    check "t0115-11-$m-has-figures" has_figures "$m"
done
only_rolling_year_missing() {
    grep '^\*No figures loaded for: ' "$md" >missing.txt
    [ -s missing.txt ] && ! grep -v 'rec-crime-pfa.csv' missing.txt
}
check t0115-12-only-the-rolling-year-file-missing only_rolling_year_missing
check t0115-13-no-priority-without-data sh -c "! grep -q '^### Headline: no data loaded' '$md'"
done_testing
