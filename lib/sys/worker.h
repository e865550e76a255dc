/*
 * worker.h — running a function on a thread that is already waiting.
 *
 * sio-ingest reads each file on a second thread.  A new thread costs little
 * on an idle machine, but with both cores busy the scheduler queues it behind
 * the running threads: measured here, 0.76 ms on average before its first
 * instruction, against 32 us for a thread that sleeps and is woken.  At a
 * file a millisecond, that was a tenth of an ingest.  So threads are kept:
 * worker_start() hands the function to an idle thread from a pool, starting
 * a new one only when none is idle, and the thread returns to the pool when
 * the function returns.  The pool's threads are stopped and joined at exit.
 */
#ifndef SIO_WORKER_H
#define SIO_WORKER_H

#include <pthread.h>

struct worker;

/* One run of a function on a worker; the caller owns it and may reuse it
 * once worker_wait() has returned. */
struct worker_job {
    void (*fn)(void *arg);
    void *arg;
    int done;
    pthread_mutex_t mu;
    pthread_cond_t cv;
};

/* Run fn(arg) on a pooled thread.  0, or -1 when no thread could be had
 * (then fn does not run and job needs no worker_wait()). */
int worker_start(struct worker_job *job, void (*fn)(void *arg), void *arg);

/* Wait until the job's fn has returned. */
void worker_wait(struct worker_job *job);

/* Put the calling thread behind every other (nice 19), for a helper whose
 * work is ahead of need, such as hashing the next files or checkpointing:
 * on two cores it then takes the second core only when the reader thread
 * leaves it idle.  Measured on the medium set: ingest 4.17 s at nice 0,
 * 3.97 s at nice 19 (median of 7).  A refusal only costs that speed.
 * Not for a pooled job: the thread would keep its niceness for the next. */
void worker_background(void);

#endif
