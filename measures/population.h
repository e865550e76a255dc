/*
 * population.h — the population a rate per 1,000 is taken over.
 *
 * A 12-month window uses the estimate for the year nearest its middle (a
 * mid-year estimate is for 30 June), the later year on a tie; the year used
 * is returned so every rate can say which estimate it rests on.  The
 * store's population rows are read once a run (population_read) and looked
 * up in memory.
 */
#ifndef SIO_MEASURES_POPULATION_H
#define SIO_MEASURES_POPULATION_H

#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>
#include <stddef.h>

struct population_row {
    char *force;           /* the force key */
    int year;
    long population;       /* > 0 */
    char *source;          /* "mid-year estimate, population.csv" */
    long long file_id, rowid;
};

/* Every positive population row of the store, by force key, then the later
 * year, then the row stored first. */
struct population {
    struct population_row *r;
    int n;
};

/* Read the store's population rows into p.  SIO_ESOFTWARE when out of
 * memory, a store error otherwise. */
int population_read(sqlite3 *db, struct population *p, struct sio_error *err);
void population_free(struct population *p);

/* *pop and *year for force over [start, end]; *pop = 0 when the store has
 * no population for the force. */
void population_for(const struct population *p, const char *force, month_t start,
                    month_t end, long *pop, int *year);

/* Where force's population for year comes from, "mid-year estimate,
 * population.csv" (its basis, or "population estimate", and the file's
 * name, from the latest file with it), into buf; "" when the store has none. */
void population_source(const struct population *p, const char *force, int year, char *buf,
                       size_t size);

#endif
