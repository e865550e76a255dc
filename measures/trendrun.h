/*
 * trendrun.h — the straight-line trend of one force x measure and whether
 * it is seasonal, as measure_results rows of period_type 'series'.
 *
 * slope_per_year: least squares with a t interval.  When the outlier screen
 * finds a point more than 3 standardised residuals out, robust_slope_per_year
 * (bisquare, gsl_multifit_robust) is written too, with an interval of
 * +/- t x its standard error, so the analyst sees whether a few wild months
 * drive the line.  seasonal_f_p is the p-value of the month-of-year F test;
 * when it is below 1 - confidence the note says to compare like periods
 * (the year-earlier comparisons) rather than read the slope.
 */
#ifndef SIO_MEASURES_TRENDRUN_H
#define SIO_MEASURES_TRENDRUN_H

#include "results.h"

/* The p-value of s's month-of-year F test, NaN when s is not monthly or
 * too short or gappy to test (every month of the year, at least 24). */
double trendrun_seasonal_p(const struct emitter *e, const struct series *s);

/* Whether e->seasonal_p shows a month-of-year pattern at the configured
 * confidence. */
int trendrun_seasonal(const struct emitter *e);

/* Trend rows for s (e->seasonal_p already set). */
int trendrun_emit(struct emitter *e, const struct series *s, struct sio_error *err);

#endif
