/*
 * stopsearch.h — police.uk stop-and-search files:
 * DIR/YYYY-MM/YYYY-MM-<slug>-stop-and-search.csv.
 *
 * The 15-column layout with Latitude before Longitude, ISO 8601 dates with a
 * +00:00 offset in date order, a few summer searches dated the previous
 * month's last evening (local time stored as UTC, as real files do), about
 * 3% without coordinates.  Volumes: the real 2019/20 monthly level of the
 * forces with files (Leicestershire among the demo forces), the others at
 * Leicestershire's rate per head (the demo forces) or the median rate of the
 * forces with files; moved through 2018-2022 by the national totals' shape
 * and the spring 2020 rise.  Every categorical column, Object of search
 * 'Controlled drugs' among them, is drawn from the real Leicestershire and
 * Derbyshire files' shares.
 */
#ifndef SIO_GEN_STOPSEARCH_H
#define SIO_GEN_STOPSEARCH_H

#include "plan.h"
#include "pool.h"
#include "truth.h"

/* The ground truth: searches per force, month, Object of search and
 * Outcome. */
int search_truth_init(struct truth *truth, const struct plan *p);

/* Write force fi's stop-and-search files.  Returns 0 or EX_*. */
int searches_write(const struct plan *p, int fi, const struct spot *pool,
                   struct truth *truth);

/* Write the truth as force,month,object_of_search,outcome,searches (sorted,
 * byte order; an empty outcome as published).  Returns 0 or EX_*. */
int search_truth_write(const struct truth *truth, const struct plan *p,
                       const char *path);

#endif
