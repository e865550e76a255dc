/*
 * funnel.c — reading, words and drawing of the funnel plot.
 *
 * World coordinates: x is the population in millions from zero, y the rate
 * per 1,000; the limit curves are drawn from a small population up, where
 * they are still inside the plot, so they do not swamp it near zero.
 */
#include "funnel.h"

#include "frame.h"
#include "stats/funnel.h"
#include "store/store.h"

#include <plplot.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading ---------------------------------------------------------- */

static int read_plot(sqlite3 *db, const char *measure, struct funnel_series *s,
                     struct digest_acc *a, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, "SELECT period_start, period_end, area, rate_per_1000,"
                                     " population_year, population_source, left_out"
                                     " FROM funnel_plots WHERE measure = ?1", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, measure, -1, SQLITE_TRANSIENT);
    if ((step = digest_step(st, a)) == SQLITE_ROW) {
        snprintf(s->start, sizeof s->start, "%s", store_col_text(st, 0));
        snprintf(s->end, sizeof s->end, "%s", store_col_text(st, 1));
        snprintf(s->area, sizeof s->area, "%s", store_col_text(st, 2));
        s->target = sqlite3_column_double(st, 3);
        s->population_year = sqlite3_column_int(st, 4);
        snprintf(s->population_source, sizeof s->population_source, "%s", store_col_text(st, 5));
        s->left_out = sqlite3_column_int(st, 6);
        step = SQLITE_DONE;
        s->n = 1; /* there is a plot: points follow */
    }
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading funnel_plots");
}

/* One funnel_points row, with the force's name joined on in the query. */
static void read_point(sqlite3_stmt *st, struct funnel_point *p)
{
    snprintf(p->key, sizeof p->key, "%s", store_col_text(st, 0));
    p->count = (long)sqlite3_column_int64(st, 1);
    p->population = (long)sqlite3_column_int64(st, 2);
    p->rate = sqlite3_column_double(st, 3);
    p->low_95 = sqlite3_column_double(st, 4);
    p->high_95 = sqlite3_column_double(st, 5);
    p->low_998 = sqlite3_column_double(st, 6);
    p->high_998 = sqlite3_column_double(st, 7);
    snprintf(p->position, sizeof p->position, "%s", store_col_text(st, 8));
    snprintf(p->display, sizeof p->display, "%s", store_col_text(st, 9));
}

static int read_points(sqlite3 *db, const char *measure, struct funnel_series *s,
                       struct digest_acc *a, struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    int step, rc = store_prepare(db, "SELECT force, count, population, rate_per_1000, low_95,"
                                     " high_95, low_998, high_998, position,"
                                     " COALESCE((SELECT name FROM forces WHERE slug = force), force)"
                                     " FROM funnel_points"
                                     " WHERE measure = ?1 ORDER BY population, force", &st, err);
    if (rc)
        return rc;
    s->n = 0;
    sqlite3_bind_text(st, 1, measure, -1, SQLITE_TRANSIENT);
    while (!rc && (step = digest_step(st, a)) == SQLITE_ROW) {
        if (s->n == cap) {
            struct funnel_point *p = realloc(s->p, (cap = cap ? 2 * cap : 64) * sizeof *p);
            if (!p) {
                rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
                break;
            }
            s->p = p;
        }
        read_point(st, &s->p[s->n++]);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "reading funnel_points");
    sqlite3_finalize(st);
    return rc;
}

static void curves_of(struct funnel_series *s);

int funnel_load(sqlite3 *db, const char *force, const char *measure,
                struct funnel_series *out, struct sio_error *err)
{
    struct digest_acc a;
    memset(out, 0, sizeof *out);
    snprintf(out->force, sizeof out->force, "%s", force);
    snprintf(out->measure_key, sizeof out->measure_key, "%s", measure);
    digest_begin(&a);
    digest_add_str(&a, force);
    int rc = store_force_name(db, force, out->force_name, sizeof out->force_name, err);
    rc = rc ? rc : read_plot(db, measure, out, &a, err);
    if (!rc && out->n)
        rc = read_points(db, measure, out, &a, err);
    for (size_t i = 0; !rc && i < out->n; i++)
        if (!strcmp(out->p[i].key, force))
            out->self = &out->p[i];
    digest_add_str(&a, out->force_name);
    digest_end(&a, &out->digest);
    if (!rc && out->n)
        curves_of(out);
    return rc;
}

void funnel_free(struct funnel_series *s)
{
    free(s->p);
    s->p = NULL;
    s->n = 0;
    s->self = NULL;
}

/* ---- words ------------------------------------------------------------ */

static int rate_decimals(const struct funnel_series *s)
{
    double top = s->target;
    for (size_t i = 0; i < s->n; i++)
        top = fmax(top, s->p[i].rate);
    return top >= 10 ? 1 : top >= 1 ? 2 : 3;
}

/* "12 months to Mar 2022". */
static char *period_words(const struct funnel_series *s, char *buf, size_t size)
{
    char w[12];
    month_t end = month_parse(s->end, 7);
    snprintf(buf, size, "12 months to %s", end == MONTH_NONE ? s->end : month_words(end, w));
    return buf;
}

static const char *finding(const char *position)
{
    if (!strcmp(position, "above 99.8%"))
        return "is above the 99.8% limit: higher than chance explains";
    if (!strcmp(position, "above 95%"))
        return "is above the 95% limit";
    if (!strcmp(position, "below 99.8%"))
        return "is below the 99.8% limit: lower than chance explains";
    if (!strcmp(position, "below 95%"))
        return "is below the 95% limit";
    return "is within the range expected for its population";
}

char *funnel_title(const struct funnel_series *s, char *buf, size_t size)
{
    if (s->self)
        snprintf(buf, size, "%s: %s's rate %s", s->measure_label, s->force_name,
                 finding(s->self->position));
    else
        snprintf(buf, size, "%s: rates of %zu forces against their population",
                 s->measure_label, s->n);
    return buf;
}

/* The forces outside the 95% limits, "Leicestershire Police (above)", or
 * "none"; those that do not fit in buf are counted ("and 12 more"), never
 * cut off mid-name. */
static void outside_words(const struct funnel_series *s, char *buf, size_t size)
{
    char item[160], more[48];
    size_t o = 0, outside = 0, shown = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < s->n; i++)
        outside += strcmp(s->p[i].position, "within") != 0;
    for (size_t i = 0; i < s->n && shown < outside; i++) {
        if (!strcmp(s->p[i].position, "within"))
            continue;
        int n = snprintf(item, sizeof item, "%s%s (%s)", o ? ", " : "", s->p[i].display,
                         s->p[i].position);
        if (n < 0 || o + (size_t)n + sizeof more >= size)
            break;
        memcpy(buf + o, item, (size_t)n + 1);
        o += (size_t)n;
        shown++;
    }
    if (shown < outside) {
        snprintf(more, sizeof more, "%sand %zu more", o ? ", " : "", outside - shown);
        snprintf(buf + o, size - o, "%s", more);
    }
    if (!outside)
        snprintf(buf, size, "none");
}

/* "the England and Wales rate", "the rate of the 4 forces with data". */
static char *target_words(const struct funnel_series *s, char *buf, size_t size)
{
    if (!strncmp(s->area, "the ", 4))
        snprintf(buf, size, "the rate of %s", s->area);
    else
        snprintf(buf, size, "the %s rate", s->area);
    return buf;
}

char *funnel_alt_text(const struct funnel_series *s, char *buf, size_t size)
{
    char label[128], period[48], outside[1024];
    int d = rate_decimals(s);
    size_t o;
    snprintf(label, sizeof label, "%s", s->measure_label);
    if (isupper((unsigned char)label[0]) && !isupper((unsigned char)label[1]))
        label[0] = (char)tolower((unsigned char)label[0]);
    outside_words(s, outside, sizeof outside);
    char target[96];
    o = (size_t)snprintf(buf, size, "Funnel plot of %s per 1,000 population against population "
                         "for %zu forces, %s, with %s (%.*f per 1,000) and exact Poisson 95%% "
                         "and 99.8%% control limits. ", label, s->n,
                         period_words(s, period, sizeof period),
                         target_words(s, target, sizeof target), d, s->target);
    char count[32], pop[32];
    if (o < size && s->self)
        o += (size_t)snprintf(buf + o, size - o, "%s: %.*f per 1,000 (%s over a population of "
                              "%s), %s (95%% limits %.*f to %.*f). ", s->force_name, d,
                              s->self->rate, words_thousands(s->self->count, count, sizeof count),
                              words_thousands(s->self->population, pop, sizeof pop),
                              !strcmp(s->self->position, "within") ? "within the limits"
                                  : s->self->position[0] == 'a' ? "above the limits"
                                  : "below the limits",
                              d, s->self->low_95, d, s->self->high_95);
    if (o < size && s->population_year && s->population_source[0])
        o += (size_t)snprintf(buf + o, size - o, "Population %d (%s). ", s->population_year,
                              s->population_source);
    if (o < size)
        snprintf(buf + o, size - o, "Forces outside the 95%% limits: %s.\n", outside);
    return buf;
}

/* ---- drawing ---------------------------------------------------------- */

struct funnel_frame {
    int log_x;                 /* x is log10 of the population in millions */
    double x0, x1, xstep;      /* world x range; the step of a linear axis */
    double y0, y1, ystep;
};

/* World x of a population: millions, or their log10 when forces' sizes
 * differ by more than LOG_RATIO (England and Wales: the City of London's
 * 10,000 residents beside the Met's nine million). */
#define LOG_RATIO 20.0

static double world_x(const struct funnel_frame *f, double pop)
{
    return f->log_x ? log10(pop / 1e6) : pop / 1e6;
}

/* x: every force, with room; y: every rate and the 99.8% limits at the
 * middle force's population, not the limits of the smallest (which run off
 * towards zero and infinity and would squeeze the points into a line). */
static void frame_of(const struct funnel_series *s, struct funnel_frame *f)
{
    double least = INFINITY, most = 0, lo = s->target, hi = s->target, lo998, hi998;
    for (size_t i = 0; i < s->n; i++) {
        least = fmin(least, (double)s->p[i].population);
        most = fmax(most, (double)s->p[i].population);
        lo = fmin(lo, s->p[i].rate);
        hi = fmax(hi, s->p[i].rate);
    }
    /* the points are sorted by population when read */
    double mid = (double)s->p[s->n / 2].population;
    funnel_limits(s->target / 1000 * mid, 0.998, &lo998, &hi998);
    if (isfinite(lo998) && isfinite(hi998)) {
        lo = fmin(lo, lo998 / mid * 1000);
        hi = fmax(hi, hi998 / mid * 1000);
    }
    f->log_x = most > least * LOG_RATIO;
    if (f->log_x) {
        f->x0 = floor(log10(least / 1e6) * 2) / 2;  /* to the half decade */
        f->x1 = ceil(log10(most / 1e6) * 2) / 2;
        f->xstep = 0;
    } else {
        f->xstep = frame_nice_step(most / 1e6 * 1.08, 0.1);
        f->x0 = 0;
        f->x1 = ceil(most / 1e6 * 1.08 / f->xstep) * f->xstep;
    }
    if (!(hi > lo))
        hi = lo + fmax(s->target, 1e-3);
    double pad = (hi - lo) * 0.15;
    lo = fmax(0, lo - pad);
    hi += pad;
    f->ystep = frame_nice_step(hi - lo, 1e-4);
    f->y0 = floor(lo / f->ystep) * f->ystep;
    f->y1 = ceil(hi / f->ystep) * f->ystep;
}

/* A point of curve c at world x wx, unless its rate r is not a number. */
static void curve_add(struct funnel_curve *c, double wx, double r, const struct funnel_frame *f)
{
    if (!isfinite(r))
        return;
    c->x[c->n] = wx;
    c->y[c->n] = fmin(fmax(r, f->y0 - f->ystep), f->y1 + f->ystep); /* clipped by the window */
    c->n++;
}

/* Curves worked out before, with what they are a function of: the target
 * and the frame.  A measure's funnel is the same for every force but for
 * the point highlighted, so a worker drawing force after force works each
 * measure's curves out once, not once a force (640 gamma quantiles).  The
 * national set has 7 funnels; past CURVES_KEPT the oldest are replaced. */
#define CURVES_KEPT 16

static struct curves_kept {
    int valid;
    double target;
    struct funnel_frame f;
    struct funnel_curve curve[4];
} curves_kept[CURVES_KEPT];
static int curves_next; /* the entry to replace next */

static int same_frame(const struct funnel_frame *a, const struct funnel_frame *b)
{
    return a->log_x == b->log_x && a->x0 == b->x0 && a->x1 == b->x1 && a->xstep == b->xstep &&
           a->y0 == b->y0 && a->y1 == b->y1 && a->ystep == b->ystep;
}

/* The four control limits as curves over population, worked out once a
 * series (the same for every format drawn), or kept from the last series
 * with the same target and frame; each point two gamma quantiles a level. */
static void curves_of(struct funnel_series *s)
{
    struct funnel_frame f;
    frame_of(s, &f);
    for (int k = 0; k < CURVES_KEPT; k++)
        if (curves_kept[k].valid && curves_kept[k].target == s->target &&
            same_frame(&curves_kept[k].f, &f)) {
            memcpy(s->curve, curves_kept[k].curve, sizeof s->curve);
            return;
        }
    for (int k = 0; k < 4; k++)
        s->curve[k].n = 0;
    for (int i = 0; i < FUNNEL_CURVE_POINTS; i++) {
        double t = (double)i / (FUNNEL_CURVE_POINTS - 1), wx, pop;
        if (f.log_x) {
            wx = f.x0 + (f.x1 - f.x0) * t;
            pop = pow(10, wx) * 1e6;
        } else {
            /* closer points where the curve bends, near zero */
            wx = f.x1 / 400 + (f.x1 - f.x1 / 400) * t * t;
            pop = wx * 1e6;
        }
        for (int level = 0; level < 2; level++) {
            double lo, hi;
            funnel_limits(s->target / 1000 * pop, level ? 0.998 : 0.95, &lo, &hi);
            curve_add(&s->curve[2 * level], wx, lo / pop * 1000, &f);
            curve_add(&s->curve[2 * level + 1], wx, hi / pop * 1000, &f);
        }
    }
    struct curves_kept *kept = &curves_kept[curves_next];
    curves_next = (curves_next + 1) % CURVES_KEPT;
    kept->valid = 1;
    kept->target = s->target;
    kept->f = f;
    memcpy(kept->curve, s->curve, sizeof s->curve);
}

/* One control limit as a curve over population: dashed at 95%. */
static void limit_curve(const struct funnel_curve *c, int dashed)
{
    PLINT mark[1] = {2500}, space[1] = {1500};
    plcol0(CHART_DARK_GREY);
    chart_pen(dashed ? 1.8 : 1.4);
    if (dashed)
        plstyl(1, mark, space);
    plline(c->n, c->x, c->y);
    plstyl(0, NULL, NULL);
    chart_pen(1.0);
}

static void x_label(PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
    (void)axis;
    frame_tick_label(value, *(const int *)data, label, (size_t)length);
}

/* A log axis's label: the population in millions, "0.01", "0.5", "2". */
static void log_label(PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
    (void)axis, (void)data;
    double v = pow(10, value);
    int decimals = v >= 1 ? 0 : (int)ceil(-log10(v) - 1e-9);
    frame_tick_label(v, decimals, label, (size_t)length);
}

static void axes(const struct funnel_series *s, const struct funnel_frame *f)
{
    char heading[96], title[160];
    int decimals = frame_step_decimals(f->xstep);
    snprintf(title, sizeof title, "%s per 1,000 population",
             words_noun_heading(s->noun, heading, sizeof heading));
    frame_y_axis(f->ystep, title);
    chart_text_size(FRAME_BODY);
    plcol0(CHART_DARK_GREY);
    plslabelfunc(f->log_x ? log_label : x_label, &decimals);
    plbox(f->log_x ? "bnlto" : "bnto", f->xstep, 0, "", 0, 0);
    plslabelfunc(NULL, NULL);
    plcol0(CHART_INK);
    plmtex("b", 3.2, 0.5, 0.5, f->log_x ? "Population (millions, log scale)"
                                        : "Population (millions)");
}

/* A force's point: the force a large dark blue disc, one outside the 95%
 * limits an orange disc, the others pale blue; the first two named. */
static void point(const struct funnel_series *s, const struct funnel_point *p,
                  const struct funnel_frame *f)
{
    int self = p == s->self, named = self || strcmp(p->position, "within") != 0;
    PLFLT x[1] = {world_x(f, (double)p->population)}, y[1] = {p->rate};
    plcol0(self ? CHART_DARK_BLUE : named ? CHART_ORANGE : CHART_PALE_BLUE);
    chart_text_size(self ? FRAME_TITLE * 1.1 : FRAME_BODY * 1.3);
    plstring(1, x, y, "\xe2\x97\x8f"); /* U+25CF black circle, centred on the point */
    if (!named)
        return;
    chart_text_size(FRAME_NOTE);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, self ? PL_FCI_BOLD : PL_FCI_MEDIUM);
    plcol0(CHART_INK);
    /* right of the point, or left of it near the right edge */
    double width = f->x1 - f->x0;
    int left = x[0] > f->x0 + width * 0.75;
    double gap = width * (self ? 0.022 : 0.014);
    plptex(x[0] + (left ? -gap : gap), y[0], 1.0, 0.0, left ? 1.0 : 0.0, p->display);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
}

/* The legend under the subtitle: what the discs, the line and the curves
 * are, with the target's value; returns the number of rows it took. */
static int legend(const struct funnel_series *s)
{
    char words[160], target[96];
    double x = FRAME_X0 - 0.004, y = FRAME_LEGEND_Y;
    int d = rate_decimals(s), outside = 0, others = 0;
    for (size_t i = 0; i < s->n; i++)
        if (&s->p[i] == s->self)
            continue;
        else if (strcmp(s->p[i].position, "within") != 0)
            outside++;
        else
            others++;

    if (s->self)
        frame_legend_item(&x, &y, "\xe2\x97\x8f", CHART_DARK_BLUE, 0, s->force_name);
    if (outside)
        frame_legend_item(&x, &y, "\xe2\x97\x8f", CHART_ORANGE, 0, "Outside the 95% limits");
    if (others)
        frame_legend_item(&x, &y, "\xe2\x97\x8f", CHART_PALE_BLUE, 0, "Other forces");
    /* "England and Wales rate", "Rate of the 4 forces with data" */
    const char *t = target_words(s, target, sizeof target) + 4;
    snprintf(words, sizeof words, "%c%s, %.*f", toupper((unsigned char)t[0]), t + 1, d, s->target);
    frame_legend_item(&x, &y, "", CHART_DARK_PINK, 1, words);
    frame_legend_item(&x, &y, "", CHART_DARK_GREY, 2, "95% limits");
    frame_legend_item(&x, &y, "", CHART_DARK_GREY, 1, "99.8% limits");
    return y < FRAME_LEGEND_Y ? 2 : 1;
}

void funnel_draw(const void *series, const struct chart_style *st)
{
    const struct funnel_series *s = series;
    struct funnel_frame f;
    char title[256], subtitle[256], period[48], population[320], left_out[96];
    const char *notes[2] = {population, left_out};
    int n_notes = 1;

    funnel_title(s, title, sizeof title);
    snprintf(subtitle, sizeof subtitle, "%s. Rate per 1,000 population against population, "
             "%zu forces.", period_words(s, period, sizeof period), s->n);
    if (s->population_year && s->population_source[0])
        snprintf(population, sizeof population, "Population: %d (%s). Forces outside the 95%% "
                 "limits are named.", s->population_year, s->population_source);
    else
        snprintf(population, sizeof population, "Population: each force's estimate for the year "
                 "nearest the middle of the 12 months. Forces outside the 95%% limits are named.");
    if (s->left_out) {
        snprintf(left_out, sizeof left_out, "Not plotted: %d force%s without all 12 months or a "
                 "population.", s->left_out, s->left_out == 1 ? "" : "s");
        n_notes++;
    }
    frame_words(title, subtitle, 0.0, notes, n_notes, st);
    int rows = legend(s);
    frame_of(s, &f);
    plvpor(FRAME_X0, FRAME_X1, frame_plot_bottom(n_notes), FRAME_Y1 - FRAME_LEGEND_ROW * (rows - 1));
    plwind(f.x0, f.x1, f.y0, f.y1);
    axes(s, &f);
    frame_hline(f.x0, f.x1, s->target, CHART_DARK_PINK, 2.0, 0);
    for (int k = 0; k < 4; k++)
        limit_curve(&s->curve[k], k < 2);
    for (size_t i = 0; i < s->n; i++)
        if (&s->p[i] != s->self)
            point(s, &s->p[i], &f);
    if (s->self)
        point(s, s->self, &f); /* on top */
}
