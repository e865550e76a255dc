/*
 * truth.h — a ground-truth table: counts per force written, month and a
 * kind-specific cell (crime type; crime type and outcome; object and
 * outcome), kept while the files are written and printed by --expect.
 */
#ifndef SIO_GEN_TRUTH_H
#define SIO_GEN_TRUTH_H

#include "out.h"
#include "plan.h"

#include <stddef.h>

struct truth {
    long *counts;   /* [force][month][cell], owned */
    int months;
    size_t cells;   /* per force-month */
};

/* A zeroed table for the plan's forces and months.  Returns 0, or -1 when
 * out of memory. */
int truth_init(struct truth *t, const struct plan *p, size_t cells);
void truth_free(struct truth *t);

static inline long *truth_at(const struct truth *t, int fi, int mi, size_t cell)
{
    return &t->counts[((size_t)fi * (size_t)t->months + (size_t)mi) * t->cells + cell];
}

/* Open path for a truth: its header line written, forces[0..n) the force
 * indexes in the order the rows go (police.uk name, byte order).  Returns 0
 * or EX_*. */
int truth_open(struct out *o, const char *path, const char *header, int *forces, int n);

/* idx[0..n) = 0..n-1 ordered by names[i], byte order (n is small). */
void truth_order(int *idx, const char *const *names, int n);

#endif
