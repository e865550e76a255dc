/*
 * inject.c — an LD_PRELOAD shim that makes I/O fail on purpose, so tests can
 * prove each failure is reported and loses nothing (after jq's
 * src/inject_errors.c).  Built as build/tests/fault/inject.so.
 *
 * One rule per process, from the environment:
 *
 *   SIO_FAULT=OP:MATCH[:ERRNO[:N]]
 *
 * MATCH is a substring of the file's path (for a descriptor, the path
 * /proc/self/fd names).  ERRNO is ENOSPC, EIO, EROFS, EACCES or EFBIG
 * (default EIO).  OP is one of:
 *
 *   write   write/pwrite/pwrite64/writev/fwrite to a matching file fail once
 *           N bytes (default 0) have been written to matching files;
 *   fsync   fsync/fdatasync of a matching file fail;
 *   rename  rename/renameat/renameat2 with a matching source or target fail;
 *   create  opening a matching path for writing (open/openat/creat/fopen
 *           with a write mode, mkstemp/mkostemp, mkdir) fails;
 *   vanish  the (N+1)th open of a matching path (N default 1) finds the file
 *           gone: it is unlinked just before;
 *   change  the (N+1)th open of a matching path (N default 1) succeeds, and
 *           then the file grows by one line, as if another program were
 *           rewriting it while it is read;
 *   slow    every open of a matching path waits N milliseconds (default
 *           1000; ERRNO is not used), as on a slow network share: tests use
 *           it to make two programs take turns in a known order.
 *
 * stdio's own buffered writes inside libc cannot be intercepted (they call
 * libc-internal symbols): a full disk for those is tested with RLIMIT_FSIZE
 * or a small tmpfs instead.  The counters are per process.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static struct {
    int parsed;
    char op[16];
    char match[512];
    int err;
    long long n;
    long long written;   /* bytes written to matching files so far */
    long long opens;     /* opens of matching paths so far */
} rule;

static int errno_named(const char *s)
{
    static const struct { const char *name; int value; } names[] = {
        { "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EROFS", EROFS },
        { "EACCES", EACCES }, { "EFBIG", EFBIG },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(s, names[i].name))
            return names[i].value;
    return EIO;
}

static void parse_rule(void)
{
    char buf[700], *save, *f[4] = { 0 };
    const char *env = getenv("SIO_FAULT");
    rule.parsed = 1;
    if (!env || strlen(env) >= sizeof buf)
        return;
    strcpy(buf, env);
    f[0] = strtok_r(buf, ":", &save);
    for (int i = 1; i < 4 && f[i - 1]; i++)
        f[i] = strtok_r(NULL, ":", &save);
    if (!f[0] || !f[1])
        return;
    snprintf(rule.op, sizeof rule.op, "%s", f[0]);
    snprintf(rule.match, sizeof rule.match, "%s", f[1]);
    rule.err = f[2] ? errno_named(f[2]) : EIO;
    rule.n = f[3] ? atoll(f[3]) : (!strcmp(rule.op, "vanish") || !strcmp(rule.op, "change"));
    if (!f[3] && !strcmp(rule.op, "slow"))
        rule.n = 1000;
}

static int is_op(const char *op)
{
    if (!rule.parsed)
        parse_rule();
    return rule.op[0] && !strcmp(rule.op, op);
}

static int path_matches(const char *path)
{
    return path && strstr(path, rule.match) != NULL;
}

static int fd_matches(int fd)
{
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n < 0)
        return 0;
    path[n] = '\0';
    return path_matches(path);
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

/* ---- write ---- */

static int write_fails(int fd, size_t len)
{
    if (!is_op("write") || !fd_matches(fd))
        return 0;
    if (rule.written + (long long)len > rule.n) {
        errno = rule.err;
        return 1;
    }
    rule.written += (long long)len;
    return 0;
}

ssize_t write(int fd, const void *buf, size_t len)
{
    return write_fails(fd, len) ? -1 : REAL(write)(fd, buf, len);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
    return write_fails(fd, len) ? -1 : REAL(pwrite)(fd, buf, len, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off64_t off)
{
    return write_fails(fd, len) ? -1 : REAL(pwrite64)(fd, buf, len, off);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += iov[i].iov_len;
    return write_fails(fd, len) ? -1 : REAL(writev)(fd, iov, n);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
    if (write_fails(fileno(fp), size * n)) {
        fp->_flags |= 0x20; /* _IO_ERR_SEEN: ferror() must see it */
        return 0;
    }
    return REAL(fwrite)(p, size, n, fp);
}

/* ---- fsync ---- */

int fsync(int fd)
{
    if (is_op("fsync") && fd_matches(fd)) {
        errno = rule.err;
        return -1;
    }
    return REAL(fsync)(fd);
}

int fdatasync(int fd)
{
    if (is_op("fsync") && fd_matches(fd)) {
        errno = rule.err;
        return -1;
    }
    return REAL(fdatasync)(fd);
}

/* ---- rename ---- */

static int rename_fails(const char *from, const char *to)
{
    if (is_op("rename") && (path_matches(from) || path_matches(to))) {
        errno = rule.err;
        return 1;
    }
    return 0;
}

int rename(const char *from, const char *to)
{
    return rename_fails(from, to) ? -1 : REAL(rename)(from, to);
}

int renameat(int a, const char *from, int b, const char *to)
{
    return rename_fails(from, to) ? -1 : REAL(renameat)(a, from, b, to);
}

int renameat2(int a, const char *from, int b, const char *to, unsigned flags)
{
    return rename_fails(from, to) ? -1 : REAL(renameat2)(a, from, b, to, flags);
}

/* ---- opening: create, vanish, change ---- */

/* Before a real open: 1 when it must fail (errno set). */
static int before_open(const char *path, int writing)
{
    if (is_op("create") && writing && path_matches(path)) {
        errno = rule.err;
        return 1;
    }
    if (is_op("vanish") && path_matches(path) && rule.opens++ == rule.n)
        unlink(path);
    if (is_op("slow") && path_matches(path)) {
        struct timespec wait = { (time_t)(rule.n / 1000), (long)(rule.n % 1000) * 1000000 };
        while (nanosleep(&wait, &wait) != 0 && errno == EINTR)
            ;
    }
    return 0;
}

/* After a real open that succeeded: the "change" rule grows the file. */
static void after_open(const char *path)
{
    if (!is_op("change") || !path_matches(path) || rule.opens++ != rule.n)
        return;
    int fd = REAL(open)(path, O_WRONLY | O_APPEND);
    if (fd >= 0) {
        static const char line[] = "changed-by-inject,2020-01,X,X,,,x,,,Burglary,,\r\n";
        if (REAL(write)(fd, line, sizeof line - 1) < 0)
            perror("inject: change");
        close(fd);
    }
}

static int open_writes(int flags)
{
    return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0;
}

#define OPEN_BODY(call)                                          \
    mode_t mode = 0;                                             \
    if (flags & (O_CREAT | O_TMPFILE)) {                         \
        va_list ap;                                              \
        va_start(ap, flags);                                     \
        mode = va_arg(ap, mode_t);                               \
        va_end(ap);                                              \
    }                                                            \
    if (before_open(path, open_writes(flags)))                   \
        return -1;                                               \
    int fd = call;                                               \
    if (fd >= 0)                                                 \
        after_open(path);                                        \
    return fd;

int open(const char *path, int flags, ...) { OPEN_BODY(REAL(open)(path, flags, mode)) }
int open64(const char *path, int flags, ...) { OPEN_BODY(REAL(open64)(path, flags, mode)) }
int openat(int dir, const char *path, int flags, ...) { OPEN_BODY(REAL(openat)(dir, path, flags, mode)) }
int openat64(int dir, const char *path, int flags, ...) { OPEN_BODY(REAL(openat64)(dir, path, flags, mode)) }

int creat(const char *path, mode_t mode)
{
    return before_open(path, 1) ? -1 : REAL(creat)(path, mode);
}

static FILE *fopen_common(const char *path, const char *how, FILE *(*real)(const char *, const char *))
{
    if (before_open(path, strpbrk(how, "wa+") != NULL))
        return NULL;
    FILE *fp = real(path, how);
    if (fp)
        after_open(path);
    return fp;
}

FILE *fopen(const char *path, const char *how) { return fopen_common(path, how, REAL(fopen)); }
FILE *fopen64(const char *path, const char *how) { return fopen_common(path, how, REAL(fopen64)); }

int mkstemp(char *tmpl)
{
    return before_open(tmpl, 1) ? -1 : REAL(mkstemp)(tmpl);
}

int mkostemp(char *tmpl, int flags)
{
    return before_open(tmpl, 1) ? -1 : REAL(mkostemp)(tmpl, flags);
}

int mkdir(const char *path, mode_t mode)
{
    return before_open(path, 1) ? -1 : REAL(mkdir)(path, mode);
}
