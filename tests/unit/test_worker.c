/* worker: functions run on pooled threads. */
#include "sys/worker.h"
#include "testing.h"

#include <stdatomic.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

struct seen {
    pthread_t thread;
    int ran;
    atomic_int *gate;        /* when set, wait here until *gate is 0 */
};

static void note_thread(void *arg)
{
    struct seen *s = arg;
    while (s->gate && atomic_load(s->gate))
        usleep(1000);
    s->thread = pthread_self();
    s->ran = 1;
}

TEST(the_function_has_run_when_wait_returns)
{
    struct worker_job job;
    struct seen s = { 0 };
    CHECK_INT(worker_start(&job, note_thread, &s), 0);
    worker_wait(&job);
    CHECK_INT(s.ran, 1);
    CHECK(!pthread_equal(s.thread, pthread_self()));
}

/* The point of the pool: the next job goes to the thread already waiting. */
TEST(the_next_job_runs_on_the_same_thread)
{
    struct worker_job job;
    struct seen a = { 0 }, b = { 0 };
    CHECK_INT(worker_start(&job, note_thread, &a), 0);
    worker_wait(&job);
    CHECK_INT(worker_start(&job, note_thread, &b), 0);
    worker_wait(&job);
    CHECK(pthread_equal(a.thread, b.thread));
}

/* A job started while another runs gets a thread of its own. */
TEST(two_jobs_at_once_run_on_two_threads)
{
    struct worker_job first, second;
    atomic_int hold = 1;
    struct seen a = { 0 }, b = { 0 };
    a.gate = &hold;
    CHECK_INT(worker_start(&first, note_thread, &a), 0);
    CHECK_INT(worker_start(&second, note_thread, &b), 0);
    worker_wait(&second);   /* runs although the first is still held */
    CHECK_INT(a.ran, 0);
    atomic_store(&hold, 0);
    worker_wait(&first);
    CHECK_INT(a.ran, 1);
    CHECK(!pthread_equal(a.thread, b.thread));
}

static void *go_background(void *arg)
{
    int *nice = arg;
    worker_background();
    *nice = getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
    return NULL;
}

/* Only the calling thread goes behind: the caller keeps its own niceness.
 * (A thread of its own: a pooled one would keep the niceness.) */
TEST(a_background_thread_is_niced_and_no_other)
{
    pthread_t t;
    int nice = 0, mine = getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
    CHECK_INT(pthread_create(&t, NULL, go_background, &nice), 0);
    pthread_join(t, NULL);
    CHECK_INT(nice, 19);
    CHECK_INT(getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid)), mine);
}

int main(void)
{
    RUN(the_function_has_run_when_wait_returns);
    RUN(the_next_job_runs_on_the_same_thread);
    RUN(two_jobs_at_once_run_on_two_threads);
    RUN(a_background_thread_is_niced_and_no_other);
    return TESTING_DONE();
}
