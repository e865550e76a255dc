/*
 * figures.h — reading one measure's figures for the statement (figures.c).
 */
#ifndef SIO_STATEMENT_FIGURES_H
#define SIO_STATEMENT_FIGURES_H

#include "statement.h"

/* The measure_results figure of measure for exactly [start, end] of
 * period_type type ("fq" or "r12") into v (v->found = 0 when none). */
int figures_value(sqlite3 *db, const char *force, const char *measure, const char *type,
                  month_t start, month_t end, struct statement_value *v, struct sio_error *err);

/* m's figures, comparisons, national picture and standing among its
 * quarters, for s's force and quarter (m->def and m->win already read). */
int figures_load(sqlite3 *db, const struct statement *s, struct statement_measure *m,
                 struct sio_error *err);

#endif
