/*
 * convert.c — posix_spawnp, a pipe for stderr (its tail kept), waitpid.
 */
#define _GNU_SOURCE /* pipe2 */
#include "convert.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* dup2 clears close-on-exec on its copy, so only fds 0-2 (and 3, 4 when
 * asked) reach the child; the originals are all close-on-exec. */
static int spawn_actions(posix_spawn_file_actions_t *fa, const int fds[2], int pass)
{
    return posix_spawn_file_actions_init(fa) ||
           posix_spawn_file_actions_addopen(fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0) ||
           posix_spawn_file_actions_addopen(fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0) ||
           posix_spawn_file_actions_adddup2(fa, fds[1], STDERR_FILENO) ||
           (pass >= 0 && (posix_spawn_file_actions_adddup2(fa, pass, 3) ||
                          posix_spawn_file_actions_adddup2(fa, pass, 4)));
}

int convert_start(struct convert_job *j, char *const argv[], struct sio_error *err)
{
    return convert_start_with(j, argv, -1, err);
}

int convert_start_with(struct convert_job *j, char *const argv[], int pass,
                       struct sio_error *err)
{
    posix_spawn_file_actions_t fa;
    int fds[2], rc;
    j->pid = 0;
    j->err_fd = -1;
    j->kept = 0;
    j->tail[0] = '\0';
    if (pipe2(fds, O_CLOEXEC) != 0)
        return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "cannot make a pipe: %s", strerror(errno));
    /* Above 4, so that neither end is clobbered by the dup2s to 3 and 4. */
    if (pass >= 0 && (fds[0] <= 4 || fds[1] <= 4)) {
        int hi[2] = { fcntl(fds[0], F_DUPFD_CLOEXEC, 5), fcntl(fds[1], F_DUPFD_CLOEXEC, 5) };
        close(fds[0]);
        close(fds[1]);
        if (hi[0] < 0 || hi[1] < 0) {
            if (hi[0] >= 0)
                close(hi[0]);
            if (hi[1] >= 0)
                close(hi[1]);
            return sio_fail(err, SIO_ESOFTWARE, j->output, 0, "cannot make a pipe: %s",
                            strerror(errno));
        }
        fds[0] = hi[0];
        fds[1] = hi[1];
    }
    if (spawn_actions(&fa, fds, pass)) {
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

/* Read what j's stderr has (to its end, or with nonblock until it would
 * block), keeping the last CONVERT_TAIL - 1 bytes in j->tail. */
static void read_tail(struct convert_job *j, int nonblock)
{
    char buf[4096];
    ssize_t n;
    struct pollfd p = { j->err_fd, POLLIN, 0 };
    while ((!nonblock || poll(&p, 1, 0) == 1) &&
           ((n = read(j->err_fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))) {
        if (n <= 0)
            continue;
        size_t add = (size_t)n < CONVERT_TAIL - 1 ? (size_t)n : CONVERT_TAIL - 1;
        size_t keep = j->kept + add > CONVERT_TAIL - 1 ? CONVERT_TAIL - 1 - add : j->kept;
        memmove(j->tail, j->tail + j->kept - keep, keep);
        memcpy(j->tail + keep, buf + (size_t)n - add, add);
        j->kept = keep + add;
    }
    j->tail[j->kept] = '\0';
}

void convert_drain(struct convert_job *j)
{
    if (j->pid > 0 && j->err_fd >= 0)
        read_tail(j, 1);
}

int convert_finish(struct convert_job *j, struct sio_error *err)
{
    int status;
    if (j->pid <= 0)
        return SIO_OK;
    read_tail(j, 0);
    close(j->err_fd);
    j->err_fd = -1;
    char *tail = j->tail;
    while (j->kept > 0 && (tail[j->kept - 1] == '\n' || tail[j->kept - 1] == '\r'))
        tail[--j->kept] = '\0';
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
