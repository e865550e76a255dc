/*
 * convert.c — posix_spawnp, a pipe for stderr, waitpid.
 */
#define _GNU_SOURCE /* pipe2 */
#include "convert.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int spawn_actions(posix_spawn_file_actions_t *fa, const int fds[2])
{
    return posix_spawn_file_actions_init(fa) ||
           posix_spawn_file_actions_addopen(fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0) ||
           posix_spawn_file_actions_addopen(fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0) ||
           posix_spawn_file_actions_adddup2(fa, fds[1], STDERR_FILENO) ||
           posix_spawn_file_actions_addclose(fa, fds[0]) ||
           posix_spawn_file_actions_addclose(fa, fds[1]);
}

int convert_start(struct convert_job *j, char *const argv[], struct sio_error *err)
{
    posix_spawn_file_actions_t fa;
    int fds[2], rc;
    j->pid = 0;
    j->err_fd = -1;
    if (pipe2(fds, O_CLOEXEC) != 0)
        return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "cannot make a pipe: %s", strerror(errno));
    if (spawn_actions(&fa, fds)) {
        close(fds[0]);
        close(fds[1]);
        return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "cannot set up %s", j->name);
    }
    rc = posix_spawnp(&j->pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        j->pid = 0;
        if (rc == ENOENT)
            return sio_fail(err, SIO_EUNAVAILABLE, j->output, 0, "%s is not installed (Debian "
                            "package %s): it makes this file; or leave the format out of "
                            "[statement] formats", j->name, j->package);
        return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "cannot run %s: %s", j->name,
                        strerror(rc));
    }
    j->err_fd = fds[0];
    return SIO_OK;
}

/* Read fd to its end, keeping the last CONVERT_TAIL - 1 bytes in tail. */
static void read_tail(int fd, char *tail)
{
    char buf[4096];
    size_t kept = 0;
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
        if (n <= 0)
            continue;
        size_t add = (size_t)n < CONVERT_TAIL - 1 ? (size_t)n : CONVERT_TAIL - 1;
        size_t keep = kept + add > CONVERT_TAIL - 1 ? CONVERT_TAIL - 1 - add : kept;
        memmove(tail, tail + kept - keep, keep);
        memcpy(tail + keep, buf + (size_t)n - add, add);
        kept = keep + add;
    }
    tail[kept] = '\0';
    while (kept > 0 && (tail[kept - 1] == '\n' || tail[kept - 1] == '\r'))
        tail[--kept] = '\0';
}

int convert_finish(struct convert_job *j, struct sio_error *err)
{
    char tail[CONVERT_TAIL];
    int status;
    if (j->pid <= 0)
        return SIO_OK;
    read_tail(j->err_fd, tail);
    close(j->err_fd);
    while (waitpid(j->pid, &status, 0) < 0)
        if (errno != EINTR)
            return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "cannot wait for %s: %s", j->name,
                            strerror(errno));
    j->pid = 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return SIO_OK;
    if (WIFSIGNALED(status))
        return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "%s was killed by signal %d (%s)%s%s",
                        j->name, WTERMSIG(status), strsignal(WTERMSIG(status)),
                        *tail ? ": " : "", tail);
    return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "%s failed (exit %d)%s%s", j->name,
                    WEXITSTATUS(status), *tail ? ": " : "", tail);
}
