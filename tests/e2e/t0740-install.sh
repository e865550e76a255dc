# t0740 — make install (PREFIX, DESTDIR): every program with its man page,
# sio.ini(5), and a configuration that works from where it is installed; the
# installed sio-run runs the installed stages beside it.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

dest=$WORK/dest
# -o all: install what this build made, never rebuild it here (a sanitizer
# build must not be remade with plain flags).
make -C "$TOP" --no-print-directory -o all BUILD="$BIN" PREFIX=/opt/sio DESTDIR="$dest" install \
    >"$WORK/install.log" 2>&1
check "t0740-1 make install with PREFIX and DESTDIR succeeds" test $? = 0
bin=$dest/opt/sio/bin
check "t0740-2 nothing is installed outside DESTDIR/PREFIX" \
    test -z "$(find "$dest" -mindepth 1 -maxdepth 2 ! -path "$dest/opt" ! -path "$dest/opt/sio")"

for f in "$TOP"/*/main.c; do
    stage=$(basename "$(dirname "$f")")
    check "t0740-3.$stage sio-$stage is installed and runs" sh -c "'$bin/sio-$stage' --version | grep -q '^sio-$stage (sio) '"
done
for p in "$bin"/*; do
    name=$(basename "$p")
    check "t0740-4.$name has a man page" test -s "$dest/opt/sio/share/man/man1/$name.1"
done
check "t0740-5 the configuration format has a man page" test -s "$dest/opt/sio/share/man/man5/sio.ini.5"
check "t0740-6 every man page formats without warnings" \
    sh -c "for m in '$dest'/opt/sio/share/man/man*/*; do LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l \"\$m\" 2>&1 >/dev/null | grep -q . && exit 1; done; exit 0"
check "t0740-7 the sample configuration is installed with the files it names" \
    sh -c "cd '$dest/opt/sio/share/sio' && test -s sio.ini && test -s measures.ini &&
           for f in \$(sed -n 's/^[a-z_]* *= *\([^ ]*\.\(csv\|md\|ini\)\)\$/\1/p' sio.ini); do test -s \"\$f\" || exit 1; done"

cd "$WORK" || exit 1
gen_sample in
check_exit "t0740-8 the installed sio-run reads the installed configuration" 0 \
    "$bin/sio-run" --config "$dest/opt/sio/share/sio/sio.ini" --dry-run in
check "t0740-9 and would run the installed stages beside it (all but sio-run and sio-init)" \
    sh -c "grep -c 'would run $bin/sio-' '$WORK/.out' | grep -qx \"\$(ls '$bin' | grep -vc '^sio-\(run\|init\)\$')\""
run_config inst inst/sio.db inst/out inst/run.log
check_exit "t0740-10 the installed programs run the whole pipeline" 0 "$bin/sio-run" --config cfg/inst.ini --quiet in
check "t0740-11 and write the manifest" test -s inst/out/manifest.json

# sio-init, installed, takes its templates from the installed shared folder.
check_exit "t0740-12 the installed sio-init makes a working folder" 0 \
    "$bin/sio-init" --force warwickshire office
check "t0740-13 from the installed shared files" grep -q "shared files from $dest/opt/sio/share/sio)" .out
check "t0740-14 whose cron line runs the installed sio-run" \
    grep -q "'$bin/sio-run' --quiet --config config/sio.ini" office/schedule/crontab
check "t0740-15 and whose configuration the installed programs read from inside it" \
    sh -c "cd office && '$bin/sio-run' --verbose --dry-run 2>&1 | grep -q 'configuration config/sio.ini (from ./config/sio.ini'"

done_testing
