/*
 * atomic.h — output files that appear whole or not at all.
 *
 * atomic_open() creates a temporary file beside the target (same folder, so
 * rename() is atomic); atomic_commit() flushes, fsyncs, renames it over the
 * target and fsyncs the folder.  Until then readers see the previous file,
 * and a run killed half-way leaves only a stray ".tmp" name, never a torn
 * output.  atomic_abort() removes the temporary file.
 */
#ifndef SIO_ATOMIC_H
#define SIO_ATOMIC_H

#include "sys/error.h"

#include <stdio.h>

struct atomic_file {
    FILE *fp;           /* write here */
    char path[1024];    /* the final name */
    char tmp[1100];     /* the temporary name */
};

/* Open a temporary file for path.  SIO_ECANTCREAT if it cannot be made. */
int atomic_open(struct atomic_file *af, const char *path, struct sio_error *err);

/* Make the written bytes the new content of path.  Closes af->fp. */
int atomic_commit(struct atomic_file *af, struct sio_error *err);

/* atomic_commit() without the fsync of the folder after the rename: for a
 * writer of many files in one folder, which fsyncs the folder once after the
 * last (sio-charts: a force's charts, before their digest list is written).
 * The file's own bytes are fsynced before the rename all the same. */
int atomic_commit_unsynced_folder(struct atomic_file *af, struct sio_error *err);

/* Drop the temporary file; safe after a failed commit. */
void atomic_abort(struct atomic_file *af);

/* rm -rf path, never following a symbolic link; 0 when nothing is left
 * (also when there was nothing), -1 with errno set otherwise.  For folders
 * a program made itself (staging folders), never for a user's own. */
int atomic_remove_tree(const char *path);

/* Copy the file at from to to, byte for byte, through a temporary file.
 * SIO_ENOINPUT when from cannot be read. */
int atomic_copy(const char *from, const char *to, struct sio_error *err);

/* mkdir -p; SIO_ECANTCREAT naming the folder on failure. */
int atomic_mkdirs(const char *dir, struct sio_error *err);

#endif
