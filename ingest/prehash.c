/*
 * prehash.c — fingerprints worked out ahead (see prehash.h).
 *
 * A ring of PREHASH_AHEAD slots: the thread fills slot i % PREHASH_AHEAD only
 * once the caller has taken input i - PREHASH_AHEAD, and copies go in and out
 * under the mutex, so neither side ever reads a slot the other is writing.
 */
#include "prehash.h"
#include "sys/worker.h"

#include <pthread.h>
#include <stdlib.h>

struct prehash {
    const struct path_list *files;
    struct fingerprint slot[PREHASH_AHEAD];
    size_t hashed;   /* inputs whose fingerprint is in a slot or taken */
    size_t taken;    /* inputs the caller has taken */
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t thread;
};

static void *prehash_run(void *arg)
{
    struct prehash *ph = arg;
    worker_background();
    struct fingerprint fp;

    pthread_mutex_lock(&ph->mu);
    for (;;) {
        while (!ph->stop && ph->hashed < ph->files->n &&
               ph->hashed >= ph->taken + PREHASH_AHEAD)
            pthread_cond_wait(&ph->cv, &ph->mu);
        if (ph->stop || ph->hashed >= ph->files->n)
            break;
        size_t i = ph->hashed;
        pthread_mutex_unlock(&ph->mu);
        input_fingerprint(&ph->files->item[i], &fp);
        pthread_mutex_lock(&ph->mu);
        ph->slot[i % PREHASH_AHEAD] = fp;
        ph->hashed = i + 1;
        pthread_cond_broadcast(&ph->cv);
    }
    pthread_mutex_unlock(&ph->mu);
    return NULL;
}

int prehash_start(struct prehash **out, const struct path_list *files,
                  struct sio_error *err)
{
    struct prehash *ph = calloc(1, sizeof *ph);
    *out = NULL;
    if (!ph)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    ph->files = files;
    pthread_mutex_init(&ph->mu, NULL);
    pthread_cond_init(&ph->cv, NULL);
    if (pthread_create(&ph->thread, NULL, prehash_run, ph) != 0) {
        pthread_cond_destroy(&ph->cv);
        pthread_mutex_destroy(&ph->mu);
        free(ph);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "cannot start the hashing thread");
    }
    *out = ph;
    return SIO_OK;
}

void prehash_next(struct prehash *ph, struct fingerprint *fp)
{
    pthread_mutex_lock(&ph->mu);
    while (ph->hashed <= ph->taken)
        pthread_cond_wait(&ph->cv, &ph->mu);
    *fp = ph->slot[ph->taken % PREHASH_AHEAD];
    ph->taken++;
    pthread_cond_broadcast(&ph->cv);
    pthread_mutex_unlock(&ph->mu);
}

void prehash_stop(struct prehash *ph)
{
    if (!ph)
        return;
    pthread_mutex_lock(&ph->mu);
    ph->stop = 1;
    pthread_cond_broadcast(&ph->cv);
    pthread_mutex_unlock(&ph->mu);
    pthread_join(ph->thread, NULL);
    pthread_cond_destroy(&ph->cv);
    pthread_mutex_destroy(&ph->mu);
    free(ph);
}
