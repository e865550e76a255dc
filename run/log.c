/*
 * log.c — timestamped lines to the run log and stderr.
 */
#include "log.h"

#include "sys/atomic.h"
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int runlog_open(struct run_log *log, const char *path, int quiet, struct sio_error *err)
{
    char dir[1024];
    int rc;
    log->quiet = quiet;
    log->fd = -1;
    snprintf(dir, sizeof dir, "%s", path);
    if ((rc = atomic_mkdirs(dirname(dir), err)))
        return rc;
    log->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log->fd < 0)
        return sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot open the log: %s",
                        strerror(errno));
    return SIO_OK;
}

/* A log line is best effort: a full disk must not hide the run's own error. */
static void write_line(int fd, const char *line, size_t len)
{
    if (fd >= 0 && write(fd, line, len) < 0)
        return;
}

void runlog_say(struct run_log *log, int loud, const char *fmt, ...)
{
    char now[32], line[2048];
    va_list ap;
    int n = snprintf(line, sizeof line, "%s sio-run: ", store_now(now));
    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    write_line(log->fd, line, (size_t)n);
    if (loud || !log->quiet)
        write_line(STDERR_FILENO, line, (size_t)n);
}

void runlog_error(struct run_log *log, const struct sio_error *err)
{
    if (err->file[0] && err->line > 0)
        runlog_say(log, 1, "%s:%ld: %s", err->file, err->line, err->msg);
    else if (err->file[0])
        runlog_say(log, 1, "%s: %s", err->file, err->msg);
    else
        runlog_say(log, 1, "%s", err->msg);
}

void runlog_stage_line(struct run_log *log, const char *text)
{
    char now[32], line[4200];
    int n = snprintf(line, sizeof line, "%s %s\n", store_now(now), text);
    if (n > (int)sizeof line - 1)
        n = (int)sizeof line - 1;
    write_line(log->fd, line, (size_t)n);
    fprintf(stderr, "%s\n", text);
}

void runlog_close(struct run_log *log)
{
    if (log->fd >= 0)
        close(log->fd);
    log->fd = -1;
}
