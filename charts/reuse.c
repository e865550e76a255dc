/*
 * reuse.c — the digest lists, and keeping a chart's files by link or copy.
 *
 * A link is made under a temporary name and renamed over the output's name,
 * as lib/atomic does for written files, so a name never shows half a file;
 * a copy goes through lib/atomic itself.  Links, and the charts drawn into
 * the folder (chart.c commits them without a folder fsync of their own), are
 * made durable by one fsync of the folder when the force is done, before its
 * list is written: not one per file.
 */
#include "reuse.h"

#include "sys/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int reuse_add(struct reuse_entry **list, size_t *n, size_t *cap, const char *name,
                     const struct digest *d)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        struct reuse_entry *more = realloc(*list, c * sizeof *more);
        if (!more)
            return -1;
        *list = more;
        *cap = c;
    }
    snprintf((*list)[*n].name, sizeof (*list)[*n].name, "%s", name);
    (*list)[(*n)++].digest = *d;
    return 0;
}

/* Read from/REUSE_LIST; a line that does not parse ends the list (a list
 * is written whole, so that would be damage: reuse what came before). */
static int reuse_read(struct reuse_force *rf)
{
    char path[sizeof rf->from + 16], line[256], *name;
    size_t cap = 0;
    struct digest d;
    snprintf(path, sizeof path, "%s/%s", rf->from, REUSE_LIST);
    FILE *f = fopen(path, "r");
    int rc = 0;
    while (f && rc == 0 && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strlen(line) < 34 || line[32] != ' ' || !digest_parse(line, &d))
            break;
        name = line + 33;
        rc = reuse_add(&rf->old, &rf->n_old, &cap, name, &d);
    }
    if (f)
        fclose(f);
    return rc;
}

static void reuse_list_path(const char *dir, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", dir, REUSE_LIST);
}

int reuse_open(struct reuse_force *rf, const char *from, const char *to,
               struct sio_error *err)
{
    char list[sizeof rf->to + 16];
    struct stat a, b;
    memset(rf, 0, sizeof *rf);
    snprintf(rf->from, sizeof rf->from, "%s", from ? from : "");
    snprintf(rf->to, sizeof rf->to, "%s", to);
    rf->in_place = rf->from[0] && stat(rf->from, &a) == 0 && stat(rf->to, &b) == 0 &&
                   a.st_dev == b.st_dev && a.st_ino == b.st_ino;
    if (!rf->in_place) {
        /* a list left in the output by an earlier run must not outlive it */
        reuse_list_path(rf->to, list, sizeof list);
        if (unlink(list) != 0 && errno != ENOENT)
            return sio_fail(err, SIO_ECANTCREAT, list, 0, "cannot remove: %s",
                            strerror(errno));
    }
    if (rf->from[0] && reuse_read(rf) != 0)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    return SIO_OK;
}

static const struct reuse_entry *reuse_find(const struct reuse_force *rf, const char *name)
{
    for (size_t i = 0; i < rf->n_old; i++)
        if (strcmp(rf->old[i].name, name) == 0)
            return &rf->old[i];
    return NULL;
}

/* Copy src to dst whole (a link cannot be made: another file system). */
static int reuse_copy(const char *src, const char *dst, struct sio_error *err)
{
    struct atomic_file af;
    char buf[65536];
    size_t n;
    FILE *in = fopen(src, "rb");
    int rc;
    if (!in)
        return sio_fail(err, SIO_EIO, src, 0, "cannot read: %s", strerror(errno));
    if ((rc = atomic_open(&af, dst, err)) != SIO_OK) {
        fclose(in);
        return rc;
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, af.fp) != n)
            break;
    if (ferror(in) || ferror(af.fp)) {
        rc = sio_fail(err, SIO_EIO, ferror(in) ? src : dst, 0, "%s error: %s",
                      ferror(in) ? "read" : "write", strerror(errno));
        atomic_abort(&af);
    } else
        rc = atomic_commit_unsynced_folder(&af, err); /* reuse_sync: the folder */
    fclose(in);
    return rc;
}

/* dst becomes another name of src: linked under a temporary name, renamed. */
static int reuse_link(const char *src, const char *dst, struct sio_error *err)
{
    char tmp[CONFIG_PATH_MAX + 480];
    snprintf(tmp, sizeof tmp, "%s.tmp.link%ld", dst, (long)getpid());
    unlink(tmp);
    if (link(src, tmp) != 0) {
        if (errno == EXDEV || errno == EPERM || errno == EMLINK || errno == ENOTSUP)
            return reuse_copy(src, dst, err);
        return sio_fail(err, SIO_ECANTCREAT, dst, 0, "cannot link from %s: %s", src,
                        strerror(errno));
    }
    if (rename(tmp, dst) != 0) {
        int saved = errno;
        unlink(tmp);
        return sio_fail(err, SIO_ECANTCREAT, dst, 0, "cannot rename into place: %s",
                        strerror(saved));
    }
    return SIO_OK;
}

static int reuse_all_there(const struct reuse_force *rf, char *const *files, int n_files)
{
    char path[sizeof rf->from + 200];
    struct stat sb;
    for (int i = 0; i < n_files; i++) {
        snprintf(path, sizeof path, "%s/%s", rf->from, files[i]);
        if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
            return 0;
    }
    return 1;
}

int reuse_keep(struct reuse_force *rf, const char *name, const struct digest *d,
               char *const *files, int n_files, int *kept, struct sio_error *err)
{
    char src[sizeof rf->from + 200], dst[sizeof rf->to + 200];
    const struct reuse_entry *e = reuse_find(rf, name);
    int rc = SIO_OK;
    *kept = e && memcmp(e->digest.b, d->b, sizeof d->b) == 0 &&
            reuse_all_there(rf, files, n_files);
    if (!*kept)
        return SIO_OK;
    for (int i = 0; !rf->in_place && rc == SIO_OK && i < n_files; i++) {
        snprintf(src, sizeof src, "%s/%s", rf->from, files[i]);
        snprintf(dst, sizeof dst, "%s/%s", rf->to, files[i]);
        rc = reuse_link(src, dst, err);
        rf->linked += rc == SIO_OK;
    }
    if (rc == SIO_OK && reuse_add(&rf->now, &rf->n_now, &rf->cap_now, name, d) != 0)
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    return rc;
}

int reuse_before_drawing(struct reuse_force *rf, struct sio_error *err)
{
    char list[sizeof rf->to + 16];
    if (!rf->in_place || rf->old_removed)
        return SIO_OK;
    reuse_list_path(rf->to, list, sizeof list);
    if (unlink(list) != 0 && errno != ENOENT)
        return sio_fail(err, SIO_ECANTCREAT, list, 0, "cannot remove: %s", strerror(errno));
    rf->old_removed = 1;
    return SIO_OK;
}

int reuse_drawn(struct reuse_force *rf, const char *name, const struct digest *d,
                struct sio_error *err)
{
    if (reuse_add(&rf->now, &rf->n_now, &rf->cap_now, name, d) != 0)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    rf->drawn++;
    return SIO_OK;
}

static int reuse_by_name(const void *a, const void *b)
{
    return strcmp(((const struct reuse_entry *)a)->name, ((const struct reuse_entry *)b)->name);
}

/* In place and nothing drawn: is this run's list the old one? */
static int reuse_unchanged(struct reuse_force *rf)
{
    if (!rf->in_place || rf->old_removed || rf->n_now != rf->n_old)
        return 0;
    qsort(rf->old, rf->n_old, sizeof *rf->old, reuse_by_name);
    for (size_t i = 0; i < rf->n_now; i++)
        if (strcmp(rf->old[i].name, rf->now[i].name) != 0)
            return 0;
    return 1;
}

static int reuse_write(struct reuse_force *rf, struct sio_error *err)
{
    struct atomic_file af;
    char path[sizeof rf->to + 16], hex[33];
    reuse_list_path(rf->to, path, sizeof path);
    int rc = atomic_open(&af, path, err);
    if (rc != SIO_OK)
        return rc;
    for (size_t i = 0; i < rf->n_now; i++)
        if (fprintf(af.fp, "%s %s\n", digest_hex(&rf->now[i].digest, hex), rf->now[i].name) < 0) {
            atomic_abort(&af);
            return sio_fail(err, SIO_EIO, path, 0, "write error: %s", strerror(errno));
        }
    return atomic_commit(&af, err);
}

/* fsync the output folder, making the links and charts renamed into it
 * durable. */
static int reuse_sync(const struct reuse_force *rf, struct sio_error *err)
{
    int fd = open(rf->to, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        int saved = errno;
        if (fd >= 0)
            close(fd);
        return sio_fail(err, SIO_EIO, rf->to, 0, "cannot sync the folder: %s",
                        strerror(saved));
    }
    close(fd);
    return SIO_OK;
}

int reuse_close(struct reuse_force *rf, struct sio_error *err)
{
    int rc = SIO_OK;
    qsort(rf->now, rf->n_now, sizeof *rf->now, reuse_by_name);
    if (rf->linked || rf->drawn)
        rc = reuse_sync(rf, err);
    if (rc == SIO_OK && !reuse_unchanged(rf))
        rc = reuse_write(rf, err);
    reuse_abandon(rf);
    return rc;
}

void reuse_abandon(struct reuse_force *rf)
{
    free(rf->old);
    free(rf->now);
    rf->old = rf->now = NULL;
    rf->n_old = rf->n_now = rf->cap_now = 0;
}
