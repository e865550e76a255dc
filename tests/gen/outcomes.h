/*
 * outcomes.h — what becomes of each generated crime, and the police.uk
 * outcomes files that say so.
 *
 * Each crime gets a final outcome drawn from the real 2022 Last outcome
 * categories of its crime type (calibration.h), and a delay in months before
 * that outcome is published, drawn so that the share still 'Under
 * investigation' at each age matches the real archive.  The street file's
 * Last outcome category is the final one once published by the archive
 * edition (the last month written), else 'Under investigation'.  The
 * outcomes file of the month of publication carries the row (a charge shows
 * as 'Suspect charged', the court stages in the street file being 'Awaiting
 * court outcome' or 'Court result unavailable'; 'Status update unavailable'
 * has no outcomes row), joined to the street row by Crime ID and with its
 * location; about 2% of crimes have their row twice, as real files repeat
 * IDs.
 */
#ifndef SIO_GEN_OUTCOMES_H
#define SIO_GEN_OUTCOMES_H

#include "plan.h"
#include "pool.h"
#include "rng.h"
#include "truth.h"

#include <stddef.h>
#include <stdint.h>

struct outcome_plan {
    int16_t final;      /* index into cal_outcomes; -1: none (ASB) */
    uint8_t lag;        /* months from the crime to its outcome */
    uint8_t repeat;     /* its outcomes row appears twice */
};

/* One published outcomes row of a force, gathered as its street files are
 * written and sorted into outcomes files afterwards. */
struct outcome_rec {
    uint64_t id[4];     /* the crime's Crime ID bits */
    int32_t spot;       /* its pool index; -1: no location */
    int16_t final;      /* index into cal_outcomes */
    uint8_t type;       /* its crime type, T_* */
    uint8_t repeat;     /* the second copy of a repeated row */
    month_t month;      /* published in */
};
struct outcome_log {
    struct outcome_rec *v;
    size_t n, cap;
};

/* Build the per-type tables from the calibration (once). */
void outcome_init(void);

/* Draw a crime's outcome: its type t is not anti-social behaviour. */
struct outcome_plan outcome_draw(struct rng *r, int t);

/* The street file's Last outcome category of a crime of month m (NULL for
 * anti-social behaviour, whose column is empty) in the edition of month
 * edition. */
const char *outcome_street_text(struct outcome_plan o, month_t m, month_t edition);

/* Note the outcomes rows a crime of month m publishes by the edition.
 * Returns 0, or -1 when out of memory. */
int outcome_log_crime(struct outcome_log *log, const uint64_t id[4], int spot, int type,
                      struct outcome_plan o, month_t m, month_t edition);

/* Write force fi's outcomes files (one per month with rows) and add them
 * to the truth; empties the log.  Returns 0 or EX_*. */
int outcomes_write(const struct plan *p, int fi, const struct spot *pool,
                   struct outcome_log *log, struct truth *truth);

/* The ground truth of the outcomes files: per force, month, crime type and
 * Outcome type, the distinct Crime IDs. */
int outcome_truth_init(struct truth *truth, const struct plan *p);

/* Write the truth as force,month,crime_type,outcome_type,crimes (sorted,
 * byte order).  Returns 0 or EX_*. */
int outcome_truth_write(const struct truth *truth, const struct plan *p,
                        const char *path);

#endif
