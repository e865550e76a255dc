/*
 * checkpointer.c — passive checkpoints on a second connection; see
 * checkpointer.h.
 *
 * The writer's side is SQLite's WAL hook, called after every commit with
 * the pages now in the log.  It wakes the thread when enough are new, and
 * waits only past CHECKPOINTER_MAX_PAGES.  The thread's side runs one
 * checkpoint per wake-up and counts it in done; a waiting writer wants a
 * checkpoint that began after its commit, hence begun.
 */
#include "checkpointer.h"
#include "sys/worker.h"

#include <pthread.h>
#include <stdlib.h>

struct checkpointer {
    sqlite3 *writer;             /* the writer's connection */
    sqlite3 *db;                 /* the thread's own */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t wake, done_cv;
    int wanted;                  /* a checkpoint is asked for */
    int stop;                    /* the thread should end */
    int failed;                  /* a checkpoint failed: the thread has ended */
    long begun, done;            /* checkpoints begun and ended (either way) */
    long completed;              /* ended with every page of the log copied */
    int last_pages;              /* pages in the log at the last wake-up */
};

static void *run(void *arg)
{
    struct checkpointer *c = arg;
    worker_background();
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->wanted && !c->stop)
            pthread_cond_wait(&c->wake, &c->mu);
        if (c->stop)
            break;
        c->wanted = 0;
        c->begun++;
        pthread_mutex_unlock(&c->mu);
        int log = 0, copied = 0;
        int rc = sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, &log,
                                           &copied);
        pthread_mutex_lock(&c->mu);
        c->done++;
        if (rc == SQLITE_OK && log == copied)
            c->completed++;
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            c->failed = 1;
        pthread_cond_broadcast(&c->done_cv);
        if (c->failed)
            break;
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

/* After each of the writer's commits: pages is how many the log holds. */
static int on_commit(void *arg, sqlite3 *db, const char *schema, int pages)
{
    struct checkpointer *c = arg;
    int failed;
    (void)schema;
    pthread_mutex_lock(&c->mu);
    failed = c->failed;
    if (pages < c->last_pages)
        c->last_pages = 0; /* the log has started again */
    if (!failed && pages - c->last_pages >= CHECKPOINTER_PAGES) {
        c->last_pages = pages;
        c->wanted = 1;
        pthread_cond_signal(&c->wake);
    }
    if (!failed && pages > CHECKPOINTER_MAX_PAGES) {
        long after = c->begun + 1; /* one not yet begun: it will see this commit */
        c->wanted = 1;
        pthread_cond_signal(&c->wake);
        while (!c->failed && c->done < after)
            pthread_cond_wait(&c->done_cv, &c->mu);
    }
    pthread_mutex_unlock(&c->mu);
    if (failed && pages >= CHECKPOINTER_PAGES)
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    return SQLITE_OK;
}

int checkpointer_start(struct checkpointer **out, sqlite3 *db, const char *path,
                       struct sio_error *err)
{
    struct checkpointer *c = calloc(1, sizeof *c);
    *out = NULL;
    if (!c)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the checkpointer");
    c->writer = db;
    if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
        != SQLITE_OK) {
        int rc = sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot open the store again: %s",
                          c->db ? sqlite3_errmsg(c->db) : "out of memory");
        sqlite3_close(c->db);
        free(c);
        return rc;
    }
    sqlite3_busy_timeout(c->db, 5000);
    /* A connection finds the log at its first read; until then it would
     * take the store for one without a log, and checkpoint nothing. */
    if (sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL)
        != SQLITE_OK) {
        int rc = sio_fail(err, SIO_ESOFTWARE, path, 0, "cannot read the store again: %s",
                          sqlite3_errmsg(c->db));
        sqlite3_close(c->db);
        free(c);
        return rc;
    }
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->wake, NULL);
    pthread_cond_init(&c->done_cv, NULL);
    if (pthread_create(&c->thread, NULL, run, c) != 0) {
        pthread_mutex_destroy(&c->mu);
        pthread_cond_destroy(&c->wake);
        pthread_cond_destroy(&c->done_cv);
        sqlite3_close(c->db);
        free(c);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "cannot start the checkpointer thread");
    }
    sqlite3_wal_hook(db, on_commit, c); /* replaces SQLite's own checkpoints */
    *out = c;
    return SIO_OK;
}

long checkpointer_completed(struct checkpointer *c)
{
    if (!c)
        return 0;
    pthread_mutex_lock(&c->mu);
    long n = c->completed;
    pthread_mutex_unlock(&c->mu);
    return n;
}

void checkpointer_stop(struct checkpointer *c)
{
    if (!c)
        return;
    sqlite3_wal_autocheckpoint(c->writer, CHECKPOINTER_PAGES); /* its own hook again */
    pthread_mutex_lock(&c->mu);
    c->stop = 1;
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->thread, NULL);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->wake);
    pthread_cond_destroy(&c->done_cv);
    sqlite3_close(c->db);
    free(c);
}
