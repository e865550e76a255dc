/*
 * population.c — the nearest population estimate for a window.
 */
#include "population.h"
#include "source.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static const char population_sql[] =
    "SELECT population, year FROM population"
    " WHERE COALESCE(force_slug, " SOURCE_CANON("force") ") = ?1 AND population > 0"
    " ORDER BY abs(year * 12 + 5 - ?2), year DESC LIMIT 1";

int population_for(sqlite3 *db, const char *force, month_t start, month_t end, long *pop,
                   int *year, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, population_sql, &st, err);
    *pop = 0;
    *year = 0;
    if (rc)
        return rc;
    /* June of year y is month_t y*12 + 5; the window's middle, rounded down. */
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, start + (end - start) / 2);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        *pop = (long)sqlite3_column_int64(st, 0);
        *year = sqlite3_column_int(st, 1);
    } else if (step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read population");
    sqlite3_finalize(st);
    return rc;
}

static const char source_sql[] =
    "SELECT COALESCE(NULLIF(p.basis, ''), 'population estimate'), f.path FROM population p"
    " JOIN files f ON f.id = p.file_id"
    " WHERE COALESCE(p.force_slug, " SOURCE_CANON("p.force") ") = ?1 AND p.year = ?2"
    " AND p.population > 0 ORDER BY p.file_id DESC LIMIT 1";

int population_source(sqlite3 *db, const char *force, int year, char *buf, size_t size,
                      struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, source_sql, &st, err);
    buf[0] = '\0';
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *path = store_col_text(st, 1), *base = strrchr(path, '/');
        snprintf(buf, size, "%s, %s", store_col_text(st, 0), base ? base + 1 : path);
    } else if (step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read population");
    sqlite3_finalize(st);
    return rc;
}
