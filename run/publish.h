/*
 * publish.h — the output folder is replaced whole, or not at all.
 *
 * sio-run has every stage write into a staging folder beside the output
 * folder ("<out>.sio-run-new"), writes the manifest there, and only when
 * everything has succeeded swaps the two with renameat2(RENAME_EXCHANGE):
 * one atomic step, after which the previous folder (now under the staging
 * name) is removed.  A run that fails or is killed at any point before the
 * swap leaves <out> exactly as it was.  Where the file system cannot
 * exchange, <out> is renamed to "<out>.sio-run-old" and the staging folder
 * into its place; publish_prepare() repairs a run killed between the two.
 */
#ifndef SIO_RUN_PUBLISH_H
#define SIO_RUN_PUBLISH_H

#include "sys/error.h"

#include <stddef.h>

struct publish {
    char out[1024];      /* the output folder, without trailing '/' */
    char staging[1100];  /* "<out>.sio-run-new" */
    char old[1100];      /* "<out>.sio-run-old" */
};

/* Name the folders for out_dir.  SIO_ECONFIG when out_dir is not a named
 * folder that can be swapped ("", "/", ".", ".."). */
int publish_init(struct publish *p, const char *out_dir, struct sio_error *err);

/* Under the run lock: finish or undo what a killed run left, then create an
 * empty staging folder.  SIO_ECANTCREAT when it cannot be made. */
int publish_prepare(const struct publish *p, struct sio_error *err);

/* Swap the staging folder into place and remove the previous outputs. */
int publish_commit(const struct publish *p, struct sio_error *err);

/* Remove the staging folder after a failed run; quiet. */
void publish_discard(const struct publish *p);

#endif
