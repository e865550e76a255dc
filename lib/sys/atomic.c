/*
 * atomic.c — temporary file, fsync, rename, fsync folder.
 */
#define _GNU_SOURCE /* nftw's FTW_DEPTH, FTW_PHYS */
#include "sys/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_mkdirs(const char *dir, struct sio_error *err)
{
    char buf[1024];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof buf)
        return sio_fail(err, SIO_ECANTCREAT, dir, 0, "bad folder name");
    memcpy(buf, dir, n + 1);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return sio_fail(err, SIO_ECANTCREAT, buf, 0, "cannot create folder: %s", strerror(errno));
        *p = '/';
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        return sio_fail(err, SIO_ECANTCREAT, buf, 0, "cannot create folder: %s", strerror(errno));
    return SIO_OK;
}

int atomic_open(struct atomic_file *af, const char *path, struct sio_error *err)
{
    int fd;
    memset(af, 0, sizeof *af);
    if (strlen(path) >= sizeof af->path)
        return sio_fail(err, SIO_ECANTCREAT, path, 0, "file name too long");
    strcpy(af->path, path);
    snprintf(af->tmp, sizeof af->tmp, "%s.tmp.XXXXXX", path);
    if ((fd = mkstemp(af->tmp)) < 0) {
        af->tmp[0] = '\0';
        return sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot create: %s", strerror(errno));
    }
    fchmod(fd, 0644);
    if (!(af->fp = fdopen(fd, "w"))) {
        close(fd);
        atomic_abort(af);
        return sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot create: %s", strerror(errno));
    }
    return SIO_OK;
}

static int sync_folder(const char *path)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    int fd = open(dirname(buf), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* The file durable and renamed into place; its folder synced too when
 * sync_dir. */
static int commit(struct atomic_file *af, int sync_dir, struct sio_error *err)
{
    int failed = ferror(af->fp) != 0;
    failed |= fflush(af->fp) != 0;
    failed |= fsync(fileno(af->fp)) != 0;
    int saved = errno;
    failed |= fclose(af->fp) != 0;
    af->fp = NULL;
    if (failed) {
        atomic_abort(af);
        return sio_fail(err, SIO_EIO, af->path, 0, "write error: %s", strerror(saved));
    }
    if (rename(af->tmp, af->path) != 0) {
        saved = errno;
        atomic_abort(af);
        return sio_fail(err, SIO_ECANTCREAT, af->path, 0, "cannot rename into place: %s",
                        strerror(saved));
    }
    af->tmp[0] = '\0';
    if (sync_dir)
        sync_folder(af->path);
    return SIO_OK;
}

int atomic_commit(struct atomic_file *af, struct sio_error *err)
{
    return commit(af, 1, err);
}

int atomic_commit_unsynced_folder(struct atomic_file *af, struct sio_error *err)
{
    return commit(af, 0, err);
}

void atomic_abort(struct atomic_file *af)
{
    if (af->fp) {
        fclose(af->fp);
        af->fp = NULL;
    }
    if (af->tmp[0]) {
        unlink(af->tmp);
        af->tmp[0] = '\0';
    }
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

int atomic_remove_tree(const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int atomic_copy(const char *from, const char *to, struct sio_error *err)
{
    char buf[65536];
    size_t n;
    struct atomic_file af;
    FILE *in = fopen(from, "rb");
    if (!in)
        return sio_fail(err, SIO_ENOINPUT, from, 0, "cannot read: %s", strerror(errno));
    int rc = atomic_open(&af, to, err);
    while (!rc && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, af.fp) != n)
            rc = sio_fail(err, SIO_EIO, to, 0, "cannot write: %s", strerror(errno));
    if (!rc && ferror(in))
        rc = sio_fail(err, SIO_ENOINPUT, from, 0, "cannot read: %s", strerror(errno));
    fclose(in);
    if (rc)
        atomic_abort(&af);
    return rc ? rc : atomic_commit(&af, err);
}
