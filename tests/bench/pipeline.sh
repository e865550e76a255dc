# tests/bench/pipeline.sh — sourced by scripts/bench: the whole pipeline on
# $data, stage by stage, with base R and matplotlib beside the stages they
# stand for, all in the same run.
#
# Rows, each the median of RUNS runs with the peak RSS and CPU time of that run:
#   sio-ingest        every file of the set into an empty store (rows/s)
#   sio-transform     the counts by force, measure and month (rows/s)
#   sio-measures      every statistic of every force x measure (results/s)
#   sio-charts        every chart in every configured format, drawn whole
#                     (no earlier charts to reuse; ms per file)
#   sio-statement     the draft statement of every force, in one run
#   pipeline          the five stages above, added up
#   sio-run           all of it as cron runs it, from an empty store to a
#                     published out/ as an office runs it: every file ingested and
#                     every force measured, its own force's charts and
#                     statement ([run] statement_force), the manifest
#   sio-run again     nothing changed since the last run (sio-run sees it and
#                     runs no stage)
#   sio-run --always  the same, every stage run all the same
#   sio-run new month one more month of street data for one force
# and the peers, on the same store and counts:
#   DuckDB            storing every street row (from the ingest table)
#   R                 tests/bench/measures_peer.R: the same intervals,
#                     comparisons, XmR charts and trends on the police.uk
#                     monthly counts, in base R (results/s); its figures
#                     must agree with sio's (tests/bench/peer_agrees.py)
#   matplotlib        tests/bench/matplotlib_charts.py: the quarterly, SPC
#                     and peer charts in the same formats, for the first
#                     MPL_FORCES forces (default 4: at national size all 43
#                     would take it ten minutes a run); ms per file

pw=$work/pipeline
rm -rf "$pw"
mkdir -p "$pw/var"
cp -r "$top/config" "$pw/config"
# sio-run draws the charts and writes the statement of one force, as an
# office does; the set has many forces, so name one.
sed -i 's/^\[run\]$/[run]\nstatement_force = warwickshire/' "$pw/config/sio.ini"
cfg=$pw/config/sio.ini
store=$pw/sio.db
out=$pw/out
all_rows=$(( $(find "$data" -name '*.csv' -exec cat {} + | wc -l) -
             $(find "$data" -name '*.csv' | wc -l) ))
MPL_FORCES=${MPL_FORCES:-4}

stage_script() { # NAME BODY: $pw/NAME.sh, run from $pw (sio-run's log is relative)
    printf 'cd "%s" || exit 70\n%s\n' "$pw" "$2" >"$pw/$1.sh"
}
opts="--quiet --config '$cfg' --store '$store' --out '$out'"
stage_script ingest "rm -f '$store' '$store-wal' '$store-shm'
'$build/sio-ingest' $opts '$data'"
stage_script transform "'$build/sio-transform' $opts"
stage_script measures "'$build/sio-measures' $opts"
stage_script charts "rm -rf '$out/charts'
'$build/sio-charts' $opts"
# One run for every force, as sio-run runs it when [run] statement_force is
# unset: one Chromium prints every PDF.
stage_script statements "'$build/sio-statement' $opts"
run_opts="--quiet --config '$cfg' --store '$pw/run.db' --out '$pw/run-out'"
stage_script run-first "rm -rf '$pw/run.db' '$pw/run.db-wal' '$pw/run.db-shm' '$pw/run-out'
'$build/sio-run' $run_opts '$data'"
stage_script run-again "'$build/sio-run' $run_opts '$data'"
stage_script run-always "'$build/sio-run' $run_opts --always '$data'"
stage_script run-new-month "'$build/sio-run' $run_opts '$data' '$pw/new-month'"

# The month after the set's last, for the first force (Warwickshire).
last=$(find "$data" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-[0-9][0-9]' | LC_ALL=C sort | tail -n 1)
last=${last##*/}
next=$(awk -v m="$last" 'BEGIN { y = substr(m, 1, 4) + 0; n = substr(m, 6, 2) + 1;
                                  if (n > 12) { n = 1; y++ } printf "%04d-%02d", y, n }')
"$build/sio-gen" --size "${gen_size:-$SIZE}" --forces 1 --from "$next" --to "$next" --out "$pw/new-month" >/dev/null

results=$pw/results
: >"$results"
bench_row() { # NAME UNITS UNIT COMMAND...: time it, and record units of work done
    name=$1 units=$2 unit=$3
    shift 3
    echo "bench: $name" >&2
    got=$(median "$@")
    [ -n "$got" ] || exit 70
    echo "$name $got $units $unit" >>"$results"
}
run_count() { # STAGE KEY: KEY=N from the stage's last record in the runs table
    sqlite3 "$1" "SELECT counts FROM runs WHERE stage = '$2' ORDER BY id DESC LIMIT 1" |
        tr ' ' '\n' | sed -n "s/^$3=//p"
}

bench_row sio-ingest "$all_rows" rows sh "$pw/ingest.sh"
bench_row sio-transform "$rows" rows sh "$pw/transform.sh"
sh "$pw/measures.sh" || exit 70
bench_row sio-measures "$(run_count "$store" measures results)" results sh "$pw/measures.sh"
sh "$pw/charts.sh" || exit 70
bench_row sio-charts "$(run_count "$store" charts files)" files sh "$pw/charts.sh"
forces=$(sqlite3 "$store" 'SELECT count(DISTINCT force) FROM measure_quarters')
bench_row sio-statement "$forces" statements sh "$pw/statements.sh"
bench_row sio-run "$all_rows" rows sh "$pw/run-first.sh"
sh "$pw/run-again.sh" || exit 70
bench_row "sio-run-again" 0 - sh "$pw/run-again.sh"
bench_row "sio-run-always" 0 - sh "$pw/run-always.sh"
# Each run starts from the published state before the new month.
cp "$pw/run.db" "$pw/run-before.db"
rm -rf "$pw/run-before-out" && cp -al "$pw/run-out" "$pw/run-before-out"
BENCH_SETUP="rm -rf '$pw/run-out' '$pw/run.db-wal' '$pw/run.db-shm' &&
    cp '$pw/run-before.db' '$pw/run.db' && cp -al '$pw/run-before-out' '$pw/run-out'" \
    bench_row "sio-run-new-month" 0 - sh "$pw/run-new-month.sh"

# ---- peers, on the same store -------------------------------------------
grep '^duckdb-store ' "$ingest_results" |
    awk -v r="$rows" '{ print "duckdb-store", $2, $3, $4, r, "rows" }' >>"$results"
"$top/tests/bench/r-peer-inputs" "$store" "$cfg" "$pw/peer"
r_args=$(cat "$pw/peer/args")
# shellcheck disable=SC2086 # r_args is a word list on purpose
Rscript "$top/tests/bench/measures_peer.R" $r_args >"$pw/r.count"
/usr/bin/python3 "$top/tests/bench/peer_agrees.py" "$out/csv" "$pw/peer/r" >&2 ||
    { echo "bench: FAIL: the R peer's figures differ from sio's" >&2; exit 1; }
# shellcheck disable=SC2086
bench_row "R-measures" "$(tr -d ' ' <"$pw/r.count")" results Rscript "$top/tests/bench/measures_peer.R" $r_args
# sio-measures and R each take a second or three, so one run of each is at
# the mercy of whatever else the machine does in that second: they also run
# in turns, PAIRS times each (default 5), and the ratio is taken from each
# one's median wall and median CPU time.
PAIRS=${PAIRS:-5}
: >"$pw/pairs.sio"
: >"$pw/pairs.R"
i=0
while [ "$i" -lt "$PAIRS" ]; do
    timed sh "$pw/measures.sh" >>"$pw/pairs.sio"
    # shellcheck disable=SC2086
    timed Rscript "$top/tests/bench/measures_peer.R" $r_args >>"$pw/pairs.R"
    i=$((i + 1))
done
column_medians() { # FILE: "wall rss cpu", each column's own median
    for k in 1 2 3; do
        cut -d ' ' -f "$k" "$1" | sort -n | sed -n "$(( (PAIRS + 1) / 2 ))p"
    done | paste -s -d ' '
}
echo "sio-measures-turns $(column_medians "$pw/pairs.sio") $(run_count "$store" measures results) results" >>"$results"
echo "R-measures-turns $(column_medians "$pw/pairs.R") $(tr -d ' ' <"$pw/r.count") results" >>"$results"
ini() { bench_ini "$cfg" "$@"; }
formats=$(ini charts formats "png svg pdf" | awk -v dpi="$(ini charts dpi "300 96")" '{
    n = split(dpi, d, " "); s = ""
    for (i = 1; i <= NF; i++)
        if ($i == "png") for (j = 1; j <= n; j++) s = s "," "png:" d[j]; else s = s "," $i
    print substr(s, 2) }')
stage_script mpl "rm -rf '$pw/mpl'
/usr/bin/python3 '$top/tests/bench/matplotlib_charts.py' '$store' '$pw/mpl' '$formats' $MPL_FORCES"
sh "$pw/mpl.sh" >"$pw/mpl.count" || exit 70
bench_row matplotlib "$(cat "$pw/mpl.count")" files sh "$pw/mpl.sh"

echo
echo "the whole pipeline, SIZE=$SIZE: $(find "$data" -name '*.csv' | wc -l | tr -d ' ') files," \
     "$all_rows rows, $forces forces; median of $RUNS runs, page cache warm"
echo "R: $(tr -d ' ' <"$pw/r.count") results, every one equal to sio's;" \
     "matplotlib: the first $MPL_FORCES forces' charts"
awk -v turns="$PAIRS" -f "$top/tests/bench/pipeline-table.awk" "$results"
