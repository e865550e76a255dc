/*
 * binomial.h — confidence intervals for a proportion x out of n.
 *
 * Two intervals: the exact Clopper-Pearson interval, as R's
 * binom.test(x, n)$conf.int computes it, and the Wilson score interval, as
 * R's prop.test(x, n, correct = FALSE)$conf.int computes it.  Both always
 * satisfy 0 <= low <= estimate <= high <= 1; x = 0 gives low = 0 and x = n
 * gives high = 1 exactly.  n = 0 has no proportion and is an error.
 */
#ifndef SIO_BINOMIAL_H
#define SIO_BINOMIAL_H

#include "sys/error.h"

struct binomial_interval {
    double estimate; /* x / n */
    double low;      /* lower confidence limit, 0 when x = 0 */
    double high;     /* upper confidence limit, 1 when x = n */
};

/* The x in [lo, hi] where the increasing cdf(x, a, b) equals p, by
 * Newton's method on pdf (the derivative of cdf) from guess, each step kept
 * inside the bracket (a step that leaves it halves the bracket instead; while
 * no point at or above p has been seen, the bracket's top is open and such a
 * step goes to hi, then doubles), until a step or the bracket is within
 * a few units in the last place: a handful of CDFs where bisection took
 * fifty.  NaN when p cannot be bracketed or cdf returns NaN.  For GSL's
 * gsl_cdf_*_P, whose own inverses fail or mislead for large shape
 * parameters. */
double binomial_cdf_newton(double (*cdf)(double, double, double),
                           double (*pdf)(double, double, double), double a, double b,
                           double p, double lo, double hi, double guess);

/* Exact two-sided Clopper-Pearson interval at confidence level (0 < level < 1);
 * SIO_EDATA when n <= 0, x < 0, x > n or level is outside (0, 1). */
int binomial_exact_ci(long x, long n, double level,
                      struct binomial_interval *out, struct sio_error *err);

/* binomial_exact_ci of the effective counts x/scale out of n/scale (scale
 * >= 1: a dispersion factor or design effect; the beta quantiles take
 * counts that are not whole).  scale 1 is binomial_exact_ci; SIO_EDATA for a
 * scale below 1. */
int binomial_exact_scaled_ci(long x, long n, double scale, double level,
                             struct binomial_interval *out, struct sio_error *err);

/* Wilson score interval without continuity correction; same errors as
 * binomial_exact_ci. */
int binomial_wilson_ci(long x, long n, double level,
                       struct binomial_interval *out, struct sio_error *err);

struct binomial_difference {
    double estimate; /* x1/n1 - x2/n2 */
    double low;      /* lower confidence limit, >= -1 */
    double high;     /* upper confidence limit, <= 1 */
};

/* Newcombe's hybrid score interval (method 10 of Newcombe 1998, Statistics
 * in Medicine 17:873) for the difference of two independent proportions,
 * built from the two Wilson intervals; same errors as binomial_exact_ci for
 * either sample. */
int binomial_newcombe_ci(long x1, long n1, long x2, long n2, double level,
                         struct binomial_difference *out, struct sio_error *err);

/* binomial_newcombe_ci on the effective counts x/scale out of n/scale;
 * scale 1 is binomial_newcombe_ci, below 1 is SIO_EDATA. */
int binomial_newcombe_scaled_ci(long x1, long n1, long x2, long n2, double scale,
                                double level, struct binomial_difference *out,
                                struct sio_error *err);

#endif
