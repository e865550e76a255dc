/*
 * pool.c — fork, a shared counter, shared result slots, waitpid.
 *
 * The shared memory is one anonymous MAP_SHARED mapping made before the
 * fork: a header (the next item, a stop flag, the item each worker is on),
 * then a slot per item (its state, status, error and result).  Only lock-free
 * C11 atomics cross between processes; each slot is written by the one
 * worker that took its item and read by the parent after every worker has
 * been waited for.  Workers leave with _exit(): no atexit handler and no
 * stdio buffer of the parent's runs twice.
 */
#define _GNU_SOURCE /* prctl */
#include "pool.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define POOL_MAX_WORKERS 64

enum { POOL_WAITING, POOL_RUNNING, POOL_DONE };

struct pool_slot {
    atomic_int state;      /* POOL_WAITING, POOL_RUNNING, POOL_DONE */
    int rc;                /* the item's status once done */
    struct sio_error err;  /* its error when rc != SIO_OK */
    /* result_size bytes follow, padded to keep slots aligned */
};

struct pool_shared {
    atomic_int next;                     /* the next item to take */
    atomic_int stop;                     /* an item failed: take no more */
    atomic_int on[POOL_MAX_WORKERS];     /* the item each worker is on, -1 none */
};

struct pool {
    const struct pool_job *job;
    struct pool_shared *sh;
    unsigned char *slots;
    size_t slot_size, bytes;
};

static struct pool_slot *pool_slot(const struct pool *p, int i)
{
    return (struct pool_slot *)(p->slots + (size_t)i * p->slot_size);
}

static void *pool_result(const struct pool *p, int i)
{
    return (unsigned char *)pool_slot(p, i) + sizeof(struct pool_slot);
}

int pool_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > POOL_MAX_WORKERS ? POOL_MAX_WORKERS : (int)n;
}

/* Take items until none are left or one has failed.  0, or -1 when an
 * item (or start) failed. */
static int pool_work(const struct pool *p, int worker)
{
    const struct pool_job *job = p->job;
    int started = 0, failed = 0, i;
    while (!failed && !atomic_load(&p->sh->stop) &&
           (i = atomic_fetch_add(&p->sh->next, 1)) < job->n_items) {
        struct pool_slot *s = pool_slot(p, i);
        atomic_store(&p->sh->on[worker], i);
        atomic_store(&s->state, POOL_RUNNING);
        s->rc = started || !job->start ? SIO_OK : job->start(job->ctx, &s->err);
        started = 1;
        if (s->rc == SIO_OK)
            s->rc = job->item(job->ctx, i, pool_result(p, i), &s->err);
        failed = s->rc != SIO_OK;
        if (failed)
            atomic_store(&p->sh->stop, 1);
        atomic_store(&s->state, POOL_DONE);
        atomic_store(&p->sh->on[worker], -1);
    }
    if (started && job->stop)
        job->stop(job->ctx);
    return failed ? -1 : 0;
}

/* A worker: dies with the parent, works, leaves without atexit handlers. */
static void pool_child(const struct pool *p, int worker, pid_t parent)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
        _exit(1); /* the parent is gone already */
    _exit(pool_work(p, worker) == 0 ? 0 : 1);
}

/* Mark the item a dead worker was on as failed. */
static void pool_dead(const struct pool *p, int worker, int status)
{
    int i = atomic_load(&p->sh->on[worker]);
    if (i < 0 || i >= p->job->n_items)
        return; /* between items: nothing was half done */
    struct pool_slot *s = pool_slot(p, i);
    s->rc = sio_fail(&s->err, SIO_ESOFTWARE, NULL, 0, "a chart worker %s %d while on %s",
                     WIFSIGNALED(status) ? "was killed by signal" : "stopped with status",
                     WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status),
                     p->job->name ? p->job->name(p->job->ctx, i) : "an item");
    atomic_store(&s->state, POOL_DONE);
}

/* Fork up to jobs workers and wait for them.  How many were forked. */
static int pool_fork(const struct pool *p, int jobs)
{
    pid_t pid[POOL_MAX_WORKERS], parent = getpid();
    int n = 0, status = 0;
    fflush(NULL);
    for (int w = 0; w < jobs; w++)
        atomic_store(&p->sh->on[w], -1);
    for (int w = 0; w < jobs; w++) {
        pid_t c = fork();
        if (c == 0)
            pool_child(p, n, parent); /* worker n: the first n forks worked */
        if (c > 0)
            pid[n++] = c;
    }
    for (int k = 0; k < n; k++) {
        while (waitpid(pid[k], &status, 0) < 0 && errno == EINTR)
            ;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            pool_dead(p, k, status);
    }
    return n;
}

/* The first item in order that failed, as the run's status. */
static int pool_collect(const struct pool *p, void *results, unsigned char *ran,
                        struct sio_error *err)
{
    int rc = SIO_OK;
    for (int i = 0; i < p->job->n_items; i++) {
        const struct pool_slot *s = pool_slot(p, i);
        int done = atomic_load(&s->state) == POOL_DONE;
        if (done && s->rc == SIO_OK)
            memcpy((unsigned char *)results + (size_t)i * p->job->result_size,
                   pool_result(p, i), p->job->result_size);
        if (ran)
            ran[i] = done && s->rc == SIO_OK;
        if (done && s->rc != SIO_OK && rc == SIO_OK) {
            rc = s->rc;
            *err = s->err;
        }
    }
    return rc;
}

int pool_run(const struct pool_job *job, int jobs, void *results, unsigned char *ran,
             struct sio_error *err)
{
    struct pool p = {job, NULL, NULL, 0, 0};
    size_t align = sizeof(max_align_t);
    p.slot_size = (sizeof(struct pool_slot) + job->result_size + align - 1) / align * align;
    p.bytes = sizeof *p.sh + (size_t)job->n_items * p.slot_size;
    void *mem = mmap(NULL, p.bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "cannot share memory with workers: %s",
                        strerror(errno));
    memset(mem, 0, p.bytes);
    memset(results, 0, (size_t)job->n_items * job->result_size);
    p.sh = mem;
    p.slots = (unsigned char *)mem + sizeof *p.sh;
    if (jobs > job->n_items)
        jobs = job->n_items;
    if (jobs > POOL_MAX_WORKERS)
        jobs = POOL_MAX_WORKERS;
    if (jobs <= 1 || pool_fork(&p, jobs) == 0)
        pool_work(&p, 0); /* in this process */
    int rc = pool_collect(&p, results, ran, err);
    munmap(mem, p.bytes);
    return rc;
}
