/*
 * aggregate.c — the counts every later stage works from.
 *
 * Duplicated Crime IDs were already kept out of the street table by
 * sio-ingest, so a plain COUNT(*) counts each crime once and each
 * anti-social behaviour incident (no Crime ID) once.  coverage lists the
 * force-months that have data: a month missing there is "no data", and
 * measure_counts has a row (possibly 0) only for covered force-months.
 */
#include "aggregate.h"
#include "sys/sha256.h"
#include "store/store.h"
#include "tally.h"

#include <stdlib.h>
#include <string.h>

/* monthly_counts is filled in between, by tally.c (the GROUP BY in C). */
static const char clear_sql[] =
    "DELETE FROM monthly_counts; DELETE FROM coverage; DELETE FROM measure_counts;";
static const char rebuild_sql[] =
    "INSERT INTO coverage(force, month)"
    " SELECT DISTINCT force, month FROM monthly_counts;";

static const char measures_sql[] =
    "INSERT INTO measure_counts(force, measure, month, count)"
    " SELECT c.force, m.measure, c.month, COALESCE(SUM(mc.count), 0)"
    " FROM coverage c"
    " CROSS JOIN (SELECT DISTINCT measure FROM temp.measure_map) m"
    " JOIN temp.measure_map mm ON mm.measure = m.measure"
    " LEFT JOIN monthly_counts mc ON mc.force = c.force AND mc.month = c.month"
    "  AND mc.crime_type = mm.crime_type"
    " GROUP BY c.force, m.measure, c.month;";

static int load_map(sqlite3 *db, const struct sio_config *cfg, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_exec(db, "CREATE TEMP TABLE IF NOT EXISTS measure_map"
                            "(measure TEXT, crime_type TEXT); DELETE FROM temp.measure_map;", err);
    if (rc || (rc = store_prepare(db, "INSERT INTO temp.measure_map VALUES (?, ?)", &st, err)))
        return rc;
    for (int i = 0; i < cfg->n_measures && !rc; i++) {
        const struct measure_def *m = &cfg->measures[i];
        for (int j = 0; j < m->n_crime_types && !rc; j++) {
            sqlite3_bind_text(st, 1, m->key, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, m->crime_types[j], -1, SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = store_fail(db, err, "cannot load the measure mapping");
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(st);
    return rc;
}

static long long count_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

int aggregate_rebuild(sqlite3 *db, const struct sio_config *cfg,
                      struct aggregate_totals *t, struct sio_error *err)
{
    int rc;
    if ((rc = store_exec(db, clear_sql, err)) || (rc = tally_monthly_counts(db, &t->recounted, err)) ||
        (rc = store_exec(db, rebuild_sql, err)) || (rc = load_map(db, cfg, err)) ||
        (rc = store_exec(db, measures_sql, err)))
        return rc;
    t->rows = count_of(db, "SELECT COALESCE(SUM(count), 0) FROM monthly_counts");
    t->force_months = count_of(db, "SELECT COUNT(*) FROM coverage");
    return SIO_OK;
}

int aggregate_fingerprint(sqlite3 *db, char *hex, struct sio_error *err)
{
    sqlite3_stmt *st;
    char *all = NULL;
    size_t len = 0;
    int rc = store_prepare(db, "SELECT sha256 FROM files WHERE kind = 'street'"
                               " AND superseded_by IS NULL ORDER BY sha256", &st, err);
    if (rc)
        return rc;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        /* as long as the store says: a hand-edited one may hold any text */
        const unsigned char *sha = sqlite3_column_text(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        char *more = realloc(all, len + n + 1);
        if (!more) {
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
            break;
        }
        all = more;
        if (n)
            memcpy(all + len, sha, n);
        len += n;
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read the street files' fingerprints");
    sqlite3_finalize(st);
    if (!rc)
        sha256_buffer(all ? all : "", len, hex);
    free(all);
    return rc;
}
