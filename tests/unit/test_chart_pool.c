/*
 * test_chart_pool.c — the worker processes sio-charts draws on: every item
 * runs once with its result back in the parent, the error reported is the
 * first failed item's in item order whichever worker finished first, a
 * worker killed by a signal is an error naming its item, one job runs in
 * the calling process, and N jobs are N worker processes, never more.
 */
#include "../../charts/pool.h"

#include "testing.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct result {
    int square;
    long pid;
};

struct plan {
    int fail_slowly, fail_quickly; /* items that fail, -1 for none */
    int kill;                      /* item whose worker dies, -1 for none */
};

static char item_name[32];

static const char *name_of(void *ctx, int i)
{
    (void)ctx;
    snprintf(item_name, sizeof item_name, "item %d", i);
    return item_name;
}

static int run_item(void *ctx, int i, void *out, struct sio_error *err)
{
    const struct plan *p = ctx;
    struct result *r = out;
    if (i == p->kill)
        raise(SIGKILL);
    if (i == p->fail_slowly) {
        nanosleep(&(struct timespec){0, 200 * 1000 * 1000}, NULL);
        return sio_fail(err, SIO_EDATA, NULL, 0, "slow failure of item %d", i);
    }
    if (i == p->fail_quickly)
        return sio_fail(err, SIO_EIO, NULL, 0, "quick failure of item %d", i);
    r->square = i * i;
    r->pid = (long)getpid();
    return SIO_OK;
}

static int run(struct plan *p, int n, int jobs, struct result *res, unsigned char *ran,
               struct sio_error *err)
{
    struct pool_job job = {n, sizeof *res, NULL, run_item, NULL, name_of, p};
    return pool_run(&job, jobs, res, ran, err);
}

TEST(every_item_runs_once_with_its_result)
{
    struct plan p = {-1, -1, -1};
    struct result res[20];
    unsigned char ran[20];
    struct sio_error err;
    CHECK_INT(run(&p, 20, 2, res, ran, &err), SIO_OK);
    for (int i = 0; i < 20; i++) {
        CHECK_INT(res[i].square, i * i);
        CHECK_INT(ran[i], 1);
        CHECK(res[i].pid != (long)getpid());
    }
}

TEST(the_first_failed_item_in_order_is_the_error)
{
    struct plan p = {3, 4, -1}; /* item 4 fails at once, item 3 later */
    struct result res[20];
    struct sio_error err;
    CHECK_INT(run(&p, 20, 2, res, NULL, &err), SIO_EDATA);
    CHECK(strstr(err.msg, "item 3") != NULL);
}

TEST(a_worker_killed_by_a_signal_is_an_error_naming_its_item)
{
    struct plan p = {-1, -1, 5};
    struct result res[8];
    struct sio_error err;
    CHECK_INT(run(&p, 8, 2, res, NULL, &err), SIO_ESOFTWARE);
    CHECK(strstr(err.msg, "signal 9") != NULL);
    CHECK(strstr(err.msg, "item 5") != NULL);
}

TEST(one_job_runs_in_this_process)
{
    struct plan p = {-1, -1, -1};
    struct result res[4];
    struct sio_error err;
    CHECK_INT(run(&p, 4, 1, res, NULL, &err), SIO_OK);
    for (int i = 0; i < 4; i++)
        CHECK_INT(res[i].pid, (long)getpid());
}

static char roll[64]; /* a file each worker appends its pid to, once */

/* The distinct pids in roll. */
static int workers_on_roll(long *pids, int max)
{
    FILE *f = fopen(roll, "r");
    long pid;
    int n = 0;
    while (f && fscanf(f, "%ld", &pid) == 1) {
        int seen = 0;
        for (int k = 0; k < n; k++)
            seen |= pids[k] == pid;
        if (!seen && n < max)
            pids[n++] = pid;
    }
    if (f)
        fclose(f);
    return n;
}

/* Sign the roll, then wait (up to 10 s) until want workers have: every
 * worker is held in its first item until all have started, so each takes
 * at least one. */
static int roll_call(void *ctx, int i, void *out, struct sio_error *err)
{
    int want = *(const int *)ctx;
    static long signed_by;
    long pids[64];
    (void)i, (void)err;
    if (signed_by != (long)getpid()) {
        char line[32];
        int fd = open(roll, O_WRONLY | O_APPEND);
        int len = snprintf(line, sizeof line, "%ld\n", (long)getpid());
        if (fd >= 0) {
            if (write(fd, line, (size_t)len) != len)
                return sio_fail(err, SIO_EIO, roll, 0, "cannot sign the roll");
            close(fd);
        }
        signed_by = (long)getpid();
    }
    for (int t = 0; t < 1000 && workers_on_roll(pids, 64) < want; t++)
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    ((struct result *)out)->pid = (long)getpid();
    return SIO_OK;
}

TEST(n_jobs_are_n_worker_processes)
{
    int jobs = 3;
    long pids[64];
    struct result res[12];
    struct sio_error err;
    struct pool_job job = {12, sizeof *res, NULL, roll_call, NULL, name_of, &jobs};
    snprintf(roll, sizeof roll, "/tmp/sio-test-pool-XXXXXX");
    int fd = mkstemp(roll);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    close(fd);
    CHECK_INT(pool_run(&job, jobs, res, NULL, &err), SIO_OK);
    CHECK_INT(workers_on_roll(pids, 64), 3);
    for (int i = 0; i < 12; i++) {
        int one_of_them = 0;
        for (int k = 0; k < 3; k++)
            one_of_them |= res[i].pid == pids[k];
        CHECK(one_of_them && res[i].pid != (long)getpid());
    }
    unlink(roll);
}

int main(void)
{
    RUN(every_item_runs_once_with_its_result);
    RUN(the_first_failed_item_in_order_is_the_error);
    RUN(a_worker_killed_by_a_signal_is_an_error_naming_its_item);
    RUN(one_job_runs_in_this_process);
    RUN(n_jobs_are_n_worker_processes);
    return TESTING_DONE();
}
