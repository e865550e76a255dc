# t0850 — sio-workbook: the run's CSV tables as out/sio-<date>.xlsx, read
# back by openpyxl (python3-openpyxl, an independent reader of the format)
# and compared cell by cell with the CSV files by tests/tools/xlsx_check.py;
# the date from SOURCE_DATE_EPOCH or today; the classification on the first
# sheet and in every printed header and footer; errors with their exit codes.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
py=$(python_with openpyxl) || { fail "t0850-0 python3-openpyxl is installed"; done_testing; exit; }
gen_sample in
run_config main var/sio.db out var/run.log
"$BIN/sio-run" --config cfg/main.ini --quiet in || fail "t0850-0 sio-run" "exit $?"

# SOURCE_DATE_EPOCH=1700000000 (tests/fault/lib.sh) is 2023-11-14 22:13:20 UTC.
check "t0850-1 sio-run writes the workbook named for the run's date" test -s out/sio-2023-11-14.xlsx
check "t0850-2 every sheet and cell equals its CSV table, and Inputs the manifest's inputs" \
    "$py" "$TOP/tests/tools/xlsx_check.py" out/sio-2023-11-14.xlsx out/csv OFFICIAL out/manifest.json
check "t0850-3 the manifest lists the workbook" grep -q '"path": "sio-2023-11-14.xlsx"' out/manifest.json

# The classification as configured, with an ampersand (a header code in Excel).
cp -r out again
run_config marked var/sio.db again var/run.log
printf '[charts]\nclassification = OFFICIAL-SENSITIVE & PERSONAL\n' >>cfg/marked.ini
check_exit "t0850-4 sio-workbook on its own exits 0" 0 "$BIN/sio-workbook" --config cfg/marked.ini
check "t0850-5 it says what it wrote" grep -q "sio-workbook: 1[0-9] sheets, [0-9]* table rows: again/sio-2023-11-14.xlsx" .out
check "t0850-6 the configured classification heads the first sheet and every printed page" \
    "$py" "$TOP/tests/tools/xlsx_check.py" again/sio-2023-11-14.xlsx again/csv "OFFICIAL-SENSITIVE & PERSONAL"

check_exit "t0850-7 without SOURCE_DATE_EPOCH it runs" 0 env -u SOURCE_DATE_EPOCH "$BIN/sio-workbook" --config cfg/marked.ini --quiet
today=$(date -u +%Y-%m-%d)
check "t0850-8 and the workbook is named for today (UTC)" test -s "again/sio-$today.xlsx"
check "t0850-9 --quiet prints nothing" test ! -s .out

# The check itself can fail: one CSV value changed after the workbook was written.
cp -r out changed
sed -i '2s/,\([0-9][0-9]*\)$/,9\1/' changed/csv/measure_counts.csv
check "t0850-10 the check notices a cell that differs from its CSV" \
    sh -c "! '$py' '$TOP/tests/tools/xlsx_check.py' changed/sio-2023-11-14.xlsx changed/csv OFFICIAL >changed.log &&
           grep -q 'FAIL measure_counts!D2' changed.log"

mkdir -p bare
check_exit "t0850-11 no CSV tables exits 66" 66 "$BIN/sio-workbook" --config cfg/main.ini --out bare
check "t0850-12 saying what to run first" grep -q "run sio-transform and sio-measures first" .err

printf 'force,count\nwarwickshire,1\nwarwickshire,2,3\n' >again/csv/zz_ragged.csv
check_exit "t0850-13 a table whose row does not fit its header exits 65" 65 \
    "$BIN/sio-workbook" --config cfg/marked.ini
check "t0850-14 naming the file and line" grep -q "again/csv/zz_ragged.csv:3: 3 fields where the header has 2" .err
check "t0850-15 and leaving no half-written workbook behind" \
    sh -c "! ls again | grep -q '\.tmp\.'"

check "t0850-16 --help prints usage" sh -c "'$BIN/sio-workbook' --help | grep -q '^usage: sio-workbook'"
check "t0850-17 --version names sio" sh -c "'$BIN/sio-workbook' --version | grep -q '^sio-workbook (sio) '"
done_testing
