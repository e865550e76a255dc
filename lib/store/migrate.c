/*
 * migrate.c — older stores into this schema's shape; see migrate.h.
 *
 * Version 1 (sio 0.1.0) kept street rows with every column as text in a
 * table named street.  Version 2 keeps them in street_coded, with the
 * texts that repeat (force names, crime types, outcome categories) once in
 * labels, and street is a view.  The rows keep their rowids, so the runs in
 * street_rows still find each file's rows.  The forces table gained a region
 * column after version 2, and measure_catalogue a better_reason column later;
 * both are added in place (a column, not a new shape).
 */
#include "store/migrate.h"
#include "store/store.h"

#include <stdio.h>

static const char street_v1_sql[] =
    "INSERT OR IGNORE INTO labels(text)"
    " SELECT reported_by FROM street UNION SELECT falls_within FROM street"
    " UNION SELECT crime_type FROM street"
    " UNION SELECT last_outcome FROM street WHERE last_outcome IS NOT NULL;"
    "INSERT INTO street_coded(rowid, file_id, line, crime_id, month, reported_by,"
    " falls_within, longitude, latitude, location, lsoa_code, lsoa_name, crime_type,"
    " last_outcome, context, crime_type_published, easting, northing)"
    " SELECT s.rowid, s.file_id, s.line, s.crime_id, s.month,"
    "  (SELECT id FROM labels WHERE text = s.reported_by),"
    "  (SELECT id FROM labels WHERE text = s.falls_within),"
    "  s.longitude, s.latitude, s.location, s.lsoa_code, s.lsoa_name,"
    "  (SELECT id FROM labels WHERE text = s.crime_type),"
    "  (SELECT id FROM labels WHERE text = s.last_outcome),"
    "  s.context, s.crime_type_published, s.easting, s.northing"
    " FROM street s ORDER BY s.rowid;"
    "DROP TABLE street;";

/* 1 when street is a table (version 1), 0 when not, or -status. */
static int street_is_table(sqlite3 *db, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT 1 FROM sqlite_master WHERE type = 'table'"
                               " AND name = 'street'", &st, err);
    if (rc)
        return -rc;
    int step = sqlite3_step(st);
    sqlite3_finalize(st);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return -store_fail(db, err, "cannot read the store's schema");
    return step == SQLITE_ROW;
}

/* A column added to a table after stores were made with it: ALTER TABLE
 * when the table lacks it (CREATE TABLE IF NOT EXISTS leaves it as it was).
 * The names are constants of this file, never input. */
static int add_column(sqlite3 *db, const char *table, const char *column, const char *type,
                      struct sio_error *err)
{
    sqlite3_stmt *st;
    char sql[160];
    int rc = store_prepare(db, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
                           &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
    int step = sqlite3_step(st), has = step == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    if (step != SQLITE_ROW)
        return store_fail(db, err, "cannot read the store's schema");
    snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", table, column, type);
    return has ? SIO_OK : store_exec(db, sql, err);
}

int store_migrate(sqlite3 *db, int *moved, struct sio_error *err)
{
    /* forces.region: NULL until sio-ingest loads the forces file again;
     * measure_catalogue.better_reason: filled by the next sio-measures. */
    int rc = add_column(db, "forces", "region", "TEXT", err);
    if (!rc)
        rc = add_column(db, "measure_catalogue", "better_reason", "TEXT", err);
    if (rc)
        return rc;
    int got = street_is_table(db, err);
    *moved = 0;
    if (got <= 0)
        return -got;
    rc = store_exec(db, street_v1_sql, err);
    *moved = rc == SIO_OK;
    return rc;
}
