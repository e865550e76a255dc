/*
 * test_poisson_ahead.c — exact Poisson intervals kept and worked out ahead:
 * an answer kept from an earlier call, or worked out ahead on other threads,
 * is bit for bit the one a fresh computation gives (checked against a thread
 * of its own, whose kept answers start empty); a different level or a count
 * sharing a slot is never answered with another's figures.
 */
#include "stats/poisson.h"
#include "testing.h"

#include <pthread.h>

struct fresh {
    long x;
    double level;
    struct poisson_interval out;
    int rc;
};

static void *fresh_work(void *arg)
{
    struct fresh *f = arg;
    struct sio_error err;
    f->rc = poisson_rate_ci(f->x, 1.0, f->level, &f->out, &err);
    return NULL;
}

/* The interval of x as a new thread, with nothing kept, works it out. */
static struct poisson_interval fresh(long x, double level)
{
    struct fresh f = {x, level, {0, 0, 0}, -1};
    pthread_t t;
    if (pthread_create(&t, NULL, fresh_work, &f) == 0)
        pthread_join(t, NULL);
    CHECK_INT(f.rc, SIO_OK);
    return f.out;
}

static int same(struct poisson_interval a, struct poisson_interval b)
{
    return a.rate == b.rate && a.low == b.low && a.high == b.high;
}

static struct poisson_interval here(long x, double t, double level)
{
    struct poisson_interval out = {0, 0, 0};
    struct sio_error err;
    CHECK_INT(poisson_rate_ci(x, t, level, &out, &err), SIO_OK);
    return out;
}

TEST(an_interval_asked_again_is_the_same_to_the_bit)
{
    struct poisson_interval a = here(4321, 1.0, 0.95), b = here(4321, 1.0, 0.95);
    CHECK(same(a, b));
    CHECK(same(a, fresh(4321, 0.95)));
}

TEST(intervals_worked_out_ahead_are_those_worked_out_one_by_one)
{
    long x[600];
    struct sio_error err;
    for (int i = 0; i < 600; i++)
        x[i] = (long)i * 97 + 3; /* 600 counts, more than one thread's share */
    x[599] = x[0];               /* and a duplicate */
    CHECK_INT(poisson_rate_ci_ahead(x, 600, 0.9, 2, &err), SIO_OK);
    for (int i = 0; i < 600; i += 37)
        CHECK(same(here(x[i], 1.0, 0.9), fresh(x[i], 0.9)));
}

TEST(an_exposure_scales_the_kept_interval)
{
    struct poisson_interval a = here(250, 1.0, 0.95), b = here(250, 12.5, 0.95);
    CHECK(b.rate == 250 / 12.5 && b.low == a.low / 12.5 && b.high == a.high / 12.5);
}

TEST(another_level_is_not_answered_from_a_kept_interval)
{
    struct poisson_interval a = here(80, 1.0, 0.95), b = here(80, 1.0, 0.80);
    CHECK(a.low < b.low && a.high > b.high);
    CHECK(same(b, fresh(80, 0.80)));
}

TEST(counts_sharing_a_slot_keep_their_own_figures)
{
    struct poisson_interval a = here(17, 1.0, 0.95), b = here(17 + 65536, 1.0, 0.95);
    CHECK(same(here(17, 1.0, 0.95), a));
    CHECK(same(b, fresh(17 + 65536, 0.95)));
    CHECK(a.high < b.low);
}

TEST(a_negative_count_ahead_is_left_to_fail_when_asked)
{
    long x[2] = {-5, 12};
    struct poisson_interval out;
    struct sio_error err;
    CHECK_INT(poisson_rate_ci_ahead(x, 2, 0.95, 2, &err), SIO_OK);
    CHECK_INT(poisson_rate_ci(-5, 1.0, 0.95, &out, &err), SIO_EDATA);
}

int main(void)
{
    poisson_gsl_init();
    RUN(an_interval_asked_again_is_the_same_to_the_bit);
    RUN(intervals_worked_out_ahead_are_those_worked_out_one_by_one);
    RUN(an_exposure_scales_the_kept_interval);
    RUN(another_level_is_not_answered_from_a_kept_interval);
    RUN(counts_sharing_a_slot_keep_their_own_figures);
    RUN(a_negative_count_ahead_is_left_to_fail_when_asked);
    return TESTING_DONE();
}
