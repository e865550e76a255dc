/*
 * series.h — one force's monthly counts for one measure, with gaps.
 *
 * Months run consecutively from first; present[i] says whether month
 * first + i had data.  A missing month is not a zero and is never summed.
 */
#ifndef SIO_MEASURES_SERIES_H
#define SIO_MEASURES_SERIES_H

#include "error.h"
#include "month.h"

#include <sqlite3.h>

struct series {
    month_t first;          /* month of count[0] */
    int n;                  /* months from first to the last covered month */
    long *count;            /* count[i] for month first + i (0 when missing) */
    unsigned char *present; /* 1 when month first + i is covered */
};

/* Load force x measure from measure_counts.  An empty series has n = 0. */
int series_load(sqlite3 *db, const char *force, const char *measure, struct series *s,
                struct sio_error *err);
void series_free(struct series *s);

/* Sum over months [from, to] that are present; *covered gets how many were. */
long series_sum(const struct series *s, month_t from, month_t to, int *covered);

#endif
