/*
 * series.c — one force's measure_quarters rows grouped into one series per
 * measure, with the measure's catalogue row and windows joined on.  Rows
 * arrive ordered, so a series ends when the measure changes; its points are
 * kept in one growable array reused for every series, and its rows are
 * hashed into its digest as they are read.
 */
#include "series.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char series_sql[] =
    "SELECT q.force, q.measure, q.quarter_start, q.count, q.months_covered,"
    " q.baseline_count, q.baseline_months, q.change_pct, q.ci_low_pct, q.ci_high_pct, q.verdict,"
    " COALESCE((SELECT name FROM forces WHERE slug = q.force), q.force),"
    " c.measure IS NOT NULL, c.label, c.noun, c.chart_stem, c.source_note, c.better,"
    " w.baseline_start, w.baseline_end, q.r12_count"
    " FROM measure_quarters q LEFT JOIN measure_catalogue c ON c.measure = q.measure"
    " LEFT JOIN measure_windows w ON w.force = q.force AND w.measure = q.measure"
    " WHERE q.force = ?1 ORDER BY c.position, q.measure, q.quarter_start";

struct series_walk {
    struct quarter_series s;   /* the series being gathered */
    size_t cap;                /* allocated points in s.q */
    struct digest_acc acc;     /* its rows so far */
};

static month_t col_month(sqlite3_stmt *st, int i)
{
    const char *t = store_col_text(st, i);
    return month_parse(t, strlen(t));
}

/* Start a new series for this row's force and measure. */
static int series_start(struct series_walk *w, sqlite3_stmt *st, struct sio_error *err)
{
    struct quarter_series *s = &w->s;

    s->n = 0;
    snprintf(s->force, sizeof s->force, "%s", store_col_text(st, 0));
    snprintf(s->force_name, sizeof s->force_name, "%s", store_col_text(st, 11));
    snprintf(s->measure_key, sizeof s->measure_key, "%s", store_col_text(st, 1));
    if (!sqlite3_column_int(st, 12))
        return sio_fail(err, SIO_EDATA, "measure_catalogue", 0, "measure '%s' is not in the"
                        " store's catalogue: run sio-measures again", s->measure_key);
    snprintf(s->measure_label, sizeof s->measure_label, "%s", store_col_text(st, 13));
    snprintf(s->noun, sizeof s->noun, "%s", store_col_text(st, 14));
    snprintf(s->stem, sizeof s->stem, "%s", store_col_text(st, 15));
    snprintf(s->source_note, sizeof s->source_note, "%s", store_col_text(st, 16));
    s->better = sqlite3_column_int(st, 17);
    s->baseline_start = col_month(st, 18);
    s->baseline_end = col_month(st, 19);
    s->notes = NULL;
    s->target = NAN;
    s->missing[0] = '\0';
    digest_begin(&w->acc);
    return SIO_OK;
}

/* Hand the finished series to fn. */
static int series_done(struct series_walk *w, series_fn fn, void *ctx, int *n_series,
                       struct sio_error *err)
{
    digest_end(&w->acc, &w->s.digest);
    ++*n_series;
    return fn(&w->s, ctx, err);
}

/* Append this row's quarter to the series. */
static int series_add(struct series_walk *w, sqlite3_stmt *st, struct sio_error *err)
{
    const char *qs = store_col_text(st, 2);
    month_t start = month_parse(qs, strlen(qs));
    struct quarter_point *p;

    if (start == MONTH_NONE || month_fq_start(start) != start)
        return sio_fail(err, SIO_EDATA, "measure_quarters", 0,
                        "%s, %s: quarter_start \"%s\" is not the first month of a quarter",
                        w->s.force, w->s.measure_key, qs);
    if (w->s.n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        p = realloc(w->s.q, cap * sizeof *p);
        if (!p)
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        w->s.q = p;
        w->cap = cap;
    }
    p = &w->s.q[w->s.n++];
    p->start = start;
    p->count = (long)sqlite3_column_int64(st, 3);
    p->r12_count = (long)sqlite3_column_int64(st, 20);
    p->months_covered = sqlite3_column_int(st, 4);
    p->change_pct = store_col_real(st, 7);
    p->ci_low_pct = store_col_real(st, 8);
    p->ci_high_pct = store_col_real(st, 9);
    snprintf(p->verdict, sizeof p->verdict, "%s", store_col_text(st, 10));
    w->s.baseline_count = (long)sqlite3_column_int64(st, 5);
    w->s.baseline_months = sqlite3_column_int(st, 6);
    return SIO_OK;
}

static int same_series(const struct series_walk *w, sqlite3_stmt *st)
{
    return strcmp(w->s.measure_key, store_col_text(st, 1)) == 0;
}

static int series_fail(sqlite3 *db, const char *what, struct sio_error *err)
{
    return sio_fail(err, SIO_ESOFTWARE, sqlite3_db_filename(db, "main"), 0,
                    "%s measure_quarters: %s", what, sqlite3_errmsg(db));
}

int series_each(sqlite3 *db, const char *force, series_fn fn, void *ctx, int *n_series,
                struct sio_error *err)
{
    struct series_walk w = {0};
    sqlite3_stmt *st = NULL;
    int rc = SIO_OK, step = SQLITE_DONE;

    *n_series = 0;
    if (sqlite3_prepare_v2(db, series_sql, -1, &st, NULL) != SQLITE_OK)
        return series_fail(db, "cannot read", err);
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    while (rc == SIO_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (w.s.n > 0 && !same_series(&w, st))
            rc = series_done(&w, fn, ctx, n_series, err);
        if (rc == SIO_OK && (w.s.n == 0 || !same_series(&w, st)))
            rc = series_start(&w, st, err);
        if (rc == SIO_OK) {
            digest_row(st, &w.acc);
            rc = series_add(&w, st, err);
        }
    }
    if (rc == SIO_OK && step != SQLITE_DONE)
        rc = series_fail(db, "reading", err);
    if (rc == SIO_OK && w.s.n > 0)
        rc = series_done(&w, fn, ctx, n_series, err);
    else
        digest_end(&w.acc, &w.s.digest); /* frees what a stopped walk began */
    sqlite3_finalize(st);
    free(w.s.q);
    return rc;
}

int series_forces(sqlite3 *db, char ***forces, int *n, struct sio_error *err)
{
    sqlite3_stmt *st = NULL;
    int step = SQLITE_DONE, rc = SIO_OK;

    *forces = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT force FROM measure_quarters ORDER BY force",
                           -1, &st, NULL) != SQLITE_OK)
        return series_fail(db, "cannot read", err);
    while (rc == SIO_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        char **more = realloc(*forces, (size_t)(*n + 1) * sizeof *more);
        char *copy = more ? strdup(store_col_text(st, 0)) : NULL;
        if (more)
            *forces = more;
        if (!copy)
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        else
            (*forces)[(*n)++] = copy;
    }
    if (rc == SIO_OK && step != SQLITE_DONE)
        rc = series_fail(db, "reading", err);
    sqlite3_finalize(st);
    return rc;
}

void series_forces_free(char **forces, int n)
{
    for (int i = 0; i < n; i++)
        free(forces[i]);
    free(forces);
}
