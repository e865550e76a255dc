/*
 * scratch_store.h — a test's store in a scratch folder: its path, and the
 * folder removed with the store and its -wal and -shm files at the end.
 */
#ifndef SIO_TEST_SCRATCH_STORE_H
#define SIO_TEST_SCRATCH_STORE_H

#include <stdio.h>
#include <unistd.h>

/* dir/store.db into path (size bytes). */
static inline void scratch_store_path(char *path, size_t size, const char *dir)
{
    snprintf(path, size, "%s/store.db", dir);
}

static inline void scratch_store_remove(const char *dir)
{
    static const char *const ends[] = { "", "-wal", "-shm" };
    char path[128];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/store.db%s", dir, ends[i]);
        unlink(path);
    }
    rmdir(dir);
}

#endif
