/*
 * checkpointer.h — copying a WAL store's log into its database on a thread
 * of its own, while the writer goes on writing.
 *
 * In WAL mode SQLite checkpoints in the committing thread: once a commit
 * leaves 1,000 pages in the log, that thread copies them into the database
 * and waits for two fsyncs before it returns.  In a bulk ingest that is a
 * quarter of the writer's time, spent with the other core idle.  A
 * checkpointer takes the job over: the writer's own checkpoints are off, and
 * a second connection on another thread runs a passive checkpoint whenever
 * the writer's commits have added CHECKPOINTER_PAGES pages since the last
 * one.  Passive checkpoints never block the writer, and the durability is
 * SQLite's own (synchronous=NORMAL: the log is synced before each copy, the
 * database after it).
 *
 * The log only starts again from its beginning when a checkpoint has copied
 * all of it by the time the writer's next transaction starts, so if the
 * checkpointer falls behind (a slow disk), the log grows.  It is bounded:
 * a commit that leaves more than CHECKPOINTER_MAX_PAGES waits until a
 * checkpoint begun after it has finished.  If a checkpoint fails (a full or
 * failing disk), the thread stops and the writer checkpoints for itself
 * again, as SQLite would have; the pages stay safe in the log either way.
 */
#ifndef SIO_CHECKPOINTER_H
#define SIO_CHECKPOINTER_H

#include "sys/error.h"

#include <sqlite3.h>

#define CHECKPOINTER_PAGES 250
#define CHECKPOINTER_MAX_PAGES 4000

struct checkpointer;

/* Start checkpointing db (a WAL store at path, used by this thread only)
 * on a new thread.  On failure nothing has changed. */
int checkpointer_start(struct checkpointer **out, sqlite3 *db, const char *path,
                       struct sio_error *err);

/* Checkpoints this checkpointer ran to the end (all of the log copied). */
long checkpointer_completed(struct checkpointer *c);

/* Stop and join the thread, and give db its own checkpoints back; NULL is
 * fine.  Call before closing db. */
void checkpointer_stop(struct checkpointer *c);

#endif
