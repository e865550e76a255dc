/*
 * worker.c — a pool of waiting threads; see worker.h.
 *
 * Lock order: pool_mu before a worker's mu, and never the other way round.
 * A worker goes back to the pool before it announces its job done, so the
 * owner's next job finds it there; it announces under the job's own mutex
 * and touches the job no more, so the owner may free it as soon as
 * worker_wait() returns (another job may meanwhile be handed to the worker:
 * it picks that up under its own mutex once it loops).
 */
#include "sys/worker.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

struct worker {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct worker_job *job;    /* the job to run, or NULL */
    int quit;                  /* set at exit: end the thread */
    struct worker *next;       /* in the pool (idle) or the list of all */
};

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static struct worker *idle;    /* idle workers, linked by next */
static int exit_hooked;

static void pool_put(struct worker *w)
{
    pthread_mutex_lock(&pool_mu);
    w->next = idle;
    idle = w;
    pthread_mutex_unlock(&pool_mu);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (!w->job && !w->quit)
            pthread_cond_wait(&w->cv, &w->mu);
        struct worker_job *job = w->job;
        w->job = NULL;
        pthread_mutex_unlock(&w->mu);
        if (!job)
            return NULL; /* quit */
        job->fn(job->arg);
        pool_put(w); /* first: once the job is done, its owner may want us again */
        pthread_mutex_lock(&job->mu);
        job->done = 1;
        pthread_cond_broadcast(&job->cv);
        pthread_mutex_unlock(&job->mu);
    }
}

/* At exit, every idle worker ends and is joined (a busy one, whose owner
 * did not wait for it, is left to the exit). */
static void pool_drain(void)
{
    pthread_mutex_lock(&pool_mu);
    struct worker *w = idle;
    idle = NULL;
    pthread_mutex_unlock(&pool_mu);
    while (w) {
        struct worker *next = w->next;
        pthread_mutex_lock(&w->mu);
        w->quit = 1;
        pthread_cond_signal(&w->cv);
        pthread_mutex_unlock(&w->mu);
        pthread_join(w->thread, NULL);
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        free(w);
        w = next;
    }
}

static struct worker *worker_new(void)
{
    struct worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        free(w);
        return NULL;
    }
    return w;
}

int worker_start(struct worker_job *job, void (*fn)(void *arg), void *arg)
{
    pthread_mutex_lock(&pool_mu);
    struct worker *w = idle;
    if (w)
        idle = w->next;
    if (!exit_hooked)
        exit_hooked = atexit(pool_drain) == 0;
    pthread_mutex_unlock(&pool_mu);
    if (!w && !(w = worker_new()))
        return -1;
    job->fn = fn;
    job->arg = arg;
    job->done = 0;
    pthread_mutex_init(&job->mu, NULL);
    pthread_cond_init(&job->cv, NULL);
    pthread_mutex_lock(&w->mu);
    w->job = job;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
    return 0;
}

void worker_wait(struct worker_job *job)
{
    pthread_mutex_lock(&job->mu);
    while (!job->done)
        pthread_cond_wait(&job->cv, &job->mu);
    pthread_mutex_unlock(&job->mu);
    pthread_mutex_destroy(&job->mu);
    pthread_cond_destroy(&job->cv);
}

void worker_background(void)
{
    /* Linux keeps a niceness per thread, named by its thread id */
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
}
