/*
 * words.c — the sentences and table rows both writers print, so the
 * Markdown and the HTML say exactly the same things.  Numbers are printed
 * as measures.csv has them (counts whole, percentages to one decimal),
 * counts with thousands separators.
 */
#include "statement.h"
#include "text/words.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* " (2 of 3 months with data)" when partial, else "". */
static void coverage(int got, int want, char *buf, size_t size)
{
    if (got < want)
        snprintf(buf, size, " (%d of %d months with data)", got, want);
    else
        buf[0] = '\0';
}

char *statement_sentence(const struct statement *s, const struct statement_measure *m,
                         char *buf, size_t size)
{
    const struct statement_figures *f = &m->fig;
    char end[12], n1[96], n2[32];
    const char *v = f->verdict;

    month_words(s->quarter + 2, end);
    if (strcmp(v, "not tested") == 0 && isfinite(f->change_pct)) {
        snprintf(buf, size, "%s: %s in the 12 months to %s, %.1f%% %s than in the baseline "
                            "year (%s); not tested: too few points to estimate how much the "
                            "figures vary by chance.",
                 m->def.label, words_count_of(f->r12_count, m->def.noun, n1, sizeof n1), end,
                 fabs(f->change_pct), f->change_pct < 0 ? "fewer" : "more",
                 words_thousands(f->baseline_count, n2, sizeof n2));
        return buf;
    }
    if (!isfinite(f->change_pct) || strcmp(v, "not comparable") == 0) {
        snprintf(buf, size, "%s: %s in the 12 months to %s; this cannot be compared with "
                            "the baseline because some months have no data.",
                 m->def.label, words_count_of(f->r12_count, m->def.noun, n1, sizeof n1), end);
        return buf;
    }
    snprintf(buf, size, "%s: %s in the 12 months to %s, %.1f%% %s than in the baseline "
                        "year (%s); %s (%g%% confidence interval %+.1f%% to %+.1f%%).",
             m->def.label, words_count_of(f->r12_count, m->def.noun, n1, sizeof n1), end,
             fabs(f->change_pct),
             f->change_pct < 0 ? "fewer" : "more", words_thousands(f->baseline_count, n2, sizeof n2),
             strcmp(v, "improvement") == 0     ? "a statistically significant improvement"
             : strcmp(v, "deterioration") == 0 ? "a statistically significant deterioration"
                                               : "the change is not statistically significant",
             100 * s->confidence, f->ci_low_pct, f->ci_high_pct);
    return buf;
}

/* Rows 0-2: the counts. */
static int count_row(const struct statement *s, const struct statement_measure *m, int i,
                     char *label, size_t lsize, char *value, size_t vsize)
{
    const struct statement_figures *f = &m->fig;
    char a[12], b[12], n[32], cov[48], what[96];

    words_noun_heading(m->def.noun, what, sizeof what);
    if (i == 0) {
        snprintf(label, lsize, "%s in %s (%s to %s)", what, s->quarter_label,
                 month_words(s->quarter, a), month_words(s->quarter + 2, b));
        coverage(f->months_covered, 3, cov, sizeof cov);
        snprintf(value, vsize, "%s%s", words_thousands(f->count, n, sizeof n), cov);
    } else if (i == 1) {
        snprintf(label, lsize, "%s in the 12 months to %s", what, month_words(s->quarter + 2, a));
        coverage(f->r12_months, 12, cov, sizeof cov);
        snprintf(value, vsize, "%s%s", words_thousands(f->r12_count, n, sizeof n), cov);
    } else {
        snprintf(label, lsize, "%s in the baseline year (%s to %s)", what,
                 month_words(s->baseline_start, a),
                 month_words(s->baseline_end, b));
        coverage(f->baseline_months, 12, cov, sizeof cov);
        snprintf(value, vsize, "%s%s", words_thousands(f->baseline_count, n, sizeof n), cov);
    }
    return 1;
}

int statement_figure_row(const struct statement *s, const struct statement_measure *m, int i,
                         char *label, size_t lsize, char *value, size_t vsize)
{
    const struct statement_figures *f = &m->fig;
    int comparable = isfinite(f->change_pct);

    if (!f->found)
        return 0;
    if (i <= 2)
        return count_row(s, m, i, label, lsize, value, vsize);
    if (i == 3) {
        snprintf(label, lsize, "Change against the baseline");
        snprintf(value, vsize, comparable ? "%+.1f%%" : "not comparable", f->change_pct);
    } else if (i == 4) {
        snprintf(label, lsize, "%g%% confidence interval of the change", 100 * s->confidence);
        if (comparable && isfinite(f->ci_low_pct) && isfinite(f->ci_high_pct))
            snprintf(value, vsize, "%+.1f%% to %+.1f%%", f->ci_low_pct, f->ci_high_pct);
        else
            snprintf(value, vsize, "none");
    } else if (i == 5) {
        snprintf(label, lsize, "Verdict");
        snprintf(value, vsize, "%s", f->verdict);
    } else if (i == 6 && m->variation[0]) {
        snprintf(label, lsize, "Monthly variation (SPC)");
        snprintf(value, vsize, "%s%s%s", m->variation, m->assurance[0] ? "; assurance: " : "",
                 m->assurance);
    } else {
        return 0;
    }
    return 1;
}

/* Paragraph 3: exactly what each measure counts. */
static void method_types(const struct statement *s, char *buf, size_t size)
{
    size_t o = (size_t)snprintf(buf, size, "What each measure counts. ");

    for (int i = 0; i < s->n && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s: %s. ", s->m[i].def.label,
                              s->m[i].def.definition);
    if (o > 0 && o < size && buf[o - 1] == ' ')
        buf[o - 1] = '\0';
}

/* Every measure's source line once, in the measures' order: the one line as
 * it is, or "Sources: a; b; c" without each line's own "Source: ". */
static void sources_words(const struct statement *s, char *buf, size_t size)
{
    const char *seen[CONFIG_MAX_MEASURES];
    int n = 0;
    size_t o = 0;

    for (int i = 0; i < s->n && n < CONFIG_MAX_MEASURES; i++) {
        const char *note = s->m[i].def.source_note;
        int dup = 0;
        for (int j = 0; j < n && !dup; j++)
            dup = strcmp(seen[j], note) == 0;
        if (!dup && note[0])
            seen[n++] = note;
    }
    if (n <= 1) {
        snprintf(buf, size, "%s", n ? seen[0] : s->cfg->source_note);
        return;
    }
    o = (size_t)snprintf(buf, size, "Sources: ");
    for (int j = 0; j < n && o < size; j++) {
        const char *note = seen[j];
        if (strncmp(note, "Source: ", 8) == 0)
            note += 8;
        o += (size_t)snprintf(buf + o, size - o, "%s%s", note, j + 1 < n ? "; " : "");
    }
}

int statement_method(const struct statement *s, int i, char *buf, size_t size)
{
    char sources[1024] = "";

    if (i == 4)
        sources_words(s, sources, sizeof sources);

    char a[12], b[12];

    if (i == 0)
        snprintf(buf, size, "Figures from the police.uk street-level crime data are counts of crimes "
                            "recorded by %s, by the month they were recorded; each such measure is "
                            "the closest proxy the street-level crime types allow, not the Home "
                            "Office's own definition of the national measure. The other measures' "
                            "sources are named at the end of this section and on their charts.",
                 s->force_name);
    else if (i == 1)
        snprintf(buf, size, "The latest 12 months are compared with the baseline year, %s to %s. The "
                            "change is 100 x (latest / baseline - 1). Police figures vary from month "
                            "to month more than chance alone would make them, so its %g%% confidence "
                            "interval allows for the variation each series shows: the dispersion is "
                            "estimated from the monthly figures of the two periods (quasi-Poisson, "
                            "with month-of-year terms for a seasonal series) and widens the interval "
                            "(the exact Poisson interval when there is no extra variation). A change "
                            "is called an improvement or a deterioration only when the whole interval "
                            "is on one side of zero; it is not tested when there are too few figures "
                            "to estimate the variation (quarterly or rolling-year series), and a "
                            "comparison is made only when both 12-month periods have every month's "
                            "data.",
                 month_words(s->baseline_start, a),
                 month_words(s->baseline_end, b), 100 * s->confidence);
    else if (i == 2)
        snprintf(buf, size, "The SPC charts follow NHS England's Making Data Count. Counts are on XmR "
                            "charts (the centre line is the mean, the process limits the mean plus or "
                            "minus 2.66 times the mean moving range); shares on p-charts, whose limits "
                            "follow each month's number of people asked. The limits are fixed on the "
                            "baseline year, widened to the 15 points Making Data Count asks for, and "
                            "later points are judged against them; with fewer than 15 points there is "
                            "no SPC verdict. Special causes are a point beyond a limit, a run of points "
                            "on one side of the centre line, a run of rising or falling points, or two "
                            "of three points near a limit, and are marked as an improvement or a "
                            "concern by the measure's better direction. Each series is charted at its "
                            "own frequency (monthly, or quarterly).");
    else if (i == 3)
        method_types(s, buf, size);
    else if (i == 4)
        snprintf(buf, size, "%s. Produced by sio %s from the data in its store; every number in this "
                            "draft comes from there. Classification: %s.",
                 sources, s->version, s->cfg->classification);
    else
        return 0;
    return 1;
}

char *statement_applicability(const struct statement_measure *m, char *buf, size_t size)
{
    const struct catalogue_priority *p = m->priority;

    if (!p)
        snprintf(buf, size, "A local measure, not one of the national priorities.");
    else if (p->reason[0])
        snprintf(buf, size, "%s locally: %s", p->applicable ? "Applicable" : "Not applicable",
                 p->reason);
    else
        snprintf(buf, size, "%s locally (no reason given: add 'reason' to the [priority %s]"
                 " section of measures.ini).", p->applicable ? "Applicable" : "Not applicable",
                 p->key);
    return buf;
}
