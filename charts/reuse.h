/*
 * reuse.h — charts an earlier run drew, kept instead of drawn again.
 *
 * Every force folder sio-charts writes (<out>/charts/<force>/) holds a list
 * of its charts' digests, REUSE_LIST: one line "DIGEST NAME" a chart, in
 * name order, written (through lib/atomic) once the force's charts are all
 * done.  A later run works out each chart's digest before drawing it
 * (digest.h); when the folder it reuses lists the same digest for that name
 * and still has every one of the chart's files, the chart is kept: left
 * where it is when the run writes in place, else linked into the output
 * folder (copied when a link cannot be made), never drawn.
 *
 * Invariants: a list names only charts whose files hold exactly what that
 * digest draws.  So a list is written only after every chart in it is
 * whole, and a run writing in place removes the force's list before it
 * draws the first chart over an old one: a run stopped half-way leaves no
 * list vouching for a file it did not finish, and the next run draws that
 * force again.  Files in the reused folder are never written: sio-run
 * reuses its published folder while it writes the new one, and a link
 * shares the file, not the name.
 */
#ifndef SIO_CHARTS_REUSE_H
#define SIO_CHARTS_REUSE_H

#include "config/config.h"
#include "digest.h"
#include "sys/error.h"

#define REUSE_LIST ".digests"

struct reuse_entry {
    char name[160];        /* the chart's file name stem */
    struct digest digest;
};

struct reuse_force {
    char from[CONFIG_PATH_MAX + 200]; /* the reused force folder; "" for none */
    char to[CONFIG_PATH_MAX + 200];   /* the force folder being written */
    int in_place;                     /* from and to are the same folder */
    struct reuse_entry *old, *now;    /* the reused list; this run's charts */
    size_t n_old, n_now, cap_now;
    int old_removed;                  /* in place: the list is gone */
    int linked;                       /* files linked or copied into to */
    int drawn;                        /* charts drawn into to */
};

/* Start a force: to is its output folder, from the same force's folder in
 * the reused output (NULL or "" to reuse nothing).  A missing or unreadable
 * list reuses nothing.  SIO_ESOFTWARE when out of memory. */
int reuse_open(struct reuse_force *rf, const char *from, const char *to,
               struct sio_error *err);

/* Chart name with digest d and files (names inside the force folder): when
 * the reused list has it and every file is there, make them the output's
 * and set *kept.  SIO_OK, or the error of a link or copy that failed. */
int reuse_keep(struct reuse_force *rf, const char *name, const struct digest *d,
               char *const *files, int n_files, int *kept, struct sio_error *err);

/* Before drawing a chart: in place, remove the old list (once). */
int reuse_before_drawing(struct reuse_force *rf, struct sio_error *err);

/* After drawing chart name with digest d: add it to this run's list. */
int reuse_drawn(struct reuse_force *rf, const char *name, const struct digest *d,
                struct sio_error *err);

/* The force is done: write this run's list (unless, in place, it is the
 * old one unchanged) and make the links durable.  Frees rf either way. */
int reuse_close(struct reuse_force *rf, struct sio_error *err);

/* Free rf without writing anything (a failed force). */
void reuse_abandon(struct reuse_force *rf);

#endif
