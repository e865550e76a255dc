# t0520 — the stages run clean under valgrind memcheck on a small
# generated sample: no invalid reads or writes, no use of uninitialised
# values, no definite leaks (fontconfig's process-lifetime cache suppressed
# in tests/valgrind.supp).  Skipped under the sanitiser build, which checks
# the same things its own way and cannot run under valgrind.
. "$(dirname "$0")/lib.sh"

if [ -n "${SIO_SANITIZED:-}" ]; then
    echo "skip valgrind: sanitiser build"
    done_testing; exit
fi
command -v valgrind >/dev/null || { fail "t0520.0 valgrind installed"; done_testing; exit; }

"$BIN/sio-gen" --out "$WORK/sample" --forces 2 --from 2018-04 --to 2019-09 --rows 150 >/dev/null
vg() {
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --suppressions="$TOP/tests/valgrind.supp" "$@" >"$WORK/vg.log" 2>&1
}
for stage in ingest transform measures workbook charts; do
    operand=; [ "$stage" = ingest ] && operand=$WORK/sample
    # shellcheck disable=SC2086 # operand is empty or one path
    if vg "$BIN/sio-$stage" --quiet --store "$WORK/sio.db" --out "$WORK/out" $operand; then
        pass "t0520.$stage runs clean under valgrind"
    else
        fail "t0520.$stage runs clean under valgrind" "$(grep -m 3 -E '==[0-9]+== [A-Z]' "$WORK/vg.log")"
    fi
done
done_testing
