# t0865 — a draft for every force, every PDF printed by one Chromium.
# sio-statement without --force starts Chromium once for the run (counted
# by a chromium on PATH that logs each start and runs the real one), and
# each force's PDF is byte for byte the one a run for that force alone
# makes (SOURCE_DATE_EPOCH set); so is its Word copy.  A Chromium that dies
# half-way fails the run with one message (70), the draft being printed and
# those after it keep their previous files, all four of them, and nothing
# is left behind; a Chromium that stops answering is stopped after
# [statement] print_timeout, and the run fails the same way, never hangs.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR" bin
real=$(command -v chromium) || { fail "t0865-0 chromium is installed"; done_testing; exit; }
export REAL_CHROMIUM="$real" CHROMIUM_LOG="$WORK/chromium.log"

# Three forces: one more than the drafts under way at once on two cores.
"$BIN/sio-gen" --out in --size small --forces 3 --rows 100 --seed 7 >/dev/null
run_config main var/sio.db out var/run.log
for stage in ingest transform measures charts; do
    if [ "$stage" = ingest ]; then set -- in; else set --; fi
    "$BIN/sio-$stage" --config cfg/main.ini --quiet "$@" || fail "t0865-0 sio-$stage" "exit $?"
done
forces=$(sqlite3 -batch -noheader var/sio.db 'SELECT DISTINCT force FROM measure_quarters ORDER BY 1')
n=$(echo "$forces" | wc -l)

# chromium on PATH: logs its start, then is the real one.
cat >bin/chromium <<'EOF'
#!/bin/sh
echo "start $$" >>"$CHROMIUM_LOG"
exec "$REAL_CHROMIUM" "$@"
EOF
chmod +x bin/chromium
statement() { # OUT ARGS...: sio-statement with the logging chromium first on PATH
    s_out=$1; shift
    env PATH="$WORK/bin:$PATH" "$BIN/sio-statement" --config cfg/main.ini --out "$s_out" "$@"
}

cp -r out one
: >"$CHROMIUM_LOG"
check_exit "t0865-1 sio-statement for every force succeeds" 0 statement out --quiet
check "t0865-2 and writes the $n forces' PDFs" \
    test "$(ls out/statement/*.pdf | wc -l)" -eq "$n" -a "$(ls out/statement/*.md | wc -l)" -eq "$n"
check "t0865-3 starting Chromium once for the $n" test "$(wc -l <"$CHROMIUM_LOG")" -eq 1
last=$(ls out/statement/*.pdf | tail -n 1)
check "t0865-4 the last PDF printed (by a Chromium that printed others first) is A4, marked on every page, tagged, with embedded fonts and vector charts" \
    python3 "$TOP/tests/tools/pdf_check.py" "$last" "${last%.pdf}.html" OFFICIAL
for f in $forces; do
    statement one --quiet --force "$f" || fail "t0865-5 sio-statement --force $f" "exit $?"
done
same_as_one() { # EXT: every force's file the same as its one-force run's
    for p in out/statement/*."$1"; do cmp -s "$p" "one/statement/${p##*/}" || return 1; done
}
check "t0865-5 each force's PDF is byte for byte the one its own run prints" same_as_one pdf
check "t0865-6 and so is each Word copy" same_as_one docx
check "t0865-7 no scratch file or Chromium profile is left" \
    sh -c "! ls out/statement | grep -q '\.tmp\.' && ! ls '$TMPDIR' | grep -q ."

# A Chromium killed once the run's first draft is in place (all four files
# newer than the mark).  The watcher holds no end of Chromium's pipe.
cat >bin/chromium <<'EOF'
#!/bin/sh
echo "start $$" >>"$CHROMIUM_LOG"
( i=0
  while [ $i -lt 1200 ] && [ -z "$(find "$WATCH" -name '*.pdf' -newer "$MARK")" ]; do
      sleep 0.05; i=$((i + 1))
  done
  kill -9 $$ ) 3>&- 4>&- </dev/null >/dev/null 2>&1 &
exec "$REAL_CHROMIUM" "$@"
EOF
inodes() { find out/statement -type f -printf '%i %f\n' | LC_ALL=C sort -k 2; }
inodes >before.list
touch mark
sleep 1 # a file written from now on is newer than the mark
export WATCH="$WORK/out/statement" MARK="$WORK/mark" SOURCE_DATE_EPOCH=1700086400
check_exit "t0865-8 a Chromium that dies half-way fails the run (70)" 70 statement out --quiet
check "t0865-9 with one message, that Chromium stopped, naming the PDF" \
    sh -c "test \$(wc -l <.err) -eq 1 && grep -q 'sio-statement: .*\.pdf: chromium stopped' .err"
inodes >after.list
# Each force's four files: all as before, or all new (renamed into place).
changed() { # FORCE: how many of its four files changed
    for e in md html docx pdf; do
        a=$(grep " $1-.*\.$e\$" before.list) b=$(grep " $1-.*\.$e\$" after.list)
        [ -n "$b" ] && [ "$a" != "$b" ] && echo "$e"
    done | wc -l
}
whole() {
    kept=0 new=0
    for f in $forces; do
        case $(changed "$f") in
        0) kept=$((kept + 1)) ;;
        4) new=$((new + 1)) ;;
        *) echo "$f: some files new, some not" >&2; return 1 ;;
        esac
    done
    echo "$new new, $kept kept" >drafts
    test "$new" -ge 1 -a "$kept" -ge 1
}
check "t0865-10 the drafts printed before it died are new, the others keep all four previous files" whole
check "t0865-11 and no scratch file or Chromium profile is left" \
    sh -c "! ls out/statement | grep -q '\.tmp\.' && ! ls '$TMPDIR' | grep -q ."

# A Chromium that never answers (it reads nothing and writes nothing).
cat >bin/chromium <<'EOF'
#!/bin/sh
exec sleep 600
EOF
printf '[statement]\nprint_timeout = 2\n' >>cfg/main.ini
start=$(date +%s)
check_exit "t0865-12 a Chromium that does not answer fails the run (70)" 70 statement out --quiet
check "t0865-13 after [statement] print_timeout, not hanging" test $(( $(date +%s) - start )) -lt 30
check "t0865-14 saying so" grep -q 'chromium did not answer within 2 s' .err
check "t0865-15 and the Chromium that did not answer is stopped" sh -c "! pgrep -f '^sleep 600\$' >/dev/null"
inodes >timeout.list
check "t0865-16 and the drafts keep their previous files" cmp -s after.list timeout.list
done_testing
