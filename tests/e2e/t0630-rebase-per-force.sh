#!/bin/sh
# t0630-rebase-per-force: an [spc] rebase line with force= recalculates SPC
# limits for that force only; lines without it still apply to every force;
# each force's own dates must rise.  Indicator rows are inserted by hand.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
q() { sqlite3 -batch -noheader "$store" "$1"; }
cat >"$WORK/measures.ini" <<'INI'
[cyber_crime_reports]
label = Cyber crime reports
indicator = cyber_crime_reports
better = down
INI
# sio.ini with the given rebase lines (one per argument) under [spc].
ini() {
    sed -e "s|^file = peers.ini|file = $TOP/config/peers.ini|" \
        -e "s|^file = measures.ini|file = $WORK/measures.ini|" \
        -e "s|^file = annotations.csv|file = $TOP/config/annotations.csv|" \
        "$TOP/config/sio.ini" >"$WORK/sio.ini"
    for line in "$@"; do
        sed -i "s|^; rebase = 2020-04 recording practice change|rebase = $line\n&|" "$WORK/sio.ini"
    done
}
measures() {
    "$BIN/sio-measures" --config "$WORK/sio.ini" --store "$store" --out "$WORK/out" --quiet
}
# 24 months from 2020-04 for two forces, 10 or 12 a month.
{
    echo "BEGIN;"
    echo "INSERT INTO forces(slug, name) VALUES ('warwickshire', 'Warwickshire Police'),
          ('west-mercia', 'West Mercia Police');"
    echo "INSERT INTO force_aliases(alias, slug) VALUES ('Warwickshire Police', 'warwickshire'),
          ('WARKS', 'warwickshire');"
    echo "INSERT INTO files(id, path, sha256, kind, force, month, bytes, rows_read,
          rows_loaded, rows_rejected, rows_duplicate, loaded_at) VALUES (9300, 't0630',
          't0630', 'indicators', 'warwickshire', '2020-04', 0, 0, 0, 0, 0,
          '2024-01-01T00:00:00Z');"
    i=0
    for slug in warwickshire west-mercia; do
        y=2020; m=4
        while [ "$y$m" != "20224" ]; do
            mon=$(printf '%d-%02d' "$y" "$m"); i=$((i + 1))
            echo "INSERT INTO indicators(file_id, line, force, force_slug, period, period_start,
                  period_end, indicator, value) VALUES (9300, $i, '$slug', '$slug', '$mon',
                  '$mon', '$mon', 'cyber_crime_reports', $((10 + 2 * (i % 2))));"
            m=$((m + 1)); [ "$m" -eq 13 ] && { m=1; y=$((y + 1)); }
        done
    done
    echo "COMMIT;"
} >"$WORK/rows.sql"
cat "$TOP"/lib/store/schema/*.sql >"$WORK/schema.sql"
check t0630.1-create-store-from-schema sqlite3 -batch "$store" ".read $WORK/schema.sql"
check t0630.2-insert-indicator-rows sqlite3 -batch "$store" ".read $WORK/rows.sql"

first_of_segment_1() { # FORCE
    q "SELECT coalesce(min(month), 'none') FROM spc_points WHERE force = '$1'
       AND measure = 'cyber_crime_reports' AND segment = 1"
}
# A force the store does not know (a typo, or a name cut at its space) is a
# configuration error, not a rebase that silently matches nothing.
ini "2021-04 force=Warwickshire Police new crime system"
check_exit t0630.3-unknown-force-is-refused 78 measures
ini "2021-04 force=warwickshire new crime system"
check_exit t0630.4-measures-with-a-force-rebase 0 measures
check t0630.5-named-force-gets-a-new-segment test "$(first_of_segment_1 warwickshire)" = 2021-04
check t0630.6-other-force-keeps-one-segment test "$(first_of_segment_1 west-mercia)" = none
check t0630.7-annotation-names-the-force grep -qx \
    "2021-04,SPC limits recalculated: new crime system,warwickshire" "$WORK/out/csv/annotations.csv"

# Two forces may rebase on the same month; an every-force line later applies to both.
ini "2021-01 force=warwickshire system A" "2021-01 force=west-mercia system B" \
    "2021-10 boundary change"
check_exit t0630.8-two-forces-same-month 0 measures
check t0630.9-each-force-has-its-own-and-the-shared-date test "$(q "SELECT group_concat(f,
    ' ') FROM (SELECT force || ':' || min(month) AS f FROM spc_points WHERE segment > 0
    GROUP BY force, segment ORDER BY force, segment)")" = \
    "warwickshire:2021-01 warwickshire:2021-10 west-mercia:2021-01 west-mercia:2021-10"

# Refused, with file and line (exit 78): the same force twice on one month,
# an every-force line on a month a force already has, and a date going back.
ini "2021-01 force=warwickshire A" "2021-01 force=warwickshire B"
check_exit t0630.10-same-force-same-month-is-refused 78 measures
ini "2021-01 force=warwickshire A" "2021-01 every force"
check_exit t0630.11-every-force-line-on-a-forces-month-is-refused 78 measures
ini "2021-06 force=warwickshire A" "2021-01 force=west-mercia B"
check_exit t0630.12-dates-going-back-are-refused 78 measures
ini "2021-06 force= A"
check_exit t0630.13-empty-force-is-refused 78 measures
# Any spelling the store knows as an alias of the force works (WARKS).
ini "2021-07 force=WARKS new crime system"
check_exit t0630.14-measures-with-a-force-alias 0 measures
check t0630.15-alias-rebases-the-slugs-series test "$(first_of_segment_1 warwickshire)" = 2021-07
done_testing
