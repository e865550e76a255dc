#!/bin/sh
# t0830-statement-priorities: the draft as the order asks, on stores made
# here.  Six sections in the order's order; each headline from its proper
# source (a force with Home Office homicide figures gets them, a force
# without gets "no data loaded", never a police.uk figure); England and
# Wales and the region beside the force, checked against a sum over the
# forces' own rows made here and R's poisson.test; the default quarter when
# the data end mid-quarter; "no data", never 0, for a window without data;
# the figures revised since the last statement after a republished month;
# and sio-run's default run writing a draft for every force.
. "$(dirname "$0")/lib.sh"
cfg=$TOP/config/sio.ini

# pipeline STORE OUT INPUT...: ingest, transform, measures, charts, quietly.
pipeline() {
    p_store=$1 p_out=$2; shift 2
    "$BIN/sio-ingest" --config "$cfg" --store "$p_store" --out "$p_out" --quiet "$@" &&
    for p_stage in transform measures charts; do
        "$BIN/sio-$p_stage" --config "$cfg" --store "$p_store" --out "$p_out" --quiet || return
    done
}
statement() { # STORE OUT ARGS...
    s_store=$1 s_out=$2; shift 2
    "$BIN/sio-statement" --config "$cfg" --store "$s_store" --out "$s_out" --quiet "$@"
}
# section FILE N: the Markdown of priority section N (its heading to the next).
section() {
    awk -v n="$2" '/^## [0-9]\. / { on = (substr($2, 1, 1) == n) } /^## [^0-9]/ { on = 0 } on' "$1"
}

# A Home Office quarterly open data table, one file per financial year
# 2018/19..2021/22: homicide (code 1) and drug trafficking (92A) for every
# force of England and Wales in config/forces.csv whose slug matches $2.
ho_tables() { # DIR SLUG-REGEX
    mkdir -p "$1"
    for fy in 2018 2019 2020 2021; do
        awk -F, -v fy="$fy" -v want="$2" '
            BEGIN { printf "Financial Year,Financial Quarter,Force Name,Offence Description,"
                    print "Offence Group,Offence Subgroup,Offence Code,Number of Offences" }
            /^#/ || $1 == "slug" || $3 == "" { next }
            { i++ } $1 !~ want { next }
            { label = sprintf("%d/%02d", fy, (fy + 1) % 100)
              for (q = 1; q <= 4; q++) {
                  printf "%s,%d,%s,Murder,Violence against the person,Homicide,1,%d\n", label, q, $2, (i * 3 + fy + q) % 4
                  printf "%s,%d,%s,Trafficking in controlled drugs,Drug offences,Trafficking of drugs,92A,%d\n", label, q, $2, 20 + (i * 7 + fy * 5 + q * 3) % 30
              } }' "$TOP/config/forces.csv" >"$1/ho-$fy.csv"
    done
}

check_exit t0830-1-generate 0 "$BIN/sio-gen" --size test --seed 1 --out "$WORK/sample"

# The force's own victim survey, every month 2018-04..2022-03: 50 victims
# asked a month, x satisfied (the value 2x %), and 20 victims of domestic
# abuse, d satisfied (the value 5d %).
victims() { # DIR
    mkdir -p "$1"
    awk 'BEGIN { print "force,period,indicator,value,denominator"
        for (i = 0; i < 48; i++) {
            y = 2018 + int((i + 3) / 12); m = (i + 3) % 12 + 1
            x = 33 + (i * 7) % 9; d = 11 + (i * 5) % 7
            printf "Warwickshire Police,%d-%02d,victim_satisfaction_pct,%d,50\n", y, m, 2 * x
            printf "Warwickshire Police,%d-%02d,victim_satisfaction_da_pct,%d,20\n", y, m, 5 * d } }' \
        >"$1/victims.csv"
}
# share IND: the share satisfied in January to March 2022, pooled over the
# months (satisfied / asked), to one decimal: by hand 111/150 = 74.0% for all
# victims (x = 33, 40, 38), 44/60 = 73.3% for domestic abuse (d = 12, 17, 15).
share() {
    awk -F, -v ind="$1" '$3 == ind && $2 >= "2022-01" && $2 <= "2022-03" {
        x += $4 * $5 / 100; n += $5 } END { printf "%.1f%%", 100 * x / n }' "$WORK/victims/victims.csv"
}

# --- store B: Home Office figures for Warwickshire only ---------------------------
ho_tables "$WORK/ho-wark" '^warwickshire$'
victims "$WORK/victims"
check_exit t0830-2-pipeline-warwickshire-ho 0 pipeline "$WORK/b.db" "$WORK/outb" "$WORK/sample" "$WORK/ho-wark" \
    "$WORK/victims"
check_exit t0830-3-statement-every-force 0 statement "$WORK/b.db" "$WORK/outb"
wmd=$WORK/outb/statement/warwickshire-2021-22-q4.md
lmd=$WORK/outb/statement/leicestershire-2021-22-q4.md
six_in_order() {
    got=$(grep '^## [0-9]\. ' "$1" | cut -c4- | tr '\n' '|')
    [ "$got" = "1. Reduce murder and other homicide|2. Reduce serious violence|3. Disrupt drugs supply and county lines|4. Reduce neighbourhood crime|5. Tackle cyber crime|6. Improve satisfaction among victims, with a particular focus on victims of domestic abuse|" ] ||
    { echo "got $got"; return 1; }
}
check t0830-4-six-sections-in-the-orders-order six_in_order "$wmd"
# A rise in drug trafficking is counted as an improvement, and the draft says
# why, in measures.ini's words, right after the headline's verdicts; a measure
# whose better direction needs no reason (homicide: a fall) gets no such line.
why_rise() {
    section "$wmd" 3 | grep -A 12 '^### Headline: Drug trafficking offences$' |
        grep -q '^\*A rise counts as an improvement for this measure: recorded trafficking offences depend largely on police activity against supply, since few are reported by victims'
}
check t0830-40-says-why-a-rise-in-trafficking-is-an-improvement why_rise
check t0830-41-no-reason-where-the-direction-is-plain sh -c '! grep -q "counts as an improvement for this measure" "$1"' - "$(section "$wmd" 1 >"$WORK/s1.md"; echo "$WORK/s1.md")"
parts_first() {
    grep '^## ' "$1" | head -n 3 | tr '\n' '|' |
        grep -qx '## Introduction|## The Specified Information Order|## Statement of contribution|'
}
check t0830-5-template-parts-first parts_first "$wmd"
# Warwickshire's homicide headline is the Home Office's, with its count as a count.
wq=$(sqlite3 "$WORK/b.db" "SELECT sum(count) FROM ho_crime WHERE force_slug = 'warwickshire'
    AND offence_code = '1' AND period_start = '2022-01'")
ho_headline() {
    section "$wmd" 1 | grep -q '^### Headline: Homicide$' &&
    section "$wmd" 1 | grep -q '^\*Source: Home Office police recorded crime, by financial quarter: Home Office offence codes 1, 4/1, 4/2 and 4/10'
}
check t0830-6-ho-homicide-is-the-headline ho_headline
as_count() { section "$wmd" 1 | grep -q "^Homicide: $wq homicides\{0,1\} in 2021/22 Q4 (January to March 2022)"; }
check t0830-7-small-count-told-as-a-count as_count
# The Home Office series is quarterly, and so is its SPC chart: the summary
# says so (not "Monthly variation"); police.uk's monthly series stay monthly.
spc_named_for_frequency() {
    section "$wmd" 1 | grep -q '^\*Quarterly variation (SPC): ' &&
    ! section "$wmd" 1 | grep -q 'Monthly variation' &&
    section "$wmd" 4 | grep -q '^\*Monthly variation (SPC): '
}
check t0830-34-spc-summary-named-for-the-series-frequency spc_named_for_frequency
# Victim satisfaction: the headline's figures, table and chart; then the
# domestic abuse victims' own figures, table and chart, as part of the
# measure (the order's "particular focus"), not as context.
victims_headline() {
    section "$wmd" 6 | grep -q '^### Headline: Victims satisfied with the whole experience$' &&
    section "$wmd" 6 | grep -q "^Victims satisfied with the whole experience: $(share victim_satisfaction_pct) in 2021/22 Q4" &&
    section "$wmd" 6 | grep -q '^Table: Victims satisfied with the whole experience, Warwickshire Police' &&
    section "$wmd" 6 | grep -q '(../charts/warwickshire/victim_satisfaction-spc.svg)$'
}
check t0830-35-victim-satisfaction-figures-table-chart victims_headline
da_victims() {
    section "$wmd" 6 | grep -q '^#### Domestic abuse victims satisfied with the whole experience$' &&
    section "$wmd" 6 | grep -q '^\*Part of the measure: the victims this priority singles out\.' &&
    section "$wmd" 6 | grep -q "^Domestic abuse victims satisfied with the whole experience: $(share victim_satisfaction_da_pct) in 2021/22 Q4" &&
    section "$wmd" 6 | grep -q '^Table: Domestic abuse victims satisfied with the whole experience, Warwickshire Police' &&
    section "$wmd" 6 | grep -q '(../charts/warwickshire/victim_satisfaction_da-spc.svg)$' &&
    test -s "$WORK/outb/charts/warwickshire/victim_satisfaction_da-spc.svg"
}
check t0830-36-domestic-abuse-victims-figures-table-chart da_victims
# No misleading proxy ships: police.uk has no homicide or cyber crime
# category, so the shipped catalogue has no police.uk series for those
# priorities, and every police.uk series is named for its source.
no_proxy() {
    [ "$(sqlite3 "$WORK/b.db" "SELECT count(*) FROM measure_catalogue WHERE source_kind LIKE 'police.uk%'
        AND priority IN ('homicide', 'cyber_crime')")" = 0 ] &&
    [ "$(sqlite3 "$WORK/b.db" "SELECT count(*) FROM measure_catalogue WHERE source_kind = 'police.uk street'
        AND label NOT LIKE '%police.uk%'")" = 0 ]
}
check t0830-37-no-police-uk-series-for-homicide-or-cyber-crime no_proxy
# The reference's unverified points stay in view in the methods section.
unverified_in_view() {
    sed -n '/^### Points not yet verified$/,/^### /p' "$wmd" >"$WORK/unverified"
    for p in Homicide 'Serious violence' 'Drugs supply and county lines' 'Neighbourhood crime' \
             'Cyber crime' 'Victim satisfaction' 'The baseline'; do
        grep -q "^- $p: .*unverified\|^- $p: .*no source states" "$WORK/unverified" || { echo "no point for $p"; return 1; }
    done
}
check t0830-38-unverified-points-in-the-methods unverified_in_view
# Leicestershire: the table has no rows for it, so no headline, and nothing from police.uk.
no_data_loaded() {
    section "$lmd" 1 | grep -q '^### Headline: no data loaded$' &&
    section "$lmd" 1 | grep -q 'the Home Office open data table loaded has no figures for this force'
}
check t0830-8-no-ho-figures-no-data-loaded no_data_loaded
no_police_uk() { ! section "$lmd" 1 | grep -qi 'police\.uk'; }
check t0830-9-never-a-police-uk-figure-for-homicide no_police_uk
check t0830-10-overview-six-panels-recorded test "$(sqlite3 "$WORK/b.db" "SELECT count(*) FROM
    chart_files WHERE force = 'warwickshire' AND kind = 'overview'")" = 1

# --- store A: every force of England and Wales ----------------------------------
ho_tables "$WORK/ho-all" '.'
check_exit t0830-11-pipeline-all-forces 0 pipeline "$WORK/a.db" "$WORK/outa" "$WORK/sample" "$WORK/ho-all"
qa() { sqlite3 -batch -noheader "$WORK/a.db" "$1"; }
win=$(qa "SELECT r12_start || ' ' || r12_end || ' ' || year_earlier_start || ' ' || year_earlier_end
    FROM measure_windows WHERE force = 'warwickshire' AND measure = 'drug_trafficking'")
set -- $win
# The independent sums: straight from the Home Office rows, every force with an ONS code.
sum_rows() { # FROM TO REGION-OR-EMPTY
    qa "SELECT sum(h.count) FROM ho_crime h JOIN forces f ON f.slug = h.force_slug
        WHERE f.ons_code IS NOT NULL AND h.offence_code = '92A' AND h.period_type = 'fq'
        AND h.period_start >= '$1' AND h.period_end <= '$2' AND ('$3' = '' OR f.region = '$3')"
}
ew_now=$(sum_rows "$1" "$2" "") ew_before=$(sum_rows "$3" "$4" "")
wm_now=$(sum_rows "$1" "$2" "West Midlands") wm_before=$(sum_rows "$3" "$4" "West Midlands")
nat() { # AREA_KIND COLUMN
    qa "SELECT $2 FROM national_picture WHERE force = 'warwickshire' AND measure = 'drug_trafficking'
        AND area_kind = '$1' AND comparison = 'year_earlier'"
}
check t0830-12-ew-latest-is-the-sum-over-forces test "$(nat country 'CAST(latest_value AS INTEGER)')" = "$ew_now"
check t0830-13-ew-before-is-the-sum-over-forces test "$(nat country 'CAST(base_value AS INTEGER)')" = "$ew_before"
check t0830-14-region-is-the-sum-over-its-forces test "$(nat region 'CAST(latest_value AS INTEGER)')" = "$wm_now"
check t0830-15-all-43-forces-summed test "$(nat country forces_with_data)/$(nat country forces_expected)" = 43/43
# The change from the independent sums (both windows 12 months); the
# verdict and interval are judged as the force's own (quarterly figures: the
# dispersion of the whole summed series, one rate a year).
close() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 1e-6) }'; }
check t0830-16-ew-change-from-the-sums close "$(nat country change)" \
    "$(awk -v a="$ew_now" -v b="$ew_before" 'BEGIN { printf "%.9f", 100 * (a / b - 1) }')"
check t0830-17-ew-judged-as-the-force test "$(nat country verdict)" = \
    "$(qa "SELECT verdict FROM measure_verdicts WHERE force = 'warwickshire'
        AND measure = 'drug_trafficking' AND comparison = 'year_earlier'")"
check_exit t0830-18-statement-warwickshire 0 statement "$WORK/a.db" "$WORK/outa" --force warwickshire
amd=$WORK/outa/statement/warwickshire-2021-22-q4.md
beside() {
    section "$amd" 3 | grep -q '^Beside England and Wales: over the 12 months to March 2022 against the 12 months before, Warwickshire Police changed'
}
check t0830-19-draft-sets-ew-beside-the-force beside

# --- data ending mid-quarter, and a baseline with no data --------------------------
check_exit t0830-20-generate-mid-quarter 0 "$BIN/sio-gen" --size test --seed 2 --from 2019-07 \
    --to 2022-02 --out "$WORK/mid"
check_exit t0830-21-pipeline-mid-quarter 0 pipeline "$WORK/c.db" "$WORK/outc" "$WORK/mid"
check t0830-22-default-quarter-is-the-last-complete-one test \
    "$(sqlite3 "$WORK/c.db" "SELECT quarter FROM force_quarters WHERE force = 'warwickshire'")" = "2021/22 Q3"
check_exit t0830-23-statement-mid-quarter 0 statement "$WORK/c.db" "$WORK/outc" --force warwickshire
cmd=$WORK/outc/statement/warwickshire-2021-22-q3.md
check t0830-24-draft-for-2021-22-q3 test -s "$cmd"
check t0830-25-12-months-end-at-the-last-month grep -q 'in the 12 months to February 2022' "$cmd"
baseline_rows() { grep '^| 12 months to [A-Za-z]* [0-9]* against the baseline' "$cmd"; }
no_zero() { baseline_rows | grep -q '| no data |' && ! baseline_rows | grep -q '| 0 |'; }
check t0830-26-empty-baseline-says-no-data no_zero

# --- what changed since the last statement ----------------------------------------
check_exit t0830-27-statement-for-q3 0 statement "$WORK/b.db" "$WORK/outb" --force warwickshire --quarter '2021/22 Q3'
# police.uk republishes December 2021 for Warwickshire with one violent crime
# fewer: its last row of a Crime ID written once (sio-gen, like police.uk,
# repeats some rows, and a repeated row's crime is still counted).
dec=$(find "$WORK/sample" -name '2021-12-warwickshire-street.csv')
mkdir -p "$WORK/republished"
awk -F, 'NR == FNR { n[$1]++; if ($10 == "Violence and sexual offences" && $1 != "") v[++k] = FNR; id[FNR] = $1; next }
    FNR == 1 { for (j = k; j > 0 && n[id[v[j]]] != 1; j--) ; drop = j ? v[j] : 0 }
    FNR != drop' "$dec" "$dec" >"$WORK/republished/2021-12-warwickshire-street.csv"
check t0830-39-republished-has-one-crime-fewer test \
    "$(($(wc -l <"$dec") - 1))" = "$(wc -l <"$WORK/republished/2021-12-warwickshire-street.csv")"
check_exit t0830-28-republished-month-loaded 0 pipeline "$WORK/b.db" "$WORK/outb" "$WORK/republished"
check_exit t0830-29-statement-for-q4 0 statement "$WORK/b.db" "$WORK/outb" --force warwickshire
changes() { awk '/^## What changed/ { on = 1; next } /^## / { on = 0 } on' "$wmd"; }
listed() {
    changes | grep -q 'in the statement for 2021/22 Q3' &&
    changes | grep -q '2021-12-warwickshire-street.csv (replacing an earlier file)'
}
check t0830-30-changes-listed listed
old=$(sqlite3 "$WORK/b.db" "SELECT CAST(value AS INTEGER) FROM statement_figures f JOIN statements s
    ON s.id = f.statement_id WHERE s.quarter = '2021/22 Q3' AND f.period_type = 'fq'
    AND f.measure = 'violence_policeuk' ORDER BY s.id LIMIT 1")
new=$(sqlite3 "$WORK/b.db" "SELECT CAST(value AS INTEGER) FROM measure_results WHERE force = 'warwickshire'
    AND measure = 'violence_policeuk' AND period = '2021/22 Q3' AND statistic = 'count'")
check t0830-31-old-and-new-values grep -q "| Violence and sexual offences, police.uk | 2021/22 Q3 | $old | $new |" "$wmd"

# --- sio-run's default run ---------------------------------------------------------------
mkdir -p "$WORK/run"
check_exit t0830-32-sio-run-default 0 sh -c "cd '$WORK/run' && '$BIN/sio-run' --config '$cfg' \
    --store '$WORK/d.db' --out '$WORK/outd' --quiet '$WORK/sample'"
check t0830-33-a-draft-for-every-force test "$(ls "$WORK/outd/statement/"*.md | wc -l)" = 4
done_testing
