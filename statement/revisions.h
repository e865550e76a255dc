/*
 * revisions.h — what changed since the last statement.
 *
 * Every draft sio-statement writes is recorded in the store (statements,
 * statement_figures: each figure it printed, with the measure_results row
 * it came from).  The next draft for the force compares the figures of the
 * last statement written for an earlier quarter with what the store holds
 * now, and lists each that differs, with the files loaded since that feed
 * that measure's source (a republished police.uk month, a revised Home
 * Office table).  A figure no longer in the store is listed as withdrawn.
 */
#ifndef SIO_STATEMENT_REVISIONS_H
#define SIO_STATEMENT_REVISIONS_H

#include "statement.h"

/* Fill s->last_statement, s->last_quarter and s->rev. */
int revisions_load(sqlite3 *db, struct statement *s, struct sio_error *err);

#endif
