/*
 * national.h — England and Wales, and the force's region, over exactly the
 * force's windows (the national_picture table).
 *
 * For each measure the series of every force of England and Wales (the 43
 * with an ONS code in the forces table) are read once, before the loop over
 * forces.  For a force's comparison, each area's series is the sum of its
 * forces' over the months of the force's two windows, a month kept only
 * when every one of the area's forces has it; its figures are given only
 * when every force has every month of both windows, and the change, its
 * interval and the verdict are judged exactly as the force's own
 * (compare_ending(), ending where the force's data end): counts as a ratio
 * with the same allowance for over-dispersion, proportions as pooled
 * shares.  When some forces lack figures the row says how many have them,
 * so the statement can say what to load.  Rolling-year measures are
 * not summed (their figures are not a series of separate periods).
 */
#ifndef SIO_MEASURES_NATIONAL_H
#define SIO_MEASURES_NATIONAL_H

#include "catalogue.h"
#include "compare.h"
#include "source.h"

struct national_force {
    char slug[64];
    char region[64];          /* "" when the forces file gives none */
    struct series s;
};

/* An area's comparison already judged for some force: every force whose
 * windows cover the same months and whose data end in the same month gets
 * the same figures, so they are worked out once a measure, not once a force. */
struct national_done {
    char region[64];          /* "" for England and Wales */
    int kind;                 /* enum compare_kind */
    month_t last;             /* where the force's data end */
    struct window latest, base;
    struct comparison c;
    int complete, members;
};

/* One measure's series for every force of England and Wales. */
struct national {
    const struct measure_def *m;
    struct national_force *f; /* only when every force has some data; else NULL */
    int n;                    /* forces with any data for the measure */
    int expected;             /* forces of England and Wales in the store */
    struct national_done *done; /* the areas' comparisons judged so far */
    int n_done, cap_done;
};

/* m's series for every force of England and Wales, from src (none when
 * some force has no data at all: n says how many do). */
int national_load(sqlite3 *db, const struct sources *src, const struct measure_def *m,
                  struct national *nat, struct sio_error *err);
void national_free(struct national *nat);

/* Write national_picture rows for e's force and measure over the windows
 * its comparisons used (w). */
int national_emit(struct emitter *e, struct national *nat,
                  const struct catalogue_collect *w, struct sio_error *err);

#endif
