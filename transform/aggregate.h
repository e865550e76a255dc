/*
 * aggregate.h — street rows to counts by force, crime type/measure and month.
 */
#ifndef SIO_TRANSFORM_AGGREGATE_H
#define SIO_TRANSFORM_AGGREGATE_H

#include "config/config.h"

#include <sqlite3.h>

struct aggregate_totals {
    long long rows;          /* street rows counted */
    long long force_months;  /* covered force-months */
    long recounted;          /* street files counted again from their rows */
};

/* Rebuild monthly_counts, coverage and measure_counts from the street
 * files' counts (tally.h) and the measures in cfg.  Run inside the caller's
 * transaction. */
int aggregate_rebuild(sqlite3 *db, const struct sio_config *cfg,
                      struct aggregate_totals *t, struct sio_error *err);

/* SHA-256 over the SHA-256s of the street files in force, in order: what
 * the counts were computed from. */
int aggregate_fingerprint(sqlite3 *db, char *hex, struct sio_error *err);

#endif
