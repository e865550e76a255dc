/*
 * source.c — one query per kind of source, each returning the rows
 * (period_start, period_end, numerator, denominator) in time order.
 *
 * Coverage comes from the source's own bookkeeping: police.uk street months
 * from measure_counts (rows only for covered months), stop-and-search and
 * outcomes months from their files, Home Office quarters from any ho_crime
 * 'fq' row for the force in a quarter the table carries the measure's codes
 * for, indicator periods from their rows.  Lists from the
 * configuration (offence codes, outcome types) go through a temp table so
 * every value is a bound parameter.
 */
#include "source.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char police_uk_sql[] =
    "SELECT month, month, count, NULL FROM measure_counts"
    " WHERE measure = ?2 AND " SOURCE_CANON("force") " = ?1 ORDER BY month";

/* A quarter is covered when the force has any offence row for it and the
 * table publishes one of the measure's codes for that quarter (for some
 * territorial force): a code the tables stop carrying leaves its later
 * quarters missing, not zero, while a force with no row of a code that
 * others have had none (the tables may leave zero rows out). */
static const char home_office_sql[] =
    "SELECT period_start, period_end,"
    " SUM(CASE WHEN offence_code IN (SELECT v FROM temp.source_values) THEN count ELSE 0 END),"
    " NULL FROM ho_crime WHERE period_type = 'fq' AND force_slug = ?1"
    " AND period_start IN (SELECT period_start FROM ho_crime WHERE period_type = 'fq'"
    "  AND force_slug IS NOT NULL AND offence_code IN (SELECT v FROM temp.source_values))"
    " GROUP BY period_start, period_end ORDER BY period_start";

static const char indicator_sql[] =
    "SELECT period_start, period_end, value, denominator FROM indicators"
    " WHERE indicator = ?2 AND COALESCE(force_slug, " SOURCE_CANON("force") ") = ?1"
    " ORDER BY period_start";

/* Searches with no recorded outcome are in neither part of the share. */
static const char stop_search_sql[] =
    "SELECT f.month, f.month,"
    " CASE WHEN ?3 THEN COALESCE(SUM(s.outcome <> '" SOURCE_NFA_OUTCOME "'), 0)"
    "      ELSE COUNT(s.file_id) END,"
    " CASE WHEN ?3 THEN COUNT(s.file_id) END"
    " FROM files f LEFT JOIN stop_search s ON s.file_id = f.id"
    "  AND s.object_of_search = ?2 AND (NOT ?3 OR COALESCE(s.outcome, '') <> '')"
    " WHERE f.kind = 'stop-and-search' AND f.superseded_by IS NULL"
    "  AND " SOURCE_CANON("f.force") " = ?1 GROUP BY f.month ORDER BY f.month";

/* Crimes of the type with an outcome published that month, by Crime ID;
 * outcomes whose crime is not in the street table cannot be typed. */
static const char outcomes_sql[] =
    "SELECT f.month, f.month,"
    " COUNT(DISTINCT CASE WHEN o.outcome_type IN (SELECT v FROM temp.source_values)"
    "       THEN o.crime_id END),"
    " COUNT(DISTINCT o.crime_id)"
    " FROM files f LEFT JOIN (outcomes o JOIN street_coded t ON t.crime_id = o.crime_id"
    "  AND t.crime_type = (SELECT id FROM labels WHERE text = ?2)) ON o.file_id = f.id"
    " WHERE f.kind = 'outcomes' AND f.superseded_by IS NULL"
    "  AND " SOURCE_CANON("f.force") " = ?1 GROUP BY f.month ORDER BY f.month";

const char *source_name(const struct measure_def *m)
{
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK: return "police.uk street";
    case MEASURE_SRC_HOME_OFFICE: return "Home Office recorded crime";
    case MEASURE_SRC_INDICATOR: return "indicator";
    case MEASURE_SRC_STOP_SEARCH: return "police.uk stop and search";
    case MEASURE_SRC_OUTCOMES: return "police.uk outcomes";
    case MEASURE_SRC_HO_ROLLING: return "Home Office recorded crime, rolling year";
    }
    return "none";
}

int source_values_fill(sqlite3 *db, char *const *values, int n, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_exec(db, "CREATE TEMP TABLE IF NOT EXISTS source_values(v TEXT);"
                            " DELETE FROM temp.source_values;", err);
    if (rc || (rc = store_prepare(db, "INSERT INTO temp.source_values VALUES (?)", &st, err)))
        return rc;
    for (int i = 0; i < n && !rc; i++) {
        sqlite3_bind_text(st, 1, values[i], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = store_fail(db, err, "cannot hold the configured values");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

static const char *query_for(const struct measure_def *m)
{
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK: return police_uk_sql;
    case MEASURE_SRC_HOME_OFFICE: return home_office_sql;
    case MEASURE_SRC_INDICATOR: return indicator_sql;
    case MEASURE_SRC_STOP_SEARCH: return stop_search_sql;
    case MEASURE_SRC_OUTCOMES: return outcomes_sql;
    case MEASURE_SRC_HO_ROLLING: return NULL; /* rolling.c: not a series */
    }
    return NULL;
}

static int prepare_for(sqlite3 *db, const char *force, const struct measure_def *m,
                       sqlite3_stmt **st, struct sio_error *err)
{
    int rc = SIO_OK;
    if (m->source == MEASURE_SRC_HOME_OFFICE)
        rc = source_values_fill(db, m->ho_codes, m->n_ho_codes, err);
    else if (m->source == MEASURE_SRC_OUTCOMES)
        rc = source_values_fill(db, m->outcome_types, m->n_outcome_types, err);
    if (!rc && !query_for(m))
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "[%s]: a rolling-year measure has no"
                      " series of its own periods", m->key);
    if (rc || (rc = store_prepare(db, query_for(m), st, err)))
        return rc;
    const char *second = m->source == MEASURE_SRC_POLICE_UK ? m->key
                       : m->source == MEASURE_SRC_INDICATOR ? m->indicator
                       : m->source_filter;
    sqlite3_bind_text(*st, 1, force, -1, SQLITE_STATIC);
    if (m->source != MEASURE_SRC_HOME_OFFICE)
        sqlite3_bind_text(*st, 2, second, -1, SQLITE_STATIC);
    if (m->source == MEASURE_SRC_STOP_SEARCH)
        sqlite3_bind_int(*st, 3, m->proportion);
    return SIO_OK;
}

static month_t column_month(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return t ? month_parse(t, strlen(t)) : MONTH_NONE;
}

/* An indicator percentage back to successes out of respondents. */
static int indicator_point(const struct measure_def *m, double value, int has_den,
                           double den, long *num, long *trials)
{
    if (!m->proportion) {
        *num = lround(value);
        *trials = 0;
        return value >= 0 && fabs(value - (double)*num) < 1e-9;
    }
    if (!has_den || !(den >= 1) || value < 0 || value > 100)
        return 0;
    *trials = lround(den);
    *num = lround(value / 100.0 * den);
    return 1;
}

static int row_to_point(sqlite3_stmt *st, const struct measure_def *m, struct series *s,
                        struct sio_error *err)
{
    month_t a = column_month(st, 0), b = column_month(st, 1);
    int step = b - a + 1;
    if (a == MONTH_NONE || b == MONTH_NONE || (step != 1 && step != 3 && step != 12) ||
        (step == 3 && month_fq_start(a) != a) || (step == 12 && month_of_year(a) != 4))
        return sio_fail(err, SIO_EDATA, NULL, 0, "[%s]: a period is not one month, a"
                        " financial quarter or a financial year", m->key);
    if (s->n == 0)
        s->step = step;
    if (step != series_step(s))
        return sio_fail(err, SIO_EDATA, NULL, 0, "[%s]: monthly and quarterly periods are"
                        " mixed in one series", m->key);
    long num = sqlite3_column_int64(st, 2), den = 0;
    if (m->source == MEASURE_SRC_INDICATOR &&
        !indicator_point(m, sqlite3_column_double(st, 2),
                         sqlite3_column_type(st, 3) != SQLITE_NULL,
                         sqlite3_column_double(st, 3), &num, &den))
        return sio_fail(err, SIO_EDATA, NULL, 0, "[%s]: indicator '%s' has a value that is"
                        " not a %s", m->key, m->indicator, m->proportion
                        ? "percentage with a denominator of at least 1" : "whole count");
    if (m->source != MEASURE_SRC_INDICATOR && m->proportion)
        den = sqlite3_column_int64(st, 3);
    return series_put(s, a, num, den, err);
}

int source_load(sqlite3 *db, const char *force, const struct measure_def *m,
                struct series *s, struct sio_error *err)
{
    sqlite3_stmt *st;
    memset(s, 0, sizeof *s);
    int rc = prepare_for(db, force, m, &st, err), step;
    if (rc)
        return rc;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = row_to_point(st, m, s, err);
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read a measure's source");
    sqlite3_finalize(st);
    if (rc)
        series_free(s);
    return rc;
}

static const char forces_sql[] =
    "SELECT DISTINCT key FROM ("
    " SELECT " SOURCE_CANON("force") " AS key FROM coverage"
    " UNION SELECT force_slug FROM ho_crime WHERE force_slug IS NOT NULL"
    " UNION SELECT COALESCE(force_slug, " SOURCE_CANON("force") ") FROM indicators"
    " UNION SELECT " SOURCE_CANON("force") " FROM files"
    "  WHERE kind IN ('stop-and-search', 'outcomes') AND superseded_by IS NULL"
    ") WHERE key IS NOT NULL ORDER BY key";

void source_forces_free(char **forces)
{
    for (char **f = forces; f && *f; f++)
        free(*f);
    free(forces);
}

int source_forces(sqlite3 *db, char ***forces, struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t n = 0;
    int rc = store_prepare(db, forces_sql, &st, err);
    *forces = calloc(1, sizeof **forces);
    if (!rc && !*forces)
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        char **more = realloc(*forces, (n + 2) * sizeof *more);
        if (!more || !(more[n] = strdup((const char *)sqlite3_column_text(st, 0)))) {
            if (more)
                *forces = more;
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
            break;
        }
        *forces = more;
        more[++n] = NULL;
    }
    if (!rc)
        sqlite3_finalize(st);
    else if (st)
        sqlite3_finalize(st);
    return rc;
}
