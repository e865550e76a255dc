/*
 * progress.c — the progress line (see progress.h).
 */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p, int wanted, long files_total, long long bytes_total)
{
    p->on = wanted && isatty(STDERR_FILENO);
    p->shown = 0;
    p->files_total = files_total;
    p->bytes_total = bytes_total;
    p->started = p->last = now();
}

void progress_update(struct progress *p, long files, long long bytes, long long rows)
{
    double t = now(), spent = t - p->started;
    if (!p->on || (t - p->last < 0.1 && files < p->files_total))
        return;
    p->last = t;
    double rate = spent > 0 ? rows / spent : 0;
    double left = bytes > 0 && p->bytes_total > bytes ? spent * (p->bytes_total - bytes) / bytes
                                                       : 0;
    fprintf(stderr, "\r\033[Ksio-ingest: %ld/%ld files, %lld rows, %.0f rows/s, ETA %d:%02d",
            files, p->files_total, rows, rate, (int)(left / 60), (int)left % 60);
    fflush(stderr);
    p->shown = 1;
}

void progress_clear(struct progress *p)
{
    if (p->on && p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->shown = 0;
    }
}
