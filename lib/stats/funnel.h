/*
 * funnel.h — control limits of a funnel plot of rates (exact Poisson).
 *
 * A funnel plot sets each area's rate against its population: an area with
 * population n whose true rate were the target p would have p x n events
 * expected, and its count would fall between the control limits for that
 * expected count e with probability level.  The limits are the exact
 * Poisson interval of a count equal to e, extended to fractional counts
 * through the chi-squared distribution, as the Public Health England and
 * APHO funnel plot tools draw them:
 *
 *     lower = qchisq((1 - level) / 2, 2e) / 2
 *     upper = qchisq((1 + level) / 2, 2e + 2) / 2        (R notation)
 *
 * Divided by n they are limits on the rate; the usual levels are 95% (about
 * two standard deviations) and 99.8% (about three).
 */
#ifndef SIO_FUNNEL_H
#define SIO_FUNNEL_H

/* The limits on the count for an expected count e >= 0 at level (0..1):
 * *low is 0 for e = 0.  NaN both when e or level is out of range. */
void funnel_limits(double e, double level, double *low, double *high);

#endif
