# t0730 — faults: a full disk (a small tmpfs; RLIMIT_FSIZE), failing writes,
# fsyncs and renames (the LD_PRELOAD shim tests/fault/inject.c), a read-only
# output folder (a read-only mount), a missing or damaged store, a typo in
# the configuration, an input that vanishes or changes during the run.  Each
# ends in one clear message, the documented exit code (EX_DATAERR 65,
# EX_NOINPUT 66, EX_CANTCREAT 73, EX_IOERR 74, EX_TEMPFAIL 75, EX_CONFIG 78)
# and nothing lost: the store passes integrity_check, the previous outputs
# are intact, and a rerun without the fault completes.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
export BIN TOP WORK # for the scripts run inside a private mount namespace
# Screen PNGs only: the faults are in the shared write path, and charts are
# the slow part.
run_config_extra='[charts]\nformats = png\ndpi = 96\n'
gen_sample full
mkdir -p part && cp -r full/2018-* full/2019-* full/2020-* part/

# The previous state: a complete run on part of the inputs, kept to copy.
run_config prev prev/sio.db prev/out prev/run.log
"$BIN/sio-run" --config cfg/prev.ini --quiet part || fail "t0730-0 previous run" "exit $?"
tree_list prev/out >prev.list

# fresh NAME: a copy of the previous state in NAME/, and cfg/NAME.ini for it.
fresh() {
    rm -rf "$1" && mkdir -p "$1" && cp -r prev/sio.db prev/out "$1/"
    run_config "$1" "$1/sio.db" "$1/out" "$1/run.log"
}
integrity() { test "$(sqlite3 "$1/sio.db" 'PRAGMA integrity_check')" = ok; }
intact() { tree_list "$1/out" >"$1.list" && cmp -s "$1.list" prev.list; }
no_leftovers() { test -z "$(ls -d "$1"/out.sio-run-* 2>/dev/null)" && test -z "$(find "$1/out" -name '*.tmp.*')"; }
rerun_ok() { "$BIN/sio-run" --config "cfg/$1.ini" --quiet full 2>/dev/null; }
# faulty NAME RULE: sio-run on the full inputs with the shim's rule.
faulty() { SIO_FAULT=$2 LD_PRELOAD=$shim "$BIN/sio-run" --config "cfg/$1.ini" --quiet full; }

# --- the shim: failing writes, fsyncs and renames -------------------------
fresh wal
check_exit "t0730-1 the store's disk fills during ingest (ENOSPC on the WAL): exit 74" 74 \
    faulty wal "write:wal/sio.db-wal:ENOSPC:200000"
check "t0730-2 the message says the disk is full" grep -q "database or disk is full\|No space left" "$WORK/.err"
check "t0730-3 the store still passes integrity_check" integrity wal
check "t0730-4 the previous outputs are intact" intact wal
check "t0730-5 nothing half-made is left beside them" no_leftovers wal
check "t0730-6 a rerun without the fault completes" rerun_ok wal

fresh fs
check_exit "t0730-7 fsync of a chart fails (EIO): exit 74" 74 faulty fs "fsync:.png:EIO"
check "t0730-8 the message names the chart" grep -q "\.png: write error: Input/output error" "$WORK/.err"
check "t0730-9 the previous outputs are intact" intact fs
check "t0730-10 nothing half-made is left" no_leftovers fs

fresh rn
check_exit "t0730-11 renaming measures.csv into place fails (EIO): exit 73" 73 faulty rn "rename:measures.csv:EIO"
check "t0730-12 the message names the file" grep -q "measures.csv: cannot rename into place" "$WORK/.err"
check "t0730-13 the previous outputs are intact" intact rn
check "t0730-14 a rerun without the fault completes" rerun_ok rn

fresh mf
check_exit "t0730-15 the manifest cannot be written (ENOSPC): exit 74" 74 faulty mf "write:manifest.json:ENOSPC"
check "t0730-16 the previous manifest is intact" cmp -s mf/out/manifest.json prev/out/manifest.json
check "t0730-17 and the rest of them" intact mf

# --- a full disk for real: a small tmpfs, in a private mount namespace -----
# Sized to hold the previous run but not a second output folder beside it.
need_kb=$(du -sk prev | cut -f1)
size_kb=$((need_kb + need_kb / 4))
mkdir -p tfs
if unshare -m true 2>/dev/null; then
    unshare -m sh -c '
        mount -t tmpfs -o size='"$size_kb"'k tmpfs tfs || exit 99
        cp -r prev tfs/ || exit 98
        sed "s|prev/|tfs/prev/|g" cfg/prev.ini >cfg/tfs.ini
        "$BIN/sio-run" --config cfg/tfs.ini --quiet full 2>tfs.err; echo $? >tfs.rc
        sqlite3 tfs/prev/sio.db "PRAGMA integrity_check" >tfs.integrity
        . "$TOP/tests/fault/lib.sh"; tree_list tfs/prev/out >tfs.list
        ls -d tfs/prev/out.sio-run-* >tfs.leftovers 2>/dev/null
        exit 0' 2>tfs.setup
    mounted=$?
    check "t0730-18 a small tmpfs could be mounted for the full-disk test" test $mounted = 0
    check "t0730-19 the disk fills during the run: exit 74 (EX_IOERR)" test "$(cat tfs.rc)" = 74
    check "t0730-20 the message says the disk is full" grep -q "No space left on device\|disk is full" tfs.err
    check "t0730-21 the store still passes integrity_check" test "$(cat tfs.integrity)" = ok
    check "t0730-22 the previous outputs are intact" cmp -s tfs.list prev.list
    check "t0730-23 the half-made staging folder was removed" test ! -s tfs.leftovers
else
    fail "t0730-18 mount namespaces are not available here: the full-disk tmpfs test cannot run"
fi

# --- RLIMIT_FSIZE: a file may not grow past a limit (SIGXFSZ ignored: EFBIG)
fresh fz
limit_blocks=$(( $(stat -c %s prev/sio.db) / 512 + 8 ))
( ulimit -f "$limit_blocks"; trap '' XFSZ; exec "$BIN/sio-run" --config cfg/fz.ini --quiet full ) \
    >fz.out 2>fz.err
check "t0730-24 a store that may not grow (RLIMIT_FSIZE): exit 74" test $? = 74
check "t0730-25 the message says why" grep -q "disk is full\|File too large\|disk I/O error" fz.err
check "t0730-26 the store still passes integrity_check" integrity fz
check "t0730-27 the previous outputs are intact" intact fz
check "t0730-28 a rerun without the limit completes" rerun_ok fz

# --- a read-only output folder ---------------------------------------------
if unshare -m true 2>/dev/null; then
    fresh ro
    mkdir -p rop && mv ro/out rop/out && sed -i "s|ro/out|rop/out|" cfg/ro.ini
    unshare -m sh -c '
        mount --bind rop rop && mount -o remount,bind,ro rop || exit 99
        "$BIN/sio-run" --config cfg/ro.ini --quiet full 2>ro.err; echo $? >ro.rc
        "$BIN/sio-transform" --config cfg/ro.ini --quiet 2>ro-stage.err; echo $? >ro-stage.rc
        exit 0'
    check "t0730-29 the output folder's file system is read-only: sio-run exits 73" test "$(cat ro.rc)" = 73
    check "t0730-30 naming the folder it cannot create" grep -q "rop/out.sio-run-new: cannot create folder: Read-only file system" ro.err
    check "t0730-31 a stage on its own exits 73 too" test "$(cat ro-stage.rc)" = 73
    check "t0730-32 naming the output file" grep -q "rop/out/csv.*Read-only file system" ro-stage.err
    tree_list rop/out >rop.list
    check "t0730-33 the previous outputs are intact" cmp -s rop.list prev.list
    check "t0730-34 the store still passes integrity_check" integrity ro
else
    fail "t0730-29 mount namespaces are not available here: the read-only test cannot run"
fi
fresh rc
check_exit "t0730-35 an output folder that cannot be written (EROFS from the shim): exit 73" 73 \
    faulty rc "create:rc/out.sio-run-new:EROFS"
check "t0730-36 the previous outputs are intact" intact rc

# --- a missing or damaged store ----------------------------------------------
fresh ms
check_exit "t0730-37 a stage run without its store exits 66" 66 \
    "$BIN/sio-measures" --config cfg/ms.ini --store ms/none.db --quiet
check "t0730-38 saying there is no store" grep -q "ms/none.db: no store here" "$WORK/.err"

fresh bad
printf 'this is not SQLite' | dd of=bad/sio.db bs=1 seek=0 conv=notrunc 2>/dev/null
sha_before=$(sha256sum <bad/sio.db)
check_exit "t0730-39 a store with a damaged header: exit 65" 65 "$BIN/sio-run" --config cfg/bad.ini --quiet full
check "t0730-40 the message names the store and says it is damaged" \
    grep -q "bad/sio.db: the store is damaged" "$WORK/.err"
check "t0730-41 the damaged store is left exactly as it was, for recovery" \
    test "$(sha256sum <bad/sio.db)" = "$sha_before"
check "t0730-42 the previous outputs are intact" intact bad

fresh pg
pages=$(( $(stat -c %s pg/sio.db) / 4096 ))
dd if=/dev/urandom of=pg/sio.db bs=4096 seek=$((pages / 2)) count=4 conv=notrunc 2>/dev/null
check_exit "t0730-43 a store with damaged pages: exit 65" 65 "$BIN/sio-run" --config cfg/pg.ini --quiet full
check "t0730-44 the message says what SQLite found" grep -q "pg/sio.db: the store is damaged (" "$WORK/.err"
check "t0730-45 the previous outputs are intact" intact pg

# --- a typo in the configuration ------------------------------------------
fresh ty
printf '[baseline]\nconfidnce = 0.9\n' >>cfg/ty.ini
line=$(grep -n '^confidnce' cfg/ty.ini | cut -d: -f1)
check_exit "t0730-46 a key misspelt in the configuration: exit 78" 78 "$BIN/sio-run" --config cfg/ty.ini --quiet full
check "t0730-47 the message names file, line and key" \
    grep -q "cfg/ty.ini:$line: unknown key 'confidnce' in section \[baseline\]" "$WORK/.err"
check "t0730-48 nothing was run: the previous outputs are intact" intact ty

# --- an input that vanishes or changes while the run reads it -----------
fresh va
cp -r full va/in
check_exit "t0730-49 an input file that vanishes after it was hashed: exit 66" 66 \
    sh -c "SIO_FAULT=vanish:2021-06-warwickshire LD_PRELOAD=$shim '$BIN/sio-run' --config cfg/va.ini --quiet va/in"
check "t0730-50 the message names the file" grep -q "2021-06-warwickshire-street.csv" "$WORK/.err"
check "t0730-51 nothing of it is in the store" \
    test "$(sqlite3 va/sio.db "SELECT COUNT(*) FROM files WHERE path LIKE '%2021-06-warwickshire%'")" = 0
check "t0730-52 the other files are loaded, their rows reconciled" \
    test "$(sqlite3 va/sio.db "SELECT COUNT(*) FROM files WHERE rows_read = rows_loaded + rows_rejected + rows_duplicate")" = "$(( $(find full -name '*.csv' | wc -l) - 1 ))"
check "t0730-53 the previous outputs are intact" intact va
cp full/2021-06/2021-06-warwickshire-street.csv va/in/2021-06/
check "t0730-54 with the file back, a rerun completes" \
    sh -c "'$BIN/sio-run' --config cfg/va.ini --quiet va/in 2>/dev/null"

fresh ch
cp -r full ch/in
check_exit "t0730-55 an input file that changes while it is read: exit 75 (run again)" 75 \
    sh -c "SIO_FAULT=change:2021-06-warwickshire LD_PRELOAD=$shim '$BIN/sio-run' --config cfg/ch.ini --quiet ch/in"
check "t0730-56 the message names the file and says it changed" \
    grep -q "2021-06-warwickshire-street.csv: changed while it was being read" "$WORK/.err"
check "t0730-57 nothing of it is in the store" \
    test "$(sqlite3 ch/sio.db "SELECT COUNT(*) FROM files WHERE path LIKE '%2021-06-warwickshire%'")" = 0
check "t0730-58 no row of the changed bytes was kept" \
    test "$(sqlite3 ch/sio.db "SELECT COUNT(*) FROM street WHERE crime_id = 'changed-by-inject'")" = 0
check "t0730-59 the previous outputs are intact" intact ch

# --- sio-measures: the results are committed before the CSV files are written
# (on two connections at once), so a file that fails leaves the results
# stored and the run's record saying the stage failed.
fresh mc
measures_run() { "$BIN/sio-measures" --config cfg/mc.ini --quiet; }
check_exit "t0730-60 sio-measures cannot rename peer_results.csv into place (EIO): exit 73" 73 \
    env SIO_FAULT="rename:peer_results.csv:EIO" LD_PRELOAD="$shim" "$BIN/sio-measures" --config cfg/mc.ini --quiet
check "t0730-61 the message names the file" grep -q "peer_results.csv: cannot rename into place" "$WORK/.err"
check "t0730-62 the run's record says the stage failed with 73" \
    test "$(sqlite3 mc/sio.db "SELECT status FROM runs WHERE stage = 'measures' ORDER BY id DESC LIMIT 1")" = 73
check "t0730-63 the previous peer_results.csv is intact" cmp -s mc/out/csv/peer_results.csv prev/out/csv/peer_results.csv
check_exit "t0730-64 a rerun without the fault completes" 0 measures_run
check "t0730-65 and records the stage as done" \
    test "$(sqlite3 mc/sio.db "SELECT status FROM runs WHERE stage = 'measures' ORDER BY id DESC LIMIT 1")" = 0
for f in measures verdicts spc_points spc_signals spc_summary peer_results peer_proportions measure_quarters annotations funnel; do
    cmp -s "mc/out/csv/$f.csv" "prev/out/csv/$f.csv" || echo "$f.csv" >>mc.differ
done
check "t0730-66 its CSV files are byte for byte the previous run's (same store)" test ! -s mc.differ
check "t0730-67 the store still passes integrity_check" integrity mc

done_testing
