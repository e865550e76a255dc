/*
 * quarterly.h — one row per financial quarter: the quarter's count, the
 * rolling 12 months ending with it, and their change against the baseline.
 */
#ifndef SIO_MEASURES_QUARTERLY_H
#define SIO_MEASURES_QUARTERLY_H

#include "config/config.h"
#include "series.h"

struct quarter_row {
    month_t start;            /* first month of the financial quarter */
    long count;               /* covered months only */
    int months_covered;       /* 0..3 */
    long r12_count;           /* 12 months ending the quarter's last month */
    int r12_months;
    long baseline_count;
    int baseline_months;
    int comparable;           /* both windows usable (compare.h) */
    double change_pct, ci_low_pct, ci_high_pct;  /* NaN when there is none */
    const char *verdict;      /* the comparison's verdict (compare.h's words) */
};

/* Fill row for the quarter starting at start of measure m's series s
 * (seasonal as for compare_make).  SIO_EDATA only from the interval
 * arithmetic on impossible input. */
int quarterly_row(const struct series *s, month_t start, const struct sio_config *cfg,
                  const struct measure_def *m, int seasonal, struct quarter_row *row,
                  struct sio_error *err);

#endif
