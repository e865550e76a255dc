# t0760 — sio-init DIR: a working folder for one force in one command
# (configuration naming the force and its peers, the statement-text template,
# inputs/ as the archives come, a crontab line and a systemd service and
# timer, a README), never over an existing folder; then sio-run in it, with
# no --config, makes the whole pack.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
check_exit "t0760-1 sio-init makes a folder for a force" 0 \
    "$BIN/sio-init" --force "Warwickshire Police" --peer leicestershire --peer "West Mercia" office
check "t0760-2 and says where and for whom" grep -q "office is ready for Warwickshire Police" .out
for f in README.md config/sio.ini config/measures.ini config/forces.csv config/annotations.csv \
    config/reference.docx config/statement-print.css config/peers.ini config/statement-text.md inputs/police-uk/ABOUT.txt inputs/home-office/ABOUT.txt \
    inputs/indicators/ABOUT.txt inputs/population/ABOUT.txt schedule/crontab \
    schedule/sio-warwickshire.service schedule/sio-warwickshire.timer; do
    check "t0760-3 it holds $f" test -s "office/$f"
done
check "t0760-4 the configuration names the force" grep -qx 'statement_force = warwickshire' office/config/sio.ini
check "t0760-5 and every input folder, in order" \
    sh -c "grep '^inputs = ' office/config/sio.ini | tr '\n' ' ' | grep -qx 'inputs = inputs/home-office inputs = inputs/indicators inputs = inputs/police-uk inputs = inputs/population '"
check "t0760-6 the peer group has the force and its peers by their police.uk names" \
    sh -c "grep '^member = ' office/config/peers.ini | tr '\n' '|' | grep -qx 'member = Warwickshire Police|member = Leicestershire Police|member = West Mercia Police|'"
check "t0760-7 the statement text has the introduction, the contribution and the six priorities in the order's order" \
    sh -c "grep '^## ' office/config/statement-text.md | tr '\n' ' ' | grep -qx '## introduction ## contribution ## homicide ## serious_violence ## drugs_supply ## neighbourhood_crime ## cyber_crime ## victim_satisfaction '"
check "t0760-8 each with its two paragraphs to write" \
    sh -c "test \$(grep -c '^### Reflections on performance and context\$' office/config/statement-text.md) = 6 &&
           test \$(grep -c '^### Planned action for the next quarter\$' office/config/statement-text.md) = 6"
check "t0760-9 the README is for this force and folder" \
    sh -c "grep -q '^# sio working folder: Warwickshire Police' office/README.md && grep -q '  cd $WORK/office\$' office/README.md"
check "t0760-10 no template mark is left unfilled" sh -c "! grep -rq '@[A-Z_]*@' office"
check "t0760-11 nothing is left beside it" sh -c "! ls -d office.* 2>/dev/null | grep -q ."

# The scheduler files: the crontab line runs sio-run in the folder, quoted
# for sh and cron even when the folder's name has a space, a quote and a %.
odd="odd 'name' 50%"
check_exit "t0760-12 a folder name with a space, a quote and a %" 0 "$BIN/sio-init" --quiet --force warwickshire "$odd"
check "t0760-13 --quiet prints nothing" test ! -s .out
# cron: the command is what follows the five time fields, with \% made %.
cmd=$(grep -v '^#' "$odd/schedule/crontab" | sed 's/^[^ ]* [^ ]* [^ ]* [^ ]* [^ ]* *//; s/\\%/%/g')
check "t0760-14 the crontab line runs sio-run in that folder (checked with --dry-run)" \
    sh -c "cd / && eval \"\$1 --dry-run\" | grep -q 'would run $BIN/sio-ingest --config config/sio.ini'" sh "$cmd"
if command -v systemd-analyze >/dev/null; then
    check "t0760-15 the systemd service and timer pass systemd-analyze verify" \
        sh -c "cd office/schedule && systemd-analyze verify --man=no sio-warwickshire.service sio-warwickshire.timer 2>&1 | grep . >&2 && exit 1 || exit 0"
else
    fail "t0760-15 systemd-analyze verify (not run: systemd-analyze is not installed)"
fi
check "t0760-16 the service runs the sio-run beside sio-init, in the folder" \
    sh -c "grep -qx 'WorkingDirectory=$WORK/office' office/schedule/sio-warwickshire.service &&
           grep -qx 'ExecStart=\"$BIN/sio-run\" --quiet --config config/sio.ini' office/schedule/sio-warwickshire.service"

# Never over an existing folder.
tree_list office >before.list
check_exit "t0760-17 an existing folder that is not empty is refused (73)" 73 "$BIN/sio-init" --force warwickshire office
tree_list office >after.list
check "t0760-18 and left exactly as it was" cmp -s before.list after.list
mkdir emptydir
check_exit "t0760-19 an empty folder is filled" 0 "$BIN/sio-init" --force warwickshire emptydir
check_exit "t0760-20 a force not in forces.csv is a usage error (64)" 64 "$BIN/sio-init" --force Narnia nope
check "t0760-21 saying how to name one" grep -q "no force is called 'Narnia' in forces.csv" .err
check_exit "t0760-22 so is a peer not in forces.csv" 64 "$BIN/sio-init" --force warwickshire --peer Narnia nope
check_exit "t0760-23 and no --force" 64 "$BIN/sio-init" nope
check_exit "t0760-24 and two folders" 64 "$BIN/sio-init" --force warwickshire a b
check "t0760-25 nothing was made by the refused runs" test ! -e nope -a ! -e a -a ! -e b

# The shared files: SIO_SHARE, a broken template.
cp -r "$TOP/config" share
printf 'Hello @FORCE_NAM@\n' >>share/init/README.md
check_exit "t0760-26 a template with an unknown mark fails (78)" 78 env SIO_SHARE="$WORK/share" "$BIN/sio-init" --force warwickshire broken
check "t0760-27 naming the template and line" grep -q "share/init/README.md:[0-9]*: unknown mark @FORCE_NAM@" .err
check "t0760-28 and leaving no folder, whole or part" sh -c "! ls -d broken* 2>/dev/null | grep -q ."
check_exit "t0760-29 shared files missing exit 66" 66 env SIO_SHARE="$WORK/nowhere" "$BIN/sio-init" --force warwickshire x

# The whole pack from the new folder: the demo's sample (four forces, so a
# funnel plot; population, so rates) into inputs/ as the archives come,
# sio-run there; each output read back by its real reader.
"$BIN/sio-gen" --size small --seed 1 --own-indicators --out sample >/dev/null
mv sample/20* office/inputs/police-uk/
mv sample/indicators.csv office/inputs/indicators/
mv sample/population.csv office/inputs/population/
check_exit "t0760-30 sio-run in the new folder, with no --config, succeeds" 0 sh -c "cd office && '$BIN/sio-run' --quiet"
check "t0760-31 and writes the statement for the force, as Markdown, HTML, Word and PDF" \
    sh -c "for e in md html docx pdf; do ls office/out/statement/warwickshire-*.\$e >/dev/null || exit 1; done"
check "t0760-32 the workbook" sh -c "ls office/out/sio-*.xlsx >/dev/null"
check "t0760-33 the charts of the office's force only (its statement_force)" \
    sh -c "test \"\$(ls office/out/charts)\" = warwickshire && test -s office/out/charts/warwickshire/overview.svg"
check "t0760-34 and the manifest" test -s office/out/manifest.json
st=$(ls office/out/statement/warwickshire-*.md 2>/dev/null | head -n 1)
st=${st%.md}
if pydocx=$(python_with docx); then
    check "t0760-35 python-docx reads the Word statement back against the Markdown" \
        "$pydocx" "$TOP/tests/tools/docx_check.py" "$st.docx" "$st.md" OFFICIAL
else
    fail "t0760-35 python3-docx is installed"
fi
check "t0760-36 poppler reads the PDF back against the HTML" \
    python3 "$TOP/tests/tools/pdf_check.py" "$st.pdf" "$st.html" OFFICIAL
if pyxl=$(python_with openpyxl); then
    check "t0760-37 openpyxl reads the workbook back against the CSVs" \
        "$pyxl" "$TOP/tests/tools/xlsx_check.py" "$(ls office/out/sio-*.xlsx | head -n 1)" office/out/csv OFFICIAL office/out/manifest.json
else
    fail "t0760-37 python3-openpyxl is installed"
fi
check "t0760-38 the force's peer charts are of the group sio-init configured" \
    grep -q "most similar group (Warwickshire Police and peers" office/out/charts/warwickshire/neighbourhood_crime_policeuk-peers.txt
check "t0760-39 the statement carries the force's peer chart and funnel plot" \
    sh -c "grep -q '](\.\./charts/warwickshire/[a-z0-9_-]*-peers\.svg)' '$st.md' &&
           grep -q '](\.\./charts/warwickshire/[a-z0-9_-]*-funnel\.svg)' '$st.md'"
done_testing
