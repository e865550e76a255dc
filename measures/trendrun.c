/*
 * trendrun.c — slope, robust slope and seasonality rows.
 */
#include "trendrun.h"
#include "stats/trend.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct points {
    double *x, *y;
    size_t n;
    int present;
};

static int points_make(const struct emitter *e, const struct series *s, struct points *p)
{
    p->n = (size_t)s->n;
    p->present = 0;
    p->x = malloc(p->n * sizeof *p->x);
    p->y = malloc(p->n * sizeof *p->y);
    if (!p->x || !p->y)
        return -1;
    for (size_t i = 0; i < p->n; i++) {
        p->x[i] = (double)(i * (size_t)series_step(s)) / 12.0;
        p->y[i] = !s->present[i] ? NAN
                : !e->m->proportion ? (double)s->count[i]
                : s->denom[i] > 0 ? 100.0 * (double)s->count[i] / (double)s->denom[i] : NAN;
        p->present += !isnan(p->y[i]);
    }
    return 0;
}

static struct result series_row(const struct emitter *e, const struct series *s,
                                const struct points *p, const char *statistic)
{
    struct result r = {"series", "whole series", s->first, series_last_month(s), statistic,
                       {NAN, NAN, NAN}, e->m->proportion ? "percentage points per year"
                       : "per year", "", p->present * series_step(s),
                       s->n * series_step(s), ""};
    return r;
}

static int emit_ols(struct emitter *e, const struct series *s, const struct points *p,
                    struct sio_error *err)
{
    struct trend_ols fit;
    struct sio_error why;
    char method[96], lv[16];
    struct result r = series_row(e, s, p, "slope_per_year");
    snprintf(method, sizeof method, "least squares (GSL), t %s interval",
             results_level(e->cfg->confidence, lv));
    r.method = method;
    int rc = trend_ols_fit(p->x, p->y, p->n, e->cfg->confidence, &fit, &why);
    if (rc == SIO_EDATA)
        r.note = "fewer than 3 points: no trend";
    else if (rc) {
        *err = why;
        return rc;
    } else
        r.est = (struct estimate){fit.slope, fit.slope_low, fit.slope_high};
    return results_put(e, &r, err);
}

static int emit_robust(struct emitter *e, const struct series *s, const struct points *p,
                       struct sio_error *err)
{
    struct trend_outliers out;
    struct trend_robust fit;
    struct sio_error why;
    char note[96];
    if (trend_outliers_find(p->x, p->y, p->n, &out, &why) || out.count == 0)
        return SIO_OK;
    int rc = trend_robust_fit(p->x, p->y, p->n, &fit, &why);
    if (rc == SIO_EDATA)
        return SIO_OK; /* nearly every point equal: no robust row, no claim */
    if (rc) {
        *err = why;
        return rc;
    }
    double t = gsl_cdf_tdist_Pinv((1.0 + e->cfg->confidence) / 2.0, (double)fit.n - 2.0);
    struct result r = series_row(e, s, p, "robust_slope_per_year");
    snprintf(note, sizeof note, "%zu outlying point%s (|standardised residual| > 3)",
             out.count, out.count == 1 ? "" : "s");
    r.est = (struct estimate){fit.slope, fit.slope - t * fit.slope_se,
                              fit.slope + t * fit.slope_se};
    r.method = "bisquare robust regression (gsl_multifit_robust), slope +/- t x robust SE";
    r.note = note;
    return results_put(e, &r, err);
}

double trendrun_seasonal_p(const struct emitter *e, const struct series *s)
{
    struct points p = {NULL, NULL, 0, 0};
    struct trend_seasonal st;
    struct sio_error why;
    double pv = NAN; /* too short or gappy to test: no claim either way */
    if (series_step(s) != 1 || s->n == 0)
        return NAN;
    if (points_make(e, s, &p) == 0 &&
        trend_seasonal_test(p.x, p.y, p.n, month_of_year(s->first), &st, &why) == SIO_OK)
        pv = st.p;
    free(p.x);
    free(p.y);
    return pv;
}

int trendrun_seasonal(const struct emitter *e)
{
    return e->seasonal_p < 1.0 - e->cfg->confidence;
}

static int emit_seasonal(struct emitter *e, const struct series *s, const struct points *p,
                         struct sio_error *err)
{
    if (isnan(e->seasonal_p))
        return SIO_OK; /* too short or gappy to test: no row, no claim */
    struct result r = series_row(e, s, p, "seasonal_f_p");
    r.est = (struct estimate){e->seasonal_p, NAN, NAN};
    r.unit = "p-value";
    r.method = "F test of month-of-year terms about the linear trend (GSL)";
    r.note = trendrun_seasonal(e)
           ? "seasonal: compare like periods (same months a year earlier), not the slope;"
             " the dispersion of the 12-month comparisons allows for month of year"
           : "no evidence of seasonality";
    return results_put(e, &r, err);
}

int trendrun_emit(struct emitter *e, const struct series *s, struct sio_error *err)
{
    struct points p;
    int rc = SIO_OK;
    if (s->n == 0)
        return SIO_OK;
    if (points_make(e, s, &p))
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    if (!rc)
        rc = emit_ols(e, s, &p, err);
    if (!rc)
        rc = emit_robust(e, s, &p, err);
    if (!rc)
        rc = emit_seasonal(e, s, &p, err);
    free(p.x);
    free(p.y);
    return rc;
}
