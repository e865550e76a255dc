/*
 * funnel.c — exact Poisson control limits through gamma quantiles.
 *
 * qchisq(p, 2e) / 2 is the Gamma(e, 1) quantile.  It is found by bisection
 * on GSL's gamma cdf, as poisson.c does, because gsl_cdf_chisq_Pinv fails
 * (NaN) for expected counts from about 50,000, which the larger forces'
 * yearly counts reach.
 */
#include "stats/funnel.h"

#include "stats/binomial.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

void funnel_limits(double e, double level, double *low, double *high)
{
    if (!(e >= 0) || !isfinite(e) || !(level > 0) || !(level < 1)) {
        *low = *high = NAN;
        return;
    }
    double a = (1 - level) / 2;
    *low = e > 0 ? binomial_cdf_inverse(gsl_cdf_gamma_P, e, 1.0, a, 0.0, e + 1.0) : 0;
    *high = binomial_cdf_inverse(gsl_cdf_gamma_P, e + 1.0, 1.0, 1 - a, 0.0, e + 1.0);
}
