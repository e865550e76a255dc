/*
 * dispersion.c — Pearson dispersion of a two-window Poisson or binomial
 * fit, or of a whole series' Poisson fit by year, and the change intervals
 * widened by it (see dispersion.h).
 *
 * With the window indicator alone the maximum-likelihood fit is each
 * window's own rate (total / exposure), so the fitted means are closed
 * form.  With month-of-year terms too the model is the log-linear
 * "window + month" model of a two-way table; its fitted means match the
 * window and the month totals, and iterative proportional fitting reaches
 * them (in one sweep for a complete table, where they are row total x
 * column total / grand total; a few dozen when a month is missing).
 */
#include "stats/dispersion.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

#define DISPERSION_SEASONS 13 /* index 1..12; 0 unused */

static int dispersion_check(const struct dispersion_point *p, size_t n, int seasonal,
                            int binomial, struct sio_error *err)
{
    int seen[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        if (p[i].window != 0 && p[i].window != 1)
            return sio_fail(err, SIO_EDATA, NULL, 0, "point %zu: window %d is not 0 or 1",
                            i, p[i].window);
        if (!(p[i].y >= 0) || !(p[i].t > 0) || !isfinite(p[i].t) ||
            (binomial && (p[i].y > p[i].t || p[i].t < 1)))
            return sio_fail(err, SIO_EDATA, NULL, 0, "point %zu: %g out of %g cannot be"
                            " fitted", i, p[i].y, p[i].t);
        if (seasonal && (p[i].season < 1 || p[i].season > 12))
            return sio_fail(err, SIO_EDATA, NULL, 0, "point %zu: month of year %d is not"
                            " 1 to 12", i, p[i].season);
        seen[p[i].window] = 1;
    }
    if (!seen[0] || !seen[1])
        return sio_fail(err, SIO_EDATA, NULL, 0, "a dispersion fit needs points in both"
                        " windows");
    return SIO_OK;
}

/* Each window's own rate (counts) or proportion (binomial). */
static void window_rates(const struct dispersion_point *p, size_t n, double rate[2])
{
    double y[2] = {0, 0}, t[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        y[p[i].window] += p[i].y;
        t[p[i].window] += p[i].t;
    }
    rate[0] = y[0] / t[0];
    rate[1] = y[1] / t[1];
}

/* Scale the factors f[key] so the fitted means of each key match its total. */
static double ipf_sweep(const struct dispersion_point *p, size_t n, double *mu,
                        double *f, int by_window, size_t keys)
{
    double obs[DISPERSION_SEASONS] = {0}, fit[DISPERSION_SEASONS] = {0}, worst = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = (size_t)(by_window ? p[i].window : p[i].season);
        obs[k] += p[i].y;
        fit[k] += mu[i];
    }
    for (size_t k = 0; k < keys; k++) {
        if (fit[k] <= 0)
            continue;
        worst = fmax(worst, fabs(obs[k] - fit[k]) / fmax(obs[k], 1.0));
        f[k] *= obs[k] / fit[k];
    }
    return worst;
}

/* Fitted means of the window + month-of-year model into mu[0..n). */
static void fit_seasonal(const struct dispersion_point *p, size_t n, double *mu)
{
    double a[2] = {1, 1}, b[DISPERSION_SEASONS];
    for (size_t k = 0; k < DISPERSION_SEASONS; k++)
        b[k] = 1;
    for (int sweep = 0; sweep < 10000; sweep++) {
        for (size_t i = 0; i < n; i++)
            mu[i] = p[i].t * a[p[i].window] * b[p[i].season];
        double off = ipf_sweep(p, n, mu, a, 1, 2);
        for (size_t i = 0; i < n; i++)
            mu[i] = p[i].t * a[p[i].window] * b[p[i].season];
        off = fmax(off, ipf_sweep(p, n, mu, b, 0, DISPERSION_SEASONS));
        if (off < 1e-13)
            break;
    }
    for (size_t i = 0; i < n; i++)
        mu[i] = p[i].t * a[p[i].window] * b[p[i].season];
}

static int seasons_present(const struct dispersion_point *p, size_t n)
{
    int seen[DISPERSION_SEASONS] = {0}, k = 0;
    for (size_t i = 0; i < n; i++)
        k += !seen[p[i].season]++;
    return k;
}

/* Pearson chi-square / df; a point fitted at 0 (and so observed 0, because
 * the fit matches the totals) adds nothing, as R's residuals do. */
static void fit_finish(double chisq, size_t n, int params, struct dispersion_fit *out)
{
    out->chisq = chisq;
    out->df = (int)n - params;
    out->phi = out->df >= 1 ? chisq / out->df : NAN;
}

int dispersion_poisson(const struct dispersion_point *p, size_t n, int seasonal,
                       struct dispersion_fit *out, struct sio_error *err)
{
    double rate[2], chisq = 0;
    int rc = dispersion_check(p, n, seasonal, 0, err);
    if (rc != SIO_OK)
        return rc;
    double *mu = malloc(n * sizeof *mu);
    if (!mu)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    if (seasonal)
        fit_seasonal(p, n, mu);
    else {
        window_rates(p, n, rate);
        for (size_t i = 0; i < n; i++)
            mu[i] = p[i].t * rate[p[i].window];
    }
    for (size_t i = 0; i < n; i++)
        if (mu[i] > 0)
            chisq += (p[i].y - mu[i]) * (p[i].y - mu[i]) / mu[i];
    free(mu);
    out->seasonal = seasonal;
    fit_finish(chisq, n, seasonal ? 1 + seasons_present(p, n) : 2, out);
    out->years = 0;
    return SIO_OK;
}

/* One rate (or share) a year: the maximum-likelihood fit of y ~ factor(year)
 * is each year's total over its exposure (or trials), in closed form. */
static int years_fit(const struct dispersion_point *p, size_t n, int binomial,
                     struct dispersion_fit *out, struct sio_error *err)
{
    int years = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i].window < 0)
            return sio_fail(err, SIO_EDATA, NULL, 0, "point %zu: year %d is negative", i,
                            p[i].window);
        if (!(p[i].y >= 0) || !(p[i].t > 0) || !isfinite(p[i].t) ||
            (binomial && (p[i].y > p[i].t || p[i].t < 1)))
            return sio_fail(err, SIO_EDATA, NULL, 0, "point %zu: %g in %g cannot be fitted",
                            i, p[i].y, p[i].t);
        years = p[i].window + 1 > years ? p[i].window + 1 : years;
    }
    double *y = calloc((size_t)years + 1, sizeof *y), *t = calloc((size_t)years + 1, sizeof *t);
    double chisq = 0;
    int params = 0;
    if (!y || !t) {
        free(y), free(t);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        params += t[p[i].window] == 0;
        y[p[i].window] += p[i].y;
        t[p[i].window] += p[i].t;
    }
    for (size_t i = 0; i < n; i++) {
        double q = y[p[i].window] / t[p[i].window], mu = p[i].t * q;
        double v = binomial ? mu * (1 - q) : mu; /* a year of all or none fits exactly */
        if (v > 0)
            chisq += (p[i].y - mu) * (p[i].y - mu) / v;
    }
    free(y), free(t);
    out->seasonal = 0;
    fit_finish(chisq, n, params, out);
    out->years = params;
    return SIO_OK;
}

int dispersion_poisson_years(const struct dispersion_point *p, size_t n,
                             struct dispersion_fit *out, struct sio_error *err)
{
    return years_fit(p, n, 0, out, err);
}

int dispersion_binomial_years(const struct dispersion_point *p, size_t n,
                              struct dispersion_fit *out, struct sio_error *err)
{
    return years_fit(p, n, 1, out, err);
}

int dispersion_binomial(const struct dispersion_point *p, size_t n,
                        struct dispersion_fit *out, struct sio_error *err)
{
    double pr[2], chisq = 0;
    int rc = dispersion_check(p, n, 0, 1, err);
    if (rc != SIO_OK)
        return rc;
    window_rates(p, n, pr);
    for (size_t i = 0; i < n; i++) {
        double q = pr[p[i].window], v = p[i].t * q * (1 - q), d = p[i].y - p[i].t * q;
        if (v > 0)
            chisq += d * d / v;
    }
    out->seasonal = 0;
    fit_finish(chisq, n, 2, out);
    out->years = 0;
    return SIO_OK;
}

double dispersion_factor(const struct dispersion_fit *f)
{
    return f && f->phi > 1.0 ? f->phi : 1.0;
}

int dispersion_usable(const struct dispersion_fit *f)
{
    return f->df >= DISPERSION_MIN_DF && isfinite(f->phi);
}

int dispersion_ratio_ci(long x1, double t1, long x2, double t2,
                        const struct dispersion_fit *f, double level,
                        struct poisson_ratio *out, struct sio_error *err)
{
    double phi = dispersion_factor(f);
    if (phi <= 1.0 || x1 <= 0 || x2 <= 0)
        return poisson_ratio_scaled_ci(x1, t1, x2, t2, phi, level, out, err);
    int rc = poisson_ratio_ci(x1, t1, x2, t2, level, out, err); /* checks the input */
    if (rc != SIO_OK)
        return rc;
    double se = sqrt(phi * (1.0 / (double)x1 + 1.0 / (double)x2));
    double q = gsl_cdf_tdist_Pinv((1.0 + level) / 2.0, (double)f->df);
    if (!isfinite(q))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "GSL t quantile failed for %d df", f->df);
    out->low = out->ratio * exp(-q * se);
    out->high = out->ratio * exp(q * se);
    return SIO_OK;
}

int dispersion_newcombe_ci(long x1, long n1, long x2, long n2,
                           const struct dispersion_fit *f, double level,
                           struct binomial_difference *out, struct sio_error *err)
{
    return binomial_newcombe_scaled_ci(x1, n1, x2, n2, dispersion_factor(f), level, out,
                                       err);
}
