/*
 * figures.c — one measure's figures for the statement's quarter, from the
 * store: the quarter and the same quarter a year earlier, the latest 12
 * months and the 12 months before, the baseline year (measure_results), the
 * three comparisons (measure_verdicts) and England and Wales and the region
 * beside them (national_picture).
 *
 * When the statement is for the force's reporting quarter every measure
 * takes the windows its own comparisons used (the catalogue's), so the
 * verdicts printed are the ones stored.  For an earlier quarter asked for
 * with --quarter, a measure whose windows end later is shown by counts over
 * that quarter's windows only: verdicts are made for the latest figures.
 */
#include "figures.h"

#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static month_t col_month(sqlite3_stmt *st, int i)
{
    const char *t = store_col_text(st, i);
    return t[0] ? month_parse(t, strlen(t)) : MONTH_NONE;
}

static const char value_sql[] =
    "SELECT value, ci_low, ci_high, months_covered, months_expected, period,"
    " (SELECT d.value FROM measure_results d WHERE d.force = r.force AND d.measure = r.measure"
    "  AND d.period_type = r.period_type AND d.period = r.period"
    "  AND d.statistic = 'denominator')"
    " FROM measure_results r WHERE force = ?1 AND measure = ?2 AND period_type = ?3"
    " AND period_start = ?4 AND period_end = ?5 AND statistic IN ('count', 'proportion_pct')"
    " AND value IS NOT NULL";

int figures_value(sqlite3 *db, const char *force, const char *measure, const char *type,
                  month_t start, month_t end, struct statement_value *v, struct sio_error *err)
{
    sqlite3_stmt *st;
    char a[8], b[8];
    int step, rc;

    memset(v, 0, sizeof *v);
    v->value = v->low = v->high = v->denominator = NAN;
    v->start = start;
    v->end = end;
    snprintf(v->period_type, sizeof v->period_type, "%s", type);
    if (start == MONTH_NONE || end == MONTH_NONE)
        return SIO_OK;
    if ((rc = store_prepare(db, value_sql, &st, err)))
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, month_format(start, a), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, month_format(end, b), -1, SQLITE_STATIC);
    if ((step = sqlite3_step(st)) == SQLITE_ROW) {
        v->found = 1;
        v->value = store_col_real(st, 0);
        v->low = store_col_real(st, 1);
        v->high = store_col_real(st, 2);
        v->covered = sqlite3_column_int(st, 3);
        v->expected = sqlite3_column_int(st, 4);
        snprintf(v->period, sizeof v->period, "%s", store_col_text(st, 5));
        v->denominator = store_col_real(st, 6);
        step = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading measure_results");
}

static const char *const cmp_names[CMP_N] = {"quarter_last_year", "year_earlier", "baseline"};

static int compare_load(sqlite3 *db, const char *force, const char *measure, int k,
                        struct statement_compare *c, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, "SELECT verdict, change_pct, ci_low_pct, ci_high_pct,"
                                     " coalesce(unit, ''), sentence FROM measure_verdicts"
                                     " WHERE force = ?1 AND measure = ?2 AND comparison = ?3",
                                 &st, err);
    memset(c, 0, sizeof *c);
    c->change = c->low = c->high = NAN;
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, cmp_names[k], -1, SQLITE_STATIC);
    if ((step = sqlite3_step(st)) == SQLITE_ROW) {
        c->found = 1;
        snprintf(c->verdict, sizeof c->verdict, "%s", store_col_text(st, 0));
        c->change = store_col_real(st, 1);
        c->low = store_col_real(st, 2);
        c->high = store_col_real(st, 3);
        c->points = strcmp(store_col_text(st, 4), "percentage points") == 0;
        snprintf(c->sentence, sizeof c->sentence, "%s", store_col_text(st, 5));
        step = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading measure_verdicts");
}

/* England and Wales [0] and the region [1] for the year-earlier comparison
 * (the 12 months against the 12 before, the comparison a panel reads first). */
static int national_load(sqlite3 *db, const char *force, struct statement_measure *m,
                         struct sio_error *err)
{
    static const char *const kinds[2] = {"country", "region"};
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT area, latest_value, base_value, change, ci_low, ci_high,"
                               " verdict, forces_with_data, forces_expected FROM national_picture"
                               " WHERE force = ?1 AND measure = ?2 AND area_kind = ?3"
                               " AND comparison = 'year_earlier'", &st, err);
    for (int i = 0; i < 2 && !rc; i++) {
        struct statement_national *n = &m->nat[i];
        memset(n, 0, sizeof *n);
        sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, m->def.key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, kinds[i], -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            snprintf(n->area, sizeof n->area, "%s", store_col_text(st, 0));
            n->latest = store_col_real(st, 1);
            n->base = store_col_real(st, 2);
            n->change = store_col_real(st, 3);
            n->low = store_col_real(st, 4);
            n->high = store_col_real(st, 5);
            snprintf(n->verdict, sizeof n->verdict, "%s", store_col_text(st, 6));
            n->forces = sqlite3_column_int(st, 7);
            n->found = isfinite(n->latest);
            if (i == 0) {
                m->nat_forces = n->forces;
                m->nat_expected = sqlite3_column_int(st, 8);
            }
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* "the lowest of 16 quarters since 2018/19 Q1" when the quarter is the
 * lowest or highest of every whole quarter with data; else "". */
static int extreme_load(sqlite3 *db, const char *force, struct statement_measure *m,
                        struct sio_error *err)
{
    sqlite3_stmt *st;
    char first[16];
    int rc = store_prepare(db, "SELECT count(*), min(value), max(value), min(period_start),"
                               " sum(value = ?3) FROM measure_results WHERE force = ?1"
                               " AND measure = ?2 AND period_type = 'fq'"
                               " AND statistic IN ('count', 'proportion_pct')"
                               " AND value IS NOT NULL AND months_covered = months_expected",
                           &st, err);
    m->extreme[0] = '\0';
    if (rc || !m->quarter.found || m->quarter.covered < m->quarter.expected) {
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->def.key, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 3, m->quarter.value);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) >= 8 &&
        sqlite3_column_int(st, 4) == 1) {
        int n = sqlite3_column_int(st, 0);
        double v = m->quarter.value;
        month_t since = col_month(st, 3);
        const char *which = v == sqlite3_column_double(st, 1) ? "lowest"
                          : v == sqlite3_column_double(st, 2) ? "highest" : NULL;
        if (which && since != MONTH_NONE)
            snprintf(m->extreme, sizeof m->extreme, "the %s of the %d whole quarters since %s",
                     which, n, month_fq_label(since, first));
    }
    sqlite3_finalize(st);
    return SIO_OK;
}

/* The windows to show: the catalogue's own, or the asked-for quarter's. */
static void windows_for(const struct catalogue_windows *w, month_t q, int reporting,
                        month_t win[5][2], int *current)
{
    int rolling = strcmp(w->frequency, "rolling year") == 0;
    month_t own_q = rolling ? (w->r12[1] != MONTH_NONE ? w->r12[1] - 2 : MONTH_NONE) : w->quarter[0];

    *current = reporting || own_q == q;
    if (*current) {
        memcpy(win[0], w->quarter, sizeof win[0]);
        memcpy(win[1], w->quarter_last_year, sizeof win[1]);
        memcpy(win[2], w->r12, sizeof win[2]);
        memcpy(win[3], w->year_earlier, sizeof win[3]);
    } else {
        win[0][0] = q, win[0][1] = q + 2;
        win[1][0] = q - 12, win[1][1] = q - 10;
        win[2][0] = q - 9, win[2][1] = q + 2;
        win[3][0] = q - 21, win[3][1] = q - 10;
    }
    memcpy(win[4], w->baseline, sizeof win[4]);
}

int figures_load(sqlite3 *db, const struct statement *s, struct statement_measure *m,
                 struct sio_error *err)
{
    month_t win[5][2];
    const char *key = m->def.key;
    int rc;

    windows_for(&m->win, s->quarter, s->reporting_quarter, win, &m->current);
    m->older = m->win.last != MONTH_NONE && m->win.last < s->quarter + 2;
    if ((rc = figures_value(db, s->force, key, "fq", win[0][0], win[0][1], &m->quarter, err)) ||
        (rc = figures_value(db, s->force, key, "fq", win[1][0], win[1][1], &m->quarter_before, err)) ||
        (rc = figures_value(db, s->force, key, "r12", win[2][0], win[2][1], &m->r12, err)) ||
        (rc = figures_value(db, s->force, key, "r12", win[3][0], win[3][1], &m->r12_before, err)) ||
        (rc = figures_value(db, s->force, key, "r12", win[4][0], win[4][1], &m->baseline, err)))
        return rc;
    for (int k = 0; k < CMP_N && !rc; k++) {
        rc = compare_load(db, s->force, key, k, &m->cmp[k], err);
        if (!m->current)
            m->cmp[k].found = 0;
    }
    if (!rc && m->current)
        rc = national_load(db, s->force, m, err);
    return rc ? rc : extreme_load(db, s->force, m, err);
}
