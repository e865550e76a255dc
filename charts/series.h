/*
 * series.h — quarterly series read from the store's measure_quarters table.
 *
 * series_each() walks one force's rows of measure_quarters in measure,
 * quarter order and hands each measure to a callback as one struct
 * quarter_series, with the digest of the rows it was read from.
 * Everything else about the measure comes from the catalogue sio-measures
 * wrote with the figures (lib/store/catalogue.h): its label, noun, chart
 * stem, source line, better direction and the baseline window, so a
 * configuration edited since cannot make the charts disagree with the
 * figures.  A series whose measure the catalogue lacks is SIO_EDATA (results
 * from before the catalogue: run sio-measures again).
 */
#ifndef SIO_SERIES_H
#define SIO_SERIES_H

#include "sys/error.h"
#include "quarterly.h"

#include <sqlite3.h>

/* Called once per force x measure; s and its points live until it returns.
 * A non-SIO_OK return stops the walk and is passed back. */
typedef int (*series_fn)(const struct quarter_series *s, void *ctx,
                         struct sio_error *err);

/* Walk force's rows of measure_quarters.  *n_series counts the series
 * handed to fn.  Returns SIO_OK, fn's status, SIO_EDATA for a malformed row
 * or SIO_ESOFTWARE for a store error. */
int series_each(sqlite3 *db, const char *force, series_fn fn, void *ctx, int *n_series,
                struct sio_error *err);

/* The forces measure_quarters has rows for, in order, into *forces (*n of
 * them; free with series_forces_free()). */
int series_forces(sqlite3 *db, char ***forces, int *n, struct sio_error *err);
void series_forces_free(char **forces, int n);

#endif
