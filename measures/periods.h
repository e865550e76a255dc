/*
 * periods.h — a series' figures by month, financial quarter, financial year
 * and rolling 12 months, as measure_results rows.
 *
 * Every row states months covered and expected.  A window with no covered
 * month has a NULL value ("no data"); a partial window keeps its partial
 * total, flagged in the note, so it is never read as a whole one.  Counts
 * carry an exact Poisson interval and, for 12-month windows (rolling and
 * financial years) when the store has a population, a rate per 1,000;
 * proportions carry a Wilson interval and their denominator.
 */
#ifndef SIO_MEASURES_PERIODS_H
#define SIO_MEASURES_PERIODS_H

#include "results.h"

/* Write every period row of s for e's force and measure. */
int periods_emit(struct emitter *e, const struct series *s, struct sio_error *err);

/* Write one window as period_type/period rows (the figure, and its rate or
 * denominator); with e->counts set, only add the count whose exact interval
 * that would take to the list, and write nothing. */
int periods_window(struct emitter *e, const char *type, const char *label,
                   const struct window *w, struct sio_error *err);

#endif
