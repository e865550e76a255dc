/*
 * funnel.c — exact Poisson control limits: chi-squared quantiles, found as
 * gamma quantiles on GSL's gamma CDF (poisson_gamma_quantile),
 * since GSL's own inverse returns NaN from an expected count of about 50,000
 * (gsl_cdf_chisq_Pinv(0.975, 100002)), which one force's year of all crime
 * exceeds.
 */
#include "stats/funnel.h"

#include "stats/poisson.h"

#include <math.h>

void funnel_limits(double e, double level, double *low, double *high)
{
    if (!(e >= 0) || !isfinite(e) || !(level > 0) || !(level < 1)) {
        *low = *high = NAN;
        return;
    }
    double a = (1 - level) / 2;
    /* qchisq(p, 2k) / 2 is the p quantile of Gamma(k, 1) */
    *low = e > 0 ? poisson_gamma_quantile(e, a) : 0;
    *high = poisson_gamma_quantile(e + 1.0, 1 - a);
}
