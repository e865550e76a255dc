/*
 * progress.h — "files done, rows/s, ETA" on a terminal.
 *
 * Shown on standard error only when it is a terminal and --quiet is not
 * given, so cron jobs, pipes and tests never see it.  The estimate is by
 * bytes, as files differ a hundredfold in size.  One line, redrawn in place
 * at most ten times a second, and cleared before anything else is printed.
 */
#ifndef SIO_INGEST_PROGRESS_H
#define SIO_INGEST_PROGRESS_H

struct progress {
    int on;                 /* drawing at all */
    int shown;              /* a line is on the screen */
    long files_total;
    long long bytes_total;
    double started, last;   /* seconds, monotonic */
};

/* Start counting; on only when wanted and stderr is a terminal. */
void progress_start(struct progress *p, int wanted, long files_total, long long bytes_total);

/* A file is done: files, bytes and rows so far. */
void progress_update(struct progress *p, long files, long long bytes, long long rows);

/* Clear the line (before printing, and at the end). */
void progress_clear(struct progress *p);

#endif
