/*
 * streetrows.c — a street file's rows by its run of rowids, else by a scan.
 */
#include "streetrows.h"
#include "store.h"

void street_span_read(sqlite3_stmt *st, struct street_span *f)
{
    f->file = sqlite3_column_int64(st, 0);
    f->has_span = sqlite3_column_int(st, 1);
    f->first = sqlite3_column_int64(st, 2);
    f->last = sqlite3_column_int64(st, 3);
    f->loaded = sqlite3_column_int64(st, 4);
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
