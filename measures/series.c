/*
 * series.c — a measure's points in time order, with gaps kept as gaps.
 */
#include "series.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

int series_step(const struct series *s)
{
    return s->step > 0 ? s->step : 1;
}

month_t series_month(const struct series *s, int i)
{
    return s->first + i * series_step(s);
}

month_t series_last_month(const struct series *s)
{
    return s->n ? series_month(s, s->n - 1) + series_step(s) - 1 : MONTH_NONE;
}

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
    long *d = realloc(s->denom, (size_t)n * sizeof *d);
    if (!d)
        return -1;
    s->denom = d;
    memset(s->count + s->n, 0, (size_t)(n - s->n) * sizeof *c);
    memset(s->present + s->n, 0, (size_t)(n - s->n));
    memset(s->denom + s->n, 0, (size_t)(n - s->n) * sizeof *d);
    s->n = n;
    return 0;
}

int series_put(struct series *s, month_t m, long count, long denom, struct sio_error *err)
{
    int step = series_step(s);
    if (s->n == 0)
        s->first = m;
    if (m < s->first || (m - s->first) % step)
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "a period does not start on the series' %d-month step", step);
    int i = (m - s->first) / step;
    if (i >= s->n && grow(s, i + 1))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    s->count[i] = count;
    s->denom[i] = denom;
    s->present[i] = 1;
    return SIO_OK;
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
        else
            rc = series_put(s, m, (long)sqlite3_column_int64(st, 1), 0, err);
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
    free(s->denom);
    memset(s, 0, sizeof *s);
}

int series_copy(struct series *to, const struct series *from, struct sio_error *err)
{
    size_t n = (size_t)from->n;
    memset(to, 0, sizeof *to);
    if (n == 0) {
        to->step = from->step;
        return SIO_OK;
    }
    to->count = malloc(n * sizeof *to->count);
    to->present = malloc(n);
    to->denom = malloc(n * sizeof *to->denom);
    if (!to->count || !to->present || !to->denom) {
        series_free(to);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    memcpy(to->count, from->count, n * sizeof *to->count);
    memcpy(to->present, from->present, n);
    if (from->denom)
        memcpy(to->denom, from->denom, n * sizeof *to->denom);
    else
        memset(to->denom, 0, n * sizeof *to->denom);
    to->first = from->first;
    to->n = from->n;
    to->step = from->step;
    return SIO_OK;
}

/* Sum values[] over the present points wholly inside [from, to]. */
static long series_fold(const struct series *s, month_t from, month_t to, int *covered,
                        const long *values)
{
    int step = series_step(s);
    long sum = 0;
    if (covered)
        *covered = 0;
    for (int i = 0; i < s->n; i++) {
        month_t m = series_month(s, i);
        if (m < from || m + step - 1 > to || !s->present[i])
            continue;
        sum += values ? values[i] : 0;
        if (covered)
            *covered += step;
    }
    return sum;
}

long series_sum(const struct series *s, month_t from, month_t to, int *covered)
{
    return series_fold(s, from, to, covered, s->count);
}

long series_sum_denom(const struct series *s, month_t from, month_t to)
{
    return s->denom ? series_fold(s, from, to, NULL, s->denom) : 0;
}
