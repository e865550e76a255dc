# t0640 — the shipped measures.ini's Home Office rolling-year measures on the
# real rec-crime-pfa.csv: each 12-month figure equals a sum made here with
# awk straight from the CSV (the independent count).
. "$(dirname "$0")/lib.sh"

csv=$SHARED/data/home-office-prc/rec-crime-pfa.csv
if [ ! -f "$csv" ]; then
    echo "skip shipped-ho-measures: $csv not present"
    done_testing; exit
fi
store=$WORK/s.db
check "t0640.1 ingest the Home Office file and the force list" \
    "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store "$store" \
    "$SHARED/data/home-office-prc" "$SHARED/data/forces"
check "t0640.2 measures run with the shipped configuration" sh -c \
    "'$BIN/sio-transform' --quiet --config '$TOP/config/sio.ini' --store '$store' --out '$WORK/out' &&
     '$BIN/sio-measures' --quiet --config '$TOP/config/sio.ini' --store '$store' --out '$WORK/out'"

# sio's 12-month count for force slug $1, measure $2, period ending $3.
sio_count() {
    sqlite3 "$store" "SELECT CAST(value AS INTEGER) FROM measure_results WHERE force = '$1'
        AND measure = '$2' AND period_type = 'r12' AND period_end = '$3' AND statistic = 'count'"
}
# awk's sum for PFA $1, period ending dd/mm/yyyy $2, offence groups $3 ('|'-separated).
awk_sum() {
    awk -F, -v pfa="$1" -v end="$2" -v groups="$3" '
        BEGIN { n = split(groups, g, "|"); for (i = 1; i <= n; i++) want[g[i]] = 1 }
        $1 == end && $2 == pfa && ($4 in want) { s += $5 } END { print s + 0 }' "$csv"
}

check "t0640.3 serious violence (HO) for Warwickshire, 12 months to Dec 2018" test \
    "$(sio_count warwickshire serious_violence_r12 2018-12)" = \
    "$(awk_sum Warwickshire 31/12/2018 'Violence with injury|Possession of weapons offences')"
check "t0640.4 fraud (HO) for Leicestershire, 12 months to Mar 2013" test \
    "$(sio_count leicestershire fraud_r12 2013-03)" = "$(awk_sum Leicestershire 31/03/2013 'Fraud offences')"
# The file's fraud rows for forces stop at December 2013 (awk: no Warwickshire
# row after it): later periods are missing, never 0.
check "t0640.4a the file has no Warwickshire fraud row after 2013" test \
    "$(awk -F, '$2 == "Warwickshire" && $4 == "Fraud offences" && substr($1, 7) > 2013' "$csv" | wc -l)" -eq 0
check "t0640.4b so sio has no fraud figure for Warwickshire, 12 months to Mar 2018" test \
    -z "$(sio_count warwickshire fraud_r12 2018-03)"
check "t0640.4c nor a baseline verdict: no data, not a change from 0 to 0" test \
    "$(sqlite3 "$store" "SELECT verdict FROM measure_verdicts WHERE force = 'warwickshire'
        AND measure = 'fraud_r12' AND comparison = 'baseline'")" = "no data"
check "t0640.4d and no figure (0 or any other) for any later period" test \
    "$(sqlite3 "$store" "SELECT count(*) FROM measure_results WHERE force = 'warwickshire'
        AND measure = 'fraud_r12' AND period_end > '2013-12' AND value IS NOT NULL")" -eq 0
check "t0640.5 serious violence (HO) for West Mercia, 12 months to Jun 2016" test \
    "$(sio_count west-mercia serious_violence_r12 2016-06)" = \
    "$(awk_sum 'West Mercia' 30/06/2016 'Violence with injury|Possession of weapons offences')"
# The rolling-year groups the quarterly codes stand for (issue 13 item 8):
# Warwickshire's homicide and neighbourhood crime from the same file.
check "t0640.6 homicide (12-month totals) for Warwickshire, 12 months to Dec 2018" test \
    "$(sio_count warwickshire homicide_r12 2018-12)" = "$(awk_sum Warwickshire 31/12/2018 'Homicide')"
check "t0640.7 neighbourhood crime (12-month totals) for Warwickshire, 12 months to Dec 2018" test \
    "$(sio_count warwickshire neighbourhood_crime_r12 2018-12)" = \
    "$(awk_sum Warwickshire 31/12/2018 'Domestic burglary|Residential burglary|Robbery|Theft from the person|Vehicle offences')"
check "t0640.8 and homicide is Warwickshire's headline for its priority, from that file" test \
    "$(sqlite3 "$store" "SELECT measure FROM priority_sources WHERE force = 'warwickshire'
        AND priority = 'homicide' AND chosen = 1")" = homicide_r12
done_testing
