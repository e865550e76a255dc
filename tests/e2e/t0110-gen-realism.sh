#!/bin/sh
# t0110-gen-realism: sio-gen's sample reads like real forces.  Its volumes,
# mix and month-to-month variation are checked against the real files in
# ../shared/data (counted here by tests/tools/count_street.py and awk, not by
# sio); the other sources against published orders of magnitude, each
# written beside its check.  The cases that need the real files skip,
# visibly, when they are absent.
. "$(dirname "$0")/lib.sh"
gen=$BIN/sio-gen
data=$SHARED/data
count="python3 $TOP/tests/tools/count_street.py"
warks="Warwickshire Police"

# Per crime type (and neighbourhood crime: burglary, robbery, theft from the
# person, vehicle crime), from force,crime_type,month,count: the monthly mean
# and the variance / mean (sample variance) over the months given.
stats() {
    awk -F, 'NR > 1 {
        if ($2 == "Burglary" || $2 == "Robbery" || $2 == "Theft from the person" ||
            $2 == "Vehicle crime") nc[$3] += $4
        c[$2, $3] = $4; keys[$2] = 1; months[$3] = 1 }
    END {
        for (m in nc) { c["Neighbourhood crime", m] = nc[m]; keys["Neighbourhood crime"] = 1 }
        for (k in keys) {
            n = 0; s = 0; for (m in months) { n++; s += c[k, m] }
            mean = s / n; v = 0; for (m in months) v += (c[k, m] - mean) ^ 2
            printf "%s,%.3f,%.3f\n", k, mean, v / (n - 1) / mean } }' "$1" | LC_ALL=C sort
}

# --- the calibration table is what calibrate.py prints from the real files --
if [ -d "$data/police-uk" ] && [ -f "$data/home-office-prc/rec-crime-pfa.csv" ]; then
    python3 "$TOP/tests/tools/calibrate.py" "$data" >"$WORK/table.c" 2>"$WORK/table.err"
    check t0110.1-calibration-table-is-calibrate-py-output \
        cmp -s "$WORK/table.c" "$TOP/tests/gen/calibration_table.c"
else
    echo "skip t0110.1: $data not present"
fi

# --- Warwickshire 2022 generated against the real 2022 files -----------------
"$gen" --forces 1 --from 2022-01 --to 2022-11 --seed 1 --out "$WORK/w22" \
    --expect "$WORK/w22.csv" >/dev/null 2>&1
if ls "$data"/police-uk/2022-*/2022-*-warwickshire-street.csv >/dev/null 2>&1; then
    $count "$data"/police-uk/2022-*/2022-*-warwickshire-street.csv >"$WORK/real22.csv"
    stats "$WORK/real22.csv" >"$WORK/real.stats"
    stats "$WORK/w22.csv" >"$WORK/gen.stats"
    join -t, "$WORK/real.stats" "$WORK/gen.stats" >"$WORK/both.stats"
    # Monthly mean per type within 15% of the real one (35% under 40 a month,
    # where Poisson noise over 11 months alone is about 5%).
    means_close() {
        [ "$(wc -l <"$WORK/both.stats")" -eq 15 ] &&
        awk -F, '{ tol = $2 >= 40 ? 0.15 : 0.35; r = $4 / $2
                   if (r < 1 - tol || r > 1 + tol) { print "off: " $0; bad = 1 } }
                 END { exit bad }' "$WORK/both.stats"
    }
    check t0110.2-monthly-volume-per-type-as-real-2022 means_close
    # Over-dispersion: variance / mean within a factor of 3 of the real one
    # (real 2022: about 8.7 for neighbourhood crime, 12 for violence, 3.2 for
    # drugs; Poisson counts would give 1).
    dispersed_like() {
        grep "^$1," "$WORK/both.stats" |
            awk -F, '{ r = $5 / $3; exit !($5 > 1.3 && r > 1 / 3 && r < 3) }'
    }
    check t0110.3-neighbourhood-crime-over-dispersed-as-real dispersed_like "Neighbourhood crime"
    check t0110.4-violence-over-dispersed-as-real dispersed_like "Violence and sexual offences"
    check t0110.5-drugs-over-dispersed-as-real dispersed_like "Drugs"
else
    echo "skip t0110.2-5: the real Warwickshire 2022 street files are not present"
fi

# --- the sample's four years for Warwickshire -------------------------------
"$gen" --size small --forces 1 --seed 1 --all-sources --out "$WORK/s" \
    --expect "$WORK/s.csv" >/dev/null 2>&1
fy_total() { # TYPE FY (2021 = 2021/22): Warwickshire's count in that year
    awk -F, -v t="$1" -v y="$2" 'NR > 1 && $2 == t {
        m = substr($3, 6, 2) + 0; fy = substr($3, 1, 4) - (m < 4)
        if (fy == y) s += $4 } END { print s + 0 }' "$WORK/s.csv"
}
# The last year, 2021/22, within 20% of the real 2022 figure (11 months
# scaled to 12) for every crime type: no volume a real force could not have.
last_year_like_2022() {
    awk -F, 'NR > 1 { s[$2] += $4 } END { for (t in s) printf "%s,%.0f\n", t, s[t] * 12 / 11 }' \
        "$WORK/real22.csv" | LC_ALL=C sort >"$WORK/real.year"
    while IFS=, read -r type real; do
        got=$(fy_total "$type" 2021)
        awk -v g="$got" -v r="$real" 'BEGIN { exit !(g > 0.8 * r && g < 1.2 * r) }' ||
            { echo "off: $type 2021/22 $got, real 2022 $real"; return 1; }
    done <"$WORK/real.year"
}
if [ -s "$WORK/real22.csv" ]; then
    check t0110.6-last-year-per-type-as-real-2022 last_year_like_2022
else
    echo "skip t0110.6: the real Warwickshire 2022 street files are not present"
fi
# A seasonal shape: violence peaks in the summer, burglary in the dark
# months (June-August against December-February, the two years before
# COVID-19).
summer_over_winter() { # TYPE: sum of Jun-Aug over sum of Dec-Feb
    awk -F, -v t="$1" 'NR > 1 && $2 == t && $3 >= "2018-06" && $3 <= "2020-02" {
        m = substr($3, 6, 2) + 0
        if (m >= 6 && m <= 8) s += $4; if (m == 12 || m <= 2) w += $4 }
        END { printf "%.3f\n", s / w }' "$WORK/s.csv"
}
check t0110.7-violence-peaks-in-summer test "$(summer_over_winter 'Violence and sexual offences' |
    awk '{ print ($1 > 1.05) }')" = 1
check t0110.8-burglary-peaks-in-winter test "$(summer_over_winter Burglary |
    awk '{ print ($1 < 0.95) }')" = 1
# The first lockdown: April 2020's shoplifting well under April 2019's,
# anti-social behaviour well over.
month_count() { awk -F, -v t="$1" -v m="$2" '$2 == t && $3 == m { print $4 }' "$WORK/s.csv"; }
check t0110.9-lockdown-shoplifting-dip test \
    "$(month_count Shoplifting 2020-04)" -lt "$(($(month_count Shoplifting 2019-04) * 3 / 4))"
check t0110.10-lockdown-asb-rise test \
    "$(month_count 'Anti-social behaviour' 2020-04)" -gt \
    "$(($(month_count 'Anti-social behaviour' 2019-04) * 5 / 4))"

# --- the Home Office table --------------------------------------------------
ho=$WORK/s-ho.csv
homicide() { # FORCE FY: homicides (codes 1, 4/1, 4/2, 4/10) in the year; FORCE
    # '*' for England and Wales (every force but British Transport Police)
    awk -F, -v f="$1" -v y="$2" 'NR > 1 && ($1 == f || (f == "*" && $1 != "British Transport Police")) &&
        ($(NF - 1) == "1" || $(NF - 1) == "4/1" || $(NF - 1) == "4/2" || $(NF - 1) == "4/10") {
        m = substr($(NF - 2), 6, 2) + 0
        if (substr($(NF - 2), 1, 4) - (m < 4) == y) s += $NF } END { print s + 0 }' "$ho"
}
warwickshire_homicide_single_digits() {
    total=0
    for fy in 2018 2019 2020 2021; do
        n=$(homicide Warwickshire $fy); total=$((total + n))
        [ "$n" -le 9 ] || { echo "Warwickshire $fy: $n homicides"; return 1; }
    done
    [ "$total" -gt 0 ]
}
check t0110.11-warwickshire-homicide-single-digits-a-year warwickshire_homicide_single_digits
# England and Wales: 732 homicides in the 12 months to December 2018
# (rec-crime-pfa.csv, the 43 forces and BTP); every year 550-900.
ew_homicide() {
    for fy in 2018 2019 2020 2021; do
        n=$(homicide '*' $fy)
        [ "$n" -ge 550 ] && [ "$n" -le 900 ] || { echo "England and Wales $fy: $n"; return 1; }
    done
}
check t0110.12-england-and-wales-homicide-about-700-a-year ew_homicide
check t0110.13-home-office-table-every-force test \
    "$(sed 1d "$ho" | cut -d, -f1 | sed 's/^"London/London/' | sort -u |
       grep -cvE '^(British Transport Police|Action Fraud|CIFAS|UK Finance)$')" = 43
# Facts carry over: each force's violence with injury (codes 2, 5D, 5E, 8N,
# 8P, 8S, 37.1) in 2018/19 within 15% of the rolling-year file's 12 months to
# December 2018.
rolling=$data/home-office-prc/rec-crime-pfa.csv
vwi_like_rolling_year() {
    awk -F, '$1 == "31/12/2018" && $4 == "Violence with injury" { print $2 "," $5 }' "$rolling" |
        sed 's/^City of London,/London, City of,/' | LC_ALL=C sort >"$WORK/vwi.real"
    awk -F, 'NR > 1 && $3 ~ /^(2|5D|5E|8N|8P|8S|37\.1)$/ && $2 >= "2018-04" && $2 <= "2019-01" {
        f = $1; if (f ~ /^"/) { f = f "," $2; sub(/^"/, "", f); sub(/"$/, "", f); n = $5 } else n = $4
        s[f] += n } END { for (f in s) print f "," s[f] }' "$ho" | LC_ALL=C sort >"$WORK/vwi.gen"
    join -t, "$WORK/vwi.real" "$WORK/vwi.gen" >"$WORK/vwi.both"
    [ "$(wc -l <"$WORK/vwi.both")" -ge 43 ] &&
    awk -F, '{ r = $3 / $2; if (r < 0.85 || r > 1.15) { print "off: " $0; bad = 1 } }
             END { exit bad }' "$WORK/vwi.both"
}
if [ -f "$rolling" ]; then
    check t0110.14-violence-with-injury-as-rolling-year vwi_like_rolling_year
else
    echo "skip t0110.14: $rolling not present"
fi

# --- stop and search, outcomes, indicators, population ----------------------
drugs_share() {
    awk -F, 'NR > 1 { all += $5; if ($3 == "Controlled drugs") d += $5 }
             END { exit !(d / all > 0.55 && d / all < 0.80) }' "$WORK/s-stop-search.csv"
}
check t0110.15-searches-mostly-for-controlled-drugs drugs_share
charged_share() { # of Drugs crimes with an outcome, the share charged: 10-35%
    awk -F, 'NR > 1 && $3 == "Drugs" { all += $5; if ($4 == "Suspect charged") c += $5 }
             END { exit !(c / all > 0.10 && c / all < 0.35) }' "$WORK/s-outcomes.csv"
}
check t0110.16-drugs-charged-share-plausible charged_share
# The archive edition's last month: about half its crimes still under
# investigation (real 2022-11 files: 49%).
pending_last_month() {
    f=$WORK/s/2022-03/2022-03-warwickshire-street.csv
    awk -F, 'NR > 1 && $1 != "" { n++; if ($11 == "Under investigation") u++ }
             END { exit !(u / n > 0.35 && u / n < 0.65) }' "$f"
}
check t0110.17-latest-month-half-under-investigation pending_last_month
# Every force of England and Wales has the series (the sample asks for one
# force's street files); Warwickshire's are read here as the one force.
all_ind=$WORK/s/indicators.csv
ind=$WORK/warwickshire-indicators.csv
awk -F, -v f="$warks" 'NR == 1 || $1 == f' "$all_ind" >"$ind"
check t0110.18-six-indicator-names test "$(sed 1d "$ind" | cut -d, -f3 | sort -u | tr '\n' ' ')" = \
    "action_fraud_reports county_lines_closures cyber_crime_reports knife_crime_offences victim_satisfaction_da_pct victim_satisfaction_pct "
periods() { awk -F, -v i="$1" '$3 == i' "$ind" | wc -l; }
check t0110.19-monthly-and-quarterly-periods test "$(periods knife_crime_offences) $(periods victim_satisfaction_pct) $(periods county_lines_closures) $(periods victim_satisfaction_da_pct)" = "48 48 16 16"
satisfaction_plausible() { # 60-90%, respondents a whole number of at least 20
    awk -F, '$3 ~ /^victim_satisfaction/ && !($4 >= 60 && $4 <= 90 && $5 >= 20 && $5 == int($5)) {
        print "off: " $0; bad = 1 } END { exit bad }' "$ind"
}
check t0110.20-satisfaction-70-80-percent-with-respondents satisfaction_plausible
# Action Fraud takes 300-400 thousand reports a year for England and Wales;
# Warwickshire has about 1% of its people.
action_fraud_year() {
    awk -F, '$3 == "action_fraud_reports" && $2 >= "2021-04" { s += $4 }
             END { exit !(s > 2000 && s < 6000) }' "$ind"
}
check t0110.21-action-fraud-reports-scaled-by-population action_fraud_year
# Every force of England and Wales: the 43 names of the population table,
# each with the six series over the same periods as Warwickshire.
every_force_every_series() {
    cut -d, -f1 "$WORK/s/population.csv" | sed 1d | sort -u >"$WORK/pop.forces"
    sed 1d "$all_ind" | cut -d, -f1 | sort -u >"$WORK/ind.forces"
    [ "$(wc -l <"$WORK/ind.forces")" -eq 43 ] && cmp -s "$WORK/pop.forces" "$WORK/ind.forces" &&
    awk -F, 'NR > 1 { n[$1 "|" $3]++ } END { for (k in n) { split(k, a, "|"); c[a[2] "|" n[k]]++ }
             for (k in c) print k "|" c[k] }' "$all_ind" | sort | tr '\n' ' ' >"$WORK/ind.shape"
    test "$(cat "$WORK/ind.shape")" = "action_fraud_reports|48|43 county_lines_closures|16|43 cyber_crime_reports|48|43 knife_crime_offences|48|43 victim_satisfaction_da_pct|16|43 victim_satisfaction_pct|48|43 "
}
check t0110.23-indicators-for-every-force every_force_every_series
ew_year() { # INDICATOR FY (2021 = 2021/22): England and Wales' total, every force
    awk -F, -v i="$1" -v y="$2" 'NR > 1 && $3 == i {
        if ($2 ~ /\//) fy = substr($2, 1, 4); else { m = substr($2, 6, 2) + 0; fy = substr($2, 1, 4) - (m < 4) }
        if (fy == y) s += $4 } END { print s + 0 }' "$all_ind"
}
between() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { if (x < lo || x > hi) { print "off: " x; exit 1 } }'; }
# Offences involving a knife or sharp instrument, England and Wales: 40,829
# in the 12 months to December 2018 (ONS, Crime in England and Wales, police
# recorded knife crime, excluding Greater Manchester); 2018/19 within 25%.
check t0110.24-england-and-wales-knife-crime-as-ons between "$(ew_year knife_crime_offences 2018)" 30622 51036
# Action Fraud: 306,126 offences in the 12 months to December 2018
# (rec-crime-pfa.csv), 354,758 in 2021/22 (ONS; t0117 checks it to 5%):
# 2021/22 300,000 to 500,000.
check t0110.25-england-and-wales-action-fraud-as-rolling-year between "$(ew_year action_fraud_reports 2021)" 300000 500000
# County lines closed: the Home Office's County Lines Programme reports
# about a thousand lines closed a year across England and Wales since it
# began in November 2019; 2021/22 700 to 1,600.
check t0110.26-england-and-wales-county-lines-about-a-thousand-a-year between "$(ew_year county_lines_closures 2021)" 700 1600
# Every force's survey: whole respondents, at least 20, a share 50-100%
# (small quarterly samples of domestic abuse victims spread wider than
# Warwickshire's 60-90% above).
every_satisfaction_plausible() {
    awk -F, '$3 ~ /^victim_satisfaction/ && !($4 >= 50 && $4 <= 100 && $5 >= 20 && $5 == int($5)) {
        print "off: " $0; bad = 1 } END { exit bad }' "$all_ind"
}
check t0110.27-every-force-satisfaction-plausible every_satisfaction_plausible
population_total() { # England and Wales in 2019: about 59 million
    awk -F, '$2 == 2019 { s += $3; n++ } END { exit !(n == 43 && s > 58e6 && s < 61e6) }' \
        "$WORK/s/population.csv"
}
check t0110.22-population-every-force-real-total population_total

done_testing
