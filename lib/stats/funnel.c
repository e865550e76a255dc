/*
 * funnel.c — exact Poisson control limits through GSL's chi-squared quantiles.
 */
#include "stats/funnel.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

void funnel_limits(double e, double level, double *low, double *high)
{
    if (!(e >= 0) || !isfinite(e) || !(level > 0) || !(level < 1)) {
        *low = *high = NAN;
        return;
    }
    double a = (1 - level) / 2;
    *low = e > 0 ? gsl_cdf_chisq_Pinv(a, 2 * e) / 2 : 0;
    *high = gsl_cdf_chisq_Pinv(1 - a, 2 * e + 2) / 2;
}
