/*
 * rolling.h — a measure from the Home Office rolling-year file (ho_crime
 * rows of period_type 'r12': one 12-month total per force, offence group
 * and quarter end, no offence codes).
 *
 * The figures overlap (each quarter's total shares nine months with the
 * last), so they are not a series of separate periods: there are no month,
 * quarter or year rows, no SPC and no trend.  Each 12-month total becomes an
 * 'r12' row with its exact Poisson interval (and a rate where the store has
 * a population), and the latest is compared with the total for exactly the
 * baseline's months and with the total ending 12 months earlier, when the
 * file has those figures.
 */
#ifndef SIO_MEASURES_ROLLING_H
#define SIO_MEASURES_ROLLING_H

#include "results.h"

/* Write e->m's rolling-year rows and comparisons for e->force; *points gets
 * how many 12-month figures there were (0: the caller writes "no data").
 * SIO_EDATA for a figure that is not 12 months ending a quarter end. */
int rolling_emit(struct emitter *e, int *points, struct sio_error *err);

#endif
