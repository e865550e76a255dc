/*
 * tally.c — monthly_counts as the sum of the files' street_tally rows.
 *
 * The sum groups by the labels' texts: monthly_counts holds the force and
 * crime type as published, and no two labels have the same text.
 */
#include "tally.h"
#include "store/store.h"
#include "store/street_tally.h"

static const char sum_sql[] =
    "INSERT INTO monthly_counts(force, crime_type, month, count)"
    " SELECT lf.text, lc.text, t.month, SUM(t.count)"
    " FROM street_tally t JOIN files f ON f.id = t.file_id AND f.superseded_by IS NULL"
    " LEFT JOIN labels lf ON lf.id = t.falls_within LEFT JOIN labels lc ON lc.id = t.crime_type"
    " GROUP BY lf.text, lc.text, t.month";

int tally_monthly_counts(sqlite3 *db, long *recounted, struct sio_error *err)
{
    int rc = street_tally_catch_up(db, recounted, err);
    return rc ? rc : store_exec(db, sum_sql, err);
}
