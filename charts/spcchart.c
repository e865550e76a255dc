/*
 * spcchart.c — words and drawing for the SPC chart.
 *
 * World coordinates: month i (counted from the first point) spans x = i..i+1
 * and its point sits at i + 0.5.  The y axis starts at zero unless every
 * value and limit is well above it (a line chart need not include zero, but
 * counts read more honestly when it does and the data allow).
 */
#include "spcchart.h"

#include "frame.h"

#include <plplot.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The four rules, their words, colours and marker glyphs. */
static const struct {
    const char *rule, *words, *glyph;
    int colour;
} spc_rules[] = {
    {"trend", "Trend (7 rising or falling)", "▲", CHART_LIGHT_PURPLE},
    {"shift", "Shift (7 on one side)", "■", CHART_TURQUOISE},
    {"two_of_three", "2 of 3 near a limit", "◆", CHART_DARK_PINK},
    {"beyond", "Beyond a limit", "●", CHART_ORANGE},
};
#define N_RULES (sizeof spc_rules / sizeof spc_rules[0])

static int has_rule(const char *rules, const char *rule)
{
    size_t n = strlen(rule);
    for (const char *p = rules; (p = strstr(p, rule)); p += n)
        if ((p == rules || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
            return 1;
    return 0;
}

static int rule_index(const struct spc_point *p)
{
    for (size_t i = 0; i < N_RULES; i++)
        if (has_rule(p->rules, spc_rules[i].rule))
            return (int)i;
    return -1;
}

const char *spcchart_rule(const struct spc_point *p)
{
    int i = rule_index(p);
    return i < 0 ? NULL : spc_rules[i].rule;
}

static void lower_first(const char *s, char *buf, size_t size)
{
    snprintf(buf, size, "%s", s);
    if (isupper((unsigned char)buf[0]) && !isupper((unsigned char)buf[1]))
        buf[0] = (char)tolower((unsigned char)buf[0]);
}

char *spcchart_title(const struct spc_series *s, char *buf, size_t size)
{
    const char *v = s->variation;

    if (!v[0])
        snprintf(buf, size, "%s: monthly figures with process limits", s->measure_label);
    else if (strcmp(v, "common cause") == 0) /* the summary judges the latest month */
        snprintf(buf, size, "%s: common cause variation in the latest month", s->measure_label);
    else if (strncmp(v, "special cause ", 14) == 0)
        snprintf(buf, size, "%s: special cause variation, %s, in the latest month", s->measure_label, v + 14);
    else
        snprintf(buf, size, "%s: %s", s->measure_label, v);
    return buf;
}

/* The last point with a centre line: its segment's limits are the current. */
static const struct spc_point *current_limits(const struct spc_series *s)
{
    for (size_t i = s->n; i-- > 0;)
        if (isfinite(s->p[i].centre))
            return &s->p[i];
    return NULL;
}

static int count_special(const struct spc_series *s)
{
    int n = 0;
    for (size_t i = 0; i < s->n; i++)
        n += rule_index(&s->p[i]) >= 0;
    return n;
}

/* "centre line 41.2 and process limits 20.1 to 62.3" or "". */
static void limits_words(const struct spc_series *s, char *buf, size_t size)
{
    const struct spc_point *c = current_limits(s);
    buf[0] = '\0';
    if (c && isfinite(c->lower) && isfinite(c->upper))
        snprintf(buf, size, ", with a centre line of %.1f and process limits of %.1f to %.1f a month",
                 c->centre, c->lower, c->upper);
    else if (c)
        snprintf(buf, size, ", with a centre line of %.1f a month", c->centre);
}

char *spcchart_alt_text(const struct spc_series *s, char *buf, size_t size)
{
    char label[128], a[12], b[12], lim[160], missing[256], summary[192] = "";
    int n_missing = results_missing_words(s, missing, sizeof missing);
    size_t o;

    lower_first(s->measure_label, label, sizeof label);
    if (s->variation[0])
        snprintf(summary, sizeof summary, " Variation: %s%s%s.", s->variation,
                 s->assurance[0] ? "; assurance: " : "", s->assurance);
    limits_words(s, lim, sizeof lim);
    o = (size_t)snprintf(buf, size,
                         "SPC chart of %s recorded by %s each month from %s to %s%s. "
                         "%d of %zu months are flagged as special cause.%s",
                         label, s->force_name, month_words(s->p[0].month, a),
                         month_words(s->p[s->n - 1].month, b), lim,
                         count_special(s), s->n - (size_t)n_missing, summary);
    if (o < size && isfinite(s->target))
        o += (size_t)snprintf(buf + o, size - o, " Target: %.1f a month.", s->target);
    if (o < size && n_missing)
        o += (size_t)snprintf(buf + o, size - o, " No data for %s.", missing);
    if (o < size)
        snprintf(buf + o, size - o, "\n");
    return buf;
}

/* ---- drawing ---------------------------------------------------------- */

static double point_x(const struct spc_series *s, size_t i)
{
    (void)s;
    return (double)i + 0.5;
}

static double annotation_x(month_t m, const void *ctx)
{
    const struct spc_series *s = ctx;
    return (double)(m - s->p[0].month) + 0.5;
}

/* The y range: zero to above the highest value, limit and target; the
 * bottom lifted off zero only when everything sits high above it. */
static void y_range(const struct spc_series *s, double *lo, double *hi, double *step)
{
    double top = 0, bottom = INFINITY;

    for (size_t i = 0; i < s->n; i++) {
        const struct spc_point *p = &s->p[i];
        double v[3] = {p->value, p->upper, p->lower};
        for (int k = 0; k < 3; k++)
            if (isfinite(v[k])) {
                top = fmax(top, v[k]);
                bottom = fmin(bottom, v[k]);
            }
    }
    if (isfinite(s->target))
        top = fmax(top, s->target), bottom = fmin(bottom, s->target);
    *step = frame_nice_step(fmax((top - (bottom > 0.6 * top ? bottom : 0)) * 1.2, 1.0), 0.1);
    *lo = bottom > 0.6 * top ? floor(bottom * 0.95 / *step) * *step : 0;
    *hi = ceil((top + (top - *lo) * 0.22) / *step) * *step;
    if (*hi <= *lo) /* every point the same (all zero): still an axis */
        *hi = *lo + *step;
}

/* The value line, broken at every missing month. */
static void draw_line(const struct spc_series *s)
{
    PLFLT x[2], y[2];

    plcol0(CHART_DARK_GREY);
    chart_pen(2.0);
    for (size_t i = 1; i < s->n; i++) {
        if (isnan(s->p[i - 1].value) || isnan(s->p[i].value))
            continue;
        x[0] = point_x(s, i - 1), y[0] = s->p[i - 1].value;
        x[1] = point_x(s, i), y[1] = s->p[i].value;
        plline(2, x, y);
    }
    chart_pen(1.0);
}

/* Centre and limits of the segment starting at i; returns its end. */
static size_t draw_segment(const struct spc_series *s, size_t i)
{
    size_t j = i;
    const struct spc_point *p = &s->p[i];

    while (j < s->n && s->p[j].segment == p->segment)
        j++;
    if (isfinite(p->centre))
        frame_hline((double)i, (double)j, p->centre, CHART_DARK_BLUE, 2.5, 0);
    if (isfinite(p->upper))
        frame_hline((double)i, (double)j, p->upper, CHART_DARK_BLUE, 1.8, 1);
    if (isfinite(p->lower))
        frame_hline((double)i, (double)j, p->lower, CHART_DARK_BLUE, 1.8, 1);
    return j;
}

static void draw_points(const struct spc_series *s)
{
    for (size_t i = 0; i < s->n; i++) {
        PLFLT x = point_x(s, i), y = s->p[i].value;
        int r = rule_index(&s->p[i]);
        if (isnan(y))
            continue;
        chart_text_size(r < 0 ? 0.012 : 0.02);
        plcol0(r < 0 ? CHART_DARK_GREY : spc_rules[r].colour);
        plstring(1, &x, &y, r < 0 ? "●" : spc_rules[r].glyph);
    }
}

/* "Limits recalculated" at every segment change after the first. */
static void draw_recalculations(const struct spc_series *s, double lo, double hi)
{
    for (size_t i = 1; i < s->n; i++) {
        if (s->p[i].segment == s->p[i - 1].segment)
            continue;
        PLFLT x[2] = {(double)i, (double)i}, y[2] = {lo, hi};
        plcol0(CHART_DARK_BLUE);
        chart_pen(1.0);
        plline(2, x, y);
        chart_text_size(FRAME_NOTE);
        plptex((double)i + 0.3, lo + (hi - lo) * 0.06, 1.0, 0.0, 0.0, "Limits recalculated");
    }
}

/* Legend entries: a glyph in a colour, or a line (1 solid, 2 dashed); an
 * entry that would run past the plot's right edge starts a second row. */
static void legend_item(double *x, double *y, const char *glyph, int colour, int line,
                        const char *words)
{
    double w = (line ? 0.038 : 0.026) + chart_text_width(words, FRAME_NOTE, 0);
    if (*x + w > FRAME_X1) {
        *x = FRAME_X0 - 0.004;
        *y -= 0.033;
    }
    PLFLT lx[2] = {*x, *x + 0.03}, ly[2] = {*y, *y}, gx = *x + 0.01, gy = *y;
    PLINT mark[1] = {2500}, space[1] = {1500};

    plvpor(0.0, 1.0, 0.0, 1.0);
    plwind(0.0, 1.0, 0.0, 1.0);
    if (line) {
        plcol0(colour);
        chart_pen(line == 2 ? 1.8 : 2.5);
        if (line == 2)
            plstyl(1, mark, space);
        plline(2, lx, ly);
        plstyl(0, NULL, NULL);
        chart_pen(1.0);
    } else {
        chart_text_size(0.02);
        plcol0(colour);
        plstring(1, &gx, &gy, glyph);
    }
    chart_page_text(*x + w - chart_text_width(words, FRAME_NOTE, 0), *y, 0.0, FRAME_NOTE, 0,
                    CHART_INK, words);
    *x += w + 0.022;
}

/* The legend; returns the number of rows it took. */
static int draw_legend(const struct spc_series *s)
{
    double x = FRAME_X0 - 0.004, y = 0.83;
    int used[N_RULES] = {0};

    for (size_t i = 0; i < s->n; i++) {
        int r = rule_index(&s->p[i]);
        if (r >= 0 && !isnan(s->p[i].value))
            used[r] = 1;
    }
    legend_item(&x, &y, "", CHART_DARK_BLUE, 1, "Centre line (mean)");
    legend_item(&x, &y, "", CHART_DARK_BLUE, 2, "Process limits");
    if (isfinite(s->target))
        legend_item(&x, &y, "", CHART_ORANGE, 1, "Target");
    for (size_t r = 0; r < N_RULES; r++)
        if (used[r])
            legend_item(&x, &y, spc_rules[r].glyph, spc_rules[r].colour, 0, spc_rules[r].words);
    return y < 0.83 ? 2 : 1;
}

/* The variation and assurance summary, right of the subtitle; returns the
 * page width it took (0 when there is no summary). */
static double draw_summary(const struct spc_series *s)
{
    char text[160];
    const char *v = s->variation;
    int colour = strstr(v, "concern") ? CHART_ORANGE
                 : strstr(v, "improv") ? CHART_DARK_BLUE : CHART_DARK_GREY;

    if (!v[0])
        return 0;
    snprintf(text, sizeof text, "Variation: %s%s%s", v, s->assurance[0] ? ". Assurance: " : "",
             s->assurance);
    double w = chart_text_width(text, FRAME_NOTE, 1) + 0.03;
    frame_badge(0.97 - w, 0.878, FRAME_NOTE, text, colour);
    return w;
}

/* Footnotes: missing months, recalculated limits. */
static int footnotes(const struct spc_series *s, char notes[2][400])
{
    char words[256];
    int n = 0;

    if (results_missing_words(s, words, sizeof words) > 0)
        snprintf(notes[n++], 400, "No data for %s: the line is broken there, not drawn through.", words);
    snprintf(notes[n++], 400, "Limits: mean %s 2.66 %s mean moving range (XmR); %s.", "±", "×",
             "special-cause rules as NHS England's Making Data Count");
    return n;
}

void spcchart_draw(const void *series, const struct chart_style *st)
{
    const struct spc_series *s = series;
    char title[256], subtitle[384], a[12], b[12], notes[2][400], heading[96], axis_title[128];
    const char *note_ptr[2] = {notes[0], notes[1]};
    double lo, hi, step;
    int n_notes = footnotes(s, notes);

    spcchart_title(s, title, sizeof title);
    snprintf(subtitle, sizeof subtitle, "%s. %s each month, %s to %s", s->force_name,
             words_noun_heading(s->noun, heading, sizeof heading),
             month_words(s->p[0].month, a), month_words(s->p[s->n - 1].month, b));
    frame_words(title, subtitle, draw_summary(s) + 0.02, note_ptr, n_notes, st);
    int rows = draw_legend(s);
    y_range(s, &lo, &hi, &step);
    plvpor(FRAME_X0, FRAME_X1, frame_plot_bottom(n_notes), FRAME_Y1 - 0.033 * (rows - 1));
    plwind(0.0, (double)s->n, lo, hi);
    snprintf(axis_title, sizeof axis_title, "%s per month", heading);
    frame_y_axis(step, axis_title);
    frame_month_axis(s->p[0].month, (int)s->n);
    for (size_t i = 0; i < s->n;)
        i = draw_segment(s, i);
    if (isfinite(s->target))
        frame_hline(0, (double)s->n, s->target, CHART_ORANGE, 2.5, 0);
    draw_recalculations(s, lo, hi);
    frame_annotations(s->notes, annotation_x, s, 0.0, (double)s->n, hi);
    draw_line(s);
    draw_points(s);
}
