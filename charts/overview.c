/*
 * overview.c — the six priorities at a glance (overview.h).
 *
 * Six panels in three columns and two rows, in the order's order.  Each
 * keeps the house conventions at a smaller size: bars from zero, the
 * baseline level in the baseline colour, partial quarters in the tint, a few
 * gridlines with thousands separators.  The priority and the verdict badge
 * sit above the plot so the page can be read without the plots at all; a
 * priority with no headline says so in its panel.
 */
#include "overview.h"

#include "frame.h"

#include <plplot.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OVERVIEW_COLS 3

static int count_verdict(const struct overview *ov, const char *v)
{
    int n = 0;
    for (size_t i = 0; i < ov->n; i++)
        n += strcmp(ov->p[i].verdict, v) == 0;
    return n;
}

char *overview_title(const struct overview *ov, char *buf, size_t size)
{
    static const char *const verdicts[] = {"not tested", "not comparable", "no data"};
    int imp = count_verdict(ov, "improvement"), det = count_verdict(ov, "deterioration");
    int same = count_verdict(ov, "no significant change");
    size_t o = (size_t)snprintf(buf, size, "%s: %d improved, %d deteriorated, %d no significant change",
                                ov->force_name, imp, det, same);

    for (int k = 0; k < 3 && o < size; k++)
        if (count_verdict(ov, verdicts[k]))
            o += (size_t)snprintf(buf + o, size - o, ", %d %s", count_verdict(ov, verdicts[k]),
                                  verdicts[k]);
    return buf;
}

/* "6% lower than the baseline", "2.1 points higher ...", "in line with the
 * baseline", or why there is no finding: the badge says the rest. */
static const char *finding_words(const struct overview_panel *p, char *buf, size_t size)
{
    double r = round(fabs(p->change) * 10) / 10;
    char change[64];

    if (!p->label[0])
        snprintf(buf, size, "no data loaded");
    else if (!isfinite(p->change))
        snprintf(buf, size, "not comparable with the baseline");
    else if (!p->percent && words_count_is_small(p->latest) && isfinite(p->base)) {
        char base[32];
        snprintf(buf, size, "%s in the latest 12 months, %s in the baseline year",
                 words_thousands(lround(p->latest), change, sizeof change),
                 words_thousands(lround(p->base), base, sizeof base));
    }
    else if (p->percent && r == 0)
        snprintf(buf, size, "in line with the baseline");
    else if (p->percent)
        snprintf(buf, size, "%.1f points %s than the baseline", r, p->change < 0 ? "lower" : "higher");
    else /* the one rounding of a % change every chart uses */
        snprintf(buf, size, "%s %s the baseline", words_change(p->change, change, sizeof change),
                 words_change_is_nil(p->change) ? "with" : "than");
    return buf;
}

char *overview_alt_text(const struct overview *ov, char *buf, size_t size)
{
    char words[256];
    size_t o = (size_t)snprintf(buf, size, "Small bar charts of the headline figure of each of "
                                "the %zu national priorities for %s, by quarter. ", ov->n,
                                ov->force_name);

    for (size_t i = 0; i < ov->n && o < size; i++) {
        const struct overview_panel *p = &ov->p[i];
        o += (size_t)snprintf(buf + o, size - o, "%d. %s: %s%s%s (%s)%s", p->number, p->priority,
                              p->label, p->label[0] ? ", " : "",
                              finding_words(p, words, sizeof words), p->verdict,
                              i + 1 < ov->n ? "; " : ".\n");
    }
    return buf;
}

/* ---- drawing ---------------------------------------------------------- */

static int verdict_colour(const char *v)
{
    return strcmp(v, "improvement") == 0     ? CHART_DARK_BLUE
           : strcmp(v, "deterioration") == 0 ? CHART_ORANGE
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
    if (*(const int *)data)
        snprintf(label, (size_t)length, "%.0f%%", value);
    else
        words_thousands(lround(value), label, (size_t)length);
}

/* The bars, baseline level and axes of one panel inside its viewport. */
static void panel_plot(const struct overview_panel *p)
{
    int nq = p->n ? (p->q[p->n - 1].start - p->q[0].start) / 3 + 1 : 1;
    double top = isfinite(p->level) ? p->level : 0;
    char fy[8];

    for (size_t i = 0; i < p->n; i++)
        top = fmax(top, p->q[i].value);
    double step = frame_nice_step(fmax(top * 1.15, 5.0) * 5.0 / 3.0, 1.0);
    double ymax = fmax(ceil(top * 1.15 / step) * step, step);
    plwind(0.0, nq, 0.0, ymax);
    chart_text_size(FRAME_NOTE);
    plcol0(CHART_GRID);
    plbox("", 0, 0, "g", step, 0);
    plcol0(CHART_DARK_GREY);
    plslabelfunc(y_label, (PLPointer)&p->percent);
    plbox("b", 0, 0, "bnotv", step, 0);
    plslabelfunc(NULL, NULL);
    for (size_t i = 0; i < p->n; i++) {
        const struct overview_point *q = &p->q[i];
        double x = (q->start - p->q[0].start) / 3.0;
        plcol0(q->partial ? CHART_PALE_BLUE : CHART_DARK_BLUE);
        fill_rect(x + 0.12, 0, x + 0.88, q->value);
        if (month_fq(q->start) == 1 && (x < 0.5 || nq <= 24 || month_fy(q->start) % 2 == 0)) {
            snprintf(fy, sizeof fy, "%02d/%02d", month_fy(q->start) % 100, (month_fy(q->start) + 1) % 100);
            plcol0(CHART_INK);
            plmtex("b", 1.4, (x + 0.1) / nq, 0.0, fy);
        }
    }
    if (isfinite(p->level))
        frame_hline(0, nq, p->level, CHART_DARK_PINK, 2.5, 0);
}

int overview_panel_label(const char *label, double width, char *out, size_t size)
{
    const char *paren = strstr(label, " (");
    const char *comma = strstr(label, ", ");
    const char *cut = paren && (!comma || paren < comma) ? paren : comma;
    if (!cut || chart_text_width(label, 0.85 * FRAME_NOTE, 0) <= width) {
        snprintf(out, size, "%s", label);
        return 0;
    }
    /* Shrinking a long label to fit made it unreadably small, so the part
     * before its qualifier stays and the whole goes in the note. */
    snprintf(out, size, "%.*s*", (int)(cut - label), label);
    return 1;
}

char *overview_label_note(const struct overview *ov, double width, char *buf, size_t size)
{
    char heading[256];
    size_t at = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ov->n && at < size; i++) {
        const char *label = ov->p[i].label;
        if (label[0] && overview_panel_label(label, width, heading, sizeof heading))
            at += (size_t)snprintf(buf + at, size - at, "%s%s", at ? "; " : "* In full: ", label);
    }
    if (at && at < size)
        snprintf(buf + at, size - at, ".");
    return buf;
}

/* The width of a panel, and of its words. */
static double panel_width(void)
{
    return 0.93 / OVERVIEW_COLS;
}

/* Panel i: the priority, the headline and its verdict badge, the plot. */
static void draw_panel(const struct overview_panel *p, int i, int rows)
{
    double w = panel_width(), h = 0.70 / rows, text_w = w - 0.015;
    double x0 = 0.035 + (i % OVERVIEW_COLS) * w, y1 = 0.83 - (i / OVERVIEW_COLS) * h;
    char heading[200], label[256], badge[64], words[256];

    /* the priority's first clause: "Improve satisfaction among victims" */
    snprintf(heading, sizeof heading, "%d. %.*s", p->number, (int)strcspn(p->priority, ","),
             p->priority);
    chart_page_text(x0, y1 - 0.02, 0.0, frame_fit(heading, FRAME_BODY, text_w, 1), 1, CHART_INK,
                    heading);
    if (!p->label[0]) {
        chart_page_text(x0, y1 - 0.06, 0.0, FRAME_NOTE, 0, CHART_DARK_GREY,
                        "No data loaded for this priority");
        return;
    }
    overview_panel_label(p->label, text_w, label, sizeof label);
    chart_page_text(x0, y1 - 0.05, 0.0, frame_fit(label, FRAME_NOTE, text_w, 0), 0, CHART_INK, label);
    snprintf(badge, sizeof badge, "%s", p->verdict);
    badge[0] = (char)(badge[0] >= 'a' && badge[0] <= 'z' ? badge[0] - 'a' + 'A' : badge[0]);
    frame_badge(x0, y1 - 0.085, FRAME_NOTE, badge, verdict_colour(p->verdict));
    finding_words(p, words, sizeof words);
    chart_page_text(x0, y1 - 0.12, 0.0, frame_fit(words, FRAME_NOTE, text_w, 0), 0,
                    CHART_DARK_GREY, words);
    if (p->n == 0)
        return;
    plvpor(x0 + 0.055, x0 + w - 0.02, y1 - h + 0.055, y1 - 0.145);
    panel_plot(p);
}

void overview_draw(const void *data, const struct chart_style *st)
{
    const struct overview *ov = data;
    char title[256], subtitle[384], a[12], b[12], in_full[1024];
    int rows = (int)((ov->n + OVERVIEW_COLS - 1) / OVERVIEW_COLS);
    const char *notes[2] = {"Bars: the headline figure per financial quarter (pale: months missing; "
                            "12-month totals where a source has none); line: the baseline.",
                            overview_label_note(ov, panel_width() - 0.015, in_full, sizeof in_full)};

    overview_title(ov, title, sizeof title);
    if (ov->baseline_start != MONTH_NONE)
        snprintf(subtitle, sizeof subtitle, "Latest 12 months compared with the baseline, %s to "
                 "%s; each priority's headline from its proper source",
                 month_words(ov->baseline_start, a), month_words(ov->baseline_end, b));
    else
        snprintf(subtitle, sizeof subtitle, "No priority has a headline figure in the store");
    frame_words(title, subtitle, 0.0, notes, in_full[0] ? 2 : 1, st);
    for (size_t i = 0; i < ov->n; i++)
        draw_panel(&ov->p[i], (int)i, rows ? rows : 1);
}
