#!/bin/sh
# t0430-ingest-zip: the police.uk archive's .zip is read directly (libzip; no
# unpacking to disk).  The archive is made here with Python's zipfile from
# real files in $SHARED/data/police-uk (YYYY-MM/ folders inside, as police.uk
# ships them); the expected counts are those of the same files loaded loose.
. "$(dirname "$0")/lib.sh"
data=$SHARED/data/police-uk
if [ ! -d "$data" ]; then
    echo "skip zip: $data not present"
    done_testing
    exit
fi
q() { sqlite3 -batch -noheader "$1" "$2"; }
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }
ingest() { db=$1; shift; "$BIN/sio-ingest" --config "$TOP/config/sio.ini" --store "$db" "$@"; }
months="2022-01 2022-02 2023-01"
python3 - "$data" "$WORK/archive.zip" $months <<'PY'
import os, sys, zipfile
data, out, months = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for m in months:
        for n in sorted(os.listdir(os.path.join(data, m))):
            z.write(os.path.join(data, m, n), m + '/' + n)
    z.writestr('README.txt', 'not a CSV: left out')
PY
loose() { for m in $months; do find "$data/$m" -name '*.csv'; done | LC_ALL=C sort; }

# shellcheck disable=SC2046 # one argument per file
check_exit t0430.1-loose-files-load 0 ingest "$WORK/loose.db" --quiet $(loose)
check_exit t0430.2-zip-loads 0 ingest "$WORK/zip.db" --quiet "$WORK/archive.zip"
per_file() { q "$1" "SELECT replace(replace(path, '$2', ''), '$WORK/archive.zip:', '') || ',' || kind || ',' || rows_read || ',' || rows_loaded || ',' || rows_rejected || ',' || rows_duplicate || ',' || sha256 FROM files" | LC_ALL=C sort; }
per_file "$WORK/loose.db" "$data/" >"$WORK/loose.txt"
per_file "$WORK/zip.db" "$data/" >"$WORK/zip.txt"
check t0430.3-zip-members-count-as-loose-files cmp -s "$WORK/loose.txt" "$WORK/zip.txt"
check t0430.4-every-csv-member-and-nothing-else eq "$(q "$WORK/zip.db" 'SELECT count(*) FROM files')" "$(loose | wc -l | tr -d ' ')"
check t0430.5-member-named-archive-colon-member eq \
    "$(q "$WORK/zip.db" "SELECT count(*) FROM files WHERE path LIKE '$WORK/archive.zip:20__-__/%.csv'")" "$(loose | wc -l | tr -d ' ')"
check t0430.6-key-from-member-name eq \
    "$(q "$WORK/zip.db" "SELECT force || ' ' || month FROM files WHERE kind = 'stop-and-search'")" 'city-of-london 2023-01'

# The same bytes as a loose file after the zip: already loaded (same SHA-256).
ingest "$WORK/zip.db" "$data/2023-01/2023-01-city-of-london-street.csv" >"$WORK/again.out"
check t0430.7-member-and-file-same-fingerprint grep -q 'already loaded' "$WORK/again.out"

# A damaged member (compressed bytes altered: CRC or inflate error) is refused whole.
python3 - "$data/2023-01/2023-01-city-of-london-street.csv" "$WORK/bad.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(sys.argv[1], '2023-01/2023-01-city-of-london-street.csv')
raw = bytearray(open(sys.argv[2], 'rb').read())
start = 30 + len('2023-01/2023-01-city-of-london-street.csv')  # local header + name
for i in range(start + 2000, start + 2100):
    raw[i] ^= 0x55
open(sys.argv[2], 'wb').write(raw)
PY
check_exit t0430.8-damaged-member-fails 65 ingest "$WORK/bad.db" "$WORK/bad.zip"
check t0430.9-damaged-member-named grep -q 'bad.zip.*2023-01-city-of-london-street.csv' "$WORK/.err"
check t0430.10-damaged-member-nothing-stored eq "$(q "$WORK/bad.db" 'SELECT count(*) FROM street')" 0

printf 'not a zip' >"$WORK/fake.zip"
check_exit t0430.11-not-a-zip-is-data-error 65 ingest "$WORK/fake.db" "$WORK/fake.zip"

done_testing
