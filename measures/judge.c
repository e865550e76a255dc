/*
 * judge.c — a comparison's interval and verdict, allowing for the variation
 * the series shows (see judge.h), and its method in words for the method
 * column.
 */
#include "judge.h"
#include "stats/dispersion.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The months the dispersion is estimated from: index 0 the earlier window,
 * 1 the latest. */
struct spans {
    month_t from[2], to[2];
};

static struct spans dispersion_spans(const struct comparison *c)
{
    if (c->kind == COMPARE_QUARTER)
        return (struct spans){{c->base.end - 11, c->latest.end - 11},
                              {c->base.end, c->latest.end}};
    return (struct spans){{c->base.start, c->latest.start}, {c->base.end, c->latest.end}};
}

struct points {
    struct dispersion_point *p;
    size_t n;
    int negative;  /* a point below zero (published revisions) */
    int whole[2];  /* the window is 12 months, every one a point */
};

/* The present points of s inside each span, as dispersion points. */
static int points_gather(const struct series *s, const struct spans *sp, int proportion,
                         struct points *pts)
{
    int step = series_step(s);
    memset(pts, 0, sizeof *pts);
    pts->p = malloc((size_t)(s->n ? s->n : 1) * 2 * sizeof *pts->p);
    if (!pts->p)
        return -1;
    for (int k = 0; k < 2; k++) {
        int months = 0;
        for (int i = 0; i < s->n; i++) {
            month_t m = series_month(s, i);
            if (!s->present[i] || m < sp->from[k] || m + step - 1 > sp->to[k] ||
                (proportion && s->denom[i] <= 0))
                continue;
            pts->negative |= s->count[i] < 0;
            pts->p[pts->n++] = (struct dispersion_point){
                (double)s->count[i], proportion ? (double)s->denom[i] : (double)step, k,
                step == 1 ? month_of_year(m) : 0};
            months += step;
        }
        pts->whole[k] = step == 1 && sp->to[k] - sp->from[k] == 11 && months == 12;
    }
    return 0;
}

static const char *point_word(const struct series *s)
{
    return series_step(s) == 3 ? "quarterly figures" : series_step(s) == 12
                                                       ? "yearly figures" : "monthly figures";
}

/* When the two windows leave too few df (a quarterly series: 8 points, 6
 * df), the dispersion of the whole series with one rate (or share) a year,
 * the years counted back from the latest window's end
 * (dispersion_*_years); kept only when it has the df the windows lacked.
 * pts has room for every point of s. */
static int fit_years(struct comparison *c, const struct series *s, int proportion,
                     struct points *pts, struct sio_error *err)
{
    struct dispersion_fit years;
    int step = series_step(s);
    size_t n = 0;
    for (int i = 0; i < s->n; i++) {
        month_t end = series_month(s, i) + step - 1;
        if (!s->present[i] || end > c->latest.end || s->count[i] < 0 ||
            (proportion && s->denom[i] <= 0))
            continue;
        pts->p[n++] = (struct dispersion_point){
            (double)s->count[i], proportion ? (double)s->denom[i] : (double)step,
            (int)((c->latest.end - end) / 12), 0};
    }
    int rc = !n ? SIO_OK
           : proportion ? dispersion_binomial_years(pts->p, n, &years, err)
                        : dispersion_poisson_years(pts->p, n, &years, err);
    if (!rc && n && dispersion_usable(&years)) {
        c->fit = years;
        pts->n = n;
    }
    return rc;
}

/* Fit the dispersion into c->fit; a reason in c->note when it cannot be
 * used, and comparable cleared for a negative figure. */
static int fit_dispersion(struct comparison *c, const struct series *s,
                          const struct measure_def *m, int seasonal, struct sio_error *err)
{
    struct points pts;
    struct spans sp = dispersion_spans(c);
    if (!s) {
        snprintf(c->note, sizeof c->note, "12-month totals alone do not show how much the"
                 " figures vary from month to month");
        return SIO_OK;
    }
    if (points_gather(s, &sp, m->proportion, &pts))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    int rc = SIO_OK;
    if (pts.negative) {
        c->comparable = 0;
        snprintf(c->note, sizeof c->note, "a figure in the windows is negative (published"
                 " revisions)");
    } else if (m->proportion)
        rc = dispersion_binomial(pts.p, pts.n, &c->fit, err);
    else
        rc = dispersion_poisson(pts.p, pts.n, seasonal && pts.whole[0] && pts.whole[1],
                                &c->fit, err);
    if (!rc && !pts.negative && !dispersion_usable(&c->fit))
        rc = fit_years(c, s, m->proportion, &pts, err);
    if (!rc && !pts.negative && !dispersion_usable(&c->fit))
        snprintf(c->note, sizeof c->note, "%zu %s leave %d degrees of freedom to estimate"
                 " how much they vary beyond chance, and sio needs %d", pts.n,
                 point_word(s), c->fit.df > 0 ? c->fit.df : 0, DISPERSION_MIN_DF);
    free(pts.p);
    return rc;
}

/* "quasi-Poisson dispersion 3.61 (Pearson chi-square / 11 df, window +
 * month of year)". */
static void fit_words(const struct comparison *c, int proportion, char *buf, size_t size)
{
    const char *family = proportion ? "quasi-binomial" : "quasi-Poisson";
    if (c->fit.years > 0)
        snprintf(buf, size, "%s dispersion %.2f (Pearson chi-square / %d df, the whole"
                 " series with one %s for each of its %d years)", family, c->fit.phi,
                 c->fit.df, proportion ? "share" : "rate", c->fit.years);
    else
        snprintf(buf, size, "%s dispersion %.2f (Pearson chi-square / %d df, window%s)",
                 family, c->fit.phi, c->fit.df, c->fit.seasonal ? " + month of year" : "");
}

/* The method of a tested change: with phi <= 1 the plain interval, else the
 * widened one (a total of 0 for counts has its own). */
static void method_words(struct comparison *c, const struct measure_def *m, double level)
{
    char fit[128];
    const char *what = m->proportion ? "difference of proportions"
                                     : "ratio of rates per covered month";
    fit_words(c, m->proportion, fit, sizeof fit);
    if (!dispersion_usable(&c->fit))
        snprintf(c->method, sizeof c->method, "%s, not tested: too few points to estimate"
                 " the dispersion", what);
    else if (c->fit.phi <= 1)
        snprintf(c->method, sizeof c->method, "%s; %s <= 1: %s %g%% CI (%s)", what, fit,
                 m->proportion ? "Newcombe hybrid score" : "exact conditional Poisson",
                 100 * level, m->proportion ? "Wilson-based" : "as R poisson.test");
    else if (m->proportion)
        snprintf(c->method, sizeof c->method, "%s; %s; Newcombe hybrid score %g%% CI on the"
                 " effective counts x / dispersion of n / dispersion", what, fit, 100 * level);
    else if (c->latest.num == 0 || c->base.num == 0)
        snprintf(c->method, sizeof c->method, "%s; %s; a total of 0: exact conditional %g%%"
                 " CI of the counts / dispersion", what, fit, 100 * level);
    else
        snprintf(c->method, sizeof c->method, "%s; %s; exp(log ratio +/- t(%d) SE) %g%% CI,"
                 " SE widened by sqrt(dispersion) (as R glm quasipoisson)", what, fit,
                 c->fit.df, 100 * level);
}

static void direction_verdict(struct comparison *c, int dir, int better)
{
    c->verdict = dir == 0 ? "no significant change"
               : dir == better ? "improvement" : "deterioration";
}

static int judge_counts(struct comparison *c, const struct measure_def *m, double level,
                        struct sio_error *err)
{
    struct poisson_ratio r;
    double t1 = c->latest.covered, t2 = c->base.covered;
    method_words(c, m, level);
    if (!dispersion_usable(&c->fit)) {
        /* The change itself is still a fact worth stating. */
        c->change = c->base.num > 0 ? 100.0 * ((double)c->latest.num / t1 /
                                               ((double)c->base.num / t2) - 1.0)
                  : c->latest.num > 0 ? INFINITY : NAN;
        c->verdict = "not tested";
        return SIO_OK;
    }
    int rc = dispersion_ratio_ci(c->latest.num, t1, c->base.num, t2, &c->fit, level, &r, err);
    if (rc)
        return rc;
    c->change = 100.0 * (r.ratio - 1.0);
    c->low = 100.0 * (r.low - 1.0);
    c->high = 100.0 * (r.high - 1.0);
    direction_verdict(c, (int)poisson_verdict(&r), m->better);
    return SIO_OK;
}

/* Shares are shown to one decimal place, and the change in points is the
 * difference of the shown figures, so that a reader's subtraction agrees;
 * the interval comes from the counts themselves. */
static double shown(double pct)
{
    return round(pct * 10.0) / 10.0;
}

static int judge_proportions(struct comparison *c, const struct measure_def *m,
                             double level, struct sio_error *err)
{
    struct binomial_difference d;
    c->latest_value = shown(100.0 * (double)c->latest.num / (double)c->latest.den);
    c->base_value = shown(100.0 * (double)c->base.num / (double)c->base.den);
    c->change = c->latest_value - c->base_value;
    method_words(c, m, level);
    if (!dispersion_usable(&c->fit)) {
        c->verdict = "not tested";
        return SIO_OK;
    }
    int rc = dispersion_newcombe_ci(c->latest.num, c->latest.den, c->base.num, c->base.den,
                                    &c->fit, level, &d, err);
    if (rc)
        return rc;
    c->low = 100.0 * d.low;
    c->high = 100.0 * d.high;
    direction_verdict(c, c->low > 0 ? 1 : c->high < 0 ? -1 : 0, m->better);
    return SIO_OK;
}

int judge_comparison(struct comparison *c, const struct series *s,
                     const struct measure_def *m, const struct sio_config *cfg,
                     int seasonal, struct sio_error *err)
{
    if (m->proportion && (c->latest.den <= 0 || c->base.den <= 0)) {
        c->comparable = 0;
        snprintf(c->note, sizeof c->note, "a window has nobody in its denominator");
        return SIO_OK;
    }
    if (!m->proportion && (c->latest.num < 0 || c->base.num < 0)) {
        c->comparable = 0;
        snprintf(c->note, sizeof c->note, "a total is negative (published revisions)");
        return SIO_OK;
    }
    int rc = fit_dispersion(c, s, m, seasonal, err);
    if (rc || !c->comparable)
        return rc;
    if (!m->proportion) {
        c->latest_value = (double)c->latest.num;
        c->base_value = (double)c->base.num;
    }
    return m->proportion ? judge_proportions(c, m, cfg->confidence, err)
                         : judge_counts(c, m, cfg->confidence, err);
}
