/*
 * zipsrc.c — .zip members as CSV streams, with libzip (see zipsrc.h).
 *
 * The writer thread owns its own zip_t (libzip handles are not shared across
 * threads) and writes with MSG_NOSIGNAL: when the reader stops early and
 * closes its end, the writer's send fails with EPIPE and the thread ends
 * quietly instead of the process taking SIGPIPE.
 */
#include "zipsrc.h"
#include "ingest.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zip.h>

struct zipsrc {
    char *path, *member;
    long long max_bytes;       /* the cap on its unpacked size; 0: none */
    int fd[2];                 /* [0] csvin reads, [1] the writer writes */
    pthread_t thread;
    int started, joined;
    struct csvin *in;
    struct sio_error werr;     /* the writer's failure, read after join */
};

static int open_zip(const char *path, zip_t **za, struct sio_error *err)
{
    int code = 0;
    if ((*za = zip_open(path, ZIP_RDONLY, &code)))
        return SIO_OK;
    zip_error_t ze;
    zip_error_init_with_code(&ze, code);
    int rc = sio_fail(err, code == ZIP_ER_NOENT || code == ZIP_ER_OPEN ? SIO_ENOINPUT
                      : SIO_EDATA, path, 0, "cannot read the archive: %s",
                      zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return rc;
}

static int is_csv_member(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcasecmp(name + n - 4, ".csv") && strncmp(name, "__MACOSX/", 9) != 0;
}

static int by_member(const void *a, const void *b)
{
    return strcmp(((const struct input *)a)->member, ((const struct input *)b)->member);
}

int zipsrc_list(const char *path, struct path_list *list, struct sio_error *err)
{
    zip_t *za;
    int rc = open_zip(path, &za, err);
    size_t first = list->n;
    if (rc)
        return rc;
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n && !rc; i++) {
        zip_stat_t st;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
            !is_csv_member(st.name))
            continue;
        if (paths_add(list, path, st.name, (st.valid & ZIP_STAT_SIZE) ? (long long)st.size : 0))
            rc = sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    }
    zip_discard(za);
    if (list->n > first)
        qsort(list->item + first, list->n - first, sizeof *list->item, by_member);
    return rc;
}

static int too_big(const char *path, const char *member, long long max_bytes,
                   struct sio_error *err)
{
    return sio_fail(err, SIO_EDATA, path, 0, "member %s unpacks to more than %lld bytes, the "
                    "most [ingest] zip_member_max allows: nothing of it was loaded", member,
                    max_bytes);
}

/* Open member for reading, unless it says it unpacks to more than max_bytes;
 * on failure err names "archive:member". */
static int open_member(zip_t *za, const char *path, const char *member, long long max_bytes,
                       zip_file_t **zf, struct sio_error *err)
{
    zip_stat_t st;
    *zf = NULL;
    if (max_bytes && zip_stat(za, member, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > (zip_uint64_t)max_bytes)
        return too_big(path, member, max_bytes, err);
    if ((*zf = zip_fopen(za, member, 0)))
        return SIO_OK;
    return sio_fail(err, SIO_EDATA, path, 0, "cannot read member %s: %s", member,
                    zip_strerror(za));
}

int zipsrc_sha256(const char *path, const char *member, long long max_bytes,
                  char hex[SHA256_HEX_LEN + 1], long long *bytes, struct sio_error *err)
{
    static const char digits[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    unsigned char buf[1 << 16], digest[SHA256_DIGEST_SIZE];
    zip_t *za = NULL;
    zip_file_t *zf;
    zip_int64_t got = 0;
    int rc;

    if ((rc = open_zip(path, &za, err)) ||
        (rc = open_member(za, path, member, max_bytes, &zf, err))) {
        if (za)
            zip_discard(za);
        return rc;
    }
    sha256_init(&ctx);
    *bytes = 0;
    while (!rc && (got = zip_fread(zf, buf, sizeof buf)) > 0) {
        sha256_update(&ctx, (size_t)got, buf);
        *bytes += got;
        if (max_bytes && *bytes > max_bytes)
            rc = too_big(path, member, max_bytes, err);
    }
    if (got < 0 && !rc)
        rc = sio_fail(err, SIO_EDATA, path, 0, "member %s is damaged: %s", member,
                      zip_file_strerror(zf));
    zip_fclose(zf);
    zip_discard(za);
    sha256_digest(&ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[SHA256_HEX_LEN] = '\0';
    return rc;
}

static int send_all(int fd, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void *writer(void *arg)
{
    struct zipsrc *z = arg;
    unsigned char buf[1 << 16];
    zip_t *za = NULL;
    zip_file_t *zf = NULL;
    zip_int64_t got = 0;

    long long sent = 0;
    if (!open_zip(z->path, &za, &z->werr) &&
        !open_member(za, z->path, z->member, z->max_bytes, &zf, &z->werr)) {
        while ((got = zip_fread(zf, buf, sizeof buf)) > 0) {
            if (z->max_bytes && (sent += got) > z->max_bytes) {
                too_big(z->path, z->member, z->max_bytes, &z->werr);
                break;
            }
            if (send_all(z->fd[1], buf, (size_t)got))
                break; /* the reader has stopped: nothing to report */
        }
        if (got < 0)
            sio_fail(&z->werr, SIO_EDATA, z->path, 0, "member %s is damaged: %s", z->member,
                     zip_file_strerror(zf));
    }
    if (zf)
        zip_fclose(zf);
    if (za)
        zip_discard(za);
    close(z->fd[1]);
    z->fd[1] = -1;
    return NULL;
}

int zipsrc_open(struct zipsrc **out, const char *path, const char *member, long long max_bytes,
                struct csvin **in, struct sio_error *err)
{
    struct zipsrc *z = calloc(1, sizeof *z);
    int rc;
    *out = NULL;
    if (z) {
        z->fd[0] = z->fd[1] = -1;
        z->max_bytes = max_bytes;
    }
    if (!z || !(z->path = strdup(path)) || !(z->member = strdup(member))) {
        zipsrc_close(z);
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    }
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, z->fd) != 0)
        rc = sio_fail(err, SIO_ESOFTWARE, path, 0, "cannot make a socket pair: %s",
                      strerror(errno));
    else if ((rc = csvin_open_fd(&z->in, z->fd[0], member, err)) == SIO_OK) {
        if (pthread_create(&z->thread, NULL, writer, z) != 0)
            rc = sio_fail(err, SIO_ESOFTWARE, path, 0, "cannot start a thread");
        else
            z->started = 1;
    }
    if (rc) {
        zipsrc_close(z);
        return rc;
    }
    *in = z->in;
    *out = z;
    return SIO_OK;
}

static void join(struct zipsrc *z)
{
    if (z->started && !z->joined) {
        pthread_join(z->thread, NULL);
        z->joined = 1;
    }
}

int zipsrc_check(void *ctx, struct sio_error *err)
{
    struct zipsrc *z = ctx;
    join(z);
    if (z->werr.status) {
        *err = z->werr;
        return err->status;
    }
    return SIO_OK;
}

void zipsrc_close(struct zipsrc *z)
{
    if (!z)
        return;
    if (z->in)
        csvin_close(z->in);
    if (z->fd[0] >= 0)
        close(z->fd[0]);
    join(z);
    if (z->fd[1] >= 0)
        close(z->fd[1]);
    free(z->path);
    free(z->member);
    free(z);
}
