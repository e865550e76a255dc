/*
 * out.h — sio-gen's buffered output files.
 *
 * Every file sio-gen writes goes through one struct out: a 1 MiB buffer over
 * a FILE, so the hot loops append bytes with memcpy and nothing else.  A
 * write error is remembered and reported when the file is closed, with the
 * path, on stderr; the caller turns it into an exit status.
 */
#ifndef SIO_GEN_OUT_H
#define SIO_GEN_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define OUT_BUF (1 << 20) /* bytes buffered per output file */

struct out {
    FILE *fp;
    char *buf;          /* OUT_BUF bytes, owned */
    size_t len;         /* bytes buffered */
    int failed;         /* a write failed; reported at close */
    char path[4096];    /* for messages */
};

/* Open path for writing.  Returns 0, or EX_CANTCREAT / EX_OSERR after
 * printing why. */
int out_open(struct out *o, const char *path);

/* Open DIR/name for writing. */
int out_open_in(struct out *o, const char *dir, const char *name);

/* Open DIR/YYYY-MM/YYYY-MM-<slug>-<kind>.csv, the police.uk archive's name,
 * making the month folder. */
int out_open_month(struct out *o, const char *dir, const char *mon, const char *slug,
                   const char *kind);

/* Flush and close.  Returns 0, or EX_IOERR after printing why. */
int out_close(struct out *o);

/* Write the buffered bytes (keeps the file open). */
void out_flush(struct out *o);

/* Room for n more bytes (n <= OUT_BUF): the place to write them. */
static inline char *out_room(struct out *o, size_t n)
{
    if (o->len + n > OUT_BUF)
        out_flush(o);
    return o->buf + o->len;
}

static inline void out_put(struct out *o, const char *s, size_t n)
{
    memcpy(out_room(o, n), s, n);
    o->len += n;
}

static inline void out_str(struct out *o, const char *s)
{
    out_put(o, s, strlen(s));
}

/* A Crime ID: the 256 bits of id as 64 lower-case hex digits. */
void out_crime_id(struct out *o, const uint64_t id[4]);

/* printf into the buffer (a line of at most 1 KiB). */
void out_printf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* mkdir -p: path and any missing parents.  Returns 0 or -1 (errno set). */
int out_make_dirs(const char *path);

#endif
