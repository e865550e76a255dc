/*
 * street_tally.c — counts by (force, crime type, month) in an open-addressing
 * table that doubles at half full, and their rows in street_tally.
 */
#include "store/street_tally.h"
#include "store/store.h"
#include "store/streetrows.h"

#include <stdlib.h>
#include <string.h>

struct group {
    long long force, type;
    month_t month;
    long long count;           /* 0: the slot is empty */
};

struct street_tally {
    struct group *g;
    size_t cap, n;
};

static size_t slot_of(const struct street_tally *t, long long force, long long type,
                      month_t month)
{
    unsigned long long h = (unsigned long long)force * 0x9E3779B97F4A7C15ULL ^
                           (unsigned long long)type * 0xC2B2AE3D27D4EB4FULL ^
                           (unsigned long long)(unsigned)month * 0x165667B19E3779F9ULL;
    size_t i = (size_t)(h ^ h >> 29) & (t->cap - 1);
    while (t->g[i].count && !(t->g[i].force == force && t->g[i].type == type &&
                              t->g[i].month == month))
        i = (i + 1) & (t->cap - 1);
    return i;
}

static int grow(struct street_tally *t, size_t cap)
{
    struct group *old = t->g;
    size_t old_cap = t->cap;
    if (!(t->g = calloc(cap, sizeof *t->g))) {
        t->g = old;
        return -1;
    }
    t->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].count)
            t->g[slot_of(t, old[i].force, old[i].type, old[i].month)] = old[i];
    free(old);
    return 0;
}

int street_tally_open(struct street_tally **out, struct sio_error *err)
{
    struct street_tally *t = calloc(1, sizeof *t);
    *out = NULL;
    if (!t || grow(t, 64) != 0) {
        free(t);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the street counts");
    }
    *out = t;
    return SIO_OK;
}

void street_tally_close(struct street_tally *t)
{
    if (t)
        free(t->g);
    free(t);
}

int street_tally_add(struct street_tally *t, long long force, long long type, month_t month,
                     struct sio_error *err)
{
    if ((t->n + 1) * 2 > t->cap && grow(t, t->cap * 2) != 0)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the street counts");
    struct group *g = &t->g[slot_of(t, force, type, month)];
    if (!g->count) {
        *g = (struct group){ force, type, month, 0 };
        t->n++;
    }
    g->count++;
    return SIO_OK;
}

int street_tally_write(struct street_tally *t, sqlite3 *db, long long file_id,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    char month[8];
    int rc = store_prepare(db, "INSERT INTO street_tally(file_id, falls_within, crime_type,"
                               " month, count) VALUES (?, ?, ?, ?, ?)", &st, err);
    for (size_t i = 0; !rc && i < t->cap; i++) {
        const struct group *g = &t->g[i];
        if (!g->count)
            continue;
        sqlite3_bind_int64(st, 1, file_id);
        sqlite3_bind_int64(st, 2, g->force);
        sqlite3_bind_int64(st, 3, g->type);
        sqlite3_bind_text(st, 4, month_format(g->month, month), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 5, g->count);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = store_fail(db, err, "cannot write the street counts");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    if (!rc) {
        memset(t->g, 0, t->cap * sizeof *t->g);
        t->n = 0;
    }
    return rc;
}

/* ---- counting a file again from its rows ---- */

/* A street_coded row (falls_within, crime_type, month) into the tally. */
static int count_row(void *ctx, sqlite3_stmt *row, struct sio_error *err)
{
    const char *month = (const char *)sqlite3_column_text(row, 2);
    month_t m = month_parse(month ? month : "", (size_t)sqlite3_column_bytes(row, 2));
    if (m == MONTH_NONE)
        return sio_fail(err, SIO_EDATA, sqlite3_db_filename(sqlite3_db_handle(row), "main"),
                        0, "a street row's month is not YYYY-MM: '%.20s'", month ? month : "");
    return street_tally_add(ctx, sqlite3_column_int64(row, 0), sqlite3_column_int64(row, 1), m,
                            err);
}

static int recount(sqlite3 *db, const struct street_span *f, struct street_tally *t,
                   sqlite3_stmt *by_span, sqlite3_stmt *by_scan, sqlite3_stmt *clear,
                   struct sio_error *err)
{
    sqlite3_bind_int64(clear, 1, f->file);
    int rc = sqlite3_step(clear) == SQLITE_DONE ? SIO_OK
             : store_fail(db, err, "cannot clear the street counts");
    sqlite3_reset(clear);
    if (!rc)
        rc = street_rows_each(db, by_span, by_scan, f, count_row, t,
                              "cannot count the street rows", err);
    return rc ? rc : street_tally_write(t, db, f->file, err);
}

int street_tally_catch_up(sqlite3 *db, long *files, struct sio_error *err)
{
    sqlite3_stmt *by_span = NULL, *by_scan = NULL, *clear = NULL;
    struct street_tally *t = NULL;
    struct street_span *list = NULL;
    size_t n = 0;
    /* the street files in force whose counts do not add up to rows_loaded */
    int rc = street_spans_list(db, "WHERE f.kind = 'street' AND f.superseded_by IS NULL"
                               " AND f.rows_loaded <> COALESCE((SELECT SUM(count)"
                               " FROM street_tally t WHERE t.file_id = f.id), 0)",
                               &list, &n, err);
    if (!rc && n &&
        !(rc = street_rows_prepare(db, "SELECT falls_within, crime_type, month FROM street_coded",
                                   "", &by_span, &by_scan, err)) &&
        !(rc = store_prepare(db, "DELETE FROM street_tally WHERE file_id = ?", &clear, err)) &&
        !(rc = street_tally_open(&t, err)))
        for (size_t i = 0; !rc && i < n; i++)
            rc = recount(db, &list[i], t, by_span, by_scan, clear, err);
    *files = rc ? 0 : (long)n;
    street_tally_close(t);
    free(list);
    sqlite3_finalize(by_span);
    sqlite3_finalize(by_scan);
    sqlite3_finalize(clear);
    return rc;
}
