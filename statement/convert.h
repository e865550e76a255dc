/*
 * convert.h — running the converters that make the statement's Word and PDF
 * copies (pandoc, the PDF renderer) as child processes.
 *
 * A converter is started with posix_spawnp (no shell: every argument is
 * passed as it is), stdin and stdout on /dev/null, and its stderr kept (the
 * last few KiB) for the message if it fails.  Several may run at once:
 * start each, then finish each.  A converter that is not installed is
 * SIO_EUNAVAILABLE (exit status 69) naming the Debian package that has it.
 */
#ifndef SIO_STATEMENT_CONVERT_H
#define SIO_STATEMENT_CONVERT_H

#include "sys/error.h"

#include <sys/types.h>

#define CONVERT_TAIL 2048

struct convert_job {
    const char *name;           /* "pandoc" */
    const char *package;        /* the Debian package that installs it */
    const char *output;         /* the file it writes, for messages */
    pid_t pid;                  /* 0 when not running */
    int err_fd;                 /* read end of its stderr */
    char tail[CONVERT_TAIL];    /* the end of what it has said on stderr */
    size_t kept;                /* bytes in tail */
};

/* Start argv[0] (looked up on PATH) with argv.  j->name, package and output
 * must be set. */
int convert_start(struct convert_job *j, char *const argv[], struct sio_error *err);

/* The same, with fd pass given to the child as its fds 3 and 4 (Chromium's
 * --remote-debugging-pipe reads commands from 3 and writes replies to 4). */
int convert_start_with(struct convert_job *j, char *const argv[], int pass,
                       struct sio_error *err);

/* Keep what j has said on stderr so far without waiting (a converter that
 * runs for long would otherwise block once the pipe is full). */
void convert_drain(struct convert_job *j);

/* Wait for j to end: SIO_OK when it exited 0, else SIO_ESOFTWARE with the
 * end of what it said on stderr.  Safe on a job that never started. */
int convert_finish(struct convert_job *j, struct sio_error *err);

#endif
