# t0865 — a draft for every force, every PDF printed by one Chromium.
# sio-statement without --force starts Chromium once for the run (counted
# by a chromium on PATH that runs the real one through a relay logging its
# start and every DevTools command and answer: tests/tools/devtools_relay.py),
# prints in two tabs at once ([statement] print_tabs = 2), or in one with
# print_tabs = 1, and each force's PDF is byte for byte the one a run for
# that force alone makes (SOURCE_DATE_EPOCH set); so is its Word copy.  A
# Chromium that dies half-way, one draft printed and two pages in flight,
# fails the run with one message (70), the drafts being printed keep their
# previous files, all four of them, and nothing is left behind; a Chromium
# that stops answering is stopped after [statement] print_timeout, and the
# run fails the same way, never hangs.
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

# chromium on PATH: the real one, through the logging relay.
printf '#!/bin/sh\nexec python3 "%s/tests/tools/devtools_relay.py" "$@"\n' "$TOP" >bin/chromium
chmod +x bin/chromium
printf '[statement]\nprint_tabs = 2\n' >>cfg/main.ini
statement() { # OUT ARGS...: sio-statement with the logging chromium first on PATH
    s_out=$1; shift
    env PATH="$WORK/bin:$PATH" "$BIN/sio-statement" --config cfg/main.ini --out "$s_out" "$@"
}

cp -r out one
: >"$CHROMIUM_LOG"
check_exit "t0865-1 sio-statement for every force succeeds" 0 statement out --quiet
check "t0865-2 and writes the $n forces' PDFs" \
    test "$(ls out/statement/*.pdf | wc -l)" -eq "$n" -a "$(ls out/statement/*.md | wc -l)" -eq "$n"
check "t0865-3 starting Chromium once for the $n" test "$(grep -c '^start' "$CHROMIUM_LOG")" -eq 1
tabs() { # the sessions (tabs) Page.printToPDF was sent in
    awk '$1 == ">" && $3 == "Page.printToPDF" { print $4 }' "$CHROMIUM_LOG" | sort -u | wc -l
}
at_once() { # the most pages in flight at once: from Page.navigate to the print's answer
    awk '$1 == ">" && $3 == "Page.navigate" { busy[$4] = 1 }
         $1 == ">" && $3 == "Page.printToPDF" { print_of[$2] = $4 }
         $1 == "<" && ($2 in print_of) { delete busy[print_of[$2]] }
         { n = 0; for (s in busy) n++; if (n > most) most = n }
         END { print most + 0 }' "$CHROMIUM_LOG"
}
cp "$CHROMIUM_LOG" "$WORK/default-run.log"
check "t0865-17 printing in two tabs" test "$(tabs)" -eq 2
check "t0865-18 two pages at once" test "$(at_once)" -eq 2
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
sed 's/^print_tabs = 2$/print_tabs = 1/' cfg/main.ini >cfg/one-tab.ini
rm -rf tab1 && cp -r one tab1 && : >"$CHROMIUM_LOG"
env PATH="$WORK/bin:$PATH" "$BIN/sio-statement" --config cfg/one-tab.ini --out tab1 --quiet ||
    fail "t0865-19 sio-statement with print_tabs = 1" "exit $?"
check "t0865-19 with print_tabs = 1, one tab prints every page" test "$(tabs)" -eq 1 -a "$(at_once)" -eq 1
check "t0865-20 and the PDFs are the same" sh -c 'for p in out/statement/*.pdf; do cmp -s "$p" "tab1/statement/${p##*/}" || exit 1; done'
# A tab closed after every page: each print opens a fresh one (a new
# renderer), and the PDFs are the same.
sed 's/^print_tabs = 2$/print_tabs = 2\nprint_tab_pages = 1/' cfg/main.ini >cfg/fresh-tabs.ini
rm -rf fresh && cp -r one fresh && : >"$CHROMIUM_LOG"
env PATH="$WORK/bin:$PATH" "$BIN/sio-statement" --config cfg/fresh-tabs.ini --out fresh --quiet ||
    fail "t0865-23 sio-statement with print_tab_pages = 1" "exit $?"
sent() { awk -v m="$1" '$1 == ">" && $3 == m' "$CHROMIUM_LOG" | wc -l; }
check "t0865-23 with print_tab_pages = 1, a tab is closed after each of the $n pages" \
    test "$(sent Target.closeTarget)" -eq "$n" -a "$(sent Target.createTarget)" -eq "$n"
check "t0865-24 and each page is printed in a tab of its own" test "$(tabs)" -eq "$n"
check "t0865-25 and the PDFs are the same" sh -c 'for p in out/statement/*.pdf; do cmp -s "$p" "fresh/statement/${p##*/}" || exit 1; done'
check "t0865-26 by default (3 pages a tab) no tab of the $n is closed before the end" \
    sh -c '! grep -q "Target.closeTarget" "$1"' - "$WORK/default-run.log"
for bad in 0 1001 five; do
    sed "s/^print_tabs = 2\$/print_tabs = 2\nprint_tab_pages = $bad/" cfg/main.ini >cfg/bad-pages.ini
    check_exit "t0865-27 print_tab_pages = $bad (not 1 to 1000) is refused (78)" 78 \
        "$BIN/sio-statement" --config cfg/bad-pages.ini --out tab1 --quiet
done
for bad in 0 9 two; do
    sed "s/^print_tabs = 2\$/print_tabs = $bad/" cfg/main.ini >cfg/bad-tabs.ini
    check_exit "t0865-22 print_tabs = $bad (not 1 to 8) is refused (78)" 78 \
        "$BIN/sio-statement" --config cfg/bad-tabs.ini --out tab1 --quiet
done
check "t0865-7 no scratch file or Chromium profile is left" \
    sh -c "! ls out/statement | grep -q '\.tmp\.' && ! ls '$TMPDIR' | grep -q ."

# A Chromium killed (by the relay) once the first draft's PDF is printed
# and the others' held back, at the moment the third's is sent: two pages in
# flight.
inodes() { find out/statement -type f -printf '%i %f\n' | LC_ALL=C sort -k 2; }
inodes >before.list
: >"$CHROMIUM_LOG"
export RELAY_KILL="/statement/$(echo "$forces" | head -n 1)-" SOURCE_DATE_EPOCH=1700086400
check_exit "t0865-8 a Chromium that dies half-way, two pages in flight, fails the run (70)" 70 \
    statement out --quiet
unset RELAY_KILL
check "t0865-21 (killed by the relay with two prints unanswered)" grep -q '^kill$' "$CHROMIUM_LOG"
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
    test "$new" -eq 1 -a "$kept" -eq $((n - 1))
}
check "t0865-10 the draft printed before it died is new, the two in flight keep all four previous files" whole
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
