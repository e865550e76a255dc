/*
 * quality.c — the data-quality line (quality.h).
 */
#include "quality.h"

#include "store/store.h"
#include "text/words.h"

#include <stdio.h>
#include <string.h>

/* The force's police.uk files now in force: its slug, or any name the
 * force is known by (files.force holds the slug from a file's name, else
 * its rows' Falls within), as the force_notes view matches them. */
#define FORCE_FILES                                                                       \
    "FROM files f WHERE f.superseded_by IS NULL AND f.kind IN "                           \
    "('street', 'outcomes', 'stop-and-search') AND "                                      \
    "COALESCE((SELECT slug FROM force_aliases WHERE alias = f.force), f.force) = ?1"

static int load_totals(sqlite3 *db, struct statement *s, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db,
                           "SELECT count(*), coalesce(sum(rows_read), 0), "
                           "coalesce(sum(rows_loaded), 0), coalesce(sum(rows_rejected), 0), "
                           "coalesce(sum(rows_duplicate), 0) " FORCE_FILES,
                           &st, err);
    struct statement_quality *q = &s->quality;

    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(st, 1, s->force, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        q->files = sqlite3_column_int64(st, 0);
        q->read = sqlite3_column_int64(st, 1);
        q->loaded = sqlite3_column_int64(st, 2);
        q->rejected = sqlite3_column_int64(st, 3);
        q->duplicate = sqlite3_column_int64(st, 4);
    }
    rc = sqlite3_finalize(st);
    return rc == SQLITE_OK ? SIO_OK : store_fail(db, err, "counting the force's files");
}

/* Up to QUALITY_MAX_REMARKS of the commonest, by rows: the notes (loaded
 * with a remark) and the reasons rows were rejected. */
static int load_remarks(sqlite3 *db, struct statement *s, const char *sql,
                        struct statement_remark *out, int *n, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, sql, &st, err), step;

    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(st, 1, s->force, -1, SQLITE_STATIC);
    *n = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW && *n < QUALITY_MAX_REMARKS) {
        struct statement_remark *r = &out[(*n)++];
        snprintf(r->text, sizeof r->text, "%s", store_col_text(st, 0));
        r->rows = sqlite3_column_int64(st, 1);
        r->files = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? SIO_OK
                                                     : store_fail(db, err, "reading the notes");
}

int quality_load(sqlite3 *db, struct statement *s, struct sio_error *err)
{
    struct statement_quality *q = &s->quality;
    int rc = load_totals(db, s, err);

    if (rc == SIO_OK)
        rc = load_remarks(db, s,
                          "SELECT note, rows, files FROM force_notes WHERE force = ?1 "
                          "ORDER BY rows DESC, note",
                          q->note, &q->n_note, err);
    if (rc == SIO_OK)
        rc = load_remarks(db, s,
                          "SELECT r.reason, count(*), count(DISTINCT r.file_id) FROM rejects r "
                          "WHERE r.file_id IN (SELECT f.id " FORCE_FILES ") "
                          "GROUP BY r.reason ORDER BY 2 DESC, 1",
                          q->reject, &q->n_reject, err);
    return rc;
}

static const char *plural(long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void remark_items(struct doc *d, const struct statement_remark *r, int n)
{
    char rows[32], files[48];

    for (int i = 0; i < n; i++)
        doc_item(d, "%s: %s in %s.", r[i].text,
                 words_count_of(r[i].rows, plural(r[i].rows, "row", "rows"), rows, sizeof rows),
                 words_count_of(r[i].files, plural(r[i].files, "file", "files"), files,
                                sizeof files));
}

void compose_quality(struct doc *d, const struct statement *s)
{
    const struct statement_quality *q = &s->quality;
    char files[48], read[32], loaded[32], rejected[32], dup[32];

    doc_heading(d, 3, "quality", "Data quality");
    if (q->files == 0) {
        doc_para(d, "No police.uk files for %s are loaded, so no rows of its own were checked.",
                 s->force_name);
        return;
    }
    doc_para(d, "sio read %s rows from %s of %s in force (street, outcomes, stop and search): "
                "%s loaded, %s rejected and %s repeating a Crime ID already loaded (counted "
                "once). A rejected row is kept in the store with its file, line and reason; none "
                "is counted in any figure here.",
             words_thousands(q->read, read, sizeof read),
             words_count_of(q->files, plural(q->files, "police.uk file", "police.uk files"), files,
                            sizeof files),
             s->force_name,
             words_thousands(q->loaded, loaded, sizeof loaded),
             words_thousands(q->rejected, rejected, sizeof rejected),
             words_thousands(q->duplicate, dup, sizeof dup));
    if (q->n_reject) {
        doc_para(d, "Why rows were rejected%s:",
                 q->n_reject == QUALITY_MAX_REMARKS ? " (the commonest reasons)" : "");
        remark_items(d, q->reject, q->n_reject);
    }
    if (q->n_note) {
        doc_para(d, "Loaded, and noted for checking (the rows count in the figures):");
        remark_items(d, q->note, q->n_note);
    } else
        doc_para(d, "No loaded row was noted for checking (coordinates outside England and "
                    "Wales, a Month not the file's, an unknown crime type).");
}
