/*
 * measure.c — one measure in the draft: the quarter itself in a sentence,
 * the verdicts, the table of comparisons, England and Wales and the region
 * beside it, and its charts (compose.h).
 *
 * Small counts (STATEMENT_SMALL_COUNT) are told as counts: "3 homicides in
 * 2021/22 Q4, against 1 in 2020/21 Q4", with the stored verdict in words
 * and no percentage.  Larger ones carry the stored verdict sentences, so
 * the sentence, the table and the charts use the one vocabulary sio-measures
 * stored.
 */
#include "compose.h"
#include "text/words.h"
#include "wording.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* "in 2021/22 Q4 (January to March 2022)". */
static char *quarter_words(const struct statement_value *v, char *buf, size_t size)
{
    char q[16], span[64];
    snprintf(buf, size, "in %s (%s)", month_fq_label(v->start, q), sw_span(v->start, v->end, span, sizeof span));
    return buf;
}

/* The quarter itself: "Homicide: 3 homicides in 2021/22 Q4 (...), against
 * 1 in 2020/21 Q4; 7 in the 12 months to March 2022, against 9 in the 12
 * months before." */
static void quarter_sentence(struct doc *d, const struct statement_measure *m)
{
    char a[96], b[96], c[96], e[96], when[96], q[16], end[24], extreme[200] = "";

    if (m->extreme[0])
        snprintf(extreme, sizeof extreme, ", %s", m->extreme);
    if (m->quarter.found && m->r12.found)
        doc_para(d, "%s: %s %s%s, against %s in %s; %s in the 12 months to %s, against %s in "
                    "the 12 months before.", m->def.label, sw_value(m, &m->quarter, 1, a, sizeof a),
                 quarter_words(&m->quarter, when, sizeof when), extreme,
                 sw_value(m, &m->quarter_before, 0, b, sizeof b),
                 month_fq_label(m->quarter_before.start, q), sw_value(m, &m->r12, 0, c, sizeof c),
                 sw_month(m->r12.end, end, sizeof end), sw_value(m, &m->r12_before, 0, e, sizeof e));
    else if (m->r12.found)
        doc_para(d, "%s: %s in the 12 months to %s, against %s in the 12 months before (no "
                    "figures for single quarters).", m->def.label, sw_value(m, &m->r12, 1, c, sizeof c),
                 sw_month(m->r12.end, end, sizeof end), sw_value(m, &m->r12_before, 0, e, sizeof e));
    else if (m->quarter.found)
        doc_para(d, "%s: %s %s, against %s in %s.", m->def.label,
                 sw_value(m, &m->quarter, 1, a, sizeof a), quarter_words(&m->quarter, when, sizeof when),
                 sw_value(m, &m->quarter_before, 0, b, sizeof b),
                 month_fq_label(m->quarter_before.start, q));
    else
        doc_para(d, "%s: no figures for this force in the store.", m->def.label);
}

static const char *const against[CMP_N] = {"the same quarter a year earlier",
                                           "the 12 months before", "the baseline year"};

/* The verdicts: in words for small counts, else the stored sentences. */
static void verdict_sentences(struct doc *d, const struct statement_measure *m)
{
    if (!m->current) {
        doc_quiet(d, "No verdicts for this quarter: sio-measures judges the latest figures, "
                     "and these are for an earlier quarter.");
        return;
    }
    if (sw_small(m)) {
        char quarter[160] = "";
        if (strcmp(m->win.frequency, "rolling year") != 0) /* 12-month totals: no quarters */
            snprintf(quarter, sizeof quarter, "against %s: %s; ", against[0],
                     sw_verdict(m, &m->cmp[0]));
        quarter[0] = quarter[0] ? 'A' : '\0';
        doc_para(d, "Too few to show as percentage changes. %s%cgainst %s: %s; against %s: %s.",
                 quarter, quarter[0] ? 'a' : 'A', against[1], sw_verdict(m, &m->cmp[1]),
                 against[2], sw_verdict(m, &m->cmp[2]));
        return;
    }
    for (int k = 0; k < CMP_N; k++)
        if (m->cmp[k].found && m->cmp[k].sentence[0] && strcmp(m->cmp[k].verdict, "no data"))
            doc_para(d, "%s", m->cmp[k].sentence);
}

/* One row of the comparisons table. */
static void compare_row(struct doc *d, int t, const struct statement *s,
                        const struct statement_measure *m, const char *what,
                        const struct statement_value *now, const struct statement_value *then,
                        const struct statement_compare *c)
{
    char a[96], b[96], chg[160];
    const char *cells[5] = {what, sw_value(m, now, 0, a, sizeof a), sw_value(m, then, 0, b, sizeof b),
                            sw_cmp_change(s, m, c, chg, sizeof chg), sw_verdict(m, c)};
    doc_row(d, t, cells);
}

static void national_rows(struct doc *d, int t, const struct statement *s,
                          const struct statement_measure *m)
{
    char what[160], a[32], b[32], chg[160], end[24];
    for (int i = 0; i < 2; i++) {
        const struct statement_national *n = &m->nat[i];
        if (!n->found)
            continue;
        snprintf(what, sizeof what, "%s: 12 months to %s against the 12 months before", n->area,
                 sw_month(m->r12.end, end, sizeof end));
        if (m->def.proportion) {
            snprintf(a, sizeof a, "%.1f%%", n->latest);
            snprintf(b, sizeof b, "%.1f%%", n->base);
        } else {
            words_thousands(lround(n->latest), a, sizeof a);
            words_thousands(lround(n->base), b, sizeof b);
        }
        sw_change(m, n->change, n->low, n->high, s->confidence, chg, sizeof chg);
        const char *cells[5] = {what, a, b, chg, n->verdict};
        doc_row(d, t, cells);
    }
}

static void compare_table(struct doc *d, const struct statement *s,
                          const struct statement_measure *m)
{
    char caption[512], q1[16], q0[16], what[3][160], e1[24], e0[24], b0[64];
    const char *header[5] = {"Comparison", "Latest", "Compared with", "Change", "Verdict"};
    int t;

    if (!m->quarter.found && !m->r12.found)
        return;
    snprintf(caption, sizeof caption, "%s, %s: the latest figures against earlier periods",
             m->def.label, s->force_name);
    t = doc_table(d, caption, 5, 0xe, header);
    snprintf(what[0], sizeof what[0], "%s against %s", month_fq_label(m->quarter.start, q1),
             month_fq_label(m->quarter_before.start, q0));
    snprintf(what[1], sizeof what[1], "12 months to %s against the 12 months to %s",
             sw_month(m->r12.end, e1, sizeof e1), sw_month(m->r12_before.end, e0, sizeof e0));
    snprintf(what[2], sizeof what[2], "12 months to %s against the baseline (%s)", e1,
             sw_span(m->baseline.start, m->baseline.end, b0, sizeof b0));
    /* the rolling-year file has 12-month totals only: no quarter to compare */
    if (m->quarter.start != MONTH_NONE && strcmp(m->win.frequency, "rolling year") != 0)
        compare_row(d, t, s, m, what[0], &m->quarter, &m->quarter_before, &m->cmp[CMP_QUARTER]);
    compare_row(d, t, s, m, what[1], &m->r12, &m->r12_before, &m->cmp[CMP_YEAR]);
    compare_row(d, t, s, m, what[2], &m->r12, &m->baseline, &m->cmp[CMP_BASELINE]);
    if (m->current)
        national_rows(d, t, s, m);
}

/* England and Wales beside the force, or what to load for it. */
static void national_words(struct doc *d, const struct statement *s,
                           const struct statement_measure *m)
{
    char own[256], ew[160], rg[160], end[24];
    const struct statement_national *n = m->nat;

    if (!m->current || !m->r12.found)
        return;
    if (n[0].found) {
        char region[256] = "", a[96], b[96];
        if (sw_small(m)) /* as counts, like the force's own figures */
            snprintf(own, sizeof own, "had %s against %s", sw_value(m, &m->r12, 0, a, sizeof a),
                     sw_value(m, &m->r12_before, 0, b, sizeof b));
        else
            snprintf(own, sizeof own, "changed %s", sw_change(m, m->cmp[CMP_YEAR].change,
                     m->cmp[CMP_YEAR].low, m->cmp[CMP_YEAR].high, s->confidence, a, sizeof a));
        sw_change(m, n[0].change, n[0].low, n[0].high, s->confidence, ew, sizeof ew);
        if (n[1].found)
            snprintf(region, sizeof region, "; the %s region %s (%s)", n[1].area,
                     sw_change(m, n[1].change, n[1].low, n[1].high, s->confidence, rg, sizeof rg),
                     n[1].verdict);
        doc_para(d, "Beside England and Wales: over the 12 months to %s against the 12 months "
                    "before, %s %s (%s); England and Wales %s (%s)%s.",
                 sw_month(m->r12.end, end, sizeof end), s->force_name, own,
                 sw_verdict(m, &m->cmp[CMP_YEAR]), ew, n[0].verdict, region);
    } else if (m->nat_expected > 0)
        doc_quiet(d, "England and Wales: not shown, as the store has these figures for %d of "
                     "the %d forces of England and Wales. Load %s for every force to compare.",
                  m->nat_forces, m->nat_expected, m->def.source_file);
    else if (!strcmp(m->win.frequency, "rolling year"))
        doc_quiet(d, "England and Wales: not shown; sio does not add up the rolling-year file's "
                     "12-month totals across forces.");
    else
        doc_quiet(d, "England and Wales: not shown; load the forces file (config/forces.csv) "
                     "and %s for every force to compare.", m->def.source_file);
}

/* The SPC summary, named for the frequency the series is charted at, with
 * why there is no verdict when there is none (as the SPC chart says). */
static void spc_words(struct doc *d, const struct statement_measure *m)
{
    const char *f = m->win.frequency;
    const char *per = !strcmp(f, "quarter") ? "Quarterly" : !strcmp(f, "year") ? "Yearly"
                                                                               : "Monthly";

    if (!m->variation[0])
        return;
    if (m->why_no_verdict[0])
        doc_quiet(d, "%s variation (SPC): %s, as %s.", per, m->variation, m->why_no_verdict);
    else
        doc_quiet(d, "%s variation (SPC): %s%s%s.", per, m->variation,
                  m->assurance[0] ? "; assurance: " : "", m->assurance);
}

static int same_reason(const struct statement_measure *a, const struct statement_measure *b)
{
    return a->def.better == b->def.better && !strcmp(a->def.better_reason, b->def.better_reason);
}

/* Why a rise (or a fall) counts as an improvement for m, in measures.ini's
 * words: said once for the measures of printed[0..n_printed-1] (indices
 * into s->m, the measures with figures that m's section prints, in order)
 * that give the same reason, at the first of them, naming the others; the
 * others then say nothing (two drug offence measures under one priority
 * printed the same sentence twice). */
static void better_reason(struct doc *d, const struct statement *s,
                          const struct statement_measure *m, const int *printed, int n_printed)
{
    const struct statement_measure *sharing[CONFIG_MAX_MEASURES];
    char others[1024] = "";
    size_t o = 0;
    int n = 0;

    if (!m->def.better_reason[0])
        return;
    for (int i = 0; i < n_printed && n < CONFIG_MAX_MEASURES; i++)
        if (&s->m[printed[i]] == m || same_reason(&s->m[printed[i]], m))
            sharing[n++] = &s->m[printed[i]];
    if (n && sharing[0] != m)
        return; /* said at an earlier measure of the section */
    for (int k = 1; k < n && o < sizeof others; k++)
        o += (size_t)snprintf(others + o, sizeof others - o, "%s%s",
                              k == 1 ? "" : k == n - 1 ? " and " : ", ", sharing[k]->def.label);
    if (n > 1)
        doc_quiet(d, "A %s counts as an improvement for this measure and for %s, below: %s",
                  m->def.better > 0 ? "rise" : "fall", others, m->def.better_reason);
    else
        doc_quiet(d, "A %s counts as an improvement for this measure: %s",
                  m->def.better > 0 ? "rise" : "fall", m->def.better_reason);
}

void compose_measure(struct doc *d, const struct statement *s, const struct statement_measure *m,
                     int all_charts, const int *printed, int n_printed)
{
    char end[24];

    if (m->older && m->win.last != MONTH_NONE)
        doc_check(d, "The latest figures for %s end in %s, before the end of %s.", m->def.label,
                  sw_month(m->win.last, end, sizeof end), s->quarter_label);
    quarter_sentence(d, m);
    if (m->quarter.found || m->r12.found) {
        verdict_sentences(d, m);
        better_reason(d, s, m, printed, n_printed);
    }
    compare_table(d, s, m);
    national_words(d, s, m);
    spc_words(d, m);
    for (int k = 0, shown = 0; k < m->n_charts; k++)
        if (m->charts[k].path[0] && (all_charts || !shown++))
            doc_chart(d, m->charts[k].path, m->charts[k].rel, m->charts[k].alt);
}
