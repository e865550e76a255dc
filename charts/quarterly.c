/*
 * quarterly.c — words and drawing for the quarterly chart of one measure.
 *
 * The finding (title, alt text) comes from the latest quarter whose change
 * against the baseline is comparable; if none is, the chart says "not
 * comparable" rather than guess.  The drawing works in two coordinate
 * systems: page coordinates 0..1 for the words around the plot, and world
 * coordinates inside the plot where quarter i (counted from the first
 * quarter shown) spans x = i..i+1 and y is the count, starting at zero.
 */
#include "quarterly.h"

#include "frame.h"

#include <plplot.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The plot area inside the page, in page coordinates. */
#define PLOT_X0 0.085
#define PLOT_X1 0.965
#define PLOT_Y0 0.235
#define PLOT_Y1 0.765

/* "Dec 2023" into buf (at least 12 bytes). */
double quarterly_baseline_level(const struct quarter_series *s)
{
    if (s->baseline_months <= 0)
        return NAN;
    return (double)s->baseline_count / s->baseline_months * 3.0;
}

const struct quarter_point *quarterly_latest(const struct quarter_series *s)
{
    for (size_t i = s->n; i-- > 0;)
        if (s->q[i].months_covered > 0)
            return &s->q[i];
    return NULL;
}

const struct quarter_point *quarterly_finding(const struct quarter_series *s)
{
    for (size_t i = s->n; i-- > 0;)
        if (s->q[i].months_covered > 0 && isfinite(s->q[i].change_pct) &&
            strcmp(s->q[i].verdict, "not comparable") != 0)
            return &s->q[i];
    return NULL;
}

static const char *than_baseline(double pct)
{
    return words_change_is_nil(pct) ? "with the baseline" : "than the baseline";
}

char *quarterly_title(const struct quarter_series *s, char *buf, size_t size)
{
    const struct quarter_point *f = quarterly_finding(s);
    char words[64];

    if (!f) {
        snprintf(buf, size, "%s: not comparable with the baseline", s->measure_label);
        return buf;
    }
    if (words_count_is_small((double)f->r12_count)) {
        char n[32], base[32];
        snprintf(buf, size, "%s: %s in the latest 12 months, %s in the baseline year (%s)",
                 s->measure_label, words_thousands(f->r12_count, n, sizeof n),
                 words_thousands(s->baseline_count, base, sizeof base), f->verdict);
        return buf;
    }
    words_change(f->change_pct, words, sizeof words);
    if (strcmp(f->verdict, "no significant change") == 0)
        snprintf(buf, size, "%s: no significant change from the baseline (%s)",
                 s->measure_label, words);
    else /* the verdict in the tables' own word: improvement, deterioration, not tested */
        snprintf(buf, size, "%s: %s %s (%s)", s->measure_label, words,
                 than_baseline(f->change_pct), f->verdict);
    return buf;
}

char *quarterly_subtitle(const struct quarter_series *s, char *buf, size_t size)
{
    const struct quarter_point *f = quarterly_finding(s);
    char a[12], b[12], c[12];

    month_words(s->baseline_start, a);
    month_words(s->baseline_end, b);
    if (f)
        snprintf(buf, size, "%s. 12 months to %s compared with the baseline, %s to %s",
                 s->force_name, month_words(f->start + 2, c), a, b);
    else
        snprintf(buf, size, "%s. Baseline %s to %s", s->force_name, a, b);
    return buf;
}

/* The label as it reads mid-sentence: "Neighbourhood crime" -> "neighbourhood
 * crime", but "ASB incidents" stays. */
static void label_in_sentence(const char *label, char *buf, size_t size)
{
    snprintf(buf, size, "%s", label);
    if (isupper((unsigned char)buf[0]) && !isupper((unsigned char)buf[1]))
        buf[0] = (char)tolower((unsigned char)buf[0]);
}

/* "(verdict: improvement; confidence interval -15% to -8%)", the stored
 * verdict word as the tables print it. */
static void verdict_words(const struct quarter_point *f, char *buf, size_t size)
{
    if (isfinite(f->ci_low_pct) && isfinite(f->ci_high_pct))
        snprintf(buf, size, " (verdict: %s; confidence interval %+.1f%% to %+.1f%%)",
                 f->verdict, f->ci_low_pct, f->ci_high_pct);
    else
        snprintf(buf, size, " (verdict: %s)", f->verdict);
}

char *quarterly_alt_text(const struct quarter_series *s, char *buf, size_t size)
{
    const struct quarter_point *f = quarterly_finding(s), *last = quarterly_latest(s);
    char label[128], q0[16], q1[16], a[12], b[12], c[12], n1[96], n2[96];
    char change[64], verdict[160], level[192];
    size_t o;
    double lv = quarterly_baseline_level(s);

    label_in_sentence(s->measure_label, label, sizeof label);
    if (!last) {
        snprintf(buf, size, "Bar chart of %s recorded by %s: no quarter has data.\n",
                 label, s->force_name);
        return buf;
    }
    if (isfinite(lv))
        snprintf(level, sizeof level, ", with the baseline average of %s%s%s per quarter (%s to %s) marked",
                 words_level(lv, n1, sizeof n1), s->noun[0] ? " " : "", s->noun,
                 month_words(s->baseline_start, a), month_words(s->baseline_end, b));
    else
        level[0] = '\0';
    o = (size_t)snprintf(buf, size,
                         "Bar chart of %s recorded by %s in each financial quarter from %s to %s%s. ",
                         label, s->force_name, month_fq_label(s->q[0].start, q0),
                         month_fq_label(s->q[s->n - 1].start, q1), level);
    if (o >= size)
        return buf;
    if (f && words_count_is_small((double)f->r12_count)) {
        verdict_words(f, verdict, sizeof verdict);
        o += (size_t)snprintf(buf + o, size - o,
                              "In the 12 months to %s there were %s, against %s in the baseline "
                              "year%s; ",
                              month_words(f->start + 2, c),
                              words_count_of(f->r12_count, s->noun, change, sizeof change),
                              words_thousands(s->baseline_count, n1, sizeof n1), verdict);
    } else if (f) {
        words_change(f->change_pct, change, sizeof change);
        verdict_words(f, verdict, sizeof verdict);
        o += (size_t)snprintf(buf + o, size - o, "In the 12 months to %s it was %s %s%s; ",
                              month_words(f->start + 2, c), change,
                              than_baseline(f->change_pct), verdict);
    } else {
        o += (size_t)snprintf(buf + o, size - o,
                              "No period can be compared with the baseline; ");
    }
    if (o >= size)
        return buf;
    month_fq_label(last->start, q1);
    words_count_of(last->count, s->noun, n2, sizeof n2);
    if (last->months_covered < 3)
        snprintf(buf + o, size - o,
                 "the latest quarter, %s, had %s in the %d of its 3 months with data.\n",
                 q1, n2, last->months_covered);
    else
        snprintf(buf + o, size - o, "the latest quarter, %s, had %s.\n", q1, n2);
    return buf;
}

/* ---- drawing (text heights are frame.h's) ----------------------------- */

/* Quarters shown: from the first to the last point, gaps included. */
static int quarter_span(const struct quarter_series *s)
{
    return s->n ? (s->q[s->n - 1].start - s->q[0].start) / 3 + 1 : 0;
}

/* x of the start of month m in world coordinates. */
static double month_x(const struct quarter_series *s, month_t m)
{
    return (m - s->q[0].start) / 3.0;
}

static void rect(double x0, double y0, double x1, double y1)
{
    PLFLT x[4] = {x0, x1, x1, x0}, y[4] = {y0, y0, y1, y1};
    plfill(4, x, y);
}

static void outline(double x0, double y0, double x1, double y1)
{
    PLFLT x[5] = {x0, x1, x1, x0, x0}, y[5] = {y0, y0, y1, y1, y0};
    plline(5, x, y);
}

static void segment(double x0, double y0, double x1, double y1)
{
    PLFLT x[2] = {x0, x1}, y[2] = {y0, y1};
    plline(2, x, y);
}

/* Partial quarters: a pale tint of the bar colour, hatched and outlined, so
 * they differ from full quarters in more than colour. */
static void partial_bar(double x0, double y0, double x1, double y1)
{
    PLINT inc[1] = {450}, del[1] = {2500};

    plcol0(CHART_PALE_BLUE);
    rect(x0, y0, x1, y1);
    plcol0(CHART_DARK_BLUE);
    chart_pen(1.5);
    plpat(1, inc, del);
    rect(x0, y0, x1, y1);
    plpsty(0);
    chart_pen(2.0);
    outline(x0, y0, x1, y1);
    chart_pen(1.0);
}

static void draw_baseline_band(const struct quarter_series *s, int nq, double ymax)
{
    double x0 = fmax(0.0, month_x(s, s->baseline_start));
    double x1 = fmin((double)nq, month_x(s, s->baseline_end + 1));

    if (x1 <= x0)
        return;
    plcol0(CHART_BAND);
    rect(x0, 0, x1, ymax);
    chart_text_size(FRAME_BODY);
    plcol0(CHART_DARK_GREY);
    plptex((x0 + x1) / 2, ymax * 0.955, 1.0, 0.0, 0.5, "Baseline period");
}

static void draw_bars(const struct quarter_series *s, double ymax)
{
    const struct quarter_point *last = quarterly_latest(s);
    char n[32];

    for (size_t i = 0; i < s->n; i++) {
        const struct quarter_point *p = &s->q[i];
        double x = month_x(s, p->start);
        if (p->months_covered <= 0)
            continue;
        if (p->months_covered < 3) {
            partial_bar(x + 0.14, 0, x + 0.86, (double)p->count);
        } else {
            plcol0(CHART_DARK_BLUE);
            rect(x + 0.14, 0, x + 0.86, (double)p->count);
        }
        if (p == last) { /* the latest figure, written above its bar */
            chart_text_size(FRAME_BODY);
            plcol0(CHART_INK);
            plptex(x + 0.5, (double)p->count + ymax * 0.03, 1.0, 0.0, 0.5,
                   words_thousands(p->count, n, sizeof n));
        }
    }
}

/* "no data" written up the middle of each empty quarter. */
static void draw_gaps(const struct quarter_series *s, int nq, double ymax)
{
    unsigned char seen[512] = {0};

    for (size_t i = 0; i < s->n; i++) {
        int k = (int)month_x(s, s->q[i].start);
        if (k >= 0 && k < 512 && s->q[i].months_covered > 0)
            seen[k] = 1;
    }
    chart_text_size(FRAME_NOTE);
    plcol0(CHART_DARK_GREY);
    for (int k = 0; k < nq && k < 512; k++)
        if (!seen[k])
            plptex(k + 0.5, ymax * 0.02, 0.0, 1.0, 0.0, "no data");
}

static double annotation_x(month_t m, const void *ctx)
{
    const struct quarter_series *s = ctx;
    return month_x(s, m) + 1.0 / 6.0; /* the middle of the month */
}

static void draw_baseline_line(double level, int nq)
{
    plcol0(CHART_DARK_PINK);
    chart_pen(3.5);
    segment(0, level, nq, level);
    chart_pen(1.0);
}

/* Q1..Q4 under each bar and the financial year centred under its quarters,
 * with a tick between years; Q labels are dropped when too many to read. */
static void draw_x_labels(const struct quarter_series *s, int nq)
{
    char fy[16];
    month_t first = s->q[0].start;
    int show_q = nq <= 40;
    double w = (PLOT_X1 - PLOT_X0) / nq;

    chart_text_size(FRAME_BODY);
    plcol0(CHART_INK);
    for (int k = 0; k < nq; k++) {
        month_t m = first + 3 * k;
        char q[4] = {'Q', (char)('0' + month_fq(m)), '\0'};
        if (show_q)
            plmtex("b", 1.5, (k + 0.5) / nq, 0.5, q);
        if (month_fq(m) != 1 && k != 0)
            continue;
        int end = k + (4 - month_fq(m)); /* the year's last quarter */
        double mid = (k + fmin(end, nq - 1) + 1) / 2.0;
        snprintf(fy, sizeof fy, "%04d/%02d", month_fy(m), (month_fy(m) + 1) % 100);
        plmtex("b", show_q ? 3.3 : 1.5, mid / nq, 0.5, fy);
        if (k > 0) {
            plvpor(0.0, 1.0, 0.0, 1.0);
            plwind(0.0, 1.0, 0.0, 1.0);
            plcol0(CHART_GRID);
            segment(PLOT_X0 + k * w, PLOT_Y0, PLOT_X0 + k * w, PLOT_Y0 - 0.085);
            plcol0(CHART_INK);
            plvpor(PLOT_X0, PLOT_X1, PLOT_Y0, PLOT_Y1);
        }
    }
}

static void draw_axes(double step, const char *noun)
{
    char heading[96], title[128];
    snprintf(title, sizeof title, "%s per quarter", words_noun_heading(noun, heading, sizeof heading));
    frame_y_axis(step, title);
}

/* One legend entry at page (x, y): a swatch then its words; returns the x
 * for the next entry.  kind 0 bar, 1 partial bar, 2 baseline line, 3 target. */
static double legend_entry(double x, double y, int kind, const char *words)
{
    const double h = 0.011; /* half the swatch height */

    plvpor(0.0, 1.0, 0.0, 1.0);
    plwind(0.0, 1.0, 0.0, 1.0);
    if (kind >= 2) {
        plcol0(kind == 3 ? CHART_ORANGE : CHART_DARK_PINK);
        chart_pen(3.5);
        segment(x, y, x + 0.028, y);
        chart_pen(1.0);
    } else if (kind == 1) {
        partial_bar(x + 0.004, y - h, x + 0.024, y + h);
    } else {
        plcol0(CHART_DARK_BLUE);
        rect(x + 0.004, y - h, x + 0.024, y + h);
    }
    chart_page_text(x + 0.034, y, 0.0, FRAME_BODY, 0, CHART_INK, words);
    return x + 0.034 + chart_text_width(words, FRAME_BODY, 0) + 0.03;
}

/* Where the next entry goes: after the last, or on a new row if it would
 * run past the plot's right edge. */
static void legend_place(double *x, double *y, const char *words)
{
    if (*x > PLOT_X0 && *x + 0.034 + chart_text_width(words, FRAME_BODY, 0) > PLOT_X1) {
        *x = PLOT_X0 - 0.004;
        *y -= 0.032;
    }
}

static void draw_legend(const struct quarter_series *s, double level)
{
    char words[96], n[32];
    const char *what[4];
    double x = PLOT_X0 - 0.004, y = 0.83;
    int kinds[4], n_entries = 0;
    int partial = 0; /* the baseline band is labelled where it is drawn */

    for (size_t i = 0; i < s->n; i++)
        partial |= s->q[i].months_covered > 0 && s->q[i].months_covered < 3;
    char target[96], heading[96], bars[128];
    snprintf(bars, sizeof bars, "%s in the quarter", words_noun_heading(s->noun, heading, sizeof heading));
    kinds[n_entries] = 0, what[n_entries++] = bars;
    if (partial)
        kinds[n_entries] = 1, what[n_entries++] = "Partial quarter (some months missing)";
    if (isfinite(level)) {
        snprintf(words, sizeof words, "Baseline average: %s a quarter",
                 words_level(level, n, sizeof n));
        kinds[n_entries] = 2, what[n_entries++] = words;
    }
    if (isfinite(s->target)) {
        snprintf(target, sizeof target, "Target: %.0f a quarter (%.0f a month)", s->target * 3, s->target);
        kinds[n_entries] = 3, what[n_entries++] = target;
    }
    for (int i = 0; i < n_entries; i++) {
        legend_place(&x, &y, what[i]);
        x = legend_entry(x, y, kinds[i], what[i]);
    }
}

/* Title, subtitle, marking, footnotes and source as every chart has them. */
static void draw_words(const struct quarter_series *s, const struct chart_style *st)
{
    char title[256], subtitle[384], missing[512];
    const char *notes[2];
    int n = 0;

    if (s->missing[0]) {
        snprintf(missing, sizeof missing, "No data for %s: those quarters are partial or empty.",
                 s->missing);
        notes[n++] = missing;
    }
    notes[n++] = "Financial quarters: Q1 Apr to Jun, Q2 Jul to Sep, Q3 Oct to Dec, Q4 Jan to Mar.";
    frame_words(quarterly_title(s, title, sizeof title),
                quarterly_subtitle(s, subtitle, sizeof subtitle), 0.0, notes, n, st);
}

void quarterly_draw(const void *series, const struct chart_style *st)
{
    const struct quarter_series *s = series;
    int nq = quarter_span(s);
    double level = quarterly_baseline_level(s), top = 0, step, ymax;

    for (size_t i = 0; i < s->n; i++)
        top = fmax(top, (double)s->q[i].count);
    if (isfinite(level))
        top = fmax(top, level);
    if (isfinite(s->target))
        top = fmax(top, s->target * 3);
    step = frame_nice_step(fmax(top * 1.15, 5.0), 1.0);
    /* a series of zeros (no homicides in four years) still needs an axis */
    ymax = fmax(ceil(top * 1.15 / step) * step, step);

    draw_words(s, st);
    draw_legend(s, level);
    if (nq == 0)
        return;
    plvpor(PLOT_X0, PLOT_X1, PLOT_Y0, PLOT_Y1);
    plwind(0.0, (double)nq, 0.0, ymax);
    draw_baseline_band(s, nq, ymax);
    draw_axes(step, s->noun);
    draw_bars(s, ymax);
    draw_gaps(s, nq, ymax);
    if (isfinite(level))
        draw_baseline_line(level, nq);
    if (isfinite(s->target))
        frame_hline(0, nq, s->target * 3, CHART_ORANGE, 2.5, 0);
    frame_annotations(s->notes, annotation_x, s, 0.0, (double)nq, ymax);
    draw_x_labels(s, nq);
}
