/*
 * results.h — writing rows of the tidy measure_results table.
 *
 * One row per force x measure x period x statistic.  A NaN value or limit
 * is written as NULL ("no data"), never as 0.  The emitter carries what
 * every row of one force x measure shares, so the period code only says
 * what differs.
 */
#ifndef SIO_MEASURES_RESULTS_H
#define SIO_MEASURES_RESULTS_H

#include "config/config.h"
#include "window.h"

#include <sqlite3.h>

struct annotations;
struct sources;

/* Counts, in the order met. */
struct count_list {
    long *x;
    size_t n, cap;
    int failed;               /* out of memory: the list is incomplete */
};
struct catalogue_collect;

struct emitter {
    sqlite3 *db;
    sqlite3_stmt *ins;                  /* the prepared measure_results insert */
    struct stmts *stmts;                /* the other statements, kept (store/stmts.h) */
    const struct sio_config *cfg;
    const struct sources *src;          /* every series and the population, read once */
    const struct annotations *notes;    /* may be NULL */
    const char *force;                  /* canonical force key */
    const struct measure_def *m;
    double seasonal_p;                  /* the series' month-of-year F test p; NaN: untested */
    struct catalogue_collect *windows;  /* collects the comparisons' windows; may be NULL */
    struct count_list *counts;          /* set: periods only list the counts whose
                                         * intervals they would work out (a first pass) */
    long rows;                          /* rows written so far */
};

struct result {
    const char *period_type;  /* month | fq | fy | r12 | comparison | series */
    const char *period;       /* its label */
    month_t start, end;       /* inclusive */
    const char *statistic;    /* count | proportion_pct | rate_per_1000 | ... */
    struct estimate est;      /* NaN: NULL */
    const char *unit;
    const char *method;
    int covered, expected;    /* months; expected 0 writes NULLs */
    const char *note;         /* NULL or '' for none */
};

/* Prepare e->ins on e->db. */
int results_prepare(struct emitter *e, struct sio_error *err);

/* Insert r for e's force and measure (replacing a row with the same key). */
int results_put(struct emitter *e, const struct result *r, struct sio_error *err);

/* The level as text for methods, e.g. "95%", into buf (>= 16 bytes). */
const char *results_level(double level, char *buf);

#endif
