/*
 * out.c — buffered output files and folders (see out.h).
 */
#include "out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sysexits.h>

int out_open(struct out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    snprintf(o->path, sizeof o->path, "%s", path);
    if (!(o->buf = malloc(OUT_BUF))) {
        fprintf(stderr, "sio-gen: out of memory\n");
        return EX_OSERR;
    }
    if (!(o->fp = fopen(path, "wb"))) {
        fprintf(stderr, "sio-gen: %s: %s\n", path, strerror(errno));
        free(o->buf);
        o->buf = NULL;
        return EX_CANTCREAT;
    }
    return 0;
}

int out_open_in(struct out *o, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return out_open(o, path);
}

static int make_dir(const char *path)
{
    return mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

int out_open_month(struct out *o, const char *dir, const char *mon, const char *slug,
                   const char *kind)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, mon);
    if (make_dir(path) != 0) {
        fprintf(stderr, "sio-gen: %s: %s\n", path, strerror(errno));
        return EX_CANTCREAT;
    }
    snprintf(path, sizeof path, "%s/%s/%s-%s-%s.csv", dir, mon, mon, slug, kind);
    return out_open(o, path);
}

void out_flush(struct out *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->fp) != o->len)
        o->failed = 1;
    o->len = 0;
}

void out_crime_id(struct out *o, const uint64_t id[4])
{
    static const char hex[] = "0123456789abcdef";
    char *d = out_room(o, 64);
    for (int j = 0; j < 4; j++)
        for (int b = 60; b >= 0; b -= 4)
            *d++ = hex[(id[j] >> b) & 15];
    o->len += 64;
}

void out_printf(struct out *o, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > 0)
        out_put(o, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

int out_close(struct out *o)
{
    out_flush(o);
    int bad = o->failed | (fclose(o->fp) != 0);
    free(o->buf);
    o->buf = NULL;
    if (bad) {
        fprintf(stderr, "sio-gen: %s: write failed: %s\n", o->path, strerror(errno));
        return EX_IOERR;
    }
    return 0;
}

int out_make_dirs(const char *path)
{
    char buf[4096];
    size_t n = strlen(path);
    if (n >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, path, n + 1);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/' && p[-1] != '/') {
            *p = '\0';
            if (make_dir(buf) != 0)
                return -1;
            *p = '/';
        }
    return make_dir(buf);
}
