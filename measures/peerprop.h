/*
 * peerprop.h — peers for a proportion measure: each member's share over
 * the force's latest 12 months against its group's pooled share.
 *
 * A member counts only when every month of its 12 is covered and it has
 * trials.  Each such member gets its proportion with the Wilson score
 * interval (R's prop.test(x, n, correct = FALSE)$conf.int) and its rank
 * (1 = lowest); the group gets its pooled proportion, sum of successes over
 * sum of trials, with its Wilson interval.  Significance is a
 * two-proportion test, not interval overlap: Pearson's chi-squared without
 * continuity correction of the member against the other members pooled (R's
 * prop.test(c(x, X - x), c(n, N - n), correct = FALSE)$p.value), so a member
 * is never tested against a total that contains itself; significant when
 * p < 1 - confidence.  Shares vary from month to month more than binomial
 * sampling allows, as counts do: the test allows for it with the
 * quasi-binomial dispersion phi of the member's and the others' pooled
 * monthly shares (dispersion.h): with phi above 1 the p-value is that of
 * chi-square / phi on F(1, df), the quasi-likelihood test; a member without
 * 12 monthly shares is not tested.  Rows go to peer_proportions.
 */
#ifndef SIO_MEASURES_PEERPROP_H
#define SIO_MEASURES_PEERPROP_H

#include "config/config.h"
#include "source.h"
#include "stats/dispersion.h"

#include <sqlite3.h>

struct peerprop_group {
    const char *name, *source, *date; /* as in the peers file */
    char *const *member;              /* force keys */
    int n;
};

/* The group's figures for each period its members' pages have needed so
 * far (one period when they all end in the same month): peerprop_force()
 * adds to it; free it with peerprop_tables_free() before the next group or
 * measure. */
struct peerprop_table;
struct peerprop_tables {
    struct peerprop_table **t;
    int n;
};
void peerprop_tables_free(struct peerprop_tables *ts);

/* Write g's rows for force (one of its members) and proportion measure m,
 * over the 12 months ending at force's latest month, from src; nothing when
 * force has no data.  The group's figures for that period come from ts, or
 * are worked out and added to it.  *rows is increased by the rows written. */
int peerprop_force(sqlite3 *db, const struct sources *src, const struct measure_def *m,
                   const char *force, const struct peerprop_group *g,
                   struct peerprop_tables *ts, long *rows, struct sio_error *err);

/* The p-value of Pearson's chi-squared test without continuity correction
 * that x1/n1 and x2/n2 are equal (R's prop.test(c(x1, x2), c(n1, n2),
 * correct = FALSE)$p.value); NaN when either n is 0 or the pooled share is 0
 * or 1 (no test possible). */
double peerprop_p_value(long x1, long n1, long x2, long n2);

/* peerprop_p_value allowing for fit (see the top of this file); NaN when
 * fit has too few df (DISPERSION_MIN_DF) or there is no test. */
double peerprop_p_value_dispersed(long x1, long n1, long x2, long n2,
                                  const struct dispersion_fit *fit);

#endif
