/*
 * quarterly.c — financial quarters and the baseline comparison.
 *
 * The rolling 12 months ending each quarter are compared with the baseline
 * exactly as the verdicts table compares the latest 12 months (compare.h):
 * the same windows rule, the same interval allowing for over-dispersion and
 * the same verdict words, so a chart drawn from these rows and a sentence
 * from measure_verdicts cannot disagree.
 */
#include "quarterly.h"
#include "compare.h"

#include <math.h>

int quarterly_row(const struct series *s, month_t start, const struct sio_config *cfg,
                  const struct measure_def *m, int seasonal, struct quarter_row *row,
                  struct sio_error *err)
{
    struct comparison c;
    month_t end = start + 2;
    int rc = compare_ending(s, end, m, cfg, COMPARE_BASELINE, seasonal, &c, err);
    if (rc)
        return rc;
    row->start = start;
    row->count = series_sum(s, start, end, &row->months_covered);
    row->r12_count = c.latest.num;
    row->r12_months = c.latest.covered;
    row->baseline_count = c.base.num;
    row->baseline_months = c.base.covered;
    row->comparable = c.comparable;
    row->change_pct = c.change;
    row->ci_low_pct = c.low;
    row->ci_high_pct = c.high;
    row->verdict = c.verdict;
    return SIO_OK;
}
