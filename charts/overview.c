/*
 * overview.c — the small-multiples page.
 *
 * Panels are laid out in rows of two (up to four measures), three (up to
 * nine) or as many as keep to three rows; each
 * panel's plot keeps the house conventions at a smaller size: bars from
 * zero, the baseline level in the baseline colour, partial quarters in the
 * tint, missing quarters empty, and a few gridlines with thousands
 * separators.  The verdict sits in a coloured badge above the plot so the
 * page can be read without the plots at all.
 */
#include "overview.h"

#include "frame.h"

#include <plplot.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int overview_add(struct overview *ov, const struct quarter_series *s, int better,
                 struct sio_error *err)
{
    struct overview_panel *p;
    struct quarter_point *q = malloc((s->n ? s->n : 1) * sizeof *q);

    if (ov->n == ov->cap) {
        size_t cap = ov->cap ? ov->cap * 2 : 8;
        p = realloc(ov->p, cap * sizeof *p);
        if (!p) {
            free(q);
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        }
        ov->p = p;
        ov->cap = cap;
    }
    if (!q)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    memcpy(q, s->q, s->n * sizeof *q);
    p = &ov->p[ov->n++];
    p->s = *s;
    p->s.q = q;
    p->s.notes = NULL; /* borrowed pointers do not outlive the walk */
    p->better = better;
    snprintf(ov->force, sizeof ov->force, "%s", s->force);
    snprintf(ov->force_name, sizeof ov->force_name, "%s", s->force_name);
    return SIO_OK;
}

void overview_clear(struct overview *ov)
{
    for (size_t i = 0; i < ov->n; i++)
        free(ov->p[i].s.q);
    ov->n = 0;
    ov->force[0] = '\0';
}

const char *overview_judgement(const struct overview_panel *p)
{
    const struct quarter_point *f = quarterly_finding(&p->s);

    return f ? f->verdict : "not comparable"; /* sio-measures' own word */
}

static int count_judged(const struct overview *ov, const char *j)
{
    int n = 0;
    for (size_t i = 0; i < ov->n; i++)
        n += strcmp(overview_judgement(&ov->p[i]), j) == 0;
    return n;
}

char *overview_title(const struct overview *ov, char *buf, size_t size)
{
    int imp = count_judged(ov, "improvement"), det = count_judged(ov, "deterioration");
    int same = count_judged(ov, "no significant change");
    int untested = count_judged(ov, "not tested");
    int nc = (int)ov->n - imp - det - same - untested;

    snprintf(buf, size, "%s: %d improved, %d deteriorated, %d no significant change",
             ov->force_name, imp, det, same);
    if (untested) {
        size_t o = strlen(buf);
        snprintf(buf + o, size - o, ", %d not tested", untested);
    }
    if (nc) {
        size_t o = strlen(buf);
        snprintf(buf + o, size - o, ", %d not comparable", nc);
    }
    return buf;
}

/* "6% lower than the baseline", "in line with the baseline" or "not
 * comparable with the baseline": the verdict badge says the rest. */
static const char *finding_words(const struct quarter_series *s, char *buf, size_t size)
{
    const struct quarter_point *f = quarterly_finding(s);
    char change[64];

    if (!f)
        snprintf(buf, size, "not comparable with the baseline");
    else
        snprintf(buf, size, "%s %s the baseline", words_change(f->change_pct, change,
                                                                sizeof change),
                 words_change_is_nil(f->change_pct) ? "with" : "than");
    return buf;
}

char *overview_alt_text(const struct overview *ov, char *buf, size_t size)
{
    char words[256];
    size_t o = (size_t)snprintf(buf, size, "Small bar charts of quarterly figures for the %zu measures for %s. ",
                                ov->n, ov->force_name);

    for (size_t i = 0; i < ov->n && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s: %s (%s)%s", ov->p[i].s.measure_label,
                              finding_words(&ov->p[i].s, words, sizeof words),
                              overview_judgement(&ov->p[i]), i + 1 < ov->n ? "; " : ".\n");
    return buf;
}

/* ---- drawing ---------------------------------------------------------- */

static int judgement_colour(const char *j)
{
    return strcmp(j, "improvement") == 0     ? CHART_DARK_BLUE
           : strcmp(j, "deterioration") == 0 ? CHART_ORANGE
                                             : CHART_DARK_GREY;
}

static void fill_rect(double x0, double y0, double x1, double y1)
{
    PLFLT x[4] = {x0, x1, x1, x0}, y[4] = {y0, y0, y1, y1};
    plfill(4, x, y);
}

static void y_label(PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
    (void)axis;
    (void)data;
    words_thousands(lround(value), label, (size_t)length);
}

/* The bars, baseline level and axes of one panel inside its viewport. */
static void panel_plot(const struct quarter_series *s)
{
    int nq = s->n ? (s->q[s->n - 1].start - s->q[0].start) / 3 + 1 : 1;
    double level = quarterly_baseline_level(s), top = isfinite(level) ? level : 0;
    char fy[8];

    for (size_t i = 0; i < s->n; i++)
        top = fmax(top, (double)s->q[i].count);
    double step = frame_nice_step(fmax(top * 1.15, 5.0) * 5.0 / 3.0, 1.0);
    double ymax = ceil(top * 1.15 / step) * step;
    plwind(0.0, nq, 0.0, ymax);
    chart_text_size(FRAME_NOTE);
    plcol0(CHART_GRID);
    plbox("", 0, 0, "g", step, 0);
    plcol0(CHART_DARK_GREY);
    plslabelfunc(y_label, NULL);
    plbox("b", 0, 0, "bnotv", step, 0);
    plslabelfunc(NULL, NULL);
    for (size_t i = 0; i < s->n; i++) {
        const struct quarter_point *p = &s->q[i];
        double x = (p->start - s->q[0].start) / 3.0;
        if (p->months_covered <= 0)
            continue;
        plcol0(p->months_covered < 3 ? CHART_PALE_BLUE : CHART_DARK_BLUE);
        fill_rect(x + 0.12, 0, x + 0.88, (double)p->count);
        if (month_fq(p->start) == 1 && (x < 0.5 || nq <= 24 || month_fy(p->start) % 2 == 0)) {
            snprintf(fy, sizeof fy, "%02d/%02d", month_fy(p->start) % 100, (month_fy(p->start) + 1) % 100);
            plcol0(CHART_INK);
            plmtex("b", 1.4, (x + 0.1) / nq, 0.0, fy);
        }
    }
    if (isfinite(level))
        frame_hline(0, nq, level, CHART_DARK_PINK, 2.5, 0);
}

int overview_panel_label(const char *label, double width, char *out, size_t size)
{
    const char *paren = strstr(label, " (");
    if (!paren || chart_text_width(label, 0.85 * FRAME_BODY, 1) <= width) {
        snprintf(out, size, "%s", label);
        return 0;
    }
    /* Shrinking a long label to fit made it unreadably small (a proxy's
     * "(proxy: violence and sexual offences)"), so it moves to the note. */
    snprintf(out, size, "%.*s*", (int)(paren - label), label);
    return 1;
}

char *overview_label_note(const struct overview *ov, double width, char *buf, size_t size)
{
    char heading[256];
    size_t at = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ov->n && at < size; i++) {
        const char *label = ov->p[i].s.measure_label;
        if (overview_panel_label(label, width, heading, sizeof heading))
            at += (size_t)snprintf(buf + at, size - at, "%s%s", at ? "; " : "* In full: ", label);
    }
    if (at && at < size)
        snprintf(buf + at, size - at, ".");
    return buf;
}

/* The width of a panel in a grid of cols, and of its heading. */
static double panel_width(int cols)
{
    return 0.93 / cols;
}

/* Panel i of n in a grid of cols: label, verdict badge, plot. */
static void draw_panel(const struct overview_panel *p, int i, int cols, int rows)
{
    double w = panel_width(cols), h = 0.70 / rows;
    double x0 = 0.035 + (i % cols) * w, y1 = 0.83 - (i / cols) * h;
    const char *j = overview_judgement(p);
    char words[256], badge[300], heading[256];

    overview_panel_label(p->s.measure_label, w - 0.015, heading, sizeof heading);
    chart_page_text(x0, y1 - 0.02, 0.0, frame_fit(heading, FRAME_BODY, w - 0.015, 1), 1,
                    CHART_INK, heading);
    snprintf(badge, sizeof badge, "%s", j);
    badge[0] = (char)(badge[0] - 'a' + 'A');
    frame_badge(x0, y1 - 0.058, FRAME_NOTE, badge, judgement_colour(j));
    finding_words(&p->s, words, sizeof words);
    chart_page_text(x0, y1 - 0.095, 0.0, frame_fit(words, FRAME_NOTE, w - 0.015, 0),
                    0, CHART_DARK_GREY, words);
    plvpor(x0 + 0.055, x0 + w - 0.02, y1 - h + 0.055, y1 - 0.125);
    panel_plot(&p->s);
}

void overview_draw(const void *data, const struct chart_style *st)
{
    const struct overview *ov = data;
    char title[256], subtitle[384], a[12], b[12], in_full[512];
    /* At most three rows: a fourth leaves a panel no room for its plot. */
    int cols = ov->n <= 4 ? 2 : ov->n <= 9 ? 3 : (int)((ov->n + 2) / 3);
    int rows = (int)((ov->n + (size_t)cols - 1) / (size_t)cols);
    const char *notes[2] = {"Bars: each measure's count per financial quarter (pale: some months missing); line: the baseline quarterly average.",
                            overview_label_note(ov, panel_width(cols) - 0.015, in_full, sizeof in_full)};

    overview_title(ov, title, sizeof title);
    snprintf(subtitle, sizeof subtitle, "Latest 12 months compared with the baseline, %s to %s; verdicts from exact Poisson intervals",
             month_words(ov->p[0].s.baseline_start, a), month_words(ov->p[0].s.baseline_end, b));
    frame_words(title, subtitle, 0.0, notes, in_full[0] ? 2 : 1, st);
    for (size_t i = 0; i < ov->n; i++)
        draw_panel(&ov->p[i], (int)i, cols, rows ? rows : 1);
}
