/*
 * trend.c — OLS and bisquare robust lines, and the outlier screen.
 *
 * Present points are first copied into packed arrays (struct trend_data)
 * so GSL, which knows nothing of NaN, only ever sees real months; the index
 * map lets the outlier screen report positions in the caller's arrays.
 * GSL's error handler must be off (poisson_gsl_init); each GSL status and
 * each result is checked here.
 */
#include "stats/trend.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <string.h>
#include <math.h>
#include <stdlib.h>

struct trend_data {
    double *x, *y; /* present points only */
    size_t *at;    /* at[k] = index of point k in the caller's arrays */
    size_t n;      /* present points */
};

void trend_years(double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        x[i] = (double)i / 12.0;
}

static void trend_data_free(struct trend_data *d)
{
    free(d->x);
    free(d->y);
    free(d->at);
}

static int trend_check(const struct trend_data *d, struct sio_error *err)
{
    if (d->n < 3)
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "a trend needs at least 3 months with values, got %zu",
                        d->n);
    for (size_t k = 1; k < d->n; k++)
        if (d->x[k] != d->x[0])
            return SIO_OK;
    return sio_fail(err, SIO_EDATA, NULL, 0,
                    "a trend needs at least two different times");
}

static int trend_data_load(const double *x, const double *y, size_t n,
                           struct trend_data *d, struct sio_error *err)
{
    size_t cap = n ? n : 1;
    *d = (struct trend_data){malloc(cap * sizeof *d->x),
                             malloc(cap * sizeof *d->y),
                             malloc(cap * sizeof *d->at), 0};
    if (!d->x || !d->y || !d->at) {
        trend_data_free(d);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            continue;
        if (!isfinite(x[i]) || !isfinite(y[i])) {
            trend_data_free(d);
            return sio_fail(err, SIO_EDATA, NULL, 0,
                            "trend point %zu is not a finite number", i);
        }
        d->x[d->n] = x[i], d->y[d->n] = y[i], d->at[d->n] = i;
        d->n++;
    }
    int rc = trend_check(d, err);
    if (rc != SIO_OK)
        trend_data_free(d);
    return rc;
}

static int trend_ols_packed(const struct trend_data *d, double level,
                            struct trend_ols *out, double *sumsq,
                            struct sio_error *err)
{
    double c0, c1, cov00, cov01, cov11;
    int rc = gsl_fit_linear(d->x, 1, d->y, 1, d->n, &c0, &c1, &cov00, &cov01,
                            &cov11, sumsq);
    if (rc != 0 || !isfinite(c1) || !isfinite(cov11))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                        "GSL least-squares fit failed (status %d)", rc);
    double t = gsl_cdf_tdist_Pinv((1.0 + level) / 2.0, (double)d->n - 2.0);
    if (!isfinite(t))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                        "GSL t quantile failed for %zu points", d->n);
    double se = sqrt(cov11);
    *out = (struct trend_ols){c1, c0, se, c1 - t * se, c1 + t * se, d->n};
    return SIO_OK;
}

int trend_ols_fit(const double *x, const double *y, size_t n, double level,
                  struct trend_ols *out, struct sio_error *err)
{
    if (!(level > 0.0 && level < 1.0))
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "confidence level %g is not between 0 and 1", level);
    struct trend_data d;
    int rc = trend_data_load(x, y, n, &d, err);
    if (rc != SIO_OK)
        return rc;
    double sumsq;
    rc = trend_ols_packed(&d, level, out, &sumsq, err);
    trend_data_free(&d);
    return rc;
}

static int trend_robust_packed(const struct trend_data *d,
                               struct trend_robust *out, struct sio_error *err)
{
    gsl_multifit_robust_workspace *w =
        gsl_multifit_robust_alloc(gsl_multifit_robust_bisquare, d->n, 2);
    gsl_matrix *X = gsl_matrix_alloc(d->n, 2), *cov = gsl_matrix_alloc(2, 2);
    gsl_vector *c = gsl_vector_alloc(2);
    int rc = SIO_ESOFTWARE, gs = -1;
    if (w && X && cov && c) {
        for (size_t k = 0; k < d->n; k++) {
            gsl_matrix_set(X, k, 0, 1.0);
            gsl_matrix_set(X, k, 1, d->x[k]);
        }
        gsl_vector_const_view yv = gsl_vector_const_view_array(d->y, d->n);
        gs = gsl_multifit_robust(X, &yv.vector, c, cov, w);
        *out = (struct trend_robust){gsl_vector_get(c, 1),
                                     gsl_vector_get(c, 0),
                                     sqrt(gsl_matrix_get(cov, 1, 1)), d->n};
        if (gs == 0 && isfinite(out->slope) && isfinite(out->slope_se))
            rc = SIO_OK;
        else if (gs == 0)
            rc = SIO_EDATA; /* no robust scale: nearly every point equal */
    }
    gsl_multifit_robust_free(w);
    gsl_matrix_free(X);
    gsl_matrix_free(cov);
    gsl_vector_free(c);
    if (rc == SIO_EDATA)
        sio_fail(err, rc, NULL, 0, "no robust slope: nearly every point is the same");
    else if (rc != SIO_OK)
        sio_fail(err, rc, NULL, 0,
                 "GSL bisquare robust fit failed (status %d)", gs);
    return rc;
}

int trend_robust_fit(const double *x, const double *y, size_t n,
                     struct trend_robust *out, struct sio_error *err)
{
    struct trend_data d;
    int rc = trend_data_load(x, y, n, &d, err);
    if (rc != SIO_OK)
        return rc;
    rc = trend_robust_packed(&d, out, err);
    trend_data_free(&d);
    return rc;
}

/* Count and locate the large standardised residuals of the line c0 + c1 x. */
static void trend_screen(const struct trend_data *d, double c0, double c1,
                         double s, struct trend_outliers *out)
{
    double mean = 0.0, sxx = 0.0;
    for (size_t k = 0; k < d->n; k++)
        mean += d->x[k] / (double)d->n;
    for (size_t k = 0; k < d->n; k++)
        sxx += (d->x[k] - mean) * (d->x[k] - mean);
    *out = (struct trend_outliers){0, d->at[0], 0.0};
    for (size_t k = 0; k < d->n; k++) {
        double h = 1.0 / (double)d->n + (d->x[k] - mean) * (d->x[k] - mean) / sxx;
        /* h = 1: the line must pass through the point, so no residual. */
        if (s == 0.0 || h >= 1.0)
            continue;
        double z = (d->y[k] - c0 - c1 * d->x[k]) / (s * sqrt(1.0 - h));
        out->count += fabs(z) > TREND_OUTLIER_Z;
        if (fabs(z) > fabs(out->worst_z))
            out->worst = d->at[k], out->worst_z = z;
    }
}

int trend_outliers_find(const double *x, const double *y, size_t n,
                        struct trend_outliers *out, struct sio_error *err)
{
    struct trend_data d;
    int rc = trend_data_load(x, y, n, &d, err);
    if (rc != SIO_OK)
        return rc;
    struct trend_ols fit;
    double sumsq;
    rc = trend_ols_packed(&d, 0.95, &fit, &sumsq, err);
    if (rc == SIO_OK)
        trend_screen(&d, fit.intercept, fit.slope,
                     sqrt(sumsq / ((double)d.n - 2.0)), out);
    trend_data_free(&d);
    return rc;
}

/* Residual sum of squares of y on the columns of X (GSL's SVD least squares). */
static int trend_rss(const gsl_matrix *X, const double *y, size_t n, double *rss)
{
    size_t p = X->size2;
    gsl_multifit_linear_workspace *w = gsl_multifit_linear_alloc(n, p);
    gsl_vector *c = gsl_vector_alloc(p);
    gsl_matrix *cov = gsl_matrix_alloc(p, p);
    int gs = -1;
    if (w && c && cov) {
        gsl_vector_const_view yv = gsl_vector_const_view_array(y, n);
        gs = gsl_multifit_linear(X, &yv.vector, c, cov, rss, w);
    }
    gsl_multifit_linear_free(w);
    gsl_vector_free(c);
    gsl_matrix_free(cov);
    return gs == 0 && isfinite(*rss) ? 0 : -1;
}

/* Design matrix: intercept, x, and (when seasonal) 11 month-of-year dummies,
 * January being the reference level. */
static gsl_matrix *trend_design(const struct trend_data *d, const int *moy, int seasonal)
{
    gsl_matrix *X = gsl_matrix_calloc(d->n, seasonal ? 13 : 2);
    for (size_t k = 0; X && k < d->n; k++) {
        gsl_matrix_set(X, k, 0, 1.0);
        gsl_matrix_set(X, k, 1, d->x[k]);
        if (seasonal && moy[k] > 0)
            gsl_matrix_set(X, k, (size_t)moy[k] + 1, 1.0);
    }
    return X;
}

static int trend_seasonal_packed(const struct trend_data *d, const int *moy,
                                 struct trend_seasonal *out, struct sio_error *err)
{
    double rss_r, rss_f;
    gsl_matrix *Xr = trend_design(d, moy, 0), *Xf = trend_design(d, moy, 1);
    int bad = !Xr || !Xf || trend_rss(Xr, d->y, d->n, &rss_r) ||
              trend_rss(Xf, d->y, d->n, &rss_f);
    gsl_matrix_free(Xr);
    gsl_matrix_free(Xf);
    if (bad)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "GSL seasonal fit failed");
    out->df1 = 11;
    out->df2 = d->n - 13;
    out->f = ((rss_r - rss_f) / 11.0) / (rss_f / (double)out->df2);
    out->p = rss_f > 0 ? gsl_cdf_fdist_Q(out->f, 11.0, (double)out->df2) : 0.0;
    if (rss_f <= 0)
        out->f = INFINITY;
    return SIO_OK;
}

int trend_seasonal_test(const double *x, const double *y, size_t n, int first_moy,
                        struct trend_seasonal *out, struct sio_error *err)
{
    struct trend_data d;
    int seen[12] = {0}, *moy;
    if (first_moy < 1 || first_moy > 12)
        return sio_fail(err, SIO_EUSAGE, NULL, 0, "month of year %d is not 1 to 12", first_moy);
    int rc = trend_data_load(x, y, n, &d, err);
    if (rc != SIO_OK)
        return rc;
    if (!(moy = malloc(d.n * sizeof *moy))) {
        trend_data_free(&d);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    size_t months = 0;
    for (size_t k = 0; k < d.n; k++) {
        moy[k] = (int)((d.at[k] + (size_t)first_moy - 1) % 12);
        months += !seen[moy[k]]++;
    }
    if (d.n < 24 || months < 12)
        rc = sio_fail(err, SIO_EDATA, NULL, 0, "a seasonal test needs every month of the"
                      " year and at least 24 months, got %zu months", d.n);
    else
        rc = trend_seasonal_packed(&d, moy, out, err);
    free(moy);
    trend_data_free(&d);
    return rc;
}
