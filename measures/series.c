/*
 * series.c — reading a monthly series from measure_counts.
 */
#include "series.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

static int grow(struct series *s, int n)
{
    long *c = realloc(s->count, (size_t)n * sizeof *c);
    if (!c)
        return -1;
    s->count = c;
    unsigned char *p = realloc(s->present, (size_t)n);
    if (!p)
        return -1;
    s->present = p;
    memset(s->count + s->n, 0, (size_t)(n - s->n) * sizeof *c);
    memset(s->present + s->n, 0, (size_t)(n - s->n));
    s->n = n;
    return 0;
}

static int put(struct series *s, month_t m, long count)
{
    if (s->n == 0)
        s->first = m;
    if (m - s->first >= s->n && grow(s, m - s->first + 1))
        return -1;
    s->count[m - s->first] = count;
    s->present[m - s->first] = 1;
    return 0;
}

int series_load(sqlite3 *db, const char *force, const char *measure, struct series *s,
                struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT month, count FROM measure_counts WHERE force = ?"
                               " AND measure = ? ORDER BY month", &st, err);
    memset(s, 0, sizeof *s);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        month_t m = month_parse(text, strlen(text));
        if (m == MONTH_NONE)
            rc = sio_fail(err, SIO_EDATA, NULL, 0, "store: bad month '%s' in measure_counts", text);
        else if (put(s, m, (long)sqlite3_column_int64(st, 1)))
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    sqlite3_finalize(st);
    if (rc)
        series_free(s);
    return rc;
}

void series_free(struct series *s)
{
    free(s->count);
    free(s->present);
    memset(s, 0, sizeof *s);
}

long series_sum(const struct series *s, month_t from, month_t to, int *covered)
{
    long sum = 0;
    *covered = 0;
    for (month_t m = from; m <= to; m++) {
        int i = m - s->first;
        if (i < 0 || i >= s->n || !s->present[i])
            continue;
        sum += s->count[i];
        ++*covered;
    }
    return sum;
}
