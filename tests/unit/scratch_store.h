/*
 * scratch_store.h — a test's store in a scratch folder: its path, and the
 * folder removed with the store and its -wal and -shm files at the end.
 */
#ifndef SIO_TEST_SCRATCH_STORE_H
#define SIO_TEST_SCRATCH_STORE_H

#include "store/store.h"

#include <stdio.h>
#include <unistd.h>

/* The store's files in dir: the store and its -wal and -shm. */
static inline void scratch_store_unlink(const char *dir)
{
    static const char *const ends[] = { "", "-wal", "-shm" };
    char path[128];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/store.db%s", dir, ends[i]);
        unlink(path);
    }
}

/* A new, empty store dir/store.db (its path into path, size bytes), opened
 * with store_open() into *db. */
static inline int scratch_store_open(char *path, size_t size, const char *dir, sqlite3 **db)
{
    struct sio_error err;
    scratch_store_unlink(dir);
    snprintf(path, size, "%s/store.db", dir);
    return store_open(path, db, &err);
}

static inline void scratch_store_remove(const char *dir)
{
    scratch_store_unlink(dir);
    rmdir(dir);
}

#endif
