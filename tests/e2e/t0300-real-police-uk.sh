#!/bin/sh
# t0300-real-police-uk: sio-ingest and sio-transform on every real police.uk
# street file in $SHARED/data/police-uk, checked against the independent
# count of tests/tools/count_street.py; then the older archive edition in
# police-uk-variants/skeuomorph-LF is ingested over it.
#
# What the replacement should do (the variants are City of London street
# files for 2018-12..2020-11, a different archive edition of the same months:
# same crimes and line counts, rows reordered, some outcomes changed, LF):
#   - each variant is a new file (different bytes), so it gets its own files
#     row, and being loaded later it is the newer file for its kind+force+
#     month: the earlier file's superseded_by points at it;
#   - the superseded file's rows leave the street table, and the variant's
#     rows are loaded afresh: its read/loaded/duplicate equal a count of the
#     variant on its own (its Crime IDs are not duplicates of the rows it
#     replaces);
#   - the street table then holds the variant's outcomes for those months;
#   - monthly counts are unchanged, as both editions hold the same crimes.
. "$(dirname "$0")/lib.sh"
data=$SHARED/data/police-uk
variants=$SHARED/data/police-uk-variants/skeuomorph-LF
if [ ! -d "$data" ]; then
    echo "skip real-data: $data not present"
    done_testing
    exit
fi
store=$WORK/sio.db
out=$WORK/out
opts="--config $TOP/config/sio.ini --store $store --out $out"
count=$TOP/tests/tools/count_street.py

stage() {
    st_name=$1; shift
    # shellcheck disable=SC2086 # opts is a word list on purpose
    "$BIN/sio-$st_name" $opts "$@" >"$WORK/$st_name.out" 2>"$WORK/$st_name.err" ||
    { st_rc=$?; cat "$WORK/$st_name.err" >&2; return "$st_rc"; }
}
# eq A B: A is not empty and equals B (an empty answer is a failed query).
eq() { [ -n "$1" ] && [ "$1" = "$2" ]; }
q() { sqlite3 -batch -noheader "$store" "$1"; }
street_files() { find "$1" -type f -name '*-street.csv' | LC_ALL=C sort; }
same() { # WANT GOT: equal files, else show the start of the difference
    cmp -s "$1" "$2" || { diff "$1" "$2" | head -n 10; return 1; }
}
# The store's per-file counts for the files named in SQL condition $1, by base name.
store_files() {
    q "SELECT path, rows_read, rows_loaded, rows_duplicate FROM files WHERE kind = 'street' AND $1" |
        tr '|' ',' | sed 's|^.*/||' | LC_ALL=C sort
}
script_files() { python3 "$count" --files "$@" | sed 1d | sed 's|^.*/||' | LC_ALL=C sort; }

# shellcheck disable=SC2046 # one argument per file, none has spaces
check_exit t0300.1-ingest-real-street-files 0 stage ingest $(street_files "$data")
check_exit t0300.2-transform 0 stage transform
python3 "$count" "$data" >"$WORK/count.csv"
check t0300.3-monthly-counts-equal-count-street same "$WORK/count.csv" "$out/csv/monthly_counts.csv"

script_files "$data" >"$WORK/files.want"
store_files 1 >"$WORK/files.got"
check t0300.4-per-file-read-loaded-duplicate same "$WORK/files.want" "$WORK/files.got"
check t0300.5-every-street-file-recorded test "$(q "SELECT count(*) FROM files WHERE kind = 'street'")" = \
    "$(street_files "$data" | wc -l | tr -d ' ')"
check t0300.6-no-rejects-in-real-files test "$(q 'SELECT total(rows_rejected) FROM files')" = 0.0
check t0300.7-read-is-loaded-rejected-duplicate test \
    "$(q 'SELECT count(*) FROM files WHERE rows_read != rows_loaded + rows_rejected + rows_duplicate')" = 0
check t0300.8-duplicates-table-matches eq "$(q 'SELECT count(*) FROM duplicates')" \
    "$(q 'SELECT sum(rows_duplicate) FROM files')"

# Row content survives the parse: quoted locations with a comma (Leicestershire
# 2022-01..06), 'No Location' rows without coordinates, ASB rows without an ID.
python3 - "$data" >"$WORK/quirks.want" <<'PY'
import csv, os, sys
paths = sorted((os.path.join(r, n) for r, _, ns in os.walk(sys.argv[1])
                for n in ns if n.endswith('-street.csv')), key=os.fsencode)
seen, comma, noloc, asb = set(), 0, 0, 0
for p in paths:
    for r in csv.DictReader(open(p, newline='')):
        i = r['Crime ID']
        if i and i in seen:
            continue
        seen.add(i)
        comma += ',' in r['Location']
        noloc += r['Longitude'] == '' and r['LSOA code'] == ''
        asb += i == ''
print(comma, noloc, asb)
PY
read -r want_comma want_noloc want_asb <"$WORK/quirks.want"
check t0300.8.1-quoted-locations-kept eq "$(q "SELECT count(*) FROM street WHERE location LIKE '%,%'")" "$want_comma"
check t0300.8.2-no-location-rows-null eq \
    "$(q 'SELECT count(*) FROM street WHERE longitude IS NULL AND latitude IS NULL AND lsoa_code IS NULL')" "$want_noloc"
check t0300.8.3-asb-rows-null-crime-id eq "$(q 'SELECT count(*) FROM street WHERE crime_id IS NULL')" "$want_asb"

if [ ! -d "$variants" ]; then
    echo "skip real-data variants: $variants not present"
    done_testing
    exit
fi
n_var=$(street_files "$variants" | wc -l | tr -d ' ')
cp "$out/csv/monthly_counts.csv" "$WORK/monthly.before"
# shellcheck disable=SC2046
check_exit t0300.9-ingest-variants 0 stage ingest $(street_files "$variants")
check t0300.10-variants-recorded test "$(q "SELECT count(*) FROM files WHERE kind = 'street'")" -eq \
    "$(($(street_files "$data" | wc -l) + n_var))"
check t0300.11-one-file-superseded-per-variant test \
    "$(q "SELECT count(*) FROM files WHERE kind = 'street' AND superseded_by IS NOT NULL")" = "$n_var"
# The superseded file is the earlier one, and its replacement has the same key and is current.
check t0300.12-superseded-by-later-file-same-key test "$(q "
    SELECT count(*) FROM files o JOIN files n ON n.id = o.superseded_by
    WHERE o.kind = 'street' AND n.kind = o.kind AND n.force = o.force AND n.month = o.month
      AND n.id > o.id AND n.superseded_by IS NULL")" = "$n_var"
check t0300.13-current-file-unique-per-key test "$(q "
    SELECT count(*) FROM (SELECT 1 FROM files WHERE superseded_by IS NULL
                          GROUP BY kind, force, month HAVING count(*) > 1)")" = 0
check t0300.14-superseded-rows-gone test "$(q "
    SELECT count(*) FROM street WHERE file_id IN (SELECT id FROM files WHERE superseded_by IS NOT NULL)")" = 0
check t0300.15-street-rows-are-current-loaded-rows eq "$(q 'SELECT count(*) FROM street')" \
    "$(q 'SELECT sum(rows_loaded) FROM files WHERE superseded_by IS NULL')"

script_files "$variants" >"$WORK/var.want"
store_files "path LIKE '%skeuomorph-LF%'" >"$WORK/var.got"
check t0300.16-variant-counted-on-its-own same "$WORK/var.want" "$WORK/var.got"

# The street table holds the variant edition's outcomes: (month, outcome, rows)
# of the loaded rows (first of each Crime ID) as counted by Python's csv module.
outcomes_want() {
    street_files "$variants" | python3 -c '
import csv, sys
from collections import Counter
c = Counter()
for path in sys.stdin.read().split():
    seen = set()
    for r in csv.DictReader(open(path, newline="")):
        i = r["Crime ID"]
        if i and i in seen:
            continue
        seen.add(i)
        c[(r["Month"], r["Last outcome category"])] += 1
for k in sorted(c):
    print("%s,%s,%d" % (k + (c[k],)))' | LC_ALL=C sort
}
outcomes_got() {
    q "SELECT s.month, coalesce(s.last_outcome, ''), count(*) FROM street s JOIN files f ON f.id = s.file_id
       WHERE f.path LIKE '%skeuomorph-LF%' GROUP BY 1, 2" | tr '|' ',' | LC_ALL=C sort
}
outcomes_want >"$WORK/oc.want"
outcomes_got >"$WORK/oc.got"
check t0300.17-variant-outcomes-in-store same "$WORK/oc.want" "$WORK/oc.got"

check_exit t0300.18-transform-after-variants 0 stage transform
check t0300.19-monthly-counts-unchanged-by-variants same "$WORK/monthly.before" "$out/csv/monthly_counts.csv"

done_testing
