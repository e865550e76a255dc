/*
 * quarterly.c — financial quarters and the baseline comparison.
 *
 * The comparison is of two 12-month totals, so both windows must be fully
 * covered: with a month missing the totals are not like for like and no
 * verdict is given ("not comparable").  The interval is the exact conditional
 * Poisson interval of the ratio of the two counts (R's poisson.test with
 * equal exposure), expressed as a percentage change.
 */
#include "quarterly.h"
#include "stats/poisson.h"

#include <math.h>

static const char *verdict_text(enum poisson_change c)
{
    return c == CHANGE_INCREASE ? "increase" : c == CHANGE_DECREASE ? "decrease"
                                                                    : "no significant change";
}

static double pct(double ratio)
{
    return isfinite(ratio) ? 100.0 * (ratio - 1.0) : ratio;
}

int quarterly_row(const struct series *s, month_t start, const struct sio_config *cfg,
                  struct quarter_row *row, struct sio_error *err)
{
    struct poisson_ratio r;
    month_t end = start + 2;
    int rc;

    row->start = start;
    row->count = series_sum(s, start, end, &row->months_covered);
    row->r12_count = series_sum(s, end - 11, end, &row->r12_months);
    row->baseline_count = series_sum(s, cfg->baseline_start, cfg->baseline_end,
                                     &row->baseline_months);
    int span = cfg->baseline_end - cfg->baseline_start + 1;
    row->comparable = row->r12_months == 12 && row->baseline_months == span;
    row->verdict = "not comparable";
    if (!row->comparable)
        return SIO_OK;
    if ((rc = poisson_ratio_ci(row->r12_count, 12.0, row->baseline_count, (double)span,
                               cfg->confidence, &r, err)))
        return rc;
    row->change_pct = pct(r.ratio);
    row->ci_low_pct = pct(r.low);
    row->ci_high_pct = pct(r.high);
    row->verdict = verdict_text(poisson_verdict(&r));
    return SIO_OK;
}
