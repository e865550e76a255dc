#!/bin/sh
# t0800-charts-statement: sio-charts and sio-statement on a generated sample.
# Every chart type that has rows is drawn in every format at its configured
# size, the SVG is byte-identical across two runs, the alt text and the
# statement carry the numbers of out/csv/measures.csv, the HTML is one
# self-contained page with accessible tables and no scripts, and headless
# Chromium renders it to a screenshot (kept as $SIO_SHOT when that is set)
# that shows the page styled and its charts drawn.
. "$(dirname "$0")/lib.sh"
store=$WORK/sio.db
out=$WORK/out
opts="--config $TOP/config/sio.ini --store $store --out $out"

stage() {
    st_name=$1; shift
    # shellcheck disable=SC2086 # opts is a word list on purpose
    "$BIN/sio-$st_name" $opts "$@" >"$WORK/$st_name.out" 2>"$WORK/$st_name.err" ||
    { st_rc=$?; cat "$WORK/$st_name.err" >&2; return "$st_rc"; }
}

check_exit t0800.1-generate 0 "$BIN/sio-gen" --size test --seed 1 --out "$WORK/sample"
check_exit t0800.2-pipeline 0 sh -c "$(printf '%s ' "$BIN/sio-ingest" $opts "$WORK/sample") >/dev/null &&
    $BIN/sio-transform $opts --quiet && $BIN/sio-measures $opts --quiet"
check_exit t0800.3-charts 0 stage charts
# The first force as the measures tables name it, and its chart folder.
force=$(sqlite3 -batch -noheader "$store" "SELECT min(force) FROM measure_quarters")
slug=$(echo "$force" | tr 'A-Z' 'a-z' | sed -e 's/[^a-z0-9][^a-z0-9]*/-/g' -e 's/^-//' -e 's/-$//')
dir=$out/charts/$slug

# --- files: valid PNG / SVG / PDF of the configured size ----------------------
be32() { od -An -tu1 -j "$2" -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }
png_size_is() { # FILE W H
    [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
    [ "$(be32 "$1" 16)" -eq "$2" ] && [ "$(be32 "$1" 20)" -eq "$3" ]
}
# a4-column, 170 x 106 mm: 2008 x 1252 px at 300 dpi, 643 x 401 at 96 dpi
check t0800.4-png-print-size png_size_is "$dir/violence_policeuk.png" 2008 1252
check t0800.5-png-screen-size png_size_is "$dir/violence_policeuk-96dpi.png" 643 401
check t0800.6-overview-png png_size_is "$dir/overview.png" 2008 1252
# SVG and PDF in points: 170/25.4*72 = 481.9 -> 482, 106/25.4*72 = 300.5 -> 300
check t0800.7-svg-size grep -q 'width="482pt" height="300pt"' "$dir/violence_policeuk.svg"
pdf_ok() { pdfinfo "$1" >"$WORK/pdfinfo" 2>&1 && grep -q 'Page size: *482 x 300 pts' "$WORK/pdfinfo"; }
check t0800.8-pdf-valid-and-sized pdf_ok "$dir/violence_policeuk.pdf"
each_measure_has_txt() {
    for m in violence_policeuk drugs_policeuk neighbourhood_crime_policeuk; do
        [ -s "$dir/$m.txt" ] || return 1
    done
    [ -s "$dir/overview.txt" ]
}
check t0800.9-alt-text-sidecars each_measure_has_txt
# A chart type whose table has no rows for a force is skipped and counted.
skipped_counted() {
    sqlite3 -batch -noheader "$store" "SELECT counts FROM runs WHERE stage='charts' ORDER BY id DESC LIMIT 1" |
        grep -q 'spc_skipped_no_rows=[0-9]* peers_skipped_no_rates=[0-9]*'
}
check t0800.10-skips-counted-in-run skipped_counted
spc_drawn_where_rows() {
    n=$(sqlite3 -batch -noheader "$store" "SELECT count(*) FROM spc_points WHERE force='$force' AND measure='violence_policeuk'")
    if [ "$n" -gt 0 ]; then [ -s "$dir/violence_policeuk-spc.svg" ]; else [ ! -e "$dir/violence_policeuk-spc.svg" ]; fi
}
check t0800.11-spc-chart-iff-rows spc_drawn_where_rows

# --- determinism ---------------------------------------------------------------
cp -R "$out/charts" "$WORK/charts-1"
check_exit t0800.12-charts-again 0 stage charts
svg_same() {
    for f in "$WORK"/charts-1/*/*.svg; do
        cmp -s "$f" "$out/charts/${f#"$WORK"/charts-1/}" || { echo "differs: $f"; return 1; }
    done
}
check t0800.13-svg-byte-identical svg_same

# --- alt text carries the numbers of the quarterly table (measure_quarters.csv) ---
row=$(grep "^$force,violence_policeuk," "$out/csv/measure_quarters.csv" | awk -F, '$5 > 0' | tail -n 1)
q_count=$(echo "$row" | cut -d, -f5)
quarter=$(echo "$row" | cut -d, -f3)
r12=$(echo "$row" | cut -d, -f7)
base=$(echo "$row" | cut -d, -f9)
chg=$(echo "$row" | cut -d, -f11)
lo=$(echo "$row" | cut -d, -f12)
hi=$(echo "$row" | cut -d, -f13)
commas() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|[^0-9]\)/\1,\2\3/; ta'; }
check t0800.14-alt-text-latest-count grep -q "$quarter, had $(commas "$q_count") crimes" "$dir/violence_policeuk.txt"

# --- the statement ---------------------------------------------------------------
check_exit t0800.15-statement 0 stage statement --force "$force"
html=$out/statement/$slug-$(echo "$quarter" | tr '/ ' '--' | tr 'Q' 'q').html
md=${html%.html}.md
check t0800.16-statement-files test -s "$html" -a -s "$md"
has_numbers() {
    for n in "$(commas "$q_count")" "$(commas "$r12")" "$(commas "$base")"; do
        grep -q "<td class=\"num\">$n</td>" "$1" || grep -q "| $n |" "$1" || { echo "no $n in $1"; return 1; }
    done
    [ -z "$chg" ] || grep -q -- "$chg%" "$1" || { echo "no $chg% in $1"; return 1; }
    [ -z "$lo" ] || grep -q -- "$lo% to +*$hi%" "$1" || { echo "no $lo..$hi in $1"; return 1; }
}
check t0800.17-html-has-quarterly-numbers has_numbers "$html"
check t0800.18-md-has-quarterly-numbers has_numbers "$md"
no_scripts_no_remote() {
    ! grep -qi '<script' "$1" && ! grep -qiE '(src|href)="https?:' "$1" &&
    ! grep -qiE ' on(load|error|click)=' "$1"
}
check t0800.19-html-self-contained no_scripts_no_remote "$html"
accessible_tables() {
    grep -q '<html lang="en-GB">' "$1" && grep -q '<caption>' "$1" &&
    grep -q '<th scope="col">' "$1" && grep -q '<th scope="row">' "$1" &&
    grep -q '<img src="data:image/svg+xml;base64,' "$1" && ! grep -q '<img[^>]*alt=""' "$1"
}
check t0800.20-html-accessible accessible_tables "$html"
check_exit t0800.21-unknown-force-is-usage-error 64 stage statement --force "No Such Police"
check_exit t0800.22-bad-quarter-is-usage-error 64 stage statement --force "$force" --quarter "2021/23 Q1"

# The tidy measures.csv: the baseline change of the latest 12 months, to one
# decimal as the statement prints it.
tidy_change_in_statement() {
    v=$(awk -F, -v f="$force" '$1 == f && $3 == "violence_policeuk" && $5 == "comparison" && $6 == "baseline" &&
        $9 == "change_pct" { printf "%+.1f", $10 }' "$out/csv/measures.csv")
    [ -n "$v" ] && grep -q -- "$v%" "$html"
}
check t0800.23-html-has-tidy-measures-csv-change tidy_change_in_statement

# A priority without the office's words is flagged; words written for an
# earlier quarter are flagged and not printed under these figures.
flags() {
    grep -q "Check before publishing:</strong> The office&#39;s words for this section are missing" "$html" &&
    grep -q "were written for 2021/22 Q3, but these figures are for $quarter: they are not printed" "$html" &&
    ! grep -q "Two county lines days of action" "$html"
}
check t0800.24-missing-and-stale-text-flagged flags

# One verdict vocabulary: every table's verdict is one of the six words of
# the methods section; each measure's quarterly chart gives its table's
# baseline verdict in the same word, in its alt text and in its title (read
# from the chart's PDF with pdftotext).
one_vocabulary() {
    awk -F' [|] ' '
        /^#### |^### Headline: / { v = "" }
        /^[|] / && NF >= 5 && $1 !~ /Comparison/ && $1 !~ /---/ {
            w = $NF; sub(/ *[|]$/, "", w)
            if (w !~ /^(improvement|deterioration|no significant change|not tested|not comparable|no data)$/) {
                print "not a verdict: " w; bad = 1 }
            if ($1 ~ /against the baseline/) v = w }
        /^!\[Bar chart of .* in each financial quarter/ && v != "" {
            n++
            if (index($0, "(verdict: " v) == 0) { print "alt text disagrees with " v ": " substr($0, 1, 100); bad = 1 }
            match($0, /[(][.][.]\/charts\/[^)]*[)]$/); print v "|" substr($0, RSTART + 1, RLENGTH - 2) > "/dev/stderr" }
        END { if (n == 0) { print "no chart checked"; bad = 1 } exit bad }' "$md" 2>"$WORK/verdicts" || return 1
    while IFS='|' read -r v chart; do
        title=$(pdftotext "$out/statement/${chart%.svg}.pdf" - | sed -n '1,3p' | tr '\n' ' ')
        case $v in
            "no significant change") want="no significant change from the baseline" ;;
            *) want="($v)" ;;
        esac
        case $title in *"$want"*) ;; *) echo "title '$title' lacks '$want'"; return 1 ;; esac
    done <"$WORK/verdicts"
}
check t0800.26-one-verdict-vocabulary one_vocabulary

# --- headless Chromium renders the page --------------------------------------------
if command -v chromium >/dev/null 2>&1; then
    shot=${SIO_SHOT:-$WORK/statement.png}
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run \
        --user-data-dir="$WORK/chromium" --screenshot="$shot" --window-size=1200,2000 \
        "file://$html" >"$WORK/chromium.log" 2>&1
    check t0800.25-chromium-screenshot png_size_is "$shot" 1200 2000
    # what the reader sees: the page drawn with its style sheet, and a chart
    # decoded and drawn in it (tests/tools/screenshot_check.py)
    if py=$(python_with PIL); then
        check t0800.27-screenshot-shows-styled-page-and-charts "$py" "$TOP/tests/tools/screenshot_check.py" \
            "$shot" 1200 2000
    else
        fail t0800.27-screenshot-shows-styled-page-and-charts "python3-pil is not installed"
    fi
else
    fail t0800.25-chromium-screenshot "chromium is not installed (scripts/install-deps installs it)"
fi
done_testing
