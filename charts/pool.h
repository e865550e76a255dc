/*
 * pool.h — the items of a job shared among worker processes.
 *
 * PLplot's streams are not safe to use from several threads at once, so
 * sio-charts draws on several cores with processes.  pool_run() forks up to
 * `jobs` workers; each takes the next item from a counter the workers share,
 * runs item() on it (after start(), once, before its first item) and leaves
 * the item's status, error and result in memory shared with the parent, until
 * the items run out or one fails (then the rest are left undone).  The parent
 * waits for every worker and returns the error of the first item, in item
 * order, that failed, so the error reported does not depend on which worker
 * was quicker.  A worker that dies by a signal is reported as SIO_ESOFTWARE
 * naming the item it was on.  Workers are killed if the parent dies
 * (PR_SET_PDEATHSIG), so a killed sio-charts leaves no worker drawing on.
 * With jobs = 1 (or when no worker can be forked) every item runs in the
 * calling process.
 */
#ifndef SIO_CHARTS_POOL_H
#define SIO_CHARTS_POOL_H

#include "sys/error.h"

#include <stddef.h>

struct pool_job {
    int n_items;
    size_t result_size;                           /* bytes of each item's result */
    int (*start)(void *ctx, struct sio_error *err); /* once a worker; may be NULL */
    int (*item)(void *ctx, int item, void *result, struct sio_error *err);
    void (*stop)(void *ctx);                      /* once a worker, after start; may be NULL */
    const char *(*name)(void *ctx, int item);     /* for messages */
    void *ctx;
};

/* Run job on up to jobs workers.  results (n_items x result_size bytes) gets
 * each item's result, zeros for an item not run; ran (n_items, may be NULL)
 * says which ran to the end.  Returns SIO_OK, the first failed item's error,
 * or SIO_ESOFTWARE when the shared memory cannot be had. */
int pool_run(const struct pool_job *job, int jobs, void *results, unsigned char *ran,
             struct sio_error *err);

/* The processors online, at least 1. */
int pool_cpus(void);

#endif
