# t0860 — the statement as Word (.docx, by pandoc) and PDF (by headless
# Chromium) beside its Markdown and HTML, each opened by a real reader:
# python-docx reads the headings, tables and pictures (with their
# descriptions) back against the Markdown (tests/tools/docx_check.py);
# LibreOffice converts the .docx to PDF without error (once: it is slow);
# poppler's tools read the PDF back against the HTML (tests/tools/
# pdf_check.py: A4, the marking and page number on every page, fonts
# embedded, charts as vectors, no figure or table row split by a page
# break).  Then the configuration's classification, formats and reference
# document, and the errors: a converter missing (69), a reference with
# nowhere for the marking (78), Word without PNG charts (78).
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
pydocx=$(python_with docx) || { fail "t0860-0 python3-docx is installed"; done_testing; exit; }
gen_sample in
run_config main var/sio.db out var/run.log
"$BIN/sio-run" --config cfg/main.ini --quiet in || fail "t0860-0 sio-run" "exit $?"
st=$(ls out/statement/$sample_force-*.md 2>/dev/null | head -n 1)
st=${st%.md}

check "t0860-1 sio-run writes the statement as Markdown, HTML, DOCX and PDF" \
    test -s "$st.md" -a -s "$st.html" -a -s "$st.docx" -a -s "$st.pdf"
check "t0860-2 the Word statement has the Markdown's headings as Word headings, its tables with header rows, its charts at print quality with their alt text, A4 and the marking in header and footer" \
    "$pydocx" "$TOP/tests/tools/docx_check.py" "$st.docx" "$st.md" OFFICIAL
check "t0860-3 the PDF is A4 with the marking and page number on every page, embedded fonts, vector charts with their alt text, nothing split by a page break" \
    python3 "$TOP/tests/tools/pdf_check.py" "$st.pdf" "$st.html" OFFICIAL
mkdir -p lo
check "t0860-4 LibreOffice opens the Word statement and converts it to PDF" \
    sh -c "HOME='$WORK/lo' soffice -env:UserInstallation=file://$WORK/lo/profile --headless \
           --convert-to pdf --outdir lo '$st.docx' >lo/log 2>&1 && pdfinfo lo/*.pdf | grep -q '^Pages: *[1-9]'"
check "t0860-5 and its pages carry the marking" \
    sh -c "test \$(pdftotext lo/*.pdf - | grep -c '^OFFICIAL\$') -ge \$(pdfinfo lo/*.pdf | sed -n 's/^Pages: *//p')"
check "t0860-23 and no word of its tables breaks over two lines (each column wide enough for its longest word)" \
    "$pydocx" "$TOP/tests/tools/docx_table_words.py" "$st.docx" "$(ls lo/*.pdf | head -n 1)"
check "t0860-6 no scratch file is left beside the statement or in TMPDIR" \
    sh -c "! ls out/statement | grep -q '\.tmp\.' && ! ls '$TMPDIR' | grep -q ."

# The configured classification, with characters XML and CSS must escape.
mark='OFFICIAL-SENSITIVE & "PERSONAL"'
cp -r out marked
printf '[charts]\nclassification = %s\n' "$mark" >>cfg/main.ini
check_exit "t0860-7 sio-statement on its own writes all four" 0 \
    "$BIN/sio-statement" --config cfg/main.ini --out marked --force "$sample_force"
check "t0860-8 and says so" grep -q "\.md, .*\.html, .*\.docx and .*\.pdf" .out
check "t0860-9 the Word statement carries the configured marking in its header and footer" \
    "$pydocx" "$TOP/tests/tools/docx_check.py" "marked/statement/${st##*/}.docx" "$st.md" "$mark"
check "t0860-10 so does every page of the PDF" \
    python3 "$TOP/tests/tools/pdf_check.py" "marked/statement/${st##*/}.pdf" "marked/statement/${st##*/}.html" "$mark"

# The check fails where it should: a PDF whose table rows are cut by page
# breaks, printed with a stylesheet that allows it and makes rows taller
# than a page.
{ cat "$TOP/config/statement-print.css"
  printf 'tr, table { break-inside: auto; page-break-inside: auto; }\n'
  printf 'tbody th { width: 15mm; line-height: 40mm; }\n'; } >cfg/cut.css
run_config cut var/sio.db cut var/run.log
printf '[statement]\nprint_css = cut.css\nformats = pdf\n' >>cfg/cut.ini
cp -r out cut
"$BIN/sio-statement" --config cfg/cut.ini --quiet --force "$sample_force" 2>/dev/null
check "t0860-11 pdf_check notices a table row split over pages" \
    sh -c "python3 '$TOP/tests/tools/pdf_check.py' 'cut/statement/${st##*/}.pdf' '$st.html' OFFICIAL >cut.out;
           grep -q 'FAIL table row [0-9]* is on pages' cut.out"

# formats: none of the two.
run_config plain var/sio.db plain var/run.log
printf '[statement]\nformats = none\n' >>cfg/plain.ini
cp -r out plain && rm -f plain/statement/*
check_exit "t0860-12 [statement] formats = none writes Markdown and HTML only" 0 \
    "$BIN/sio-statement" --config cfg/plain.ini --quiet --force "$sample_force"
check "t0860-13 and no .docx or .pdf" sh -c "ls plain/statement | grep -qv '\.\(md\|html\)\$' && exit 1 || exit 0"

# A converter missing: 69, naming it and its package, and nothing written.
mkdir -p nopandoc && ln -s "$(command -v chromium)" nopandoc/chromium
check_exit "t0860-14 pandoc missing exits 69" 69 env PATH="$WORK/nopandoc" \
    "$BIN/sio-statement" --config cfg/main.ini --out marked --force "$sample_force"
check "t0860-15 naming pandoc and its Debian package" grep -q "pandoc is not installed (Debian package pandoc)" .err
mkdir -p nochromium && ln -s "$(command -v pandoc)" nochromium/pandoc
check_exit "t0860-16 chromium missing exits 69" 69 env PATH="$WORK/nochromium" \
    "$BIN/sio-statement" --config cfg/main.ini --out marked --force "$sample_force"
check "t0860-17 naming chromium" grep -q "chromium is not installed (Debian package chromium)" .err
check "t0860-18 and a failed run leaves no scratch file" \
    sh -c "! ls marked/statement | grep -q '\.tmp\.' && ! ls '$TMPDIR' | grep -q ."

# The reference document: an office's own without the marking's place.
"$pydocx" -c "
import docx, sys
d = docx.Document('$TOP/config/reference.docx')
for s in d.sections:
    for p in s.header.paragraphs + s.footer.paragraphs:
        for r in p.runs: r.text = r.text.replace('{{classification}}', 'Our house style')
d.save('cfg/plain-ref.docx')"
run_config unmarked var/sio.db marked var/run.log
printf '[statement]\nreference_docx = plain-ref.docx\n' >>cfg/unmarked.ini
check_exit "t0860-19 a reference document with nowhere for the marking is refused (78)" 78 \
    "$BIN/sio-statement" --config cfg/unmarked.ini --force "$sample_force"
check "t0860-20 saying what to put where" grep -q "page header has no {{classification}}" .err
run_config svgonly var/sio.db marked var/run.log
printf '[charts]\nformats = svg\n' >>cfg/svgonly.ini
check_exit "t0860-21 Word without PNG charts is refused (78)" 78 \
    "$BIN/sio-statement" --config cfg/svgonly.ini --force "$sample_force"
check "t0860-22 saying what to change" grep -q "add png to \[charts\] formats" .err
done_testing
