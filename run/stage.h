/*
 * stage.h — running one stage program and waiting for it.
 *
 * stage_run() forks and execs the program (no shell: argv goes to execv as
 * it is), passes the stage's stderr through the run log line by line, and
 * waits.  The stage's own exit status is the result; a stage killed by a
 * signal, or one that cannot be started, counts as EX_SOFTWARE (70) with a
 * message saying which.
 */
#ifndef SIO_RUN_STAGE_H
#define SIO_RUN_STAGE_H

#include "sys/error.h"
#include "log.h"

struct stage_outcome {
    int exit_code;      /* the stage's exit status, 70 if it did not exit */
    int signal;         /* the signal that ended it, 0 if none */
    double seconds;     /* wall-clock time it ran */
};

/* Run argv[0] with argv; fill out.  SIO_OK when the program ran and was
 * waited for (whatever its status); SIO_ESOFTWARE when it could not be
 * started (err says why). */
int stage_run(char *const argv[], struct run_log *log, struct stage_outcome *out,
              struct sio_error *err);

#endif
