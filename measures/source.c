/*
 * source.c — one query per kind of source, each returning the rows
 * (force key, period_start, period_end, numerator, denominator) of every
 * force, by force and then in time order, read once a run into a struct
 * sources (source.h).
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
    "SELECT " SOURCE_CANON("force") " AS k, month, month, count, NULL FROM measure_counts"
    " WHERE measure = ?2 ORDER BY k, month";

/* A quarter is covered when the force has any offence row for it and the
 * table publishes one of the measure's codes for that quarter (for some
 * territorial force): a code the tables stop carrying leaves its later
 * quarters missing, not zero, while a force with no row of a code that
 * others have had none (the tables may leave zero rows out). */
static const char home_office_sql[] =
    "SELECT force_slug, period_start, period_end,"
    " SUM(CASE WHEN offence_code IN (SELECT v FROM temp.source_values) THEN count ELSE 0 END),"
    " NULL FROM ho_crime WHERE period_type = 'fq' AND force_slug IS NOT NULL"
    " AND period_start IN (SELECT period_start FROM ho_crime WHERE period_type = 'fq'"
    "  AND force_slug IS NOT NULL AND offence_code IN (SELECT v FROM temp.source_values))"
    " GROUP BY force_slug, period_start, period_end ORDER BY force_slug, period_start";

static const char indicator_sql[] =
    "SELECT COALESCE(force_slug, " SOURCE_CANON("force") ") AS k, period_start, period_end,"
    " value, denominator FROM indicators WHERE indicator = ?2 ORDER BY k, period_start";

/* Searches with no recorded outcome are in neither part of the share. */
static const char stop_search_sql[] =
    "SELECT " SOURCE_CANON("f.force") " AS k, f.month, f.month,"
    " CASE WHEN ?3 THEN COALESCE(SUM(s.outcome <> '" SOURCE_NFA_OUTCOME "'), 0)"
    "      ELSE COUNT(s.file_id) END,"
    " CASE WHEN ?3 THEN COUNT(s.file_id) END"
    " FROM files f LEFT JOIN stop_search s ON s.file_id = f.id"
    "  AND s.object_of_search = ?2 AND (NOT ?3 OR COALESCE(s.outcome, '') <> '')"
    " WHERE f.kind = 'stop-and-search' AND f.superseded_by IS NULL"
    " GROUP BY k, f.month ORDER BY k, f.month";

/* Crimes of the type with an outcome published that month, by Crime ID;
 * outcomes whose crime is not in the street table cannot be typed. */
static const char outcomes_sql[] =
    "SELECT " SOURCE_CANON("f.force") " AS k, f.month, f.month,"
    " COUNT(DISTINCT CASE WHEN o.outcome_type IN (SELECT v FROM temp.source_values)"
    "       THEN o.crime_id END),"
    " COUNT(DISTINCT o.crime_id)"
    " FROM files f LEFT JOIN (outcomes o JOIN street_coded t ON t.crime_id = o.crime_id"
    "  AND t.crime_type = (SELECT id FROM labels WHERE text = ?2)) ON o.file_id = f.id"
    " WHERE f.kind = 'outcomes' AND f.superseded_by IS NULL"
    " GROUP BY k, f.month ORDER BY k, f.month";

/* Rolling-year figures (rolling.c says why a period without a row of the
 * measure's groups is missing). */
static const char rolling_sql[] =
    "SELECT force_slug, period_start, period_end,"
    " SUM(CASE WHEN offence_group IN (SELECT v FROM temp.source_values) THEN count ELSE 0 END)"
    " FROM ho_crime WHERE period_type = 'r12' AND force_slug IS NOT NULL"
    " GROUP BY force_slug, period_start, period_end"
    " HAVING SUM(offence_group IN (SELECT v FROM temp.source_values)) > 0"
    " ORDER BY force_slug, period_end";

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
    case MEASURE_SRC_HO_ROLLING: return rolling_sql; /* not a series: see rolling.h */
    }
    return NULL;
}

static int prepare_for(sqlite3 *db, const struct measure_def *m, sqlite3_stmt **st,
                       struct sio_error *err)
{
    int rc = SIO_OK;
    if (m->source == MEASURE_SRC_HOME_OFFICE)
        rc = source_values_fill(db, m->ho_codes, m->n_ho_codes, err);
    else if (m->source == MEASURE_SRC_HO_ROLLING)
        rc = source_values_fill(db, m->ho_groups, m->n_ho_groups, err);
    else if (m->source == MEASURE_SRC_OUTCOMES)
        rc = source_values_fill(db, m->outcome_types, m->n_outcome_types, err);
    if (rc || (rc = store_prepare(db, query_for(m), st, err)))
        return rc;
    const char *second = m->source == MEASURE_SRC_POLICE_UK ? m->key
                       : m->source == MEASURE_SRC_INDICATOR ? m->indicator
                       : m->source_filter;
    if (m->source != MEASURE_SRC_HOME_OFFICE && m->source != MEASURE_SRC_HO_ROLLING)
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
    month_t a = column_month(st, 1), b = column_month(st, 2);
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
    long num = sqlite3_column_int64(st, 3), den = 0;
    if (m->source == MEASURE_SRC_INDICATOR &&
        !indicator_point(m, sqlite3_column_double(st, 3),
                         sqlite3_column_type(st, 4) != SQLITE_NULL,
                         sqlite3_column_double(st, 4), &num, &den))
        return sio_fail(err, SIO_EDATA, NULL, 0, "[%s]: indicator '%s' has a value that is"
                        " not a %s", m->key, m->indicator, m->proportion
                        ? "percentage with a denominator of at least 1" : "whole count");
    if (m->source != MEASURE_SRC_INDICATOR && m->proportion)
        den = sqlite3_column_int64(st, 4);
    return series_put(s, a, num, den, err);
}

/* ---- every force's series of every measure, read once ---- */

static int source_add(struct source_measure *sm, const char *key, struct sio_error *err)
{
    if (sm->n == sm->cap) {
        int cap = sm->cap ? 2 * sm->cap : 64;
        struct source_series *more = realloc(sm->f, (size_t)cap * sizeof *more);
        if (!more)
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        sm->f = more;
        sm->cap = cap;
    }
    struct source_series *f = &sm->f[sm->n];
    memset(f, 0, sizeof *f);
    if (!(f->force = strdup(key)))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    sm->n++;
    return SIO_OK;
}

/* A rolling-year figure: complete 12 months ending a quarter end. */
static int rolling_point(sqlite3_stmt *st, const struct measure_def *m,
                         struct source_series *f, struct sio_error *err)
{
    month_t a = column_month(st, 1), b = column_month(st, 2);
    if (a == MONTH_NONE || b == MONTH_NONE || b - a != 11 || month_fq_start(b) + 2 != b)
        return sio_fail(err, SIO_EDATA, NULL, 0, "[%s]: a rolling-year figure is not the"
                        " 12 months ending a quarter end", m->key);
    struct window *more = realloc(f->r12, (size_t)(f->n_r12 + 1) * sizeof *more);
    if (!more)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    f->r12 = more;
    f->r12[f->n_r12++] = (struct window){a, b, 12, 12, sqlite3_column_int64(st, 3), 0};
    return SIO_OK;
}

/* m's rows of every force: one series a force key, in key order. */
static int source_read(sqlite3 *db, const struct measure_def *m, struct source_measure *sm,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = prepare_for(db, m, &st, err), step = SQLITE_DONE;
    if (rc)
        return rc;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        if (!key)
            continue; /* a row no force can own */
        if (sm->n == 0 || strcmp(sm->f[sm->n - 1].force, key) != 0)
            rc = source_add(sm, key, err);
        if (!rc && m->source == MEASURE_SRC_HO_ROLLING)
            rc = rolling_point(st, m, &sm->f[sm->n - 1], err);
        else if (!rc)
            rc = row_to_point(st, m, &sm->f[sm->n - 1].s, err);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read a measure's source");
    sqlite3_finalize(st);
    return rc;
}

int sources_load(sqlite3 *db, const struct sio_config *cfg, struct sources *src,
                 struct sio_error *err)
{
    int rc = SIO_OK;
    memset(src, 0, sizeof *src);
    src->cfg = cfg;
    for (int i = 0; i < cfg->n_measures && !rc; i++)
        if (query_for(&cfg->measures[i]))
            rc = source_read(db, &cfg->measures[i], &src->m[i], err);
    if (!rc)
        rc = population_read(db, &src->population, err);
    if (rc)
        sources_free(src);
    return rc;
}

void sources_free(struct sources *src)
{
    for (int i = 0; i < CONFIG_MAX_MEASURES; i++) {
        for (int k = 0; k < src->m[i].n; k++) {
            free(src->m[i].f[k].force);
            series_free(&src->m[i].f[k].s);
            free(src->m[i].f[k].r12);
        }
        free(src->m[i].f);
    }
    population_free(&src->population);
    memset(src, 0, sizeof *src);
}

static int source_by_force(const void *key, const void *elem)
{
    return strcmp(key, ((const struct source_series *)elem)->force);
}

static const struct source_series *source_find(const struct sources *src,
                                               const struct measure_def *m, const char *force)
{
    const struct source_measure *sm = &src->m[m - src->cfg->measures];
    return sm->n ? bsearch(force, sm->f, (size_t)sm->n, sizeof *sm->f, source_by_force) : NULL;
}

const struct series *sources_series(const struct sources *src, const struct measure_def *m,
                                    const char *force)
{
    static const struct series none; /* n = 0: no data */
    const struct source_series *f = source_find(src, m, force);
    return f ? &f->s : &none;
}

const struct window *sources_rolling(const struct sources *src, const struct measure_def *m,
                                     const char *force, int *n)
{
    const struct source_series *f = source_find(src, m, force);
    *n = f ? f->n_r12 : 0;
    return f ? f->r12 : NULL;
}

int sources_copy(const struct sources *src, const struct measure_def *m, const char *force,
                 struct series *s, struct sio_error *err)
{
    return series_copy(s, sources_series(src, m, force), err);
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
