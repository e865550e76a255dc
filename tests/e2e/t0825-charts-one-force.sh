#!/bin/sh
# t0825 — sio-charts --force NAME draws one force's charts only: the force
# named by any spelling of its name, its files byte for byte those a run
# over every force draws (peers, England and Wales and the funnel limits
# still come from the whole store), chart_files listing its charts only
# and the run's record saying whose they are; an unknown force is a usage
# error (64) with one line naming it, leaving chart_files as it was; and a
# later run over every force into the same folder keeps the force's charts
# and draws every other force's.
. "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1700000000
cfg=$TOP/config/sio.ini
store=$WORK/sio.db

# Four forces (the demo's peer group): Warwickshire's peers and funnel
# compare it with the other three.
"$BIN/sio-gen" --size small --rows 60 --to 2021-12 --own-indicators --out "$WORK/sample" >/dev/null ||
    fail "t0825-0 the sample" "sio-gen failed"
"$BIN/sio-ingest" --quiet --config "$cfg" --store "$store" "$WORK/sample" &&
    "$BIN/sio-transform" --quiet --config "$cfg" --store "$store" --out "$WORK/csv" &&
    "$BIN/sio-measures" --quiet --config "$cfg" --store "$store" --out "$WORK/csv" ||
    fail "t0825-0 the store" "a stage failed"
charts() { # OUT [OPTION...]
    _o=$1; shift
    "$BIN/sio-charts" --quiet --config "$cfg" --store "$store" --out "$_o" "$@"
}
last_counts() {
    sqlite3 "$store" "SELECT counts FROM runs WHERE stage = 'charts' ORDER BY id DESC LIMIT 1"
}
chart_files() { # the rows of chart_files, sorted, one a line (alt text in hex: it has lines)
    sqlite3 "$store" "SELECT force, measure, kind, position, name, formats, hex(alt)
                      FROM chart_files ORDER BY force, measure, kind"
}
# "inode path" of every file under DIR, sorted by path.
inodes() { (cd "$1" && find . -type f ! -name '*.tmp.*' -exec stat -c '%i %n' {} + | sort -k2); }

check_exit "t0825-1 --force with a spelling of the force's name" 0 \
    charts "$WORK/one" --force "WARWICKSHIRE Police"
check "t0825-2 draws that force's folder only" \
    test "$(ls "$WORK/one/charts")" = warwickshire
check "t0825-3 with its quarterly, SPC, peer and funnel charts and overview" \
    test -s "$WORK/one/charts/warwickshire/overview.svg" -a \
         -s "$WORK/one/charts/warwickshire/drugs_policeuk-spc.svg" -a \
         -s "$WORK/one/charts/warwickshire/drugs_policeuk-peers.svg" -a \
         -s "$WORK/one/charts/warwickshire/drugs_policeuk-funnel.svg" -a \
         -s "$WORK/one/charts/warwickshire/drugs_policeuk.svg"
chart_files >"$WORK/one.rows"
n_one=$(find "$WORK/one/charts/warwickshire" -type f ! -name .digests | wc -l)
record_says() { last_counts | grep -q " force=warwickshire\$" && last_counts | grep -q "^series=[0-9]* files=$n_one "; }
check "t0825-4 its run's record names the force and counts its files" record_says
forced_rows_only() { test -s "$WORK/one.rows" && test "$(cut -d'|' -f1 "$WORK/one.rows" | sort -u)" = warwickshire; }
check "t0825-5 chart_files lists that force's charts only" forced_rows_only

check_exit "t0825-6 a run over every force" 0 charts "$WORK/all" --redraw
check "t0825-7 the force's files are the run over every force's, byte for byte" \
    diff -r "$WORK/one/charts/warwickshire" "$WORK/all/charts/warwickshire"
same_rows() { chart_files | grep '^warwickshire|' | cmp -s - "$WORK/one.rows"; }
check "t0825-8 and chart_files lists the same charts for it" same_rows

chart_files >"$WORK/all.rows"
check_exit "t0825-9 an unknown force is a usage error" 64 charts "$WORK/none" --force "Nowhere Police"
one_line() { test "$(wc -l <"$WORK/.err")" -eq 1 && grep -q "no figures for force 'Nowhere Police'" "$WORK/.err"; }
check "t0825-10 with one line naming it" one_line
rows_as_before() { chart_files | cmp -s - "$WORK/all.rows"; }
check "t0825-11 and chart_files as it was" rows_as_before

inodes "$WORK/one" >"$WORK/one.inodes"
check_exit "t0825-12 a run over every force into the forced run's folder" 0 charts "$WORK/one"
kept_forced() { last_counts | grep -q " kept=$n_one " && ! last_counts | grep -q " drawn=0 "; }
check "t0825-13 keeps the force's files and draws every other force's" kept_forced
same_inodes() { inodes "$WORK/one" | grep ' ./charts/warwickshire/' | cmp -s - "$WORK/one.inodes"; }
check "t0825-14 the force's files untouched (the same inodes)" same_inodes
check "t0825-15 every force's files the run over every force's, byte for byte" \
    diff -r "$WORK/one" "$WORK/all"

done_testing
