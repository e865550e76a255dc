/*
 * truth.c — ground-truth tables (see truth.h).
 */
#include "truth.h"
#include "forces.h"

#include <stdlib.h>
#include <string.h>

int truth_init(struct truth *t, const struct plan *p, size_t cells)
{
    t->months = plan_months(p);
    t->cells = cells;
    t->counts = calloc((size_t)p->n_forces * (size_t)t->months * cells, sizeof *t->counts);
    return t->counts ? 0 : -1;
}

void truth_free(struct truth *t)
{
    free(t->counts);
    t->counts = NULL;
}

int truth_open(struct out *o, const char *path, const char *header, int *forces, int n)
{
    int rc = out_open(o, path);
    if (rc == 0) {
        gen_force_order(forces, n);
        out_str(o, header);
    }
    return rc;
}

void truth_order(int *idx, const char *const *names, int n)
{
    for (int i = 0; i < n; i++) {
        int j = i;
        for (; j > 0 && strcmp(names[idx[j - 1]], names[i]) > 0; j--)
            idx[j] = idx[j - 1];
        idx[j] = i;
    }
}
