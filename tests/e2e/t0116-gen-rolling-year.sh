#!/bin/sh
# t0116-gen-rolling-year: sio-gen --rolling-year writes the Home Office
# rolling-year file (rec-crime-pfa.csv) in the published file's layout, for
# every force of England and Wales; sio-ingest accepts every row of it; and
# each 12-month total is the sum of the four quarters of the open data table
# sio-gen writes beside it, over the offence codes of that group.  The sums
# are made here with sqlite3 from the two CSV files (not from sio's store),
# with the table's offence subgroups mapped to the file's offence groups by
# the Home Office's own grouping, written out below.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
real=$SHARED/data/home-office-prc/rec-crime-pfa.csv

# Two financial years: five 12-month periods (to March 2021 .. March 2022).
check_exit t0116-1-generate 0 "$BIN/sio-gen" --forces 1 --from 2020-04 --to 2022-03 --rows 30 \
    --seed 4 --home-office --rolling-year --out g
csv=g/home-office/rec-crime-pfa.csv

# --- the layout: the published file's --------------------------------------
header='12 months ending,PFA,Region,Offence,Rolling year total number of offences'
check t0116-2-header-lf-no-bom test "$(head -n 1 "$csv" | od -An -c | tr -d ' \n')" = \
    "$(printf '%s\n' "$header" | od -An -c | tr -d ' \n')"
check t0116-3-no-cr test "$(tr -cd '\r' <"$csv" | wc -c)" -eq 0
check t0116-4-quarter-ends-dd-mm-yyyy test "$(sed 1d "$csv" | cut -d, -f1 | uniq | tr '\n' ' ')" = \
    "31/03/2021 30/06/2021 30/09/2021 31/12/2021 31/03/2022 "
# 43 forces and British Transport Police with 21 offence groups each, and
# Action Fraud, CIFAS and UK Finance with one row each: 927 a period, as the
# published file has for every period since April 2017.
check t0116-5-927-rows-a-period test "$(sed 1d "$csv" | cut -d, -f1 | uniq -c | awk '{ print $1 }' |
    sort -u)" = 927
if [ -f "$real" ]; then
    # The same PFAs, regions and offence groups, in the same order, as the
    # published file's 12 months to December 2018.
    grep '^31/12/2018,' "$real" | cut -d, -f2-4 >real.layout
    grep '^31/12/2021,' "$csv" | cut -d, -f2-4 >gen.layout
    check t0116-6-pfas-regions-offences-as-published cmp -s real.layout gen.layout
else
    echo "skip t0116-6: $real not present"
fi

# --- sio-ingest reads it as the rolling-year file, every row accepted --------
rows=$(($(wc -l <"$csv") - 1))
check_exit t0116-7-ingest 0 "$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store s.db \
    --out out "$csv"
cp "$WORK/.out" report.txt
check t0116-8-every-row-loaded grep -q \
    "rec-crime-pfa.csv: ho-rolling-year, read $rows, loaded $rows, rejected 0, duplicate 0," report.txt
check t0116-9-stored-as-12-month-totals test \
    "$(sqlite3 s.db "SELECT count(*) FROM ho_crime WHERE period_type = 'r12'")" -eq "$rows"

# --- each 12-month total is the sum of the table's four quarters ------------
# The open data table's Offence Subgroup -> the rolling-year file's Offence
# (Home Office, police recorded crime offence groups: rape and other sexual
# offences make Sexual offences; business and personal robbery, Robbery;
# arson and criminal damage, Criminal damage and arson; trafficking and
# possession of drugs, Drug offences; Other theft offences are the file's All
# other theft offences; the fraud bodies' rows keep their own name).
cat >map.csv <<'EOF'
subgroup,offence
Homicide,Homicide
Death or serious injury - unlawful driving,Death or serious injury caused by illegal driving
Violence with injury,Violence with injury
Violence without injury,Violence without injury
Stalking and harassment,Stalking and harassment
Rape offences,Sexual offences
Other sexual offences,Sexual offences
Robbery of business property,Robbery
Robbery of personal property,Robbery
Residential burglary,Residential burglary
Non-residential burglary,Non-residential burglary
Vehicle offences,Vehicle offences
Theft from the person,Theft from the person
Bicycle theft,Bicycle theft
Shoplifting,Shoplifting
Other theft offences,All other theft offences
Arson,Criminal damage and arson
Criminal damage,Criminal damage and arson
Trafficking of drugs,Drug offences
Possession of drugs,Drug offences
Possession of weapons offences,Possession of weapons offences
Public order offences,Public order offences
Miscellaneous crimes against society,Miscellaneous crimes against society
Fraud: Action Fraud,Action Fraud
Fraud: CIFAS,CIFAS
Fraud: UK Finance,UK Finance
EOF
sums() {
    sqlite3 -batch sums.db <<EOF
.import --csv map.csv map
.import --csv g/home-office/prc-pfa-open-data-2020-21.csv q
.import --csv --skip 1 g/home-office/prc-pfa-open-data-2021-22.csv q
.import --csv $csv r
-- the quarter's first month as a number: 2021/22 Q1 is 2021 * 12 + 3 (April)
CREATE TABLE qm AS SELECT
    CASE "Force Name" WHEN 'London, City of' THEN 'City of London' ELSE "Force Name" END AS pfa,
    m.offence AS offence,
    CAST(substr("Financial Year", 1, 4) AS INTEGER) * 12 + 3 + 3 * ("Financial Quarter" - 1) AS start,
    CAST("Number of Offences" AS INTEGER) AS n
    FROM q JOIN map m ON m.subgroup = q."Offence Subgroup";
CREATE INDEX qm_key ON qm(pfa, offence, start);
-- the period's last month as the same number: 31/03/2022 is 2022 * 12 + 2
CREATE TABLE rm AS SELECT "PFA" AS pfa, "Offence" AS offence,
    CAST(substr("12 months ending", 7, 4) AS INTEGER) * 12
        + CAST(substr("12 months ending", 4, 2) AS INTEGER) - 1 AS last,
    CAST("Rolling year total number of offences" AS INTEGER) AS n
    FROM r;
CREATE TABLE got AS SELECT r.pfa, r.offence, r.last, r.n,
    (SELECT coalesce(sum(qm.n), 0) FROM qm WHERE qm.pfa = r.pfa AND qm.offence = r.offence
        AND qm.start BETWEEN r.last - 11 AND r.last - 2) AS want,
    (SELECT count(DISTINCT qm.start) FROM qm WHERE qm.pfa = r.pfa
        AND qm.start BETWEEN r.last - 11 AND r.last - 2) AS quarters
    FROM rm r;
EOF
}
check t0116-10-sums-made sums
q() { sqlite3 -batch -noheader sums.db "$1"; }
check t0116-11-every-row-compared test "$(q "SELECT count(*) FROM got")" -eq "$rows"
check t0116-12-every-period-has-four-quarters test "$(q "SELECT DISTINCT quarters FROM got")" = 4
check t0116-13-every-12-month-total-is-the-sum-of-its-quarters \
    test "$(q "SELECT count(*) FROM got WHERE n <> want")" -eq 0
# And the comparison notices a changed total (a copy with a 1 put before one).
tampered() {
    sed '2s/,\([0-9]*\)$/,1\1/' "$csv" >tampered.csv
    sqlite3 -batch -noheader sums.db "CREATE TEMP TABLE t(a, b, c, d, e);" ".import --csv --skip 1 tampered.csv t" \
        "SELECT count(*) FROM t JOIN got g ON g.pfa = t.b AND g.offence = t.d
         AND g.last = CAST(substr(t.a, 7, 4) AS INTEGER) * 12 + CAST(substr(t.a, 4, 2) AS INTEGER) - 1
         WHERE CAST(t.e AS INTEGER) <> g.want" | grep -qx 1
}
check t0116-17-and-a-changed-total-is-noticed tampered
# The old burglary groups, renamed in April 2017, are carried as zeros; the
# sums are not all zero (a comparison of nothing would pass).
check t0116-14-old-burglary-groups-zero test "$(q "SELECT count(*) || ' ' || sum(n) FROM got
    WHERE offence IN ('Domestic burglary', 'Non-domestic burglary')")" = "440 0"
check t0116-15-warwickshire-homicide-single-figures test \
    "$(q "SELECT n BETWEEN 1 AND 9 FROM got WHERE pfa = 'Warwickshire' AND offence = 'Homicide'
          AND last = 2022 * 12 + 2")" = 1
check t0116-16-england-and-wales-violence-with-injury-hundreds-of-thousands test \
    "$(q "SELECT sum(n) BETWEEN 400000 AND 900000 FROM got WHERE offence = 'Violence with injury'
          AND pfa <> 'British Transport Police' AND last = 2022 * 12 + 2")" = 1

done_testing
