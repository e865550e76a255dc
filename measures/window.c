/*
 * window.c — window totals and their intervals.
 */
#include "window.h"
#include "stats/binomial.h"
#include "stats/poisson.h"

#include <math.h>

void window_take(const struct series *s, month_t start, month_t end, struct window *w)
{
    w->start = start;
    w->end = end;
    w->expected = end - start + 1;
    w->num = series_sum(s, start, end, &w->covered);
    w->den = series_sum_denom(s, start, end);
}

int window_complete(const struct window *w)
{
    return w->covered == w->expected;
}

int window_count(const struct window *w, double level, struct estimate *e,
                 struct sio_error *err)
{
    struct poisson_interval pi;
    *e = (struct estimate){NAN, NAN, NAN};
    if (w->covered == 0)
        return SIO_OK;
    e->value = (double)w->num;
    if (w->num < 0)
        return SIO_OK;
    int rc = poisson_rate_ci(w->num, 1.0, level, &pi, err);
    if (!rc)
        *e = (struct estimate){pi.rate, pi.low, pi.high};
    return rc;
}

int window_proportion(const struct window *w, double level, struct estimate *e,
                      struct sio_error *err)
{
    struct binomial_interval b;
    *e = (struct estimate){NAN, NAN, NAN};
    if (w->covered == 0 || w->den <= 0)
        return SIO_OK;
    int rc = binomial_wilson_ci(w->num, w->den, level, &b, err);
    if (!rc)
        *e = (struct estimate){100 * b.estimate, 100 * b.low, 100 * b.high};
    return rc;
}
