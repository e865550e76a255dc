/*
 * population.c — the store's population rows in memory, and the nearest
 * estimate for a window.
 */
#include "population.h"
#include "source.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char population_sql[] =
    "SELECT COALESCE(p.force_slug, " SOURCE_CANON("p.force") ") AS k, p.year, p.population,"
    " COALESCE(NULLIF(p.basis, ''), 'population estimate'), f.path, p.file_id, p.rowid"
    " FROM population p JOIN files f ON f.id = p.file_id WHERE p.population > 0"
    " ORDER BY k, p.year DESC, p.rowid";

/* "basis, file.csv" into a new string. */
static char *population_source_text(sqlite3_stmt *st)
{
    const char *path = store_col_text(st, 4), *base = strrchr(path, '/');
    char buf[600];
    snprintf(buf, sizeof buf, "%s, %s", store_col_text(st, 3), base ? base + 1 : path);
    return strdup(buf);
}

static int population_add(struct population *p, int *cap, sqlite3_stmt *st,
                          struct sio_error *err)
{
    if (p->n == *cap) {
        int c = *cap ? 2 * *cap : 64;
        struct population_row *more = realloc(p->r, (size_t)c * sizeof *more);
        if (!more)
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        p->r = more;
        *cap = c;
    }
    struct population_row *r = &p->r[p->n];
    r->force = strdup(store_col_text(st, 0));
    r->source = population_source_text(st);
    r->year = sqlite3_column_int(st, 1);
    r->population = (long)sqlite3_column_int64(st, 2);
    r->file_id = sqlite3_column_int64(st, 5);
    r->rowid = sqlite3_column_int64(st, 6);
    p->n++;
    if (!r->force || !r->source)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    return SIO_OK;
}

int population_read(sqlite3 *db, struct population *p, struct sio_error *err)
{
    sqlite3_stmt *st;
    int cap = 0, step = SQLITE_DONE, rc = store_prepare(db, population_sql, &st, err);
    memset(p, 0, sizeof *p);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        if (sqlite3_column_type(st, 0) != SQLITE_NULL)
            rc = population_add(p, &cap, st, err);
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read population");
    sqlite3_finalize(st);
    if (rc)
        population_free(p);
    return rc;
}

void population_free(struct population *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->r[i].force);
        free(p->r[i].source);
    }
    free(p->r);
    memset(p, 0, sizeof *p);
}

/* The force's rows: [*from, *to). */
static void population_rows(const struct population *p, const char *force, int *from, int *to)
{
    int lo = 0, hi = p->n;
    while (lo < hi) { /* the first row not before force */
        int mid = lo + (hi - lo) / 2;
        if (strcmp(p->r[mid].force, force) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *from = *to = lo;
    while (*to < p->n && strcmp(p->r[*to].force, force) == 0)
        ++*to;
}

void population_for(const struct population *p, const char *force, month_t start,
                    month_t end, long *pop, int *year)
{
    /* June of year y is month_t y*12 + 5; the window's middle, rounded down.
     * Rows come later year first, so the first of equally near ones wins. */
    int mid = start + (end - start) / 2, from, to, best = -1, best_d = 0;
    population_rows(p, force, &from, &to);
    for (int i = from; i < to; i++) {
        int d = abs(p->r[i].year * 12 + 5 - mid);
        if (best < 0 || d < best_d)
            best = i, best_d = d;
    }
    *pop = best < 0 ? 0 : p->r[best].population;
    *year = best < 0 ? 0 : p->r[best].year;
}

void population_source(const struct population *p, const char *force, int year, char *buf,
                       size_t size)
{
    int from, to, best = -1;
    population_rows(p, force, &from, &to);
    for (int i = from; i < to; i++)
        if (p->r[i].year == year && (best < 0 || p->r[i].file_id > p->r[best].file_id))
            best = i;
    snprintf(buf, size, "%s", best < 0 ? "" : p->r[best].source);
}
