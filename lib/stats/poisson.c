/*
 * poisson.c — exact Poisson rate and rate-ratio intervals, as R's
 * poisson.test computes them.
 *
 * One sample: the limits for the mean count are gamma quantiles (found by
 * Newton's method on GSL's CDF, because GSL's gamma inverses mislead for
 * large counts),
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
#include <gsl/gsl_randist.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#define POISSON_AHEAD_THREADS 16

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

/* The limits for a count of x in exposure 1 depend on x and the level only,
 * and a run of sio-measures asks for the same count many times over (every
 * window of every force: at national size 16,000 intervals of 5,000
 * counts), each answer costing two Newton searches of about four gamma
 * CDFs each, with their densities.  So the last answers are kept, a slot
 * per count (direct-mapped by x); a slot holds the very numbers the
 * searches gave, so an answer from it is the same to the last bit.  Per
 * thread, so any thread may call this; poisson_rate_ci_ahead() fills the
 * calling thread's slots from others. */
#define POISSON_MEMO_SLOTS 65536

struct poisson_memo {
    long x;            /* -1: empty */
    double level;
    double low, high;  /* for exposure 1 */
};

static _Thread_local struct poisson_memo poisson_memo[POISSON_MEMO_SLOTS];
static _Thread_local int poisson_memo_ready;

static struct poisson_memo *poisson_memo_slot(long x)
{
    if (!poisson_memo_ready) {
        for (int i = 0; i < POISSON_MEMO_SLOTS; i++)
            poisson_memo[i].x = -1;
        poisson_memo_ready = 1;
    }
    return &poisson_memo[(unsigned long)x % POISSON_MEMO_SLOTS];
}

#define POISSON_WILSON_HILFERTY_ABOVE 2e6

double poisson_gamma_quantile(double k, double p)
{
    /* Newton from the Wilson-Hilferty approximation, not gsl_cdf_gamma_*inv:
     * see binomial.c for why. */
    double c = 1.0 / (9.0 * k), w = 1.0 - c + gsl_cdf_ugaussian_Pinv(p) * sqrt(c);
    /* Above two million GSL 2.7's incomplete gamma loses digits (Newton on
     * it gave 10,006,188.0 for R's qgamma(0.975, 1e7) = 10,006,198.9, two
     * parts in a million), while the Wilson-Hilferty approximation's own
     * error falls with k: against R's qgamma, 5e-12 at two million for
     * the 2.5% and 97.5% points and 2e-10 at the 0.001% points. */
    if (k > POISSON_WILSON_HILFERTY_ABOVE)
        return k * w * w * w;
    return binomial_cdf_newton(gsl_cdf_gamma_P, gsl_ran_gamma_pdf, k, 1.0, p, 0.0, k + 1.0,
                               k * w * w * w);
}

/* The limits of count x >= 0 in exposure 1, worked out (NaN when GSL fails). */
static void poisson_limits(long x, double level, double *low, double *high)
{
    double alpha = (1.0 - level) / 2.0, xd = (double)x;
    *low = x == 0 ? 0.0 : poisson_gamma_quantile(xd, alpha);
    *high = poisson_gamma_quantile(xd + 1.0, 1.0 - alpha);
}

int poisson_rate_ci(long x, double t, double level,
                    struct poisson_interval *out, struct sio_error *err)
{
    int rc = poisson_check(x, t, level, err);
    if (rc != SIO_OK)
        return rc;
    struct poisson_memo *m = poisson_memo_slot(x);
    if (m->x != x || m->level != level) {
        double low, high;
        poisson_limits(x, level, &low, &high);
        if (!isfinite(low) || !isfinite(high))
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                            "GSL gamma quantile failed for a count of %ld", x);
        *m = (struct poisson_memo){x, level, low, high};
    }
    *out = (struct poisson_interval){(double)x / t, m->low / t, m->high / t};
    return SIO_OK;
}

/* ---- ahead, on several threads ---- */

struct poisson_ahead {
    const long *x;        /* the counts, sorted, no duplicates */
    double *low, *high;   /* their limits */
    size_t n;
    double level;
    atomic_size_t next;   /* the next count to take */
};

static void *poisson_ahead_work(void *arg)
{
    struct poisson_ahead *a = arg;
    size_t i;
    /* blocks of 64 keep the counter off the hot path */
    while ((i = atomic_fetch_add(&a->next, 64)) < a->n)
        for (size_t k = i; k < i + 64 && k < a->n; k++)
            poisson_limits(a->x[k], a->level, &a->low[k], &a->high[k]);
    return NULL;
}

static int poisson_by_count(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* The counts >= 0 of x[0..n) not already kept, sorted and unique. */
static size_t poisson_ahead_list(const long *x, size_t n, double level, long *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const struct poisson_memo *m = poisson_memo_slot(x[i]);
        if (x[i] >= 0 && (m->x != x[i] || m->level != level))
            out[k++] = x[i];
    }
    qsort(out, k, sizeof *out, poisson_by_count);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || out[u - 1] != out[i])
            out[u++] = out[i];
    return u;
}

int poisson_rate_ci_ahead(const long *x, size_t n, double level, int threads,
                          struct sio_error *err)
{
    struct poisson_ahead a = {0};
    pthread_t t[POISSON_AHEAD_THREADS];
    long *list = malloc((n ? n : 1) * sizeof *list);
    int started = 0;
    a.n = list ? poisson_ahead_list(x, n, level, list) : 0;
    a.x = list;
    a.level = level;
    a.low = malloc((a.n ? a.n : 1) * sizeof *a.low);
    a.high = malloc((a.n ? a.n : 1) * sizeof *a.high);
    atomic_init(&a.next, 0);
    if (!list || !a.low || !a.high) {
        free(list), free(a.low), free(a.high);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    /* this thread works too; others only when there is enough to share */
    for (int i = 1; i < threads && i < POISSON_AHEAD_THREADS && a.n > 256; i++)
        started += pthread_create(&t[started], NULL, poisson_ahead_work, &a) == 0;
    poisson_ahead_work(&a);
    for (int i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    for (size_t i = 0; i < a.n; i++)
        if (isfinite(a.low[i]) && isfinite(a.high[i]))
            *poisson_memo_slot(a.x[i]) = (struct poisson_memo){a.x[i], level, a.low[i],
                                                               a.high[i]};
    free(list), free(a.low), free(a.high);
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
