#!/bin/sh
# t0117-gen-national-totals: the England and Wales totals sio-gen's sample
# adds up to, for the 12 months ending March, are the published ones for
# every offence group and indicator series the generator anchors on them
# (tests/gen/calibration.c says how): within 5%, or within three Poisson
# standard deviations (3 x sqrt of the published count) where that is
# wider, as for homicide (about 80 a year).  England and Wales is the 43 forces (British Transport Police
# and the fraud bodies left out), summed here with awk from the rolling-year
# file and indicators.csv sio-gen writes, not by sio.  Each expected value
# is written with its source; a year with no published figure is not
# checked.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1

# The demo's years and seed; the rolling-year file and the indicator series
# cover every force whatever --forces says, so one force's street rows do.
check_exit t0117-1-generate 0 "$BIN/sio-gen" --forces 1 --from 2018-04 --to 2022-03 --rows 30 \
    --seed 1 --indicators --rolling-year --out g

awk -F, 'NR > 1 && $3 != "British Transport Police" && $3 !~ /^Fraud/ && $1 ~ /^31\/03\// {
    t[$4 "," substr($1, 7, 4)] += $5 }
  END { for (k in t) print k "," t[k] }' g/home-office/rec-crime-pfa.csv >totals.csv
awk -F, 'BEGIN { name["knife_crime_offences"] = "Knife or sharp instrument offences"
    name["action_fraud_reports"] = "Action Fraud fraud offences"
    name["cyber_crime_reports"] = "Computer misuse referred by Action Fraud" }
  NR > 1 && ($3 in name) {
    y = substr($2, 1, 4) + 0; if (substr($2, 6, 2) + 0 > 3) y++; k[name[$3] "," y] += $4 }
  END { for (x in k) print x "," k[x] }' g/indicators.csv >>totals.csv

# near GROUP YEAR PUBLISHED: the generated total within the tolerance above.
near() {
    awk -F, -v g="$1" -v y="$2" -v want="$3" '
        $1 == g && $2 == y { got = $3; found = 1 }
        END {
            if (!found) { print "no total for " g " " y; exit 1 }
            tol = 0.05 * want; if (3 * sqrt(want) > tol) tol = 3 * sqrt(want)
            d = got - want; if (d < 0) d = -d
            if (d > tol) { printf "%s %s: %d, published %d (tolerance %d)\n", g, y, got, want, tol; exit 1 } }' totals.csv
}

# Homicide.
# ONS, Homicide in England and Wales: year ending March 2019, main points:
# 671 victims (Homicide Index).
check t0117-2-homicide-2019 near Homicide 2019 671
# ONS, The nature of violent crime in England and Wales: year ending March
# 2022, main points: 716 offences in the year ending March 2020.
check t0117-3-homicide-2020 near Homicide 2020 716
# ONS, Homicide in England and Wales: year ending March 2021, main points:
# 594 victims (Homicide Index).
check t0117-4-homicide-2021 near Homicide 2021 594
# ONS, The nature of violent crime in England and Wales: year ending March
# 2022, main points: 709 offences.
check t0117-5-homicide-2022 near Homicide 2022 709

# Violence with injury.
# ONS, Crime in England and Wales: year ending March 2022, police recorded
# violence: 566,603 offences, 5% above the year ending March 2020's 540,699.
check t0117-6-violence-with-injury-2020 near "Violence with injury" 2020 540699
check t0117-7-violence-with-injury-2022 near "Violence with injury" 2022 566603

# Robbery.
# ONS, Crime in England and Wales: year ending March 2023, police recorded
# robbery: 75,300, up 13% from 66,300 in the year ending March 2022.
check t0117-8-robbery-2022 near Robbery 2022 66300

# Knife or sharp instrument offences (the indicator series).
# ONS, The nature of violent crime in England and Wales: year ending March
# 2022, main points: 55,076 in the year ending March 2020, 48,931 (up 10%)
# in the year ending March 2022.
check t0117-9-knife-2020 near "Knife or sharp instrument offences" 2020 55076
# ONS, Crime in England and Wales: year ending March 2022 (as reported by
# PA, The Independent, 21 July 2022): 44,642 in the year ending March 2021.
check t0117-10-knife-2021 near "Knife or sharp instrument offences" 2021 44642
check t0117-11-knife-2022 near "Knife or sharp instrument offences" 2022 48931

# Fraud offences reported to Action Fraud (the indicator action_fraud_reports;
# none published found for 2019 and 2020, which are not checked).
# ONS, Nature of fraud and computer misuse in England and Wales: year ending
# March 2022, main points: down 11% to 354,758 from the year ending March
# 2021's record 398,022.
check t0117-12-action-fraud-2021 near "Action Fraud fraud offences" 2021 398022
check t0117-13-action-fraud-2022 near "Action Fraud fraud offences" 2022 354758

# Computer misuse offences referred to the National Fraud Intelligence Bureau
# by Action Fraud (the indicator cyber_crime_reports; 2019 not checked, none
# published found).
# ONS, Crime in England and Wales: year ending March 2020, computer misuse
# (as reported by Infosecurity Magazine, 'Cybercrime jumped 23% over past
# year'): 26,215, up 23%.
check t0117-14-computer-misuse-2020 near "Computer misuse referred by Action Fraud" 2020 26215
# ONS, Crime in England and Wales: year ending March 2022, computer misuse
# (read in a scraped copy): down 5% from 30,467 to 28,886.
check t0117-15-computer-misuse-2021 near "Computer misuse referred by Action Fraud" 2021 30467
check t0117-16-computer-misuse-2022 near "Computer misuse referred by Action Fraud" 2022 28886

# The Home Office tables' own "Fraud: Action Fraud" row (rec-crime-pfa.csv,
# the 12 months to each March) is the same national count as the forces'
# series above, so it meets the same published totals (ONS, Nature of fraud
# and computer misuse in England and Wales: year ending March 2022, main
# points: 398,022 and 354,758).
awk -F, '$3 == "Fraud: Action Fraud" && $1 ~ /^31\/03\// {
    print "Action Fraud row," substr($1, 7, 4) "," $5 }' g/home-office/rec-crime-pfa.csv >>totals.csv
check t0117-17-action-fraud-row-2021 near "Action Fraud row" 2021 398022
check t0117-18-action-fraud-row-2022 near "Action Fraud row" 2022 354758
done_testing
