#!/bin/sh
# t0440-ingest-flat-memory: peak RSS does not grow with the input.  The same
# generator makes a street file of ~2,000 rows and one of ~150,000 (about 75
# times the bytes); loading the large one, loose or from a .zip, may use at
# most 8 MiB more than the small one (SQLite's page cache is 2 MiB by
# default; csvin's buffer is fixed).  A whole-file buffer would add ~34 MiB.
# Skipped under the sanitizers, whose allocator keeps freed memory on purpose.
. "$(dirname "$0")/lib.sh"
if [ -n "${SIO_SANITIZED:-}" ]; then
    echo "skip flat-memory: RSS is not meaningful under ASan"
    done_testing
    exit
fi
for size in small:2000 big:150000; do
    "$BIN/sio-gen" --out "$WORK/${size%%:*}" --forces 1 --from 2022-01 --to 2022-01 \
        --rows "${size#*:}" --seed 3 >/dev/null || fail "t0440.0-generate-${size%%:*}"
done
python3 - "$WORK/big" "$WORK/big.zip" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
    for r, _, ns in os.walk(sys.argv[1]):
        for n in ns:
            z.write(os.path.join(r, n), os.path.relpath(os.path.join(r, n), sys.argv[1]))
PY
# peak KiB of one sio-ingest run over $1 into a fresh store $2
peak() {
    python3 - "$BIN/sio-ingest" "$TOP/config/sio.ini" "$1" "$2" <<'PY'
import os, sys
prog, cfg, path, db = sys.argv[1:]
pid = os.fork()
if pid == 0:
    os.execv(prog, [prog, '--quiet', '--config', cfg, '--store', db, path])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else -1)
PY
}
small=$(peak "$WORK/small" "$WORK/small.db")
big=$(peak "$WORK/big" "$WORK/big.db")
zip=$(peak "$WORK/big.zip" "$WORK/zip.db")
echo "peak RSS: small $small KiB, large $big KiB, large from zip $zip KiB"
bytes() { find "$1" -name '*.csv' -exec cat {} + | wc -c; }
check t0440.1-large-input-is-much-larger test "$(bytes "$WORK/big")" -gt $((50 * $(bytes "$WORK/small")))
check t0440.2-runs-succeed test "$small" -gt 0 -a "$big" -gt 0 -a "$zip" -gt 0
check t0440.3-loose-file-rss-flat test $((big - small)) -lt 8192
check t0440.4-zip-member-rss-flat test $((zip - small)) -lt 8192
check t0440.5-zip-loaded-every-row test "$(sqlite3 "$WORK/zip.db" 'SELECT rows_read FROM files')" = \
    "$(sqlite3 "$WORK/big.db" 'SELECT rows_read FROM files')"
done_testing
