/*
 * population.h — the population a rate per 1,000 is taken over.
 *
 * A 12-month window uses the estimate for the year nearest its middle (a
 * mid-year estimate is for 30 June), the later year on a tie; the year used
 * is returned so every rate can say which estimate it rests on.
 */
#ifndef SIO_MEASURES_POPULATION_H
#define SIO_MEASURES_POPULATION_H

#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>
#include <stddef.h>

/* *pop and *year for force over [start, end]; *pop = 0 when the store has
 * no population for the force. */
int population_for(sqlite3 *db, const char *force, month_t start, month_t end, long *pop,
                   int *year, struct sio_error *err);

/* Where force's population for year comes from, "mid-year estimate,
 * population.csv" (its basis, or "population estimate", and the file's
 * name), into buf; "" when the store has none. */
int population_source(sqlite3 *db, const char *force, int year, char *buf, size_t size,
                      struct sio_error *err);

#endif
