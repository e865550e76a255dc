/*
 * streetrows.h — one street file's rows, found without an index on file_id.
 *
 * The writer loads a file in one transaction, so its rows are one unbroken
 * run of rowids, recorded in street_rows.  The run is trusted only when it
 * still yields the file's rows_loaded rows of that file: a store from before
 * street_rows has no run, and a VACUUM may renumber rowids, and then the rows
 * are found by a scan of street.  Deleting a replaced file and reading back
 * a file's Crime IDs both go through here.
 */
#ifndef SIO_STREETROWS_H
#define SIO_STREETROWS_H

#include "sys/error.h"

#include <sqlite3.h>

struct street_span {
    long long file;              /* files.id */
    int has_span;                /* street_rows has a run for it */
    long long first, last;       /* the run's rowids */
    long long loaded;            /* files.rows_loaded */
};

/* The start of a query for spans: add a WHERE on files f. */
#define STREET_SPAN_SELECT                                                      \
    "SELECT f.id, r.file_id IS NOT NULL, r.first_rowid, r.last_rowid, f.rows_loaded" \
    " FROM files f LEFT JOIN street_rows r ON r.file_id = f.id"

/* The span in the current row of a STREET_SPAN_SELECT query. */
void street_span_read(sqlite3_stmt *st, struct street_span *f);

/* Every span STREET_SPAN_SELECT followed by where (on files f) gives, read
 * into a new array (*out, *n; the caller frees it) before any is used, so
 * that the caller may change the tables the query reads. */
int street_spans_list(sqlite3 *db, const char *where, struct street_span **out, size_t *n,
                      struct sio_error *err);

/* The same for st, a STREET_SPAN_SELECT statement the caller prepared and
 * bound (and keeps: it is reset here). */
int street_spans_collect(sqlite3 *db, sqlite3_stmt *st, struct street_span **out, size_t *n,
                         struct sio_error *err);

/* The two statements street_rows_each() takes: head (a SELECT or DELETE on
 * street_coded), then its WHERE for a file's run or for a scan, then tail
 * ("" or a RETURNING clause). */
int street_rows_prepare(sqlite3 *db, const char *head, const char *tail,
                        sqlite3_stmt **by_span, sqlite3_stmt **by_scan, struct sio_error *err);

/* Called with each row of the file (by_span's or by_scan's current row). */
typedef int (*street_row_fn)(void *ctx, sqlite3_stmt *row, struct sio_error *err);

/* Each row of file f: by_span (?1 first, ?2 last rowid, ?3 file id) when it
 * has a run, then by_scan (?1 file id) unless the run gave exactly f->loaded
 * rows.  The statements may DELETE ... RETURNING; both are reset after.
 * what names the work in an error message. */
int street_rows_each(sqlite3 *db, sqlite3_stmt *by_span, sqlite3_stmt *by_scan,
                     const struct street_span *f, street_row_fn each, void *ctx,
                     const char *what, struct sio_error *err);

#endif
