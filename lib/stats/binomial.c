/*
 * binomial.c — exact (Clopper-Pearson) and Wilson intervals for x out of n.
 *
 * The exact limits are beta quantiles, as in R's binom.test: low is the
 * alpha/2 quantile of Beta(x, n-x+1) and high the 1-alpha/2 quantile of
 * Beta(x+1, n-x), with the limit pinned to 0 or 1 when x is 0 or n because
 * the beta distribution is undefined there.  The Wilson limits follow R's
 * prop.test with correct = FALSE, including its clamp to [0, 1].
 * GSL's own beta and gamma inverses are not used: in GSL 2.7
 * gsl_cdf_beta_Qinv(0.005, 1235, 3766) returns NaN and
 * gsl_cdf_gamma_Qinv(0.025, 150001, 1) returns 221598 where R's qgamma gives
 * 150761.  Quantiles are found instead by Newton's method on the CDFs, which
 * GSL computes reliably, and the densities, kept within a bracket.  GSL must have its error handler off (poisson_gsl_init);
 * every result is checked for NaN here instead.
 */
#include "stats/binomial.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>

double binomial_cdf_newton(double (*cdf)(double, double, double),
                           double (*pdf)(double, double, double), double a, double b,
                           double p, double lo, double hi, double guess)
{
    /* hi is confirmed lazily: the CDF at it would be one more of the four
     * or so CDFs a quantile costs, and Newton's own steps from a good guess
     * bracket the root as they go.  Until a point with cdf >= p is seen the
     * top of the bracket is open, and a step beyond it doubles instead. */
    if (!(cdf(lo, a, b) <= p))
        return NAN;
    double top = INFINITY, x = guess > lo && isfinite(guess) ? guess : lo + (hi - lo) / 2.0;
    /* Enough for 64 doublings of an open top and 200 halvings or steps. */
    for (int i = 0; i < 64 + 200; i++) {
        double f = cdf(x, a, b) - p;
        if (isnan(f))
            return NAN;
        if (f == 0.0)
            return x;
        if (f < 0.0)
            lo = x;
        else
            top = x;
        double d = pdf(x, a, b), next = x - f / d, reach = 2.0 * fmax(x, hi);
        /* A Newton step below the last bit is the root to working precision
         * (|cdf - p| is within a rounding of x times the density), open
         * top or not: waiting for a point above it cost a doubling out and
         * a dozen steps back. */
        if (d > 0.0 && isfinite(next) && fabs(next - x) <= 4e-16 * fabs(next))
            return next;
        if (!(d > 0.0) || !(next > lo && next < top) || (isinf(top) && next > reach))
            /* a step out of the bracket halves it instead; an open one
             * goes at most to twice the larger of x and hi */
            next = isinf(top) ? reach : lo + (top - lo) / 2.0;
        if (!isinf(top) && (fabs(next - x) <= 4e-16 * fabs(next) || top - lo <= 4e-16 * top))
            return next;
        if (!isfinite(next))
            return NAN;
        x = next;
    }
    return isinf(top) ? NAN : x;
}

static int binomial_check(long x, long n, double level, struct sio_error *err)
{
    if (n <= 0)
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "a proportion needs a positive total, got %ld", n);
    if (x < 0 || x > n)
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "count %ld is not between 0 and the total %ld", x, n);
    if (!(level > 0.0 && level < 1.0))
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "confidence level %g is not between 0 and 1", level);
    return SIO_OK;
}

/* The p quantile of Beta(a, b), from the normal approximation's guess. */
static double binomial_beta_quantile(double a, double b, double p)
{
    double m = a / (a + b), sd = sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0)));
    return binomial_cdf_newton(gsl_cdf_beta_P, gsl_ran_beta_pdf, a, b, p, 0.0, 1.0,
                               m + gsl_cdf_ugaussian_Pinv(p) * sd);
}

/* Clopper-Pearson limits for x of n, which need not be whole (effective
 * counts); the caller has checked 0 <= x <= n, n > 0. */
static int binomial_exact_limits(double x, double n, double level,
                                 struct binomial_interval *out, struct sio_error *err)
{
    double alpha = (1.0 - level) / 2.0;
    out->estimate = x / n;
    out->low = x == 0 ? 0.0 : binomial_beta_quantile(x, n - x + 1.0, alpha);
    out->high = x == n ? 1.0 : binomial_beta_quantile(x + 1.0, n - x, 1.0 - alpha);
    if (!isfinite(out->low) || !isfinite(out->high))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                        "GSL beta quantile failed for %g out of %g", x, n);
    return SIO_OK;
}

int binomial_exact_ci(long x, long n, double level,
                      struct binomial_interval *out, struct sio_error *err)
{
    int rc = binomial_check(x, n, level, err);
    return rc ? rc : binomial_exact_limits((double)x, (double)n, level, out, err);
}

int binomial_exact_scaled_ci(long x, long n, double scale, double level,
                             struct binomial_interval *out, struct sio_error *err)
{
    int rc = binomial_check(x, n, level, err);
    if (!rc && !(scale >= 1.0 && isfinite(scale)))
        rc = sio_fail(err, SIO_EDATA, NULL, 0, "a dispersion factor must be at least 1,"
                      " got %g", scale);
    return rc ? rc : binomial_exact_limits((double)x / scale, (double)n / scale, level,
                                           out, err);
}

/* Wilson limits for x of n, which need not be whole (effective counts). */
static void binomial_wilson_limits(double x, double n, double level,
                                   struct binomial_interval *out)
{
    double p = x / n;
    double z = gsl_cdf_ugaussian_Pinv((1.0 + level) / 2.0);
    double z22n = z * z / (2.0 * n);
    double half = z * sqrt(p * (1.0 - p) / n + z22n / (2.0 * n));
    out->estimate = p;
    out->low = fmax(0.0, (p + z22n - half) / (1.0 + 2.0 * z22n));
    out->high = fmin(1.0, (p + z22n + half) / (1.0 + 2.0 * z22n));
    /* At the ends the algebra gives 0 or 1 exactly but rounding may not. */
    if (x == 0)
        out->low = 0.0;
    if (x == n)
        out->high = 1.0;
}

int binomial_wilson_ci(long x, long n, double level,
                       struct binomial_interval *out, struct sio_error *err)
{
    int rc = binomial_check(x, n, level, err);
    if (rc == SIO_OK)
        binomial_wilson_limits((double)x, (double)n, level, out);
    return rc;
}

int binomial_newcombe_scaled_ci(long x1, long n1, long x2, long n2, double scale,
                                double level, struct binomial_difference *out,
                                struct sio_error *err)
{
    struct binomial_interval a, b;
    int rc = binomial_check(x1, n1, level, err);
    if (rc == SIO_OK)
        rc = binomial_check(x2, n2, level, err);
    if (rc == SIO_OK && !(scale >= 1.0 && isfinite(scale)))
        rc = sio_fail(err, SIO_EDATA, NULL, 0, "a dispersion factor must be at least 1,"
                      " got %g", scale);
    if (rc != SIO_OK)
        return rc;
    binomial_wilson_limits((double)x1 / scale, (double)n1 / scale, level, &a);
    binomial_wilson_limits((double)x2 / scale, (double)n2 / scale, level, &b);
    double d = a.estimate - b.estimate;
    /* Each side combines the two intervals' distances on the side that
     * moves the difference that way (Newcombe's equation for method 10). */
    double dl = hypot(a.estimate - a.low, b.high - b.estimate);
    double du = hypot(a.high - a.estimate, b.estimate - b.low);
    *out = (struct binomial_difference){d, d - dl, d + du};
    return SIO_OK;
}

int binomial_newcombe_ci(long x1, long n1, long x2, long n2, double level,
                         struct binomial_difference *out, struct sio_error *err)
{
    return binomial_newcombe_scaled_ci(x1, n1, x2, n2, 1.0, level, out, err);
}
