/*
 * judge.h — the verdict on one comparison whose windows are usable: the
 * change, its interval allowing for the variation the series shows, the
 * verdict in the measure's direction, and the method in words.
 *
 * The extra-Poisson (or extra-binomial) variation is estimated from the
 * series' own points in the two windows compared (for a quarter, the two
 * 12-month windows ending with the quarters compared, because six months
 * say too little about it), by the Pearson dispersion of a quasi-Poisson
 * (quasi-binomial) fit on a window indicator, with month-of-year terms when
 * the series is seasonal and both windows are whole years of months
 * (lib/stats/dispersion.h).  When the two windows give fewer than
 * DISPERSION_MIN_DF residual degrees of freedom (a quarterly series: 8
 * points, 6 df), a count series' dispersion is fitted over the whole series
 * with one rate a year (dispersion_poisson_years); when that too is short
 * (or the series is of shares, or only rolling-year totals exist), the
 * change is stated but not tested: verdict "not tested", with the reason in
 * the note.
 */
#ifndef SIO_MEASURES_JUDGE_H
#define SIO_MEASURES_JUDGE_H

#include "compare.h"

/* Judge c, whose windows are chosen and comparable, from series s (NULL
 * when only the two window totals exist).  Sets change, low, high,
 * latest_value, base_value, fit, method and verdict; a window total that is
 * negative (published revisions) clears comparable and says so in note. */
int judge_comparison(struct comparison *c, const struct series *s,
                     const struct measure_def *m, const struct sio_config *cfg,
                     int seasonal, struct sio_error *err);

#endif
