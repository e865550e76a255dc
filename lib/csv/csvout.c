/*
 * csvout.c — query results to CSV files.
 */
#include "csv/csvout.h"
#include "csv/csvnum.h"
#include "sys/atomic.h"
#include "store/store.h"

#include <stdlib.h>
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

/* Column i's form from forms (see csvout.h); n is strlen(forms). */
static int column_form(const char *forms, size_t n, int i)
{
    if (!forms || (size_t)i >= n)
        return CSVNUM_TEXT;
    char c = forms[i];
    return c == 'w' ? CSVNUM_WHOLE_OR_6 : c >= '1' && c <= '6' ? c - '0' : CSVNUM_TEXT;
}

/* One row; form[i] is column i's form, worked out once a query. */
static void write_row(FILE *fp, sqlite3 *db, sqlite3_stmt *st, const int *form, int header)
{
    char buf[CSVNUM_MAX];
    int n = sqlite3_column_count(st);
    for (int i = 0; i < n; i++) {
        if (i)
            putc(',', fp);
        csvout_field(fp, header ? sqlite3_column_name(st, i)
                                : csvnum_column(db, st, i, form[i], buf));
    }
    putc('\n', fp);
}

int csvout_query(sqlite3 *db, const char *sql, const char *path, struct sio_error *err)
{
    return csvout_query_forms(db, sql, NULL, path, err);
}

int csvout_query_forms(sqlite3 *db, const char *sql, const char *forms, const char *path,
                       struct sio_error *err)
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
    int columns = sqlite3_column_count(st), *form = calloc((size_t)columns + 1, sizeof *form);
    if (!form) {
        atomic_abort(&af);
        sqlite3_finalize(st);
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    }
    for (int i = 0; i < columns; i++)
        form[i] = column_form(forms, forms ? strlen(forms) : 0, i);
    write_row(af.fp, db, st, form, 1);
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        write_row(af.fp, db, st, form, 0);
    free(form);
    if (step != SQLITE_DONE) {
        rc = store_fail(db, err, "cannot read results");
        atomic_abort(&af);
    } else {
        rc = atomic_commit(&af, err);
    }
    sqlite3_finalize(st);
    return rc;
}
