/*
 * migrate.c — older stores into this schema's shape; see migrate.h.
 *
 * Version 1 (sio 0.1.0) kept street rows with every column as text in a
 * table named street.  Version 2 keeps them in street_coded, with the
 * texts that repeat (force names, crime types, outcome categories) once in
 * labels, and street is a view.  The rows keep their rowids, so the runs in
 * street_rows still find each file's rows.  Columns added to a table since
 * (forces.region, the result tables' and the catalogue's later columns) are
 * added in place: a column, not a new shape.
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

/* ALTER TABLE when the table lacks the column (CREATE TABLE IF NOT EXISTS
 * leaves an older table as it was).  The names are constants of this file
 * (added[] below), never input. */
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

/* Columns added to tables after stores were made with them: forces.region
 * stays NULL until sio-ingest loads the forces file again; the result and
 * catalogue tables are rebuilt by every sio-measures run, which fills them. */
static const char *const added[][3] = {
    {"forces", "region", "TEXT"},
    {"measure_catalogue", "better_reason", "TEXT"},
    {"measure_results", "national_measure", "TEXT"},
    {"measure_results", "source", "TEXT"},
    {"measure_results", "note", "TEXT"},
    {"measure_verdicts", "national_measure", "TEXT"},
    {"measure_verdicts", "unit", "TEXT"},
    {"measure_verdicts", "method", "TEXT"},
    {"measure_verdicts", "months_covered", "INTEGER"},
    {"measure_verdicts", "months_expected", "INTEGER"},
    {"measure_verdicts", "dispersion", "REAL"},
    {"measure_verdicts", "dispersion_df", "INTEGER"},
    {"spc_summary", "rules", "TEXT"},
    {"spc_summary", "note", "TEXT"},
    {"spc_summary", "chart", "TEXT"},
    {"spc_summary", "basis", "TEXT"},
    {"spc_summary", "limits_start", "TEXT"},
    {"spc_summary", "limits_end", "TEXT"},
    {"spc_summary", "limits_points", "INTEGER"},
    {"spc_summary", "lowest", "REAL"},
    {"spc_summary", "highest", "REAL"},
    {"spc_summary", "why_no_verdict", "TEXT"},
    {"peer_results", "count", "INTEGER"},
    {"peer_results", "population", "INTEGER"},
    {"peer_results", "difference", "REAL"},
    {"peer_results", "method", "TEXT"},
    {"peer_results", "population_year", "INTEGER"},
    {"peer_results", "population_source", "TEXT"},
};

int store_migrate(sqlite3 *db, int *moved, struct sio_error *err)
{
    int rc = SIO_OK;
    for (size_t i = 0; i < sizeof added / sizeof added[0] && !rc; i++)
        rc = add_column(db, added[i][0], added[i][1], added[i][2], err);
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
