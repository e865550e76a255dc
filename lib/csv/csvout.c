/*
 * csvout.c — query results to CSV files.
 */
#include "csv/csvout.h"
#include "sys/atomic.h"
#include "store/store.h"

#include <string.h>

void csvout_field(FILE *fp, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    /* quoted: each run up to and including a '"' written whole, then the
     * '"' again (a character at a time took a stream lock each) */
    putc('"', fp);
    for (const char *q; (q = strchr(s, '"')); s = q + 1) {
        fwrite(s, 1, (size_t)(q - s) + 1, fp);
        putc('"', fp);
    }
    fputs(s, fp);
    putc('"', fp);
}

static void write_row(FILE *fp, sqlite3_stmt *st, int header)
{
    int n = sqlite3_column_count(st);
    for (int i = 0; i < n; i++) {
        if (i)
            putc(',', fp);
        csvout_field(fp, header ? sqlite3_column_name(st, i)
                                : (const char *)sqlite3_column_text(st, i));
    }
    putc('\n', fp);
}

int csvout_query(sqlite3 *db, const char *sql, const char *path, struct sio_error *err)
{
    struct atomic_file af;
    sqlite3_stmt *st;
    int rc, step;

    if ((rc = store_prepare(db, sql, &st, err)))
        return rc;
    if ((rc = atomic_open(&af, path, err))) {
        sqlite3_finalize(st);
        return rc;
    }
    write_row(af.fp, st, 1);
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        write_row(af.fp, st, 0);
    if (step != SQLITE_DONE) {
        rc = store_fail(db, err, "cannot read results");
        atomic_abort(&af);
    } else {
        rc = atomic_commit(&af, err);
    }
    sqlite3_finalize(st);
    return rc;
}
