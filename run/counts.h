/*
 * counts.h — what a stage recorded about itself in the store's runs table.
 *
 * Read-only: sio-run opens the store only to read back the counts each stage
 * wrote ("files=.. read=.. loaded=..", "rows=.. force_months=..").  A store
 * that does not exist yet has no runs.
 */
#ifndef SIO_RUN_COUNTS_H
#define SIO_RUN_COUNTS_H

#include <stddef.h>

/* The highest runs.id in the store at path; 0 when none or no store. */
long long counts_last_run(const char *store);

/* The counts text of the latest run of stage with id > after, into buf
 * ("" when the stage recorded none). */
void counts_of(const char *store, const char *stage, long long after, char *buf, size_t size);

#endif
