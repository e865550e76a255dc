/*
 * compare.h — the comparisons a PCC statement makes, each with a verdict in
 * the measure's own direction and a plain-English sentence.
 *
 * Three comparisons: the latest 12 months against the configured baseline,
 * against the same 12 months a year earlier, and the latest financial
 * quarter against the same quarter a year earlier.  "Latest" is the last
 * month (or quarter) the force has data for in this measure.  Counts are
 * compared as rates per covered month with the exact conditional Poisson
 * interval of their ratio (R's poisson.test(c(x1, x2), c(t1, t2))), given as
 * a % change; proportions by their difference in percentage points with
 * Newcombe's hybrid score interval (binomial_newcombe_ci).  A comparison
 * with a missing month gets no verdict unless [comparison] allow_missing is
 * set, and then its sentence says how many months were missing.
 */
#ifndef SIO_MEASURES_COMPARE_H
#define SIO_MEASURES_COMPARE_H

#include "results.h"
#include "stats/dispersion.h"

enum compare_kind { COMPARE_BASELINE, COMPARE_YEAR_EARLIER, COMPARE_QUARTER, COMPARE_KINDS };

struct comparison {
    enum compare_kind kind;
    struct window latest, base;
    int has_data;          /* the series has any point at all */
    int comparable;        /* both windows usable (complete, or allowed) */
    double change, low, high; /* % change (counts) or points (proportions) */
    double latest_value, base_value; /* counts, or per cent */
    const char *verdict;   /* improvement | deterioration | no significant change |
                            * not tested | not comparable | no data */
    struct dispersion_fit fit; /* the variation the interval allows for; df 0: none */
    char method[320];      /* how the change and its interval were found */
    char sentence[640];
    char note[200];        /* why there is no verdict, when there is none */
};

/* Work out comparison kind for series s of measure m (the windows, the
 * interval, the verdict and the sentence); seasonal says the series has a
 * month-of-year pattern (its seasonal F test), which the dispersion fit
 * then allows for. */
int compare_make(const struct series *s, const struct measure_def *m,
                 const struct sio_config *cfg, enum compare_kind kind, int seasonal,
                 struct comparison *c, struct sio_error *err);

/* compare_make as if s ended at month end (the quarterly rows' rolling
 * 12 months against the baseline). */
int compare_ending(const struct series *s, month_t end, const struct measure_def *m,
                   const struct sio_config *cfg, enum compare_kind kind, int seasonal,
                   struct comparison *c, struct sio_error *err);

/* The same judgement for windows the caller chose (the rolling-year file's
 * 12-month figures, with no monthly points: the change is stated, not
 * tested); when either window has no covered month the comparison has no
 * verdict and its sentence gives why_not ("because <why_not>"). */
int compare_windows(const struct window *latest, const struct window *base,
                    const char *why_not, const struct measure_def *m,
                    const struct sio_config *cfg, enum compare_kind kind,
                    struct comparison *c, struct sio_error *err);

/* 'baseline' | 'year_earlier' | 'quarter_last_year'. */
const char *compare_name(enum compare_kind kind);

/* "June 2019" for m into buf (at least 24 bytes). */
const char *compare_month_name(month_t m, char *buf);

/* Write c to measure_verdicts and its figures to measure_results. */
int compare_store(struct emitter *e, const struct comparison *c, struct sio_error *err);

#endif
