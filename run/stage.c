/*
 * stage.c — fork, exec, relay stderr, wait.
 *
 * The child gets the write end of a pipe as its stderr; the parent reads it
 * to the end (the child exiting closes it) and only then waits, so a stage
 * that writes a lot to stderr never blocks on a full pipe.  The child's
 * stdin is /dev/null: an unattended run must never wait for a terminal.
 */
#define _GNU_SOURCE /* pipe2 */
#include "stage.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* In the child: stderr to the pipe, stdin from /dev/null, then exec.  Only
 * a forked child that failed to exec calls _exit, with 127 as a shell would. */
static void child(char *const argv[], int err_fd)
{
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0)
        dup2(null_fd, STDIN_FILENO);
    dup2(err_fd, STDERR_FILENO);
    execv(argv[0], argv);
    dprintf(STDERR_FILENO, "sio-run: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

/* Copy the stage's stderr to the log, one line at a time. */
static void relay(int fd, struct run_log *log)
{
    char buf[4096];
    size_t used = 0;
    ssize_t n;
    while ((n = read(fd, buf + used, sizeof buf - 1 - used)) > 0 || (n < 0 && errno == EINTR)) {
        used += n > 0 ? (size_t)n : 0;
        char *start = buf, *nl;
        buf[used] = '\0';
        while ((nl = memchr(start, '\n', used - (size_t)(start - buf)))) {
            *nl = '\0';
            runlog_stage_line(log, start);
            start = nl + 1;
        }
        used -= (size_t)(start - buf);
        memmove(buf, start, used);
        if (used == sizeof buf - 1) { /* a line longer than the buffer: pass it in parts */
            buf[used] = '\0';
            runlog_stage_line(log, buf);
            used = 0;
        }
    }
    if (used) {
        buf[used] = '\0';
        runlog_stage_line(log, buf);
    }
}

static void outcome_from(int wstatus, struct stage_outcome *out)
{
    out->signal = 0;
    if (WIFEXITED(wstatus)) {
        out->exit_code = WEXITSTATUS(wstatus);
        if (out->exit_code == 127)
            out->exit_code = EX_SOFTWARE; /* could not exec: message already relayed */
    } else {
        out->exit_code = EX_SOFTWARE;
        out->signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
    }
}

int stage_run(char *const argv[], struct run_log *log, struct stage_outcome *out,
              struct sio_error *err)
{
    int fds[2], wstatus;
    double start = now_seconds();
    if (pipe2(fds, O_CLOEXEC) != 0)
        return sio_fail(err, SIO_ESOFTWARE, argv[0], 0, "cannot make a pipe: %s", strerror(errno));
    fflush(NULL); /* nothing buffered may be written twice by the child */
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return sio_fail(err, SIO_ESOFTWARE, argv[0], 0, "cannot fork: %s", strerror(errno));
    }
    if (pid == 0)
        child(argv, fds[1]);
    close(fds[1]);
    relay(fds[0], log);
    close(fds[0]);
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR)
            return sio_fail(err, SIO_ESOFTWARE, argv[0], 0, "cannot wait: %s", strerror(errno));
    outcome_from(wstatus, out);
    out->seconds = now_seconds() - start;
    return SIO_OK;
}
