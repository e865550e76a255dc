#!/bin/sh
# sqlite_import.sh DB OUT FILE... — the sqlite3 shell: .import every file
# into one table (one transaction, no index), then the counts with each
# non-empty Crime ID once.
set -eu
db=$1 out=$2
shift 2
rm -f "$db" "$db-wal" "$db-journal"
{
    echo "CREATE TABLE street(crime_id, month, reported_by, falls_within, longitude,"
    echo " latitude, location, lsoa_code, lsoa_name, crime_type, last_outcome, context);"
    echo "BEGIN;"
    for f in "$@"; do echo ".import --csv --skip 1 '$f' street"; done
    echo "COMMIT;"
    echo ".headers on"
    echo ".mode list"
    echo ".separator ,"
    echo ".output $out"
    echo "SELECT falls_within AS force, crime_type, month,"
    echo " COUNT(DISTINCT NULLIF(crime_id, '')) + SUM(crime_id = '') AS count"
    echo " FROM street GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;"
} | sqlite3 -batch "$db"
