/*
 * streetrows.c — a street file's rows by its run of rowids, else by a scan.
 */
#include "store/streetrows.h"
#include "sys/grow.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>

void street_span_read(sqlite3_stmt *st, struct street_span *f)
{
    f->file = sqlite3_column_int64(st, 0);
    f->has_span = sqlite3_column_int(st, 1);
    f->first = sqlite3_column_int64(st, 2);
    f->last = sqlite3_column_int64(st, 3);
    f->loaded = sqlite3_column_int64(st, 4);
}

int street_spans_collect(sqlite3 *db, sqlite3_stmt *st, struct street_span **out, size_t *n,
                         struct sio_error *err)
{
    size_t cap = 0;
    int step = SQLITE_DONE, rc = SIO_OK;
    *out = NULL;
    *n = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        struct street_span *more = grow_for_one(*out, &cap, *n, sizeof *more, 64);
        if (!more) {
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory listing street files");
            break;
        }
        *out = more;
        street_span_read(st, &(*out)[(*n)++]);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot list the street files");
    sqlite3_reset(st);
    if (rc) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int street_spans_list(sqlite3 *db, const char *where, struct street_span **out, size_t *n,
                      struct sio_error *err)
{
    char sql[1024];
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    snprintf(sql, sizeof sql, "%s %s", STREET_SPAN_SELECT, where);
    int rc = store_prepare(db, sql, &st, err);
    if (rc)
        return rc;
    rc = street_spans_collect(db, st, out, n, err);
    sqlite3_finalize(st);
    return rc;
}

int street_rows_prepare(sqlite3 *db, const char *head, const char *tail,
                        sqlite3_stmt **by_span, sqlite3_stmt **by_scan, struct sio_error *err)
{
    char sql[512];
    int rc;
    *by_span = *by_scan = NULL;
    snprintf(sql, sizeof sql, "%s WHERE rowid BETWEEN ?1 AND ?2 AND file_id = ?3%s", head, tail);
    if ((rc = store_prepare(db, sql, by_span, err)))
        return rc;
    snprintf(sql, sizeof sql, "%s WHERE file_id = ?%s", head, tail);
    return store_prepare(db, sql, by_scan, err);
}

/* Step st to the end, calling each per row; *rows counts them. */
static int each_row(sqlite3 *db, sqlite3_stmt *st, street_row_fn each, void *ctx,
                    long long *rows, const char *what, struct sio_error *err)
{
    int step, rc = SIO_OK;
    *rows = 0;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        ++*rows;
        rc = each(ctx, st, err);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, what);
    sqlite3_reset(st);
    return rc;
}

int street_rows_each(sqlite3 *db, sqlite3_stmt *by_span, sqlite3_stmt *by_scan,
                     const struct street_span *f, street_row_fn each, void *ctx,
                     const char *what, struct sio_error *err)
{
    long long rows = 0;
    int rc;
    if (f->has_span) {
        sqlite3_bind_int64(by_span, 1, f->first);
        sqlite3_bind_int64(by_span, 2, f->last);
        sqlite3_bind_int64(by_span, 3, f->file);
        if ((rc = each_row(db, by_span, each, ctx, &rows, what, err)))
            return rc;
    }
    if (rows == f->loaded)
        return SIO_OK;
    sqlite3_bind_int64(by_scan, 1, f->file);
    return each_row(db, by_scan, each, ctx, &rows, what, err);
}
