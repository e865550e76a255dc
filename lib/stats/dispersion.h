/*
 * dispersion.h — extra-Poisson (and extra-binomial) variation between two
 * windows of a series, and the change intervals that allow for it.
 *
 * Police counts vary from month to month far more than a Poisson process
 * would (real 2022 Warwickshire monthly counts: variance 8.7 times the mean
 * for neighbourhood crime, 12.8 for violence), so an exact Poisson interval
 * alone calls 2-3% moves significant.  The quasi-Poisson model keeps the
 * Poisson mean structure and lets the variance be phi times the mean:
 *
 *   counts:      y_i ~ mean mu_i = t_i exp(a_window(i) [+ b_month(i)]),
 *                Var y_i = phi mu_i, phi = Pearson chi-square / residual df,
 *                as R's summary(glm(y ~ window [+ month], quasipoisson))
 *                $dispersion (offset log t_i);
 *   proportions: x_i of n_i with p_i = p_window(i), Var x_i = phi n_i p (1-p),
 *                as R's glm(cbind(x, n - x) ~ window, quasibinomial).
 *
 * phi below 1 is taken as 1 (no narrower than Poisson or binomial: a small
 * phi is noise in its estimate, not evidence of regularity).  The intervals:
 *
 *   ratio of rates, phi <= 1:  the exact conditional Poisson interval
 *       (R's poisson.test(c(x1, x2), c(t1, t2)));
 *   ratio of rates, phi > 1:   exp(log r +/- q sqrt(phi (1/x1 + 1/x2))) with
 *       q the t quantile on the fit's residual df: R's quasi-Poisson GLM
 *       Wald interval, exp(coef +/- qt(., df.residual) * SE), whose t test
 *       is summary.glm's; when x1 or x2 is 0 the log ratio has no standard
 *       error, and the exact conditional interval of the effective counts
 *       x1/phi and x2/phi is used instead;
 *   difference of proportions: Newcombe's hybrid score interval from the
 *       Wilson intervals of the effective counts x/phi out of n/phi (the
 *       design-effect correction of survey statistics); phi = 1 gives
 *       binomial_newcombe_ci exactly.
 *
 * Month-of-year terms are for two windows that are both whole years of
 * monthly points; with them the window coefficient is still the log ratio
 * of the window totals, and phi measures the variation about the seasonal
 * pattern instead of counting the pattern as noise.  An estimate of phi
 * from fewer than DISPERSION_MIN_DF residual degrees of freedom is too
 * unsteady to use: the caller gives no verdict.
 */
#ifndef SIO_DISPERSION_H
#define SIO_DISPERSION_H

#include "stats/binomial.h"
#include "stats/poisson.h"
#include "sys/error.h"

#include <stddef.h>

#define DISPERSION_MIN_DF 10 /* residual df needed to estimate phi */

struct dispersion_point {
    double y;    /* count, or successes */
    double t;    /* exposure (months the point spans), or trials */
    int window;  /* 0 or 1 */
    int season;  /* month of year 1..12 for seasonal fits, else 0 */
};

struct dispersion_fit {
    double phi;   /* Pearson chi-square / df; NaN when df < 1 */
    double chisq; /* Pearson chi-square */
    int df;       /* residual degrees of freedom: points - parameters */
    int seasonal; /* month-of-year terms were fitted */
    int years;    /* > 0: fitted over the whole series, one rate (or share) for
                   * each of this many years (dispersion_*_years) */
};

/* Quasi-Poisson fit of p[0..n) on the window indicator, plus month-of-year
 * terms when seasonal (every point then needs a season).  SIO_EDATA for a
 * negative count, a non-positive exposure, a window other than 0 or 1, a
 * window with no point, or a missing season. */
int dispersion_poisson(const struct dispersion_point *p, size_t n, int seasonal,
                       struct dispersion_fit *out, struct sio_error *err);

/* Quasi-Poisson fit of a whole series p[0..n), one rate a year: window is
 * the point's year (0 the latest, 1 the one before ...), as R's
 * summary(glm(y ~ factor(year), quasipoisson, offset = log(t)))$dispersion.
 * For quarterly series, whose two windows of four points each leave 6
 * residual df (too few): a series of four years leaves 12.  Variation within
 * a year (a seasonal pattern, a trend) counts as noise here, so phi is if
 * anything too large and the intervals too wide.  SIO_EDATA for a negative
 * year or count or a non-positive exposure. */
int dispersion_poisson_years(const struct dispersion_point *p, size_t n,
                             struct dispersion_fit *out, struct sio_error *err);

/* The same for shares: p[i].y successes of p[i].t trials, one share a year,
 * as R's summary(glm(cbind(y, t - y) ~ factor(year), quasibinomial))
 * $dispersion; y > t or t < 1 is SIO_EDATA too. */
int dispersion_binomial_years(const struct dispersion_point *p, size_t n,
                              struct dispersion_fit *out, struct sio_error *err);

/* Quasi-binomial fit of p[0..n) (y successes of t trials) on the window
 * indicator; same errors, and y > t or t < 1 is SIO_EDATA. */
int dispersion_binomial(const struct dispersion_point *p, size_t n,
                        struct dispersion_fit *out, struct sio_error *err);

/* The factor intervals are widened by: phi, or 1 when phi <= 1 or unknown. */
double dispersion_factor(const struct dispersion_fit *f);

/* Whether f has enough residual df to be used (DISPERSION_MIN_DF). */
int dispersion_usable(const struct dispersion_fit *f);

/* The rate ratio (x1/t1)/(x2/t2) with its interval allowing for f (see the
 * top of this file); errors as poisson_ratio_ci. */
int dispersion_ratio_ci(long x1, double t1, long x2, double t2,
                        const struct dispersion_fit *f, double level,
                        struct poisson_ratio *out, struct sio_error *err);

/* x1/n1 - x2/n2 with Newcombe's interval on the effective counts; errors
 * as binomial_newcombe_ci. */
int dispersion_newcombe_ci(long x1, long n1, long x2, long n2,
                           const struct dispersion_fit *f, double level,
                           struct binomial_difference *out, struct sio_error *err);

#endif
