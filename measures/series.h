/*
 * series.h — one force's figures for one measure, in time order, with gaps.
 *
 * Points run consecutively from first, one every step months (1: monthly,
 * 3: financial quarters, 12: financial years; each point at its period's
 * first month).
 * present[i] says whether point i had data; a missing point is not a zero
 * and is never summed.  A proportion series also carries denom[i] (count[i]
 * successes out of denom[i]); for a count series denom is NULL or all zero,
 * and the measure's configuration, not the series, says which it is.
 */
#ifndef SIO_MEASURES_SERIES_H
#define SIO_MEASURES_SERIES_H

#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>

struct series {
    month_t first;          /* month of point 0 */
    int n;                  /* points from first to the last covered one */
    long *count;            /* count[i], or successes (0 when missing) */
    unsigned char *present; /* 1 when point i is covered */
    long *denom;            /* proportion: trials per point; NULL or 0 for counts */
    int step;               /* months per point: 1, 3 or 12 (0 reads as 1) */
};

/* Months per point of s (1, 3 or 12). */
int series_step(const struct series *s);

/* The month of point i. */
month_t series_month(const struct series *s, int i);

/* The last month covered by s's last point, or MONTH_NONE when empty. */
month_t series_last_month(const struct series *s);

/* Add or overwrite the point starting at month m (m must not precede an
 * earlier point, and must be on the step); SIO_ESOFTWARE when out of memory,
 * SIO_EDATA when m is off the step. */
int series_put(struct series *s, month_t m, long count, long denom,
               struct sio_error *err);

/* Load force x measure from measure_counts (police.uk, force as stored).
 * An empty series has n = 0. */
int series_load(sqlite3 *db, const char *force, const char *measure, struct series *s,
                struct sio_error *err);
void series_free(struct series *s);

/* to becomes a copy of from (free it with series_free()); SIO_ESOFTWARE
 * when out of memory, to then empty. */
int series_copy(struct series *to, const struct series *from, struct sio_error *err);

/* Sum over points wholly inside months [from, to] that are present;
 * *covered gets how many months those points span. */
long series_sum(const struct series *s, month_t from, month_t to, int *covered);

/* The same for the denominators of a proportion series (0 for counts). */
long series_sum_denom(const struct series *s, month_t from, month_t to);

#endif
