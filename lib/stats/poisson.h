/*
 * poisson.h — exact intervals for Poisson counts and for the ratio of two
 * Poisson rates, and the change verdict drawn from a ratio interval.
 *
 * The intervals match R's poisson.test: one sample, poisson.test(x, t); two
 * samples, poisson.test(c(x1, x2), c(t1, t2)), which conditions on x1 + x2
 * and maps the Clopper-Pearson interval for x1 out of x1 + x2 onto the rate
 * ratio.  Limits are always 0 <= low <= high <= +INFINITY; a zero count gives
 * an open end (low 0 or high +INFINITY) rather than an error, because a month
 * with no crimes of a type is ordinary data.
 */
#ifndef SIO_POISSON_H
#define SIO_POISSON_H

#include "sys/error.h"

struct poisson_ratio {
    double ratio; /* (x1/t1) / (x2/t2); INFINITY when x2 = 0, NaN when both 0 */
    double low;   /* lower confidence limit of the ratio, 0 when x1 = 0 */
    double high;  /* upper confidence limit, INFINITY when x2 = 0 */
};

struct poisson_interval {
    double rate; /* x / t */
    double low;  /* lower confidence limit of the rate, 0 when x = 0 */
    double high; /* upper confidence limit of the rate */
};

enum poisson_change {
    CHANGE_DECREASE = -1, /* whole interval below 1 */
    CHANGE_NONE = 0,      /* interval contains 1, or is undefined */
    CHANGE_INCREASE = 1,  /* whole interval above 1 */
};

/* Turn GSL's abort-on-error handler off; every main calls this once before
 * any other sio statistics function. */
void poisson_gsl_init(void);

/* Exact conditional interval for the rate ratio (x1/t1)/(x2/t2) at level
 * (0 < level < 1); SIO_EDATA for a negative count, non-positive or
 * non-finite exposure, or a level outside (0, 1). */
int poisson_ratio_ci(long x1, double t1, long x2, double t2, double level,
                     struct poisson_ratio *out, struct sio_error *err);

/* poisson_ratio_ci conditioned on the effective counts x1/scale and
 * x2/scale (scale >= 1, a dispersion factor); scale 1 is poisson_ratio_ci,
 * below 1 is SIO_EDATA. */
int poisson_ratio_scaled_ci(long x1, double t1, long x2, double t2, double scale,
                            double level, struct poisson_ratio *out, struct sio_error *err);

/* Exact interval for the rate of x events in exposure t (R's
 * poisson.test(x, t)$conf.int); same errors as poisson_ratio_ci. */
int poisson_rate_ci(long x, double t, double level,
                    struct poisson_interval *out, struct sio_error *err);

/* Work out the intervals of the counts x[0..n) at level (duplicates and
 * negative counts are fine) on up to `threads` threads, so that this
 * thread's later poisson_rate_ci() calls for them answer at once, with the
 * same numbers.  Each count costs two bisections of a gamma CDF, the bulk of
 * sio-measures' arithmetic, and they do not depend on each other.  A count
 * that fails is left to fail again when asked for.  SIO_ESOFTWARE when out
 * of memory. */
int poisson_rate_ci_ahead(const long *x, size_t n, double level, int threads,
                          struct sio_error *err);

/* CHANGE_DECREASE when high < 1, CHANGE_INCREASE when low > 1, otherwise
 * (including NaN limits) CHANGE_NONE. */
enum poisson_change poisson_verdict(const struct poisson_ratio *r);

#endif
