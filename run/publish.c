/*
 * publish.c — staging folder, atomic exchange, clean-up of leftovers.
 *
 * Every removal here is of a folder whose name sio-run made, under the run
 * lock; nothing walks symbolic links (FTW_PHYS).
 */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE */
#include "publish.h"

#include "sys/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int publish_init(struct publish *p, const char *out_dir, struct sio_error *err)
{
    char base[1024];
    size_t n = strlen(out_dir);
    while (n > 1 && out_dir[n - 1] == '/')
        n--;
    if (n == 0 || n >= sizeof p->out)
        return sio_fail(err, SIO_ECONFIG, out_dir, 0, "output folder name empty or too long");
    memcpy(p->out, out_dir, n);
    p->out[n] = '\0';
    snprintf(base, sizeof base, "%s", p->out);
    const char *b = basename(base);
    if (!strcmp(b, "/") || !strcmp(b, ".") || !strcmp(b, ".."))
        return sio_fail(err, SIO_ECONFIG, out_dir, 0,
                        "sio-run replaces the output folder whole: give it a folder of its own "
                        "(such as 'out'), not '%s'", b);
    snprintf(p->staging, sizeof p->staging, "%s.sio-run-new", p->out);
    snprintf(p->old, sizeof p->old, "%s.sio-run-old", p->out);
    return SIO_OK;
}

static int exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

/* Make the folder holding path's entries durable after a rename. */
static void sync_parent(const char *path)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    int fd = open(dirname(buf), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int publish_prepare(const struct publish *p, struct sio_error *err)
{
    char parent[1024];
    int rc;
    snprintf(parent, sizeof parent, "%s", p->out);
    struct stat sb;
    if ((rc = atomic_mkdirs(dirname(parent), err)))
        return rc;
    if (lstat(p->out, &sb) == 0 && !S_ISDIR(sb.st_mode))
        return sio_fail(err, SIO_ECANTCREAT, p->out, 0, "the output folder is not a folder");
    /* killed between the two renames of the fallback: the old outputs go back */
    if (!exists(p->out) && exists(p->old) && rename(p->old, p->out) != 0)
        return sio_fail(err, SIO_ECANTCREAT, p->out, 0, "cannot restore from %s: %s",
                        p->old, strerror(errno));
    if (atomic_remove_tree(p->old) != 0 || atomic_remove_tree(p->staging) != 0)
        return sio_fail(err, SIO_ECANTCREAT, p->staging, 0,
                        "cannot remove what an earlier run left: %s", strerror(errno));
    if (mkdir(p->staging, 0777) != 0)
        return sio_fail(err, SIO_ECANTCREAT, p->staging, 0, "cannot create folder: %s",
                        strerror(errno));
    return SIO_OK;
}

/* Two renames, for file systems that cannot exchange. */
static int publish_by_renames(const struct publish *p, struct sio_error *err)
{
    if (rename(p->out, p->old) != 0)
        return sio_fail(err, SIO_ECANTCREAT, p->out, 0, "cannot move aside: %s",
                        strerror(errno));
    if (rename(p->staging, p->out) != 0) {
        int saved = errno;
        if (rename(p->old, p->out) != 0)
            return sio_fail(err, SIO_ECANTCREAT, p->out, 0, "cannot put back %s: %s", p->old,
                            strerror(errno));
        return sio_fail(err, SIO_ECANTCREAT, p->out, 0, "cannot move the new outputs "
                        "into place: %s", strerror(saved));
    }
    sync_parent(p->out);
    atomic_remove_tree(p->old);
    return SIO_OK;
}

int publish_commit(const struct publish *p, struct sio_error *err)
{
    if (!exists(p->out)) {
        if (rename(p->staging, p->out) != 0)
            return sio_fail(err, SIO_ECANTCREAT, p->out, 0, "cannot move the new outputs "
                            "into place: %s", strerror(errno));
        sync_parent(p->out);
        return SIO_OK;
    }
    if (renameat2(AT_FDCWD, p->staging, AT_FDCWD, p->out, RENAME_EXCHANGE) != 0) {
        if (errno == EINVAL || errno == ENOSYS)
            return publish_by_renames(p, err);
        return sio_fail(err, SIO_ECANTCREAT, p->out, 0, "cannot swap in the new outputs: %s",
                        strerror(errno));
    }
    sync_parent(p->out);
    atomic_remove_tree(p->staging); /* the previous outputs, now under the staging name */
    return SIO_OK;
}

void publish_discard(const struct publish *p)
{
    atomic_remove_tree(p->staging);
}
