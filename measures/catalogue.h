/*
 * catalogue.h — sio-measures writing the catalogue (lib/store/schema/
 * 30-catalogue.sql): what each measure is, per force the windows its
 * comparisons used, the force's reporting quarter and each priority's
 * headline candidates with why each was or was not chosen.
 *
 * The windows are collected from the comparisons themselves as
 * compare_store() writes them, so the catalogue can never hold a window a
 * verdict did not use.  Later stages read all of it through
 * lib/store/catalogue.h.
 */
#ifndef SIO_MEASURES_CATALOGUE_H
#define SIO_MEASURES_CATALOGUE_H

#include "compare.h"

/* What one force x measure's comparisons used, gathered as they are made. */
struct catalogue_collect {
    const char *frequency;          /* month | quarter | year | rolling year; NULL: no data */
    month_t first, last;            /* months with data */
    struct window latest[COMPARE_KINDS], base[COMPARE_KINDS];
    int taken[COMPARE_KINDS];       /* comparison k had data */
};

/* Clear the catalogue tables and write the priorities and every measure of
 * cfg (with whether the store holds any rows of its source). */
int catalogue_measures_put(sqlite3 *db, const struct sio_config *cfg, struct sio_error *err);

/* An empty collector (no data). */
void catalogue_collect_start(struct catalogue_collect *w);

/* The span and frequency of a series (or a rolling-year set of figures). */
void catalogue_collect_span(struct catalogue_collect *w, const char *frequency,
                            month_t first, month_t last);

/* Note the windows of comparison c (NULL w: nothing to collect). */
void catalogue_collect_take(struct catalogue_collect *w, const struct comparison *c);

/* Write e's force x measure row of measure_windows. */
int catalogue_windows_put(struct emitter *e, const struct catalogue_collect *w,
                          struct sio_error *err);

/* After every measure of e->force: its reporting quarter and each priority's
 * headline candidates (force_quarters, priority_sources). */
int catalogue_force_put(struct emitter *e, struct sio_error *err);

#endif
