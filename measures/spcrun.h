/*
 * spcrun.h — the XmR chart of one force x measure, into spc_points,
 * spc_signals and spc_summary.
 *
 * Points are the series' months (or quarters), counts as counts and
 * proportions in per cent; a missing month stays a gap.  Limits are fixed
 * on [spc] limits_start..limits_end when the series covers it, and
 * recalculated from each [spc] rebase date inside the series (never
 * automatically) that applies to the force: every force's, and those whose
 * force= names it.  Each run of points carrying one rule becomes one signal
 * row with its first and last month.  A series too short for limits gets a
 * summary saying so instead of failing the run.
 */
#ifndef SIO_MEASURES_SPCRUN_H
#define SIO_MEASURES_SPCRUN_H

#include "results.h"

/* SIO_ECONFIG when a rebase's force= is not one of forces (the store's
 * force keys), so a misspelt force cannot silently match nothing. */
int spcrun_rebases_check(sqlite3 *db, const struct sio_config *cfg, char *const *forces,
                         struct sio_error *err);

/* Chart s for e's force and measure. */
int spcrun_emit(struct emitter *e, const struct series *s, struct sio_error *err);

#endif
