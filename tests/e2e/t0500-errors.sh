# t0500 — bad paths, bad files and bad configuration: one clear message
# naming the file (and line), the documented sysexits.h code, nothing
# half-written.  Exit codes: EX_USAGE 64, EX_DATAERR 65, EX_NOINPUT 66,
# EX_CONFIG 78 (/usr/include/sysexits.h).
. "$(dirname "$0")/lib.sh"

HEADER='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
good_row='abc1,2022-01,Test Police,Test Police,-1.5,52.3,On or near X,E01000001,Test 001A,Burglary,Under investigation,'
store="$WORK/sio.db"

# Every program the build made, so a new stage cannot go without them.
for prog in "$BIN"/sio-*; do
    stage=${prog##*/sio-}
    check "t0500-1.$stage help prints usage and exits 0" \
        sh -c "'$BIN/sio-$stage' --help | grep -q '^usage: sio-$stage'"
    check "t0500-2.$stage version names sio" \
        sh -c "'$BIN/sio-$stage' --version | grep -q '^sio-$stage (sio) '"
    check_exit "t0500-3.$stage unknown option exits 64" 64 "$BIN/sio-$stage" --no-such-option
done

check_exit "t0500-4 ingest of a missing path exits 66" 66 \
    "$BIN/sio-ingest" --store "$store" "$WORK/no-such-dir"
check "t0500-5 the missing path is named in the message" grep -q "no-such-dir" "$WORK/.err"

printf 'Name,Value\r\na,1\r\n' >"$WORK/notpolice.csv"
check_exit "t0500-6 unrecognised header exits 65" 65 \
    "$BIN/sio-ingest" --store "$store" "$WORK/notpolice.csv"
check "t0500-7 the message names file and line 1" \
    grep -q "notpolice.csv:1: header not recognised" "$WORK/.err"
check "t0500-8 nothing of the bad file is in the store" \
    test "$(sqlite3 "$store" 'SELECT COUNT(*) FROM files')" = 0

: >"$WORK/empty.csv"
check_exit "t0500-9 empty file exits 65" 65 "$BIN/sio-ingest" --store "$store" "$WORK/empty.csv"

mkdir -p "$WORK/mixed"
cp "$WORK/notpolice.csv" "$WORK/mixed/a.csv"
printf '%s\r\n%s\r\n' "$HEADER" "$good_row" >"$WORK/mixed/b-street.csv"
check_exit "t0500-10 a bad file among good ones still fails the run" 65 \
    "$BIN/sio-ingest" --store "$store" "$WORK/mixed"
check "t0500-11 but the good file is loaded" \
    test "$(sqlite3 "$store" 'SELECT rows_loaded FROM files')" = 1

printf '[store]\npath = x.db\n[baseline]\nstrat = 2018-07\n' >"$WORK/typo.ini"
check_exit "t0500-12 a config key typo exits 78" 78 \
    "$BIN/sio-transform" --config "$WORK/typo.ini"
check "t0500-13 the message names file, line and key" \
    grep -q "typo.ini:4: unknown key 'strat' in section \[baseline\]" "$WORK/.err"

printf '[baseline]\nstart = 2019-13\n' >"$WORK/badmonth.ini"
check_exit "t0500-14 a bad month in config exits 78" 78 \
    "$BIN/sio-measures" --config "$WORK/badmonth.ini"
check "t0500-15 the bad value is named with its line" \
    grep -q "badmonth.ini:2: bad value '2019-13'" "$WORK/.err"

check_exit "t0500-16 transform without a store exits 66" 66 \
    "$BIN/sio-transform" --store "$WORK/none.db" --out "$WORK/out"
check "t0500-17 and does not create one" test ! -e "$WORK/none.db"

check_exit "t0500-18 a missing config exits 66" 66 \
    "$BIN/sio-ingest" --config "$WORK/nope.ini" "$WORK/mixed"

check_exit "t0500-19 ingest with no paths is a usage error" 64 "$BIN/sio-ingest" --store "$store"

done_testing
