#!/bin/sh
# t0795 — the libFuzzer harnesses (tests/fuzz/) build with clang, pass every
# seed, past finding (tests/fuzz/regressions/) and bad-corpus file, and find
# nothing new in a bounded run: SIO_FUZZ_SECONDS per pass (default 30; `make
# check` runs tests/run twice, so a minute in all), split between harnesses.
# Without clang the script says so and counts nothing.
. "$(dirname "$0")/lib.sh"
if ! command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1; then
    echo "skip fuzz: clang not found"
    done_testing
    exit
fi
seconds=${SIO_FUZZ_SECONDS:-30}
run=$TOP/tests/fuzz/run

check "t0795 the fuzz harnesses build with clang, ASan and UBSan" \
    sh -c "'$run' build >'$WORK/build.log' 2>&1 || { tail -n 20 '$WORK/build.log'; exit 1; }"
for h in fuzz_csvin fuzz_ingest; do
    check "t0795 $h passes every seed, regression and bad-corpus file" \
        env FUZZ_HARNESSES=$h "$run" replay
done
each=$((seconds / 2))
[ "$each" -ge 1 ] || each=1
for h in fuzz_csvin fuzz_ingest; do
    check "t0795 $h finds nothing in $each s" env FUZZ_HARNESSES=$h "$run" fuzz "$each"
done
done_testing
