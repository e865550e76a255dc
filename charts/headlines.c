/*
 * headlines.c — reading a force's six overview panels from the store
 * (overview_load(), overview.h).
 *
 * A panel's points are the headline's financial-quarter figures
 * (measure_results 'fq': a count or a percentage) or, for a rolling-year
 * measure, which has no quarters, its 12-month totals at each quarter end
 * ('r12').  Its baseline level is the baseline's figure per panel unit: a
 * quarter's average count, the baseline percentage, or the baseline's
 * 12-month total.  The verdict is measure_verdicts' baseline verdict.
 */
#include "overview.h"

#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static month_t col_month(sqlite3_stmt *st, int i)
{
    const char *t = store_col_text(st, i);
    return t[0] ? month_parse(t, strlen(t)) : MONTH_NONE;
}

static int finish(sqlite3 *db, sqlite3_stmt *st, int step, struct sio_error *err)
{
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading the overview");
}

/* The priorities and each one's chosen headline (NULL measure when none). */
static const char panels_sql[] =
    "SELECT p.title, p.position, c.measure, c.label, c.noun, c.statistic = 'proportion',"
    " w.frequency = 'rolling year', v.verdict, v.change_pct, w.baseline_start, w.baseline_end,"
    " v.latest_value, v.base_value"
    " FROM priorities p"
    " LEFT JOIN priority_sources s ON s.force = ?1 AND s.priority = p.priority AND s.chosen = 1"
    " LEFT JOIN measure_catalogue c ON c.measure = s.measure"
    " LEFT JOIN measure_windows w ON w.force = ?1 AND w.measure = s.measure"
    " LEFT JOIN measure_verdicts v ON v.force = ?1 AND v.measure = s.measure"
    "  AND v.comparison = 'baseline'"
    " ORDER BY p.position LIMIT 6";

static const char points_sql[] =
    "SELECT period_start, period_end, value, months_covered < months_expected FROM measure_results"
    " WHERE force = ?1 AND measure = ?2 AND period_type = ?3"
    " AND statistic IN ('count', 'proportion_pct') AND value IS NOT NULL"
    " AND (?3 = 'fq' OR CAST(substr(period_end, 6, 2) AS INTEGER) % 3 = 0)"
    " ORDER BY period_start";

static int points_load(sqlite3 *db, const char *force, const char *measure,
                       struct overview_panel *p, struct digest_acc *acc, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, points_sql, &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, p->rolling ? "r12" : "fq", -1, SQLITE_STATIC);
    while ((step = digest_step(st, acc)) == SQLITE_ROW) {
        struct overview_point *more = realloc(p->q, (p->n + 1) * sizeof *more);
        if (!more) {
            sqlite3_finalize(st);
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        }
        p->q = more;
        more[p->n].start = p->rolling ? col_month(st, 1) - 2 : col_month(st, 0);
        more[p->n].value = sqlite3_column_double(st, 2);
        more[p->n++].partial = sqlite3_column_int(st, 3);
    }
    return finish(db, st, step, err);
}

/* The baseline per panel unit, from the baseline's 12-month figure. */
static int level_load(sqlite3 *db, const char *force, const char *measure, month_t a, month_t b,
                      struct overview_panel *p, struct digest_acc *acc, struct sio_error *err)
{
    sqlite3_stmt *st;
    char x[8], y[8];
    int step, rc = store_prepare(db, "SELECT value, months_covered FROM measure_results"
                                     " WHERE force = ?1 AND measure = ?2 AND period_type = 'r12'"
                                     " AND period_start = ?3 AND period_end = ?4"
                                     " AND statistic IN ('count', 'proportion_pct')"
                                     " AND value IS NOT NULL", &st, err);
    p->level = NAN;
    if (rc || a == MONTH_NONE) {
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, month_format(a, x), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, month_format(b, y), -1, SQLITE_STATIC);
    if ((step = digest_step(st, acc)) == SQLITE_ROW) {
        double v = sqlite3_column_double(st, 0);
        int months = sqlite3_column_int(st, 1);
        p->level = p->percent || p->rolling ? v : months > 0 ? v / months * 3.0 : NAN;
        step = sqlite3_step(st);
    }
    return finish(db, st, step, err);
}

static int panel_read(sqlite3 *db, const char *force, sqlite3_stmt *st, struct overview *ov,
                      struct digest_acc *acc, struct sio_error *err)
{
    struct overview_panel *p = &ov->p[ov->n++];
    char measure[64];
    month_t a = col_month(st, 9), b = col_month(st, 10);

    memset(p, 0, sizeof *p);
    p->change = p->level = p->latest = p->base = NAN;
    snprintf(p->priority, sizeof p->priority, "%s", store_col_text(st, 0));
    p->number = sqlite3_column_int(st, 1);
    snprintf(p->verdict, sizeof p->verdict, "no data");
    if (sqlite3_column_type(st, 2) == SQLITE_NULL)
        return SIO_OK;
    snprintf(measure, sizeof measure, "%s", store_col_text(st, 2));
    snprintf(p->label, sizeof p->label, "%s", store_col_text(st, 3));
    snprintf(p->noun, sizeof p->noun, "%s", store_col_text(st, 4));
    p->percent = sqlite3_column_int(st, 5);
    p->rolling = sqlite3_column_int(st, 6);
    if (*store_col_text(st, 7))
        snprintf(p->verdict, sizeof p->verdict, "%s", store_col_text(st, 7));
    p->change = store_col_real(st, 8);
    p->latest = store_col_real(st, 11);
    p->base = store_col_real(st, 12);
    if (a != MONTH_NONE) {
        ov->baseline_start = a;
        ov->baseline_end = b;
    }
    int rc = points_load(db, force, measure, p, acc, err);
    return rc ? rc : level_load(db, force, measure, a, b, p, acc, err);
}

int overview_load(sqlite3 *db, const char *force, struct overview *ov, struct sio_error *err)
{
    struct digest_acc acc;
    sqlite3_stmt *st;
    int step = SQLITE_DONE, rc;

    overview_clear(ov);
    snprintf(ov->force, sizeof ov->force, "%s", force);
    if ((rc = store_force_name(db, force, ov->force_name, sizeof ov->force_name, err)) ||
        (rc = store_prepare(db, panels_sql, &st, err)))
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    digest_begin(&acc);
    digest_add_str(&acc, ov->force_name);
    while (!rc && (step = digest_step(st, &acc)) == SQLITE_ROW)
        if (ov->n < OVERVIEW_PANELS)
            rc = panel_read(db, force, st, ov, &acc, err);
    digest_end(&acc, &ov->digest);
    if (rc) {
        sqlite3_finalize(st);
        return rc;
    }
    return finish(db, st, step, err);
}

void overview_clear(struct overview *ov)
{
    for (size_t i = 0; i < OVERVIEW_PANELS; i++)
        free(ov->p[i].q);
    memset(ov, 0, sizeof *ov);
    ov->baseline_start = ov->baseline_end = MONTH_NONE;
}
