/*
 * lock.h — one run at a time: an advisory flock() on a file beside the store.
 *
 * lock_acquire() opens (creating) the lock file, takes flock(LOCK_EX|LOCK_NB)
 * and writes the holder's pid into it, so a second run can say who holds it.
 * The kernel drops the lock when the holder's descriptor closes, including
 * when the process is killed: a stale lock file is harmless, it is the flock
 * that counts, never the file's existence or its contents.
 *
 * The descriptor is deliberately inherited across fork and exec: a flock
 * belongs to the open file, so the lock stays held while any child of the
 * run is still alive, even when the parent has been killed.
 */
#ifndef SIO_LOCK_H
#define SIO_LOCK_H

#include "sys/error.h"

struct sio_lock {
    int fd;              /* the open lock file; -1 when not held */
    char path[1100];     /* the lock file's name */
};

/* The lock file for a store: "<store>.lock" into buf.  0, or -1 if too long. */
int lock_path_for(const char *store_path, char *buf, size_t size);

/* Take the lock at path without waiting.  SIO_ETEMPFAIL "another run holds
 * <path> (pid N)" when someone else has it; SIO_ECANTCREAT when the file
 * cannot be opened. */
int lock_acquire(struct sio_lock *lock, const char *path, struct sio_error *err);

/* Release the lock (closes the file, leaves it in place); safe to repeat. */
void lock_release(struct sio_lock *lock);

#endif
