/*
 * window.h — a run of months of one series, its coverage, and its figure
 * with a confidence interval.
 *
 * A window's total is over its covered months only, and covered/expected
 * say how much of it that is, so nothing downstream can mistake a partial
 * window for a whole one.  Counts get the exact Poisson interval (R's
 * poisson.test(x)); proportions the Wilson score interval (R's
 * prop.test(x, n, correct = FALSE)), in per cent.
 */
#ifndef SIO_MEASURES_WINDOW_H
#define SIO_MEASURES_WINDOW_H

#include "series.h"

#define WINDOW_METHOD_COUNT "exact Poisson interval (as R poisson.test)"
#define WINDOW_METHOD_PROPORTION "Wilson score interval (as R prop.test, correct = FALSE)"

struct window {
    month_t start, end; /* inclusive */
    int covered;        /* months with data */
    int expected;       /* months in the window */
    long num;           /* count, or successes, over covered months */
    long den;           /* trials over covered months (proportions) */
};

struct estimate {
    double value, low, high; /* NaN when there is nothing to estimate */
};

/* Take [start, end] of s into w. */
void window_take(const struct series *s, month_t start, month_t end, struct window *w);

/* Whether every month of w has data. */
int window_complete(const struct window *w);

/* The count and its exact Poisson interval; NaNs when w has no covered
 * month or a negative total (published revisions). */
int window_count(const struct window *w, double level, struct estimate *e,
                 struct sio_error *err);

/* The proportion in per cent and its Wilson interval; NaNs when w has no
 * trials. */
int window_proportion(const struct window *w, double level, struct estimate *e,
                      struct sio_error *err);

#endif
