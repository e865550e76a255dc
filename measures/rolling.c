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

#include <stdio.h>

/* The file lists every force, group and period, zeros included, so a
 * period without a row of the measure's groups for the force is missing:
 * the fraud rows stop in 2013, and 2017/18 is "no data", not 0.  The
 * figures are read with the other sources' (source.c, rolling_sql). */
struct rolling_set {
    const struct window *w; /* one complete 12-month window per figure, by end */
    int n;
};

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
    int rc = SIO_OK;
    rs.w = sources_rolling(e->src, e->m, e->force, &rs.n);
    *points = rs.n;
    for (int i = 0; i < rs.n && !rc; i++) {
        snprintf(label, sizeof label, "12 months to %s", month_format(rs.w[i].end, mon));
        rc = periods_window(e, "r12", label, &rs.w[i], err);
    }
    if (!rc && rs.n && e->windows)
        catalogue_collect_span(e->windows, "rolling year", rs.w[0].start, rs.w[rs.n - 1].end);
    if (!rc && rs.n)
        rc = rolling_compare(e, &rs, err);
    return rc;
}
