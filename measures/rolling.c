/*
 * rolling.c — rolling-year Home Office figures: r12 rows and comparisons.
 *
 * The configured offence groups are summed per 12-month period; a period
 * is covered when the file has a row of one of those groups for the force
 * (the file writes zeros out), else it is missing.  Figures are read whole
 * into memory: one per quarter end, about 90 since 2003.
 */
#include "rolling.h"
#include "catalogue.h"
#include "compare.h"
#include "periods.h"
#include "source.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file lists every force, group and period, zeros included, so a
 * period without a row of the measure's groups for the force is missing:
 * the fraud rows stop in 2013, and 2017/18 is "no data", not 0. */
static const char rolling_sql[] =
    "SELECT period_start, period_end,"
    " SUM(CASE WHEN offence_group IN (SELECT v FROM temp.source_values) THEN count ELSE 0 END)"
    " FROM ho_crime WHERE period_type = 'r12' AND force_slug = ?1"
    " GROUP BY period_start, period_end"
    " HAVING SUM(offence_group IN (SELECT v FROM temp.source_values)) > 0"
    " ORDER BY period_end";

struct rolling_set {
    struct window *w; /* one complete 12-month window per figure, by end */
    int n;
};

static month_t text_month(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return t ? month_parse(t, strlen(t)) : MONTH_NONE;
}

static int rolling_add(struct rolling_set *rs, sqlite3_stmt *st, const char *key,
                       struct sio_error *err)
{
    month_t a = text_month(st, 0), b = text_month(st, 1);
    if (a == MONTH_NONE || b == MONTH_NONE || b - a != 11 || month_fq_start(b) + 2 != b)
        return sio_fail(err, SIO_EDATA, NULL, 0, "[%s]: a rolling-year figure is not the"
                        " 12 months ending a quarter end", key);
    struct window *more = realloc(rs->w, (size_t)(rs->n + 1) * sizeof *more);
    if (!more)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    rs->w = more;
    rs->w[rs->n++] = (struct window){a, b, 12, 12, sqlite3_column_int64(st, 2), 0};
    return SIO_OK;
}

static int rolling_load(struct emitter *e, struct rolling_set *rs, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = source_values_fill(e->db, e->m->ho_groups, e->m->n_ho_groups, err), step;
    memset(rs, 0, sizeof *rs);
    if (rc || (rc = store_prepare(e->db, rolling_sql, &st, err)))
        return rc;
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = rolling_add(rs, st, e->m->key, err);
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(e->db, err, "cannot read the rolling-year figures");
    sqlite3_finalize(st);
    return rc;
}

/* The figure for exactly [start, end], or that window with no month
 * covered when the file has no such figure. */
static struct window rolling_find(const struct rolling_set *rs, month_t start, month_t end)
{
    for (int i = 0; i < rs->n; i++)
        if (rs->w[i].start == start && rs->w[i].end == end)
            return rs->w[i];
    return (struct window){start, end, 0, end - start + 1, 0, 0};
}

static int rolling_compare(struct emitter *e, const struct rolling_set *rs,
                           struct sio_error *err)
{
    const struct window *last = &rs->w[rs->n - 1];
    /* The latest quarter is inside the last figure but not published alone. */
    const struct window quarter = {last->end - 2, last->end, 0, 3, 0, 0};
    const struct window quarter_before = {last->end - 14, last->end - 12, 0, 3, 0, 0};
    const struct window base[COMPARE_KINDS] = {
        rolling_find(rs, e->cfg->baseline_start, e->cfg->baseline_end),
        rolling_find(rs, last->start - 12, last->end - 12), quarter_before};
    const char *why[COMPARE_KINDS] = {
        "the rolling-year file has no figure for exactly the baseline's months",
        "the rolling-year file has no figure for the 12 months a year earlier",
        "the rolling-year file has no quarterly figures"};
    struct comparison c;
    int rc = SIO_OK;
    for (int k = 0; k < COMPARE_KINDS && !rc; k++)
        if (!(rc = compare_windows(k == COMPARE_QUARTER ? &quarter : last, &base[k], why[k],
                                   e->m, e->cfg, (enum compare_kind)k, &c, err)))
            rc = compare_store(e, &c, err);
    return rc;
}

int rolling_emit(struct emitter *e, int *points, struct sio_error *err)
{
    struct rolling_set rs;
    char label[40], mon[8];
    int rc = rolling_load(e, &rs, err);
    *points = rc ? 0 : rs.n;
    for (int i = 0; i < rs.n && !rc; i++) {
        snprintf(label, sizeof label, "12 months to %s", month_format(rs.w[i].end, mon));
        rc = periods_window(e, "r12", label, &rs.w[i], err);
    }
    if (!rc && rs.n && e->windows)
        catalogue_collect_span(e->windows, "rolling year", rs.w[0].start, rs.w[rs.n - 1].end);
    if (!rc && rs.n)
        rc = rolling_compare(e, &rs, err);
    free(rs.w);
    return rc;
}
