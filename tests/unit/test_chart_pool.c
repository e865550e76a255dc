/*
 * test_chart_pool.c — the worker processes sio-charts draws on: every item
 * runs once with its result back in the parent, the error reported is the
 * first failed item's in item order whichever worker finished first, a
 * worker killed by a signal is an error naming its item, and one job runs
 * in the calling process.
 */
#include "../../charts/pool.h"

#include "testing.h"

#include <signal.h>
#include <stdio.h>
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

int main(void)
{
    RUN(every_item_runs_once_with_its_result);
    RUN(the_first_failed_item_in_order_is_the_error);
    RUN(a_worker_killed_by_a_signal_is_an_error_naming_its_item);
    RUN(one_job_runs_in_this_process);
    return TESTING_DONE();
}
