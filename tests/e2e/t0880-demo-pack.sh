# t0880 — the whole pack from one sio-run on a demo-sized sample (sio-gen
# --size small --seed 1 --own-indicators: four forces' police.uk street files,
# 2018-04 to 2022-03, their indicators and population; scripts/demo adds
# the other sources, and the Home Office table's 43 forces would make 43
# statements) with no statement_force: for every force of the sample
# (read from its file names, not from the store) the statement as Markdown,
# HTML, Word and PDF, each opened by its real reader (python-docx and
# LibreOffice for the .docx, poppler for the .pdf), the workbook read back by
# openpyxl, and a peer chart and a funnel plot for every measure with rates,
# each naming the population's source and year where it is drawn.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
pydocx=$(python_with docx) || { fail "t0880-0 python3-docx is installed"; done_testing; exit; }
pyxl=$(python_with openpyxl) || { fail "t0880-0 python3-openpyxl is installed"; done_testing; exit; }
"$BIN/sio-gen" --size small --seed 1 --own-indicators --out demo >/dev/null || fail "t0880-0 sio-gen" "exit $?"
cp -r "$TOP/config" cfg
# The shipped configuration as it is, only the store and output moved here.
{ cat "$TOP/config/sio.ini"
  printf '\n[store]\npath = var/sio.db\n[output]\ndir = out\n[run]\nlog = var/run.log\n'; } >cfg/demo.ini
check_exit "t0880-1 one sio-run on the demo sample succeeds" 0 "$BIN/sio-run" --config cfg/demo.ini --quiet demo
forces=$(ls demo/*/ | sed -n 's/^[0-9-]*-\(.*\)-street\.csv$/\1/p' | LC_ALL=C sort -u)
check "t0880-2 the sample has four forces" test "$(echo "$forces" | wc -l)" -eq 4
q() { sqlite3 -batch -noheader var/sio.db "$1"; }

for f in $forces; do
    st=$(ls out/statement/"$f"-*.md 2>/dev/null | head -n 1)
    st=${st%.md}
    check "t0880-3 $f: the statement as Markdown, HTML, Word and PDF" \
        test -n "$st" -a -s "$st.md" -a -s "$st.html" -a -s "$st.docx" -a -s "$st.pdf"
    check "t0880-4 $f: python-docx reads the Word statement back against the Markdown" \
        "$pydocx" "$TOP/tests/tools/docx_check.py" "$st.docx" "$st.md" OFFICIAL
    check "t0880-5 $f: poppler reads the PDF back against the HTML (A4, marking and page number on every page, fonts embedded, vector charts, nothing split)" \
        python3 "$TOP/tests/tools/pdf_check.py" "$st.pdf" "$st.html" OFFICIAL
    check "t0880-6 $f: the statement carries the force's peer chart and funnel plot" \
        sh -c "grep -q '](\.\./charts/$f/[a-z0-9_-]*-peers\.svg)' '$st.md' &&
               grep -q '](\.\./charts/$f/[a-z0-9_-]*-funnel\.svg)' '$st.md'"
done

# LibreOffice, once for the four (it is slow to start).
mkdir -p lo
HOME="$WORK/lo" soffice -env:UserInstallation="file://$WORK/lo/profile" --headless \
    --convert-to pdf --outdir lo out/statement/*.docx >lo/log 2>&1
for f in $forces; do
    lo=$(ls lo/"$f"-*.pdf 2>/dev/null | head -n 1)
    check "t0880-7 $f: LibreOffice converts the Word statement to PDF, every page marked" \
        sh -c "test -n '$lo' && pages=\$(pdfinfo '$lo' | sed -n 's/^Pages: *//p') && test \"\$pages\" -ge 1 &&
               test \$(pdftotext '$lo' - | grep -c '^OFFICIAL\$') -ge \"\$pages\""
    check "t0880-14 $f: and no word of its tables breaks over two lines there" \
        "$pydocx" "$TOP/tests/tools/docx_table_words.py" "$(ls out/statement/"$f"-*.docx | head -n 1)" "${lo:-none}"
done

book=$(ls out/sio-*.xlsx 2>/dev/null | head -n 1)
check "t0880-8 the workbook, read back by openpyxl, holds every CSV's cells" \
    "$pyxl" "$TOP/tests/tools/xlsx_check.py" "${book:-none}" out/csv OFFICIAL out/manifest.json

# Every force: a peer chart and a funnel plot for each measure with rates.
# The population is the sample's population.csv, the year the one holding
# the middle (October 2021) of the 12 months to March 2022.
charts_of() { # FORCE KIND: the measures with a KIND chart drawn as PDF
    for c in out/charts/"$1"/*-"$2".pdf; do [ -f "$c" ] && echo "$c"; done | wc -l
}
for f in $forces; do
    rates=$(q "SELECT count(DISTINCT measure) FROM measure_results WHERE force = '$f' AND statistic = 'rate_per_1000'")
    check "t0880-9 $f: a peer chart for each of its $rates measures with rates" \
        test "$rates" -gt 0 -a "$(charts_of "$f" peers)" -eq "$rates"
    check "t0880-10 $f: a funnel plot for each of them" test "$(charts_of "$f" funnel)" -eq "$rates"
done
population_drawn() { # KIND: every such chart's text names population.csv and 2021
    for c in out/charts/*/*-"$1".pdf; do
        line=$(pdftotext "$c" - | tr '\n' ' ' | grep -o 'Population: .\{0,80\}')
        case $line in *population.csv*) ;; *) echo "# $c: $line"; return 1 ;; esac
        case $line in *2021*) ;; *) echo "# $c: $line"; return 1 ;; esac
    done
}
check "t0880-11 every peer chart shows the population's source and year" population_drawn peers
check "t0880-12 every funnel plot shows them" population_drawn funnel
alt_names_population() {
    for t in out/charts/*/*-peers.txt out/charts/*/*-funnel.txt; do
        grep -qi 'population 2021 (population estimate, population.csv)' "$t" || { echo "# $t"; return 1; }
    done
}
check "t0880-13 and so does each one's alt text" alt_names_population
done_testing
