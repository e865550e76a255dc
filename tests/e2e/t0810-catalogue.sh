#!/bin/sh
# t0810-catalogue: the store is the one source of truth between stages.
# sio-measures writes what each measure is, its chart file stem and the
# windows of its figures into the catalogue; sio-charts and sio-statement
# take them from there.  A section named with a space gets one file name in
# every stage, and editing the configuration between stages changes neither
# the charts nor the draft until sio-measures runs again.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
out=$WORK/out
cfgdir=$WORK/config
mkdir -p "$cfgdir"
cp "$TOP/config/sio.ini" "$TOP/config/measures.ini" "$TOP/config/peers.ini" \
   "$TOP/config/annotations.csv" "$TOP/config/forces.csv" "$TOP/config/reference.docx" \
   "$TOP/config/statement-print.css" "$cfgdir/"
# The police.uk neighbourhood crime section renamed to a name with a space.
sed -i 's/^\[neighbourhood_crime_policeuk\]$/[neighbourhood crime]/' "$cfgdir/measures.ini"
opts="--config $cfgdir/sio.ini --store $store --out $out"

stage() {
    st_name=$1; shift
    # shellcheck disable=SC2086 # opts is a word list on purpose
    "$BIN/sio-$st_name" $opts --quiet "$@" 2>"$WORK/$st_name.err" ||
    { st_rc=$?; cat "$WORK/$st_name.err" >&2; return "$st_rc"; }
}

check_exit t0810-1-generate 0 "$BIN/sio-gen" --size test --seed 1 --out "$WORK/sample"
check_exit t0810-2-ingest 0 stage ingest "$WORK/sample"
check_exit t0810-3-transform-measures 0 sh -c "$(printf '%s ' "$BIN/sio-transform" $opts --quiet) &&
    $(printf '%s ' "$BIN/sio-measures" $opts --quiet)"
q() { sqlite3 -batch -noheader "$store" "$1"; }

check t0810-4-catalogue-has-the-stem test "$(q "SELECT chart_stem FROM measure_catalogue
    WHERE measure = 'neighbourhood crime'")" = neighbourhood-crime

# Why a rise in drug trafficking counts as an improvement, as measures.ini says it.
# (its indented lines go on after a space).
reason=$(awk '/^\[/ { on = ($0 == "[drug_trafficking]") }
    on && /^better_reason = / { sub(/^better_reason = /, ""); v = $0; more = 1; next }
    more && /^  / { sub(/^ +/, ""); v = v " " $0; next } { more = 0 } END { print v }' "$cfgdir/measures.ini")
check t0810-21-catalogue-keeps-why-a-rise-is-better sh -c '[ -n "$1" ] && [ "$1" = "$2" ]' - "$reason" \
    "$(q "SELECT better_reason FROM measure_catalogue WHERE measure = 'drug_trafficking'")"

# Edit the configuration after sio-measures: another baseline and label.
sed -i -e 's/^start = 2018-07$/start = 2019-07/' -e 's/^end = 2019-06$/end = 2020-06/' "$cfgdir/sio.ini"
sed -i 's/^label = Burglary, robbery, theft from the person and vehicle crime, police.uk$/label = Edited label/' "$cfgdir/measures.ini"
check_exit t0810-5-charts 0 stage charts
check_exit t0810-6-statement 0 stage statement --force warwickshire
dir=$out/charts/warwickshire
md=$out/statement/warwickshire-2021-22-q4.md

check t0810-7-chart-file-named-by-the-stem test -s "$dir/neighbourhood-crime.svg"
check t0810-8-chart-recorded-in-the-store test "$(q "SELECT name FROM chart_files WHERE
    force = 'warwickshire' AND measure = 'neighbourhood crime' AND kind = 'quarterly'")" = \
    charts/warwickshire/neighbourhood-crime
check t0810-9-statement-embeds-that-chart grep -q '](../charts/warwickshire/neighbourhood-crime.svg)' "$md"
# The figures of the renamed measure are in the draft, under the stored label.
stored_count=$(q "SELECT count FROM measure_quarters WHERE force = 'warwickshire'
    AND measure = 'neighbourhood crime' AND quarter = '2021/22 Q4'")
check t0810-10-statement-has-the-figures grep -q "^| 2021/22 Q4 against 2020/21 Q4 | $stored_count |" "$md"
check t0810-11-label-from-the-store-not-the-edited-config sh -c \
    "grep -q '^### Headline: Burglary, robbery, theft from the person and vehicle crime, police.uk\$' '$md' &&
     ! grep -q 'Edited label' '$md' && ! grep -q 'Edited label' '$dir/neighbourhood-crime.txt'"
# The baseline the figures were compared with, not the one sio.ini now says.
check t0810-12-chart-baseline-from-the-store grep -q '(Jul 2018 to Jun 2019)' "$dir/neighbourhood-crime.txt"
check t0810-13-statement-baseline-from-the-store sh -c \
    "grep -q 'against the baseline (July 2018 to June 2019)' '$md' && ! grep -q 'July 2019 to June 2020' '$md'"

# After sio-measures runs again, both follow the new configuration.
check_exit t0810-14-measures-again 0 stage measures
check_exit t0810-15-charts-again 0 stage charts
check t0810-16-new-baseline-after-measures grep -q '(Jul 2019 to Jun 2020)' "$dir/neighbourhood-crime.txt"

# A store from before better_reason: opening it adds the column, empty
# until sio-measures runs again, and the later stages read it.
q "ALTER TABLE measure_catalogue DROP COLUMN better_reason"
check_exit t0810-22-older-catalogue-opens 0 stage charts
check t0810-23-older-catalogue-gains-the-column test "$(q "SELECT count(*) FROM measure_catalogue
    WHERE better_reason IS NULL")" = "$(q "SELECT count(*) FROM measure_catalogue")"

# A store from before a result column: opening it adds the column, and
# sio-measures fills it.
q "ALTER TABLE measure_verdicts DROP COLUMN dispersion_df"
check_exit t0810-24-older-results-table-measures-again 0 stage measures
check t0810-25-older-results-table-gains-the-column-filled test "$(q "SELECT count(*) FROM measure_verdicts
    WHERE dispersion_df IS NOT NULL")" -gt 0

# Results older than the catalogue: the later stages say what to run.
q "DELETE FROM measure_catalogue"
check_exit t0810-17-charts-without-catalogue-is-data-error 65 stage charts
check t0810-18-says-run-measures grep -q 'run sio-measures again' "$WORK/charts.err"

# Two sections whose names make the same stem would overwrite each other's charts.
printf '\n[Neighbourhood-Crime]\ncrime_type = Burglary\n' >>"$cfgdir/measures.ini"
check_exit t0810-19-clashing-stems-are-a-config-error 78 stage measures
check t0810-20-names-both grep -q "measures \[neighbourhood crime\] and \[Neighbourhood-Crime\] would share chart files" "$WORK/measures.err"
done_testing
