#!/bin/sh
# t0420-ingest-police-uk-checks: older police.uk layouts and the checks on
# every field that matters.
#  - the 2011-12 street layout (Month, Reported by, Falls within, Easting,
#    Northing, Location, Crime type, Context) loads as street rows.  The rows
#    are made up here in that layout (no real police.uk file is committed;
#    ../shared/data has none from before 2013);
#  - legacy crime types are mapped per measures.md §1.2, never rejected;
#  - an unknown crime type or force is loaded and noted, never dropped;
#  - a bad LSOA code or coordinate is rejected with its reason and raw text.
. "$(dirname "$0")/lib.sh"
fx=$TOP/tests/fixtures/ingest
store=$WORK/sio.db
q() { sqlite3 -batch -noheader "$store" "$1"; }
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }
ingest() { "$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store "$store" "$@"; }
note() { q "SELECT rows || ' ' || first_line FROM file_notes n JOIN files f ON f.id = n.file_id WHERE f.path LIKE '%$1' AND n.note LIKE '$2%' AND n.value = '$3'"; }

f2011=$WORK/2012-04-avon-and-somerset-street.csv
{
    force='Avon and Somerset Constabulary'
    echo 'Month,Reported by,Falls within,Easting,Northing,Location,Crime type,Context'
    echo "2012-04,$force,$force,360667,169714,On or near Test Lane,Burglary,"
    echo "2012-04,$force,$force,363360,174812,On or near Test Park,Violent crime,"
    echo "2012-04,$force,$force,356417,116223,On or near Test Terrace,Public disorder and weapons,"
    echo "2012-04,$force,$force,366011,173580,On or near Test Close,Other theft,"
    echo "2012-04,$force,$force,360070,169484,On or near Test Paddock,Anti-social behaviour,"
    echo "2012-04,$force,$force,,,No Location,Violent crime,"
    echo "2012-04,$force,$force,9999999,169484,On or near Test Street,Burglary,"
} >"$f2011"
check_exit t0420.1-2011-layout-loads 0 ingest --quiet "$f2011"
# 7 rows: line 8's easting 9,999,999 m is outside Great Britain; the rest load.
check t0420.2-2011-counts eq "$(q "SELECT rows_read || ' ' || rows_loaded || ' ' || rows_rejected FROM files")" '7 6 1'
check t0420.3-2011-kind-and-key eq "$(q "SELECT kind || ' ' || force || ' ' || month FROM files")" 'street avon-and-somerset 2012-04'
check t0420.4-2011-grid-reference-kept eq \
    "$(q "SELECT easting || ' ' || northing FROM street WHERE line = 2")" '360667.0 169714.0'
check t0420.5-2011-no-crime-id eq "$(q 'SELECT count(*) FROM street WHERE crime_id IS NULL')" 6
check t0420.6-violent-crime-renamed eq \
    "$(q "SELECT count(*) FROM street WHERE crime_type = 'Violence and sexual offences' AND crime_type_published = 'Violent crime'")" 2
check t0420.7-public-disorder-kept-as-own-type eq \
    "$(q "SELECT count(*) FROM street WHERE crime_type = 'Public disorder and weapons' AND crime_type_published IS NULL")" 1
check t0420.8-legacy-mapping-noted eq "$(note 2012-04-avon-and-somerset-street.csv 'legacy crime type renamed' 'Violent crime')" '2 3'
check t0420.9-bad-grid-reference-rejected eq "$(q "SELECT line || ' ' || reason FROM rejects")" \
    "8 bad Easting/Northing '9999999'"

# The current layout with a 2012 month: 'Violent crime' is mapped there too.
H='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
row() { printf '%s,%s,Warwickshire Police,%s,-1.5,52.3,On or near X,%s,Rugby 001A,%s,,\r\n' "$1" "$2" "$3" "$4" "$5"; }
f=$WORK/2012-06-warwickshire-street.csv
{
    printf '%s\r\n' "$H"
    row a1 2012-06 'Warwickshire Police' E01031009 'Violent crime'          # 2 loaded, mapped
    row a2 2012-06 'Warwickshire Police' E01031009 'Cyber crime'            # 3 loaded, unknown type
    row a3 2012-06 'Warwickshire Constabulary' W01001234 Burglary           # 4 loaded, unknown force
    row a4 2012-06 'Warwickshire Police' E02001234 Burglary                 # 5 bad LSOA (an MSOA code)
    row a5 2012-06 'Warwickshire Police' '' Burglary                        # 6 loaded: empty LSOA
    printf 'a6,2012-06,Warwickshire Police,Warwickshire Police,-1.5,95.0,On or near X,E01031009,Rugby 001A,Burglary,,\r\n'  # 7 bad latitude
} >"$f"
check_exit t0420.10-current-layout-2012-loads 0 ingest --quiet "$f"
check t0420.11-counts eq "$(q "SELECT rows_read || ' ' || rows_loaded || ' ' || rows_rejected FROM files WHERE path = '$f'")" '6 4 2'
check t0420.12-2012-violent-crime-mapped eq "$(q "SELECT crime_type FROM street WHERE crime_id = 'a1'")" 'Violence and sexual offences'
check t0420.13-unknown-type-stored eq "$(q "SELECT crime_type FROM street WHERE crime_id = 'a2'")" 'Cyber crime'
check t0420.14-unknown-type-noted eq "$(note 2012-06-warwickshire-street.csv 'unknown crime type' 'Cyber crime')" '1 3'
check t0420.15-unknown-force-stored eq "$(q "SELECT falls_within FROM street WHERE crime_id = 'a3'")" 'Warwickshire Constabulary'
check t0420.16-unknown-force-noted eq "$(note 2012-06-warwickshire-street.csv 'unknown force' 'Warwickshire Constabulary')" '1 4'
check t0420.17-bad-lsoa-rejected eq "$(q "SELECT reason FROM rejects WHERE line = 5 AND raw LIKE 'a4,%'")" \
    "bad LSOA code 'E02001234' (want E01 or W01 and six digits)"
check t0420.18-bad-latitude-rejected eq "$(q "SELECT reason FROM rejects WHERE raw LIKE 'a6,%'")" "bad Latitude '95.0'"
check t0420.19-empty-lsoa-null eq "$(q "SELECT coalesce(lsoa_code, 'NULL') FROM street WHERE crime_id = 'a5'")" NULL

# The report names the notes and reject reasons with their lines.
ingest --report >"$WORK/report.txt"
check t0420.20-report-notes-unknown-type grep -q "note: unknown crime type 'Cyber crime': 1 row, first at line 3" "$WORK/report.txt"
check t0420.21-report-reject-reason grep -q "rejected: bad Latitude '95.0': 1 row, first at line 7" "$WORK/report.txt"

# --kind overrides the header: a street file read as indicators has no such
# columns (a fresh store, as the same bytes again would be a no-op).
check_exit t0420.22-kind-override-checks-columns 65 "$BIN/sio-ingest" --config "$TOP/config/sio.ini" \
    --store "$WORK/kind.db" --kind indicators "$f"
check t0420.23-kind-override-error-names-column grep -q "no column 'force', needed to read it as indicators" "$WORK/.err"
check_exit t0420.24-unknown-kind-is-usage 64 ingest --kind crimes "$f"

done_testing
