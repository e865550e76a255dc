# tests/fault/lib.sh — helpers for the operations tests (t07NN), sourced
# after tests/e2e/lib.sh.  Gives:
#   run_config NAME [STORE OUT LOG]  $WORK/cfg/NAME.ini: the project's sio.ini with
#                                    store, output and log set, in a copy of config/
#                                    (so files it names beside itself are found),
#                                    then $run_config_extra (printf %b) if set
#   gen_sample DIR                   a deterministic 2-force sample (2018-04..2022-03, ~100 rows a month);
#                                    \$sample_force is the one sio-statement covers
#   tree_list DIR                    "sha256  path" of the finished files under DIR,
#                                    sorted; temporary names and manifest.json left out
#   shim                             the LD_PRELOAD fault shim (tests/fault/inject.c)

run_config() {
    [ -d "$WORK/cfg" ] || cp -r "$TOP/config" "$WORK/cfg"
    _f=$WORK/cfg/$1.ini
    { cat "$TOP/config/sio.ini"
      printf '\n[run]\nstatement_force = %s\n' "$sample_force"
      [ $# -ge 4 ] && printf '[store]\npath = %s\n[output]\ndir = %s\n[run]\nlog = %s\n' "$2" "$3" "$4"
      printf '%b' "${run_config_extra:-}"
    } >"$_f"
}

# The sample's first force: the one sio-statement writes about.
sample_force=warwickshire
gen_sample() {
    "$BIN/sio-gen" --out "$1" --size small --forces 2 --rows 100 --seed 7 >/dev/null
}

tree_list() {
    ( cd "$1" 2>/dev/null && find . -type f ! -name '*.tmp.*' ! -path './manifest.json' \
        | LC_ALL=C sort | while IFS= read -r f; do sha256sum "$f"; done )
}

shim=$BIN/tests/fault/inject.so
# An ASan build must come first in the library list; the shim is loaded
# before it, which ASan allows when told.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
export SOURCE_DATE_EPOCH=1700000000
