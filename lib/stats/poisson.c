/*
 * poisson.c — exact Poisson rate and rate-ratio intervals, as R's
 * poisson.test computes them.
 *
 * One sample: the limits for the mean count are gamma quantiles (found by
 * bisection, because GSL's gamma inverses mislead for large counts),
 * Gamma(x, 1) at alpha/2 and Gamma(x+1, 1) at 1-alpha/2 (the chi-squared
 * form divided by two), then divided by the exposure.  Two samples: given
 * x1 + x2 = n, x1 is binomial with p = r t1 / (r t1 + t2), so the
 * Clopper-Pearson limits for p map onto the ratio r by p/(1-p) * t2/t1.
 * This file also owns poisson_gsl_init, because the Poisson intervals are
 * the first GSL users every stage meets.
 */
#include "stats/poisson.h"

#include "stats/binomial.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <math.h>

void poisson_gsl_init(void)
{
    /* GSL's default handler calls abort(); sio reports failures instead. */
    gsl_set_error_handler_off();
}

static int poisson_check(long x, double t, double level, struct sio_error *err)
{
    if (x < 0)
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "a Poisson count cannot be negative, got %ld", x);
    if (!(t > 0.0) || !isfinite(t))
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "exposure must be positive and finite, got %g", t);
    if (!(level > 0.0 && level < 1.0))
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "confidence level %g is not between 0 and 1", level);
    return SIO_OK;
}

/* Map a binomial limit p onto the ratio scale; p = 1 gives +INFINITY. */
static double poisson_odds_scaled(double p, double t1, double t2)
{
    if (p >= 1.0)
        return INFINITY;
    return p / (1.0 - p) * t2 / t1;
}

int poisson_ratio_scaled_ci(long x1, double t1, long x2, double t2, double scale,
                            double level, struct poisson_ratio *out, struct sio_error *err)
{
    int rc = poisson_check(x1, t1, level, err);
    if (rc == SIO_OK)
        rc = poisson_check(x2, t2, level, err);
    if (rc != SIO_OK)
        return rc;
    if (x1 == 0 && x2 == 0) {
        /* No events: nothing is known about the ratio (R's binom.test
         * refuses n = 0; sio reports the uninformative interval). */
        *out = (struct poisson_ratio){NAN, 0.0, INFINITY};
        return SIO_OK;
    }
    struct binomial_interval b;
    rc = binomial_exact_scaled_ci(x1, x1 + x2, scale, level, &b, err);
    if (rc != SIO_OK)
        return rc;
    out->ratio = x2 == 0 ? INFINITY : ((double)x1 / t1) / ((double)x2 / t2);
    out->low = poisson_odds_scaled(b.low, t1, t2);
    out->high = poisson_odds_scaled(b.high, t1, t2);
    return SIO_OK;
}

int poisson_ratio_ci(long x1, double t1, long x2, double t2, double level,
                     struct poisson_ratio *out, struct sio_error *err)
{
    return poisson_ratio_scaled_ci(x1, t1, x2, t2, 1.0, level, out, err);
}

int poisson_rate_ci(long x, double t, double level,
                    struct poisson_interval *out, struct sio_error *err)
{
    int rc = poisson_check(x, t, level, err);
    if (rc != SIO_OK)
        return rc;
    double alpha = (1.0 - level) / 2.0, xd = (double)x;
    /* Bisection, not gsl_cdf_gamma_*inv: see binomial.c for why. */
    double low = x == 0 ? 0.0
                        : binomial_cdf_inverse(gsl_cdf_gamma_P, xd, 1.0, alpha,
                                               0.0, xd + 1.0);
    double high = binomial_cdf_inverse(gsl_cdf_gamma_P, xd + 1.0, 1.0,
                                       1.0 - alpha, 0.0, xd + 1.0);
    if (!isfinite(low) || !isfinite(high))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                        "GSL gamma quantile failed for a count of %ld", x);
    *out = (struct poisson_interval){xd / t, low / t, high / t};
    return SIO_OK;
}

enum poisson_change poisson_verdict(const struct poisson_ratio *r)
{
    /* NaN compares false both ways, so an undefined interval is no change. */
    if (r->high < 1.0)
        return CHANGE_DECREASE;
    if (r->low > 1.0)
        return CHANGE_INCREASE;
    return CHANGE_NONE;
}
