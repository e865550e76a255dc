/*
 * lock.c — flock() on "<store>.lock", with the holder's pid inside.
 *
 * The pid is written after the lock is taken, so a loser can read an empty
 * file in the instant between; it then says "pid unknown" rather than wait.
 */
#include "sys/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int lock_path_for(const char *store_path, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s.lock", store_path);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

/* The pid the holder wrote, or 0 when unreadable. */
static long lock_holder(int fd)
{
    char buf[32];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return strtol(buf, NULL, 10);
}

static int lock_busy(struct sio_lock *lock, struct sio_error *err)
{
    long pid = lock_holder(lock->fd);
    close(lock->fd);
    lock->fd = -1;
    if (pid > 0)
        return sio_fail(err, SIO_ETEMPFAIL, NULL, 0, "another run holds %s (pid %ld)",
                        lock->path, pid);
    return sio_fail(err, SIO_ETEMPFAIL, NULL, 0, "another run holds %s (pid unknown)",
                    lock->path);
}

/* Replace the file's contents with our pid. */
static void lock_write_pid(int fd)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)n, 0) != n)
        return; /* not fatal: the flock, not the pid, keeps other runs out */
}

int lock_acquire(struct sio_lock *lock, const char *path, struct sio_error *err)
{
    if (snprintf(lock->path, sizeof lock->path, "%s", path) >= (int)sizeof lock->path)
        return sio_fail(err, SIO_ECANTCREAT, path, 0, "lock file name too long");
    lock->fd = open(path, O_RDWR | O_CREAT, 0644); /* no O_CLOEXEC: see lock.h */
    if (lock->fd < 0)
        return sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot open lock file: %s",
                        strerror(errno));
    if (flock(lock->fd, LOCK_EX | LOCK_NB) == 0) {
        lock_write_pid(lock->fd);
        return SIO_OK;
    }
    if (errno == EWOULDBLOCK)
        return lock_busy(lock, err);
    int saved = errno;
    close(lock->fd);
    lock->fd = -1;
    return sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot lock: %s", strerror(saved));
}

void lock_release(struct sio_lock *lock)
{
    if (lock->fd >= 0)
        close(lock->fd);
    lock->fd = -1;
}
