/*
 * report.c — the --report tables (see report.h).
 */
#include "report.h"
#include "csv/csvout.h"
#include "store/store.h"

static const char files_sql[] =
    "SELECT id, path, kind, rows_read, rows_loaded, rows_rejected, rows_duplicate,"
    " superseded_by FROM files ORDER BY id";

static int print_csv_row(sqlite3_stmt *st, FILE *out)
{
    csvout_field(out, (const char *)sqlite3_column_text(st, 1));
    fprintf(out, ",%s,%lld,%lld,%lld,%lld\n", (const char *)sqlite3_column_text(st, 2),
            sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4),
            sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6));
    return 0;
}

/* Up to five lines of (what, value, rows, first line) for one file. */
static int print_details(sqlite3 *db, const char *sql, long long id, const char *label,
                         FILE *out, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, sql, &st, err), shown = 0, step;
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        if (shown++ < 5)
            fprintf(out, "    %s: %s: %lld row%s, first at line %lld\n", label,
                    (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
                    sqlite3_column_int64(st, 1) == 1 ? "" : "s", sqlite3_column_int64(st, 2));
    if (shown > 5)
        fprintf(out, "    ... and %d more\n", shown - 5);
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot read the report");
}

static int print_text_row(sqlite3 *db, sqlite3_stmt *st, FILE *out, struct sio_error *err)
{
    long long id = sqlite3_column_int64(st, 0);
    int rc;
    fprintf(out, "%s: %s, read %lld, loaded %lld, rejected %lld, duplicate %lld",
            (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
            sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4),
            sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6));
    if (sqlite3_column_type(st, 7) != SQLITE_NULL)
        fprintf(out, " (superseded: its rows replaced by a newer file)");
    fputc('\n', out);
    if ((rc = print_details(db, "SELECT note || CASE value WHEN '' THEN '' ELSE ' ''' || value || '''' END,"
                                " rows, first_line"
                                " FROM file_notes WHERE file_id = ?1 ORDER BY first_line",
                            id, "note", out, err)))
        return rc;
    return print_details(db, "SELECT reason, count(*), min(line) FROM rejects"
                             " WHERE file_id = ?1 GROUP BY reason ORDER BY min(line)",
                         id, "rejected", out, err);
}

static int print_totals(sqlite3 *db, FILE *out, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT count(*), total(superseded_by IS NULL),"
                               " total(rows_read), total(rows_loaded), total(rows_rejected),"
                               " total(rows_duplicate), (SELECT total(rows) FROM file_notes)"
                               " FROM files", &st, err);
    if (rc)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        fprintf(out, "total: %lld files (%.0f current), read %.0f, loaded %.0f, rejected %.0f,"
                " duplicate %.0f, notes %.0f\n", sqlite3_column_int64(st, 0),
                sqlite3_column_double(st, 1), sqlite3_column_double(st, 2),
                sqlite3_column_double(st, 3), sqlite3_column_double(st, 4),
                sqlite3_column_double(st, 5), sqlite3_column_double(st, 6));
    else
        rc = store_fail(db, err, "cannot read the report");
    sqlite3_finalize(st);
    return rc;
}

/* What was noted in the files in force, one line a note, most rows first. */
static int print_noted(sqlite3 *db, FILE *out, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT n.note, total(n.rows), count(DISTINCT n.file_id)"
                               " FROM file_notes n JOIN files f ON f.id = n.file_id"
                               " WHERE f.superseded_by IS NULL GROUP BY n.note"
                               " ORDER BY 2 DESC, 1", &st, err), step;
    if (rc)
        return rc;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        double rows = sqlite3_column_double(st, 1);
        long long files = sqlite3_column_int64(st, 2);
        fprintf(out, "noted: %s: %.0f row%s in %lld file%s\n", store_col_text(st, 0), rows,
                rows == 1 ? "" : "s", files, files == 1 ? "" : "s");
    }
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot read the report");
}

int report_print(sqlite3 *db, FILE *out, enum report_format format, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, files_sql, &st, err), step;
    if (rc)
        return rc;
    if (format == REPORT_CSV)
        fputs("file,kind,read,loaded,rejected,duplicate\n", out);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = format == REPORT_CSV ? print_csv_row(st, out) : print_text_row(db, st, out, err);
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read the report");
    sqlite3_finalize(st);
    if (!rc && format == REPORT_TEXT && !(rc = print_totals(db, out, err)))
        rc = print_noted(db, out, err);
    if (!rc && (fflush(out) != 0 || ferror(out)))
        rc = sio_fail(err, SIO_EIO, NULL, 0, "cannot write the report");
    return rc;
}
