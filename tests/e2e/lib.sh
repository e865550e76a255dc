# tests/e2e/lib.sh — sourced by every end-to-end script.
# Gives: $BIN (built executables), $TOP (the project), $SHARED, a scratch
# $WORK removed at exit, pass/fail/check helpers, python_with and a closing
# total.
set -u
BIN=${SIO_BIN:?run through tests/run}
TOP=${SIO_TOP:?run through tests/run}
SHARED=${SIO_SHARED:-$TOP/../shared}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
_passed=0 _failed=0

pass() { echo "ok   $1"; _passed=$((_passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; _failed=$((_failed + 1)); }

# check NAME CMD...: passes when CMD exits 0.
check() { _n=$1; shift; if "$@"; then pass "$_n"; else fail "$_n"; fi; }

# check_exit NAME WANT CMD...: passes when CMD exits with status WANT.
check_exit() {
    _n=$1 _w=$2; shift 2
    "$@" >"$WORK/.out" 2>"$WORK/.err"; _rc=$?
    if [ "$_rc" -eq "$_w" ]; then pass "$_n"; else fail "$_n" "exit $_rc, want $_w: $(head -c 300 "$WORK/.err")"; fi
}

# python_with MODULE: print a python3 that can import MODULE (Debian's
# /usr/bin/python3 first: python3-openpyxl and python3-docx are Debian
# packages); status 1 when none can.
python_with() {
    for _py in /usr/bin/python3 python3; do
        "$_py" -c "import $1" 2>/dev/null && { echo "$_py"; return 0; }
    done
    return 1
}

done_testing() { echo "$_passed passed, $_failed failed"; [ "$_failed" -eq 0 ]; }
