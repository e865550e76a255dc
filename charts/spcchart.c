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

/* What a special-cause point means (spc_points.signal, from the measure's
 * better direction), its words and colour: Making Data Count colours points
 * by meaning, so a concern and an improvement never look alike. */
static const struct {
    const char *signal, *words;
    int colour;
} spc_meanings[] = {
    {"improvement", "Special cause: improvement", CHART_TURQUOISE},
    {"concern", "Special cause: concern", CHART_ORANGE},
    {"neutral", "Special cause: neither better nor worse", CHART_LIGHT_PURPLE},
};
#define N_MEANINGS (sizeof spc_meanings / sizeof spc_meanings[0])

/* The rules in Making Data Count's precedence, for spcchart_rule(). */
static const char *const spc_rule_order[] = {"trend", "shift", "two_of_three", "beyond"};
#define N_RULES (sizeof spc_rule_order / sizeof spc_rule_order[0])

static int has_rule(const char *rules, const char *rule)
{
    size_t n = strlen(rule);
    for (const char *p = rules; (p = strstr(p, rule)); p += n)
        if ((p == rules || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
            return 1;
    return 0;
}

const char *spcchart_rule(const struct spc_point *p)
{
    for (size_t i = 0; i < N_RULES; i++)
        if (has_rule(p->rules, spc_rule_order[i]))
            return spc_rule_order[i];
    return NULL;
}

/* Index into spc_meanings of a flagged point, -1 for common cause. */
static int meaning_index(const struct spc_point *p)
{
    if (!p->rules[0])
        return -1;
    for (size_t i = 0; i < N_MEANINGS; i++)
        if (strcmp(p->signal, spc_meanings[i].signal) == 0)
            return (int)i;
    return 2;
}

static const char *period_word(const struct spc_series *s)
{
    return s->step == 3 ? "quarter" : s->step == 12 ? "year" : "month";
}

/* Months per point (a series built by hand may leave step 0: monthly). */
static int step_of(const struct spc_series *s)
{
    return s->step > 0 ? s->step : 1;
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
        snprintf(buf, size, "%s: %s figures with process limits", s->measure_label,
                 s->step == 3 ? "quarterly" : "monthly");
    else if (strcmp(v, "no verdict") == 0)
        snprintf(buf, size, "%s: no SPC verdict yet", s->measure_label);
    else if (strcmp(v, "common cause") == 0) /* the summary judges the latest point */
        snprintf(buf, size, "%s: common cause variation in the latest %s", s->measure_label,
                 period_word(s));
    else if (strncmp(v, "special cause ", 14) == 0)
        snprintf(buf, size, "%s: special cause variation, %s, in the latest %s",
                 s->measure_label, v + 14, period_word(s));
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

static int count_meaning(const struct spc_series *s, int meaning)
{
    int n = 0;
    for (size_t i = 0; i < s->n; i++)
        n += !isnan(s->p[i].value) && meaning_index(&s->p[i]) == meaning;
    return n;
}

/* "; 3 are a concern, 1 an improvement" from the flagged points. */
static void meanings_words(const struct spc_series *s, char *buf, size_t size)
{
    static const char *const as[N_MEANINGS] = {"an improvement", "a concern",
                                               "neither better nor worse"};
    size_t o = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < N_MEANINGS && o < size; k++) {
        int n = count_meaning(s, (int)k);
        if (n)
            o += (size_t)snprintf(buf + o, size - o, "%s%d %s", o ? ", " : ": ", n, as[k]);
    }
}

/* A shown number: one decimal place, as every sio table prints it. */
static void shown(double v, char *buf, size_t size)
{
    snprintf(buf, size, "%.1f", v);
}

/* "centre line 41.2 and process limits 20.1 to 62.3 a month" or "". */
static void limits_words(const struct spc_series *s, char *buf, size_t size)
{
    const struct spc_point *c = current_limits(s);
    char m[16], lo[16], hi[16];
    buf[0] = '\0';
    if (!c)
        return;
    shown(c->centre, m, sizeof m);
    if (s->p_chart)
        snprintf(buf, size, ", with a centre line of %s%% and process limits that differ from"
                 " %s to %s with the number of people asked", m, period_word(s),
                 period_word(s));
    else if (isfinite(c->lower) && isfinite(c->upper)) {
        shown(results_spc_lower_shown(s, c), lo, sizeof lo);
        shown(results_spc_upper_shown(s, c), hi, sizeof hi);
        snprintf(buf, size, ", with a centre line of %s and %sprocess limits of %s to %s a %s",
                 m, s->why[0] ? "provisional " : "", lo, hi, period_word(s));
    } else
        snprintf(buf, size, ", with a centre line of %s a %s", m, period_word(s));
}

char *spcchart_alt_text(const struct spc_series *s, char *buf, size_t size)
{
    char label[128], a[16], b[16], lim[256], missing[256], summary[320] = "", kinds[128];
    int n_missing = results_missing_words(s, missing, sizeof missing);
    int flagged = count_meaning(s, 0) + count_meaning(s, 1) + count_meaning(s, 2);
    size_t o;

    lower_first(s->measure_label, label, sizeof label);
    if (s->why[0])
        snprintf(summary, sizeof summary, " No SPC verdict: %s.", s->why);
    else if (s->variation[0])
        snprintf(summary, sizeof summary, " Variation: %s%s%s.", s->variation,
                 s->assurance[0] ? "; assurance: " : "", s->assurance);
    limits_words(s, lim, sizeof lim);
    meanings_words(s, kinds, sizeof kinds);
    o = (size_t)snprintf(buf, size,
                         "SPC %s of %s%s recorded by %s each %s from %s to %s%s. "
                         "%d of %zu %ss are flagged as special cause%s.%s",
                         s->p_chart ? "p-chart" : "chart", label,
                         s->year_on_year ? ", as the change on the same month a year earlier,"
                                         : "",
                         s->force_name, period_word(s),
                         results_spc_period_words(s, s->p[0].month, a),
                         results_spc_period_words(s, s->p[s->n - 1].month, b), lim,
                         flagged, s->n - (size_t)n_missing, period_word(s), kinds, summary);
    if (o < size && isfinite(s->target))
        o += (size_t)snprintf(buf + o, size - o, " Target: %.1f a %s.", s->target,
                              period_word(s));
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
    return ((double)(m - s->p[0].month) + 0.5) / step_of(s);
}

/* The y range: from zero (or below, for changes that can fall below it) to
 * above the highest value, limit as shown and target; the bottom lifted off
 * zero only when everything sits high above it. */
static void y_range(const struct spc_series *s, double *lo, double *hi, double *step)
{
    double top = 0, bottom = INFINITY;

    for (size_t i = 0; i < s->n; i++) {
        const struct spc_point *p = &s->p[i];
        double v[3] = {p->value, results_spc_upper_shown(s, p), results_spc_lower_shown(s, p)};
        for (int k = 0; k < 3; k++)
            if (isfinite(v[k])) {
                top = fmax(top, v[k]);
                bottom = fmin(bottom, v[k]);
            }
    }
    if (isfinite(s->target))
        top = fmax(top, s->target), bottom = fmin(bottom, s->target);
    if (bottom < 0) {
        *step = frame_nice_step((top - bottom) * 1.2, 0.1);
        *lo = floor((bottom - (top - bottom) * 0.05) / *step) * *step;
    } else {
        *step = frame_nice_step(fmax((top - (bottom > 0.6 * top ? bottom : 0)) * 1.2, 1.0),
                                0.1);
        *lo = bottom > 0.6 * top ? floor(bottom * 0.95 / *step) * *step : 0;
    }
    *hi = ceil((top + (top - *lo) * 0.22) / *step) * *step;
    if (isfinite(s->highest) && top <= s->highest) /* no 110% */
        *hi = fmin(*hi, ceil(s->highest / *step) * *step);
    if (*hi <= *lo) /* every point the same (all zero): still an axis */
        *hi = *lo + *step;
}

/* The value line, broken at every missing period. */
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

/* One line (centre, lower or upper as shown) over the points, a horizontal
 * piece per run of equal values in one segment: a step where limits were
 * recalculated, and per point on a p-chart, whose limits follow n. */
static void draw_level(const struct spc_series *s, int which, double pen, int dashed)
{
    for (size_t i = 0; i < s->n;) {
        double y = which == 0 ? s->p[i].centre : which < 0 ? results_spc_lower_shown(s, &s->p[i])
                                                            : results_spc_upper_shown(s, &s->p[i]);
        size_t j = i + 1;
        while (j < s->n && s->p[j].segment == s->p[i].segment &&
               (which == 0 ? s->p[j].centre
                : which < 0 ? results_spc_lower_shown(s, &s->p[j])
                            : results_spc_upper_shown(s, &s->p[j])) == y)
            j++;
        if (isfinite(y))
            frame_hline((double)i, (double)j, y, CHART_DARK_BLUE, pen, dashed);
        i = j;
    }
}

static void draw_points(const struct spc_series *s)
{
    for (size_t i = 0; i < s->n; i++) {
        PLFLT x = point_x(s, i), y = s->p[i].value;
        int k = meaning_index(&s->p[i]);
        if (isnan(y))
            continue;
        chart_text_size(k < 0 ? 0.012 : 0.02);
        plcol0(k < 0 ? CHART_DARK_GREY : spc_meanings[k].colour);
        plstring(1, &x, &y, "●");
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

static int has_limits(const struct spc_series *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (isfinite(s->p[i].upper))
            return 1;
    return 0;
}

/* The legend; returns the number of rows it took. */
static int draw_legend(const struct spc_series *s)
{
    double x = FRAME_X0 - 0.004, y = FRAME_LEGEND_Y;

    frame_legend_item(&x, &y, "", CHART_DARK_BLUE, 1, s->p_chart ? "Centre line (pooled %)"
                                                          : "Centre line (mean)");
    if (has_limits(s))
        frame_legend_item(&x, &y, "", CHART_DARK_BLUE, 2, s->why[0] ? "Process limits (provisional)"
                                                             : "Process limits");
    if (isfinite(s->target))
        frame_legend_item(&x, &y, "", CHART_ORANGE, 1, "Target");
    for (size_t k = 0; k < N_MEANINGS; k++)
        if (count_meaning(s, (int)k))
            frame_legend_item(&x, &y, "●", spc_meanings[k].colour, 0, spc_meanings[k].words);
    return y < FRAME_LEGEND_Y ? 2 : 1;
}

/* The variation and assurance summary, right of the subtitle; returns the
 * page width it took (0 when there is no summary). */
static double draw_summary(const struct spc_series *s)
{
    char text[160];
    const char *v = s->variation;
    int colour = strstr(v, "concern") ? CHART_ORANGE
                 : strstr(v, "improv") ? CHART_TURQUOISE : CHART_DARK_GREY;

    if (!v[0])
        return 0;
    snprintf(text, sizeof text, "Variation: %s%s%s", v, s->assurance[0] ? ". Assurance: " : "",
             s->assurance);
    double w = chart_text_width(text, FRAME_NOTE, 1) + 0.03;
    frame_badge(0.97 - w, 0.878, FRAME_NOTE, text, colour);
    return w;
}

#define SPC_NOTES 4

/* Footnotes: why there is no verdict, missing periods, how the limits were
 * found and on what; returns how many. */
static int footnotes(const struct spc_series *s, char notes[SPC_NOTES][400])
{
    char words[256], a[16], b[16];
    int n = 0;

    if (s->why[0])
        snprintf(notes[n++], 400, "No SPC verdict: %s.", s->why);
    if (results_missing_words(s, words, sizeof words) > 0)
        snprintf(notes[n++], 400, "No data for %s: the line is broken there, not drawn through.", words);
    if (s->limits_start != MONTH_NONE)
        snprintf(words, sizeof words, ", fixed on %s to %s (%d points)",
                 results_spc_period_words(s, s->limits_start, a),
                 results_spc_period_words(s, s->limits_end - (step_of(s) - 1), b),
                 s->limits_points);
    else
        words[0] = '\0';
    if (s->p_chart)
        snprintf(notes[n++], 400, "p-chart: limits p %s 3%s(p(1%sp)/n) for each point's n%s;"
                 " rules: Making Data Count.", "±", "√", "−", words);
    else
        snprintf(notes[n++], 400, "Limits: mean %s 2.66 %s mean moving range%s; rules: Making"
                 " Data Count.", "±", "×", words);
    if (strstr(s->note, "seasonal ("))
        snprintf(notes[n++], 400, "%s", s->year_on_year
                 ? "Seasonal series: each point is the change on the same month a year earlier."
                 : "Seasonal series: some special causes may be the time of year; compare like"
                   " months.");
    return n;
}

void spcchart_draw(const void *series, const struct chart_style *st)
{
    const struct spc_series *s = series;
    char title[256], subtitle[384], a[16], b[16], notes[SPC_NOTES][400], heading[96];
    char axis_title[160];
    const char *note_ptr[SPC_NOTES] = {notes[0], notes[1], notes[2], notes[3]};
    double lo, hi, step;
    int n_notes = footnotes(s, notes);

    spcchart_title(s, title, sizeof title);
    words_noun_heading(s->noun, heading, sizeof heading);
    snprintf(subtitle, sizeof subtitle, "%s. %s%s each %s, %s to %s", s->force_name,
             s->p_chart ? "Per cent" : heading,
             s->year_on_year ? ", change on the same month a year earlier," : "",
             period_word(s), results_spc_period_words(s, s->p[0].month, a),
             results_spc_period_words(s, s->p[s->n - 1].month, b));
    frame_words(title, subtitle, draw_summary(s) + 0.02, note_ptr, n_notes, st);
    int rows = draw_legend(s);
    y_range(s, &lo, &hi, &step);
    plvpor(FRAME_X0, FRAME_X1, frame_plot_bottom(n_notes), FRAME_Y1 - FRAME_LEGEND_ROW * (rows - 1));
    plwind(0.0, (double)s->n, lo, hi);
    if (s->p_chart)
        snprintf(axis_title, sizeof axis_title, "Per cent");
    else
        snprintf(axis_title, sizeof axis_title, "%s%s per %s", heading,
                 s->year_on_year ? ", change" : "", period_word(s));
    frame_y_axis(step, axis_title);
    if (s->step == 3)
        frame_quarter_axis(s->p[0].month, (int)s->n);
    else
        frame_month_axis(s->p[0].month, (int)s->n);
    draw_level(s, 0, 2.5, 0);
    draw_level(s, -1, 1.8, 1);
    draw_level(s, +1, 1.8, 1);
    if (isfinite(s->target))
        frame_hline(0, (double)s->n, s->target, CHART_ORANGE, 2.5, 0);
    draw_recalculations(s, lo, hi);
    frame_annotations(s->notes, annotation_x, s, 0.0, (double)s->n, hi);
    draw_line(s);
    draw_points(s);
}
