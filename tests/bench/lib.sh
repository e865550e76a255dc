# tests/bench/lib.sh — sourced by scripts/bench and its parts: installing
# peers, and timing a command.  Needs $work (scratch folder) and $RUNS.

# need_debs PKG...: install the Debian packages that are missing (as root),
# else stop with 69 naming them.
need_debs() {
    missing=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "bench: needs Debian packages:$missing (apt-get install as root)" >&2
        exit 69
    fi
    echo "bench: installing$missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >&2
}

# timed CMD...: one run; "wall_s peak_rss_kib" on stdout, the command's
# output in $work/log.  GNU time's peak RSS is the largest of the command
# and every process it waited for (a stage's workers, a script's programs).
timed() {
    sync # the last run's writes are not flushed on this run's clock
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/log" 2>&1 ||
        { echo "bench: failed: $*" >&2; tail -n 20 "$work/log" >&2; exit 70; }
    cat "$work/time"
}

# median CMD...: RUNS runs, each after $BENCH_SETUP (a shell command, not
# timed) when it is set; prints the median run's "wall rss".
median() {
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        if [ -n "${BENCH_SETUP:-}" ]; then
            sh -c "$BENCH_SETUP" >"$work/setup.log" 2>&1 ||
                { echo "bench: setup failed: $BENCH_SETUP" >&2; cat "$work/setup.log" >&2; exit 70; }
        fi
        timed "$@"
        i=$((i + 1))
    done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

# bench_ini CONFIG SECTION KEY DEFAULT: a value from a sio.ini (DEFAULT when unset).
bench_ini() {
    awk -F ' *= *' -v s="[$2]" -v k="$3" -v d="$4" '
        /^\[/ { in_s = ($0 == s) } in_s && $1 == k { v = $2 } END { print (v == "" ? d : v) }' "$1"
}
