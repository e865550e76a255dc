/*
 * log.h — sio-run's log: one line per step, to the log file and to stderr.
 *
 * Every line starts with the UTC time (ISO 8601) and goes to the log file
 * with one write() on an O_APPEND descriptor, so lines of overlapping
 * writers never interleave mid-line.  With --quiet, sio-run's own lines go
 * only to the file; what a stage prints on stderr (warnings, errors) always
 * reaches stderr as well, so cron mails it.
 */
#ifndef SIO_RUN_LOG_H
#define SIO_RUN_LOG_H

#include "sys/error.h"

struct run_log {
    int fd;      /* the log file, -1 if none */
    int quiet;   /* keep sio-run's own lines off stderr */
};

/* Open (creating, appending) the log file at path; its folder is created.
 * SIO_ECANTCREAT when it cannot be. */
int runlog_open(struct run_log *log, const char *path, int quiet, struct sio_error *err);

/* One line of sio-run's own: "<time> sio-run: <text>", to the file and, when
 * loud or not quiet, to stderr (failures are loud: cron must mail them). */
void runlog_say(struct run_log *log, int loud, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An error record as a loud log line ("file:line: message"). */
void runlog_error(struct run_log *log, const struct sio_error *err);

/* One line a stage wrote on stderr: to stderr as it is, to the file with the time. */
void runlog_stage_line(struct run_log *log, const char *line);

/* Close the file; safe to repeat. */
void runlog_close(struct run_log *log);

#endif
