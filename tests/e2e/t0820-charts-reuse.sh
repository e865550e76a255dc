#!/bin/sh
# t0820 — sio-charts on every core, drawing only what changed.  Worker
# processes draw what one process draws, byte for byte; a rerun on the same
# store draws nothing and leaves every file as it was; after a new month for
# one force, a rerun redraws exactly the charts whose figures changed (that
# force's, and none of another force's but its peer charts) and its outputs
# equal a full redraw's, byte for byte (SOURCE_DATE_EPOCH set); a chart file
# missing from the output is drawn again; --reuse links unchanged charts from
# another folder, and sio-run (made to run every stage) keeps them from the
# folder it replaces; a force whose folder cannot be written stops the run
# with 73, whichever worker meets it.
. "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1700000000
cfg=$TOP/config/sio.ini
store=$WORK/sio.db

# Four forces (the demo's peer group), three months short of the end; the
# new month is Warwickshire's (the first force) next one.
"$BIN/sio-gen" --size small --rows 60 --to 2021-12 --own-indicators --out "$WORK/sample" >/dev/null &&
    "$BIN/sio-gen" --size small --rows 60 --forces 1 --from 2022-01 --to 2022-01 \
        --out "$WORK/new-month" >/dev/null ||
    fail "t0820-0 the samples" "sio-gen failed"
stages() { # the stages before the charts, on the inputs given
    "$BIN/sio-ingest" --quiet --config "$cfg" --store "$store" "$@" &&
        "$BIN/sio-transform" --quiet --config "$cfg" --store "$store" --out "$WORK/csv" &&
        "$BIN/sio-measures" --quiet --config "$cfg" --store "$store" --out "$WORK/csv"
}
charts() { # OUT [OPTION...]
    _o=$1; shift
    "$BIN/sio-charts" --quiet --config "$cfg" --store "$store" --out "$_o" "$@"
}
drew() { # N [STORE]: the last sio-charts run on STORE drew N files
    sqlite3 "${2:-$store}" "SELECT counts FROM runs WHERE stage = 'charts' ORDER BY id DESC LIMIT 1" |
        grep -q " drawn=$1 "
}
# "inode path" of every file under DIR, sorted by path.
inodes() { (cd "$1" && find . -type f ! -name '*.tmp.*' -exec stat -c '%i %n' {} + | sort -k2); }
same_tree() { diff -r "$1" "$2" >/dev/null; }

stages "$WORK/sample" || fail "t0820-0 the store" "a stage failed"
check_exit "t0820-1 the charts drawn on one process" 0 charts "$WORK/one" --jobs 1
check_exit "t0820-2 and on two" 0 charts "$WORK/two" --jobs 2
check "t0820-3 are the same files, byte for byte" same_tree "$WORK/one" "$WORK/two"
check "t0820-4 every force folder lists its charts' digests" \
    test "$(find "$WORK/two/charts" -name .digests | wc -l)" -eq 4

inodes "$WORK/two" >"$WORK/before.inodes"
check_exit "t0820-5 a rerun on the same store" 0 charts "$WORK/two"
check "t0820-6 draws nothing" drew 0
inodes "$WORK/two" >"$WORK/after.inodes"
check "t0820-7 and leaves every file as it was" cmp -s "$WORK/before.inodes" "$WORK/after.inodes"

# A new month for one force.
cp -r "$WORK/two" "$WORK/old"
stages "$WORK/sample" "$WORK/new-month" || fail "t0820-8 the new month" "a stage failed"
check_exit "t0820-8 a rerun after a new month for Warwickshire" 0 charts "$WORK/two"
check_exit "t0820-9 a full redraw of the same store" 0 charts "$WORK/full" --redraw
check "t0820-10 the rerun's files are the full redraw's, byte for byte" \
    same_tree "$WORK/two" "$WORK/full"
inodes "$WORK/two" >"$WORK/new.inodes"
# drawn again: the paths whose inode changed
join -1 2 -2 2 -o 1.1,2.1,0 "$WORK/before.inodes" "$WORK/new.inodes" |
    awk '$1 != $2 { print $3 }' >"$WORK/redrawn"
check "t0820-11 it drew Warwickshire's charts again" grep -q '/warwickshire/drugs_policeuk.png$' "$WORK/redrawn"
check "t0820-12 and of the other forces' charts only peer charts" \
    sh -c "! grep -v -e '/warwickshire/' -e '-peers[.-]' -e '/\\.digests\$' '$WORK/redrawn'"
changed_were_drawn() {
    diff -rq "$WORK/old" "$WORK/full" | sed -n "s|^Files $WORK/old/\\(.*\\) and .*|./\\1|p" |
        while IFS= read -r f; do grep -qx "$f" "$WORK/redrawn" || { echo "not redrawn: $f"; return 1; }; done
}
check "t0820-13 every file whose bytes changed was drawn again" changed_were_drawn
check "t0820-14 and fewer than all were" \
    test "$(wc -l <"$WORK/redrawn")" -lt "$(wc -l <"$WORK/new.inodes")"

rm "$WORK/two/charts/west-mercia/drugs_policeuk-spc.svg"
check_exit "t0820-15 a rerun with a chart file gone" 0 charts "$WORK/two"
check "t0820-16 draws it again, the same as before" \
    cmp -s "$WORK/two/charts/west-mercia/drugs_policeuk-spc.svg" "$WORK/full/charts/west-mercia/drugs_policeuk-spc.svg"
check "t0820-17 and only that chart (its four files and alt text)" drew 5

check_exit "t0820-18 --reuse DIR writes a new folder from an earlier one" 0 \
    charts "$WORK/linked" --reuse "$WORK/full"
check "t0820-19 with the same files" same_tree "$WORK/linked" "$WORK/full"
check "t0820-20 linked, not drawn" \
    test "$(stat -c %i "$WORK/linked/charts/leicestershire/overview.png")" = \
         "$(stat -c %i "$WORK/full/charts/leicestershire/overview.png")"

cp -r "$TOP/config" "$WORK/cfg"
printf '\n[run]\nstatement_force = warwickshire\nlog = %s\n' "$WORK/run.log" >>"$WORK/cfg/sio.ini"
sio_run() {
    "$BIN/sio-run" --quiet --always --config "$WORK/cfg/sio.ini" --store "$WORK/run.db" \
        --out "$WORK/run-out" "$WORK/sample"
}
sio_run || fail "t0820-21 sio-run" "exit $?"
cp -r "$WORK/run-out" "$WORK/run-before"
check_exit "t0820-21 sio-run again on the same inputs, every stage" 0 sio_run
check "t0820-22 keeps every chart from the folder it replaces, drawing none" \
    drew 0 "$WORK/run.db"
check "t0820-23 and publishes the same charts" same_tree "$WORK/run-out/charts" "$WORK/run-before/charts"
# [run] statement_force names the one force sio-run has sio-statement write
# about: its draft only (the sample ends in December 2021: 2021/22 Q3), not
# one for every force with figures.
only_warwickshire() {
    [ "$(cd "$WORK/run-out/statement" && ls ./*.md | tr '\n' ' ')" = "./warwickshire-2021-22-q3.md " ]
}
check "t0820-26 sio-run with [run] statement_force writes that force's draft only" only_warwickshire

mkdir -p "$WORK/bad/charts" && : >"$WORK/bad/charts/northamptonshire"
check_exit "t0820-24 a force folder that cannot be made stops the run with 73" 73 \
    charts "$WORK/bad" --jobs 2
check "t0820-25 naming the folder" grep -q 'charts/northamptonshire' "$WORK/.err"

done_testing
