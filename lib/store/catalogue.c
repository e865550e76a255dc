/*
 * catalogue.c — the catalogue's readers and the chart records (catalogue.h).
 *
 * Every query binds its parameters; text columns are copied into the
 * callers' fixed buffers, truncated if a configuration ever made them longer
 * than the limits config.c enforces.
 */
#include "store/catalogue.h"

#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COPY(dst, st, i) snprintf((dst), sizeof(dst), "%s", store_col_text((st), (i)))

static const char measure_cols[] =
    "SELECT measure, position, label, noun, unit, priority, role, coalesce(precedence, 0),"
    " source_kind, source_description, definition, source_file, source_note, source_loaded,"
    " better, statistic, target, chart_stem, coalesce(better_reason, '') FROM measure_catalogue";

static void measure_row(sqlite3_stmt *st, struct catalogue_measure *m)
{
    COPY(m->key, st, 0);
    m->position = sqlite3_column_int(st, 1);
    COPY(m->label, st, 2);
    COPY(m->noun, st, 3);
    COPY(m->unit, st, 4);
    COPY(m->priority, st, 5);
    COPY(m->role, st, 6);
    m->precedence = sqlite3_column_int(st, 7);
    COPY(m->source_kind, st, 8);
    COPY(m->source_description, st, 9);
    COPY(m->definition, st, 10);
    COPY(m->source_file, st, 11);
    COPY(m->source_note, st, 12);
    m->source_loaded = sqlite3_column_int(st, 13);
    m->better = sqlite3_column_int(st, 14);
    m->proportion = strcmp(store_col_text(st, 15), "proportion") == 0;
    m->target = store_col_real(st, 16);
    COPY(m->stem, st, 17);
    COPY(m->better_reason, st, 18);
}

static int finish(sqlite3 *db, sqlite3_stmt *st, int step, struct sio_error *err)
{
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading the catalogue");
}

/* The catalogue's measure columns, then tail ("WHERE ...", "ORDER BY ..."). */
static int measure_query(sqlite3 *db, const char *tail, sqlite3_stmt **st, struct sio_error *err)
{
    char sql[sizeof measure_cols + 64];
    snprintf(sql, sizeof sql, "%s %s", measure_cols, tail);
    return store_prepare(db, sql, st, err);
}

int catalogue_measure_get(sqlite3 *db, const char *key, struct catalogue_measure *out,
                          struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc, step;

    if ((rc = measure_query(db, "WHERE measure = ?1", &st, err)))
        return rc;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    memset(out, 0, sizeof *out);
    if ((step = sqlite3_step(st)) == SQLITE_ROW) {
        measure_row(st, out);
        step = sqlite3_step(st);
    } else if (step == SQLITE_DONE) {
        sqlite3_finalize(st);
        return sio_fail(err, SIO_EDATA, "measure_catalogue", 0, "measure '%s' is not in the"
                        " store's catalogue: run sio-measures again", key);
    }
    return finish(db, st, step, err);
}

int catalogue_measures(sqlite3 *db, struct catalogue_measure **out, int *n,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc, step;

    *out = NULL;
    *n = 0;
    if ((rc = measure_query(db, "ORDER BY position", &st, err)))
        return rc;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        struct catalogue_measure *more = realloc(*out, (size_t)(*n + 1) * sizeof *more);
        if (!more) {
            sqlite3_finalize(st);
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        }
        *out = more;
        measure_row(st, &more[(*n)++]);
    }
    return finish(db, st, step, err);
}

static month_t col_month(sqlite3_stmt *st, int i)
{
    const char *t = store_col_text(st, i);
    return t[0] ? month_parse(t, strlen(t)) : MONTH_NONE;
}

static void windows_row(sqlite3_stmt *st, struct catalogue_windows *w)
{
    month_t *pairs[] = {w->quarter, w->r12, w->baseline, w->year_earlier, w->quarter_last_year};

    w->found = 1;
    COPY(w->frequency, st, 0);
    w->first = col_month(st, 1);
    w->last = col_month(st, 2);
    for (int i = 0; i < 5; i++) {
        pairs[i][0] = col_month(st, 3 + 2 * i);
        pairs[i][1] = col_month(st, 4 + 2 * i);
    }
    w->confidence = sqlite3_column_double(st, 13);
}

int catalogue_windows_get(sqlite3 *db, const char *force, const char *key,
                          struct catalogue_windows *out, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, "SELECT coalesce(frequency, ''), first_month, last_month,"
                                     " quarter_start, quarter_end, r12_start, r12_end,"
                                     " baseline_start, baseline_end, year_earlier_start,"
                                     " year_earlier_end, quarter_last_year_start,"
                                     " quarter_last_year_end, confidence FROM measure_windows"
                                     " WHERE force = ?1 AND measure = ?2", &st, err);
    memset(out, 0, sizeof *out);
    out->first = out->last = MONTH_NONE;
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    if ((step = sqlite3_step(st)) == SQLITE_ROW) {
        windows_row(st, out);
        step = sqlite3_step(st);
    }
    return finish(db, st, step, err);
}

int catalogue_priorities(sqlite3 *db, struct catalogue_priority out[6], int *n,
                         struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, "SELECT priority, position, title, applicable, reason"
                                     " FROM priorities ORDER BY position LIMIT 6", &st, err);
    *n = 0;
    if (rc)
        return rc;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        struct catalogue_priority *p = &out[(*n)++];
        COPY(p->key, st, 0);
        p->position = sqlite3_column_int(st, 1);
        COPY(p->title, st, 2);
        p->applicable = sqlite3_column_int(st, 3);
        COPY(p->reason, st, 4);
    }
    return finish(db, st, step, err);
}

int catalogue_charts_clear(sqlite3 *db, struct sio_error *err)
{
    return store_exec(db, "DELETE FROM chart_files", err);
}

int catalogue_chart_put(sqlite3 *db, const char *force, const char *measure, int position,
                        const struct catalogue_chart *c, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "INSERT OR REPLACE INTO chart_files(force, measure, kind,"
                               " position, name, formats, alt) VALUES (?1,?2,?3,?4,?5,?6,?7)",
                           &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, c->kind, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, position);
    sqlite3_bind_text(st, 5, c->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, c->formats, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, c->alt, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot record a chart");
    sqlite3_finalize(st);
    return rc;
}

int catalogue_charts(sqlite3 *db, const char *force, const char *measure,
                     struct catalogue_chart **out, int *n, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, "SELECT kind, name, formats, alt FROM chart_files"
                                     " WHERE force = ?1 AND measure = ?2 ORDER BY position",
                                 &st, err);
    *out = NULL;
    *n = 0;
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        struct catalogue_chart *more = realloc(*out, (size_t)(*n + 1) * sizeof *more);
        if (!more) {
            sqlite3_finalize(st);
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        }
        *out = more;
        COPY(more[*n].kind, st, 0);
        COPY(more[*n].name, st, 1);
        COPY(more[*n].formats, st, 2);
        COPY(more[*n].alt, st, 3);
        ++*n;
    }
    return finish(db, st, step, err);
}
