/*
 * street.h — police.uk street files: DIR/YYYY-MM/YYYY-MM-<slug>-street.csv
 * with the real files' bytes.
 *
 * The 12-column header, CRLF line endings, no BOM, 64-hex Crime IDs,
 * anti-social behaviour rows with an empty Crime ID and an empty outcome,
 * 'On or near ...' locations (a few with a comma, so quoted), 'No Location'
 * rows at each demo force's real share, a few Crime IDs repeated within a
 * file (with another location and outcome, as in the real Northamptonshire
 * files), an always-empty Context.  Counts per crime type are drawn
 * gamma-Poisson around calibration.h's expected counts; each force-month is
 * its own random stream, so a file does not depend on which other files are
 * made.
 */
#ifndef SIO_GEN_STREET_H
#define SIO_GEN_STREET_H

#include "outcomes.h"
#include "plan.h"
#include "pool.h"
#include "truth.h"

/* The ground truth: per force, month and crime type, the rows sio counts
 * (each distinct Crime ID once, each anti-social behaviour row). */
int street_truth_init(struct truth *truth, const struct plan *p);

/* Write force fi's street file for month m, adding its rows to truth and,
 * when log is not NULL, its crimes' published outcomes to log.  Returns 0,
 * or EX_* after printing why. */
int street_write(const struct plan *p, int fi, month_t m, const struct spot *pool,
                 struct truth *truth, struct outcome_log *log);

/* The mean rows per month force fi would have over the plan's months at
 * scale 1: what --rows scales against. */
double street_expected_rows(const struct plan *p, int fi);

/* Write the truth as force,crime_type,month,count, sorted by force, crime
 * type and month (byte order).  Returns 0 or EX_*. */
int street_truth_write(const struct truth *truth, const struct plan *p,
                       const char *path);

#endif
