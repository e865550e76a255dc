#!/bin/sh
# t0519 — two sio-ingest processes at once on one store, without sio-run's
# lock: a Crime ID is never loaded twice across them, a store that does not
# exist yet is created by one and loaded by both, the same file given to
# both is loaded once, and a reader never sees part of a file.  Every case
# really starts two processes together and repeats, as which one wins a
# lock varies from run to run.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

H='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'

# street FILE MONTH FIRST COUNT [FORCE]: COUNT street rows with the Crime
# IDs id<FIRST> .. id<FIRST+COUNT-1>, in month MONTH, falling within FORCE
# (default Test Police), CRLF as police.uk writes.
street() {
    awk -v h="$H" -v m="$2" -v first="$3" -v n="$4" -v f="${5:-Test Police}" 'BEGIN {
        printf "%s\r\n", h
        for (i = first; i < first + n; i++)
            printf "id%08d,%s,%s,%s,-1.5,52.3,On or near Park Road,E01000001,Test 001A,Burglary,,\r\n", i, m, f, f
    }' >"$1"
}

q() { sqlite3 -batch -noheader "$1" "$2"; }

# expect NAME GOT WANT [MORE]: passes when GOT is WANT, else says both (and MORE).
expect() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', want '$3'${4:+; $4}"; fi
}

# errors OUT1 OUT2: the two runs' messages, for a failure's reason.
errors() { cat "$1.err" "$2.err" | head -c 300 | tr '\n' ' '; }

ingest() { # STORE PATH... (output to $WORK/<n>.out, .err)
    _db=$1; shift
    "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store "$_db" "$@"
}

# together OUT1 OUT2 ARGS1 -- ARGS2: both ingests at once; "rc1 rc2" on
# stdout.  $env1 and $env2 (VAR=value ...) are their environments.
env1="" env2=""
together() {
    _o1=$1 _o2=$2; shift 2
    _a1=""
    while [ "$1" != -- ]; do _a1="$_a1 $1"; shift; done
    shift
    # shellcheck disable=SC2086 # the arguments are paths without spaces
    env $env1 "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store $_a1 \
        >"$_o1.out" 2>"$_o1.err" & _p1=$!
    # shellcheck disable=SC2086
    env $env2 "$BIN/sio-ingest" --quiet --config "$TOP/config/sio.ini" --store "$@" \
        >"$_o2.out" 2>"$_o2.err" & _p2=$!
    wait "$_p1"; _r1=$?
    wait "$_p2"; _r2=$?
    echo "$_r1 $_r2"
}

# ---- t0519.1: the same Crime IDs in two runs' files are loaded once ------
# Four months of 50,000 IDs each (200,000 in all) for force a, and the same
# IDs in force b's files: whichever run stores an ID first loads it, the
# other's row is a duplicate.  Before, each run checked only the filter it
# had read when it started, and both loaded all 200,000.  SQLite's lock is
# not taken in turn: the run that has it usually takes it again for its next
# file before the other wakes, so in round 1 one run tends to load all four
# months first.  In round 2 each run's files are members of a .zip on a slow
# share (the fault shim delays each open of the archive by 0.7 s, outside a
# file's transaction, and it is opened to hash each member and to load it),
# so the runs load in turns: each meets the other's files, committed but
# with their hashes still in the other's memory.
mkdir -p "$WORK/ids"
for m in 1 2 3 4; do
    street "$WORK/ids/2022-0$m-force-a-street.csv" "2022-0$m" $(((m - 1) * 50000)) 50000 'Force A'
    street "$WORK/ids/2022-0$m-force-b-street.csv" "2022-0$m" $(((m - 1) * 50000)) 50000 'Force B'
done
(cd "$WORK/ids" && python3 -c '
import glob, zipfile
for force in "ab":
    with zipfile.ZipFile("force-%s.zip" % force, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(glob.glob("2022-0?-force-%s-street.csv" % force)):
            z.write(name)')
street "$WORK/ids/seed.csv" 2021-12 900000 10 # the store exists before the two start
for round in 1 2; do
    db=$WORK/ids-$round.db
    ingest "$db" "$WORK/ids/seed.csv" >/dev/null
    if [ "$round" = 1 ]; then
        a_files=$(echo "$WORK"/ids/2022-0?-force-a-street.csv)
        b_files=$(echo "$WORK"/ids/2022-0?-force-b-street.csv)
    else
        env1="LD_PRELOAD=$shim SIO_FAULT=slow:force-a.zip:EIO:700" a_files=$WORK/ids/force-a.zip
        env2="LD_PRELOAD=$shim SIO_FAULT=slow:force-b.zip:EIO:700" b_files=$WORK/ids/force-b.zip
    fi
    # shellcheck disable=SC2086
    rcs=$(together "$WORK/ids-a$round" "$WORK/ids-b$round" "$db" $a_files -- "$db" $b_files)
    env1="" env2=""
    expect "t0519.1.$round-a both runs succeed" "$rcs" "0 0" \
        "$(errors "$WORK/ids-a$round" "$WORK/ids-b$round")"
    expect "t0519.1.$round-b each Crime ID stored once (rows, distinct IDs)" \
        "$(q "$db" "SELECT count(*) || ' ' || count(DISTINCT crime_id) FROM street_coded")" \
        "200010 200010"
    expect "t0519.1.$round-c 200,000 loaded, 200,000 duplicates" \
        "$(q "$db" "SELECT total(rows_loaded) || ' ' || total(rows_duplicate) FROM files
                    WHERE force LIKE 'force-%'")" "200000.0 200000.0"
    expect "t0519.1.$round-d every duplicate recorded" "$(q "$db" 'SELECT count(*) FROM duplicates')" 200000
    # the order the runs stored their files in: "abababab" when they took turns
    order=$(q "$db" "SELECT group_concat(substr(force, 7), '') FROM
                     (SELECT force FROM files WHERE force LIKE 'force-%' ORDER BY id)")
    echo "# round $round: files stored in the order $order; rows loaded by each run:" \
        "$(q "$db" "SELECT group_concat(force || ' ' || n, ', ') FROM (SELECT force,
                    sum(rows_loaded) AS n FROM files WHERE force LIKE 'force-%' GROUP BY force)")"
done
turns=$(echo "$order" | sed 's/\(.\)\1*/\1/g')
check "t0519.1.2-e in round 2 the runs took turns (order $order)" test "${#turns}" -ge 4
# Afterwards, a third run finds every ID stored (whichever run wrote its hash).
street "$WORK/ids/2022-05-force-c-street.csv" 2022-05 0 200000
ingest "$WORK/ids-1.db" "$WORK/ids/2022-05-force-c-street.csv" >/dev/null
expect "t0519.1.3 a later run finds all 200,000 stored (loaded, duplicate)" \
    "$(q "$WORK/ids-1.db" "SELECT rows_loaded || ' ' || rows_duplicate FROM files WHERE force = 'force-c'")" \
    "0 200000"

# ---- t0519.2: two runs create the store together -----------------------
# Before, one or both failed at once with "database is locked" and loaded
# nothing.  Now the one that does not create it waits, then loads.
street "$WORK/new-a.csv" 2022-01 0 2000
street "$WORK/new-b.csv" 2022-02 5000 2000
bad=""
for round in 1 2 3 4 5 6 7 8; do
    db=$WORK/new-$round/sio.db
    rcs=$(together "$WORK/new-a$round" "$WORK/new-b$round" "$db" "$WORK/new-a.csv" -- "$db" "$WORK/new-b.csv")
    files=$(q "$db" "SELECT count(*) || ' ' || total(rows_loaded) FROM files" 2>&1)
    [ "$rcs" = "0 0" ] && [ "$files" = "2 4000.0" ] ||
        bad="$bad round $round: exits $rcs, files and rows $files $(errors "$WORK/new-a$round" "$WORK/new-b$round");"
done
expect "t0519.2 two runs that create the store together both load" "$bad" ""

# ---- t0519.3: the same file given to both is loaded once ---------------
# Both see it is not in the store when they start; the second to take the
# store's lock must find it there and do nothing (before: a UNIQUE error).
street "$WORK/same.csv" 2022-03 0 20000
bad=""
for round in 1 2 3 4; do
    db=$WORK/same-$round.db
    ingest "$db" "$WORK/ids/seed.csv" >/dev/null
    rcs=$(together "$WORK/same-a$round" "$WORK/same-b$round" "$db" "$WORK/same.csv" -- "$db" "$WORK/same.csv")
    got=$(q "$db" "SELECT count(*) || ' ' || total(rows_loaded) || ' ' || total(rows_duplicate) FROM files WHERE path LIKE '%same.csv'")
    [ "$rcs" = "0 0" ] && [ "$got" = "1 20000.0 0.0" ] ||
        bad="$bad round $round: exits $rcs, files $got $(errors "$WORK/same-a$round" "$WORK/same-b$round");"
done
expect "t0519.3 the same file given to two runs at once is loaded once" "$bad" ""

# ---- t0519.4: a reader never sees part of a file -----------------------
# While two runs load eight files of 40,000 rows, a reader asks again and
# again, each time in one snapshot, whether the stored rows are exactly the
# files' rows_loaded.  It must always be so, and the reader must have seen
# the store between files (several different totals), or it proved nothing.
mkdir -p "$WORK/seen"
for m in 1 2 3 4; do
    street "$WORK/seen/2022-0$m-force-p-street.csv" "2022-0$m" $((m * 100000)) 40000 'Force P'
    street "$WORK/seen/2022-0$m-force-q-street.csv" "2022-0$m" $((m * 100000 + 50000)) 40000 'Force Q' 
done
db=$WORK/seen.db
ingest "$db" "$WORK/ids/seed.csv" >/dev/null
: >"$WORK/seen/totals"
(
    while [ ! -f "$WORK/seen/stop" ]; do
        q "$db" "SELECT (SELECT count(*) FROM street_coded) || ' ' ||
                        (SELECT total(rows_loaded) FROM files WHERE kind = 'street'
                          AND superseded_by IS NULL)" >>"$WORK/seen/totals" 2>/dev/null
    done
) &
reader=$!
rcs=$(together "$WORK/seen-a" "$WORK/seen-b" "$db" "$WORK"/seen/*-force-p-street.csv -- "$db" "$WORK"/seen/*-force-q-street.csv)
touch "$WORK/seen/stop"
wait "$reader"
expect "t0519.4-a both runs succeed" "$rcs" "0 0" "$(errors "$WORK/seen-a" "$WORK/seen-b")"
torn=$(awk '$1 ".0" != $2' "$WORK/seen/totals" | head -n 3)
expect "t0519.4-b every snapshot holds whole files only (rows, files' rows)" "$torn" ""
states=$(sort -u "$WORK/seen/totals" | wc -l)
check "t0519.4-c the reader saw the store between files" test "$states" -ge 3
echo "# the reader saw $states different totals"

done_testing
