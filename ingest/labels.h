/*
 * labels.h — the ids of the texts street_coded stores once (labels table).
 *
 * A writer asks for the id of each force name, crime type and outcome it
 * stores; nearly every answer comes from a small table in memory, and a text
 * not seen yet is looked up in labels, or added there, inside the caller's
 * transaction.  Because an added label is rolled back with that transaction,
 * a struct labels must not outlive it: open one per transaction (sio-ingest
 * opens one per file).  Memory is bounded: at most LABELS_CACHED texts of
 * up to LABELS_TEXT_MAX bytes are kept, and any others go to SQLite each time.
 *
 * A struct labels_view lets another thread find ids without SQLite: sio-ingest's
 * reader thread resolves the texts of each row as it checks it, so the
 * writer binds ids and never touches those texts.  The view only ever holds
 * committed labels: what a struct labels learnt is handed to the view as
 * pending (labels_publish()); once the transaction has committed it is
 * ready (labels_view_commit()), or dropped if it rolled back
 * (labels_view_discard()); and it joins what readers see only at
 * labels_view_merge(), which the writer calls when no reader is running
 * (between one file's reader and the next, which may start before the
 * commit).  Readers see only that merged part, so the rest may change at
 * any time on the writer's thread.
 */
#ifndef SIO_LABELS_H
#define SIO_LABELS_H

#include "sys/error.h"

#include <sqlite3.h>
#include <stddef.h>

#define LABELS_CACHED 1024
#define LABELS_TEXT_MAX 256

struct labels;
struct labels_view;

struct stmts;

/* A writer's labels for one transaction on db; its statements come from
 * stmts (stmts.h), which may be NULL. */
int labels_open(struct labels **out, sqlite3 *db, struct stmts *stmts, struct sio_error *err);

/* The id of the len bytes at text, added to labels when new. */
int labels_id(struct labels *l, const char *text, size_t len, long long *id,
              struct sio_error *err);

void labels_close(struct labels *l);

int labels_view_open(struct labels_view **out, struct sio_error *err);
void labels_view_close(struct labels_view *v);

/* The id of text in the view, or 0 when it does not have it. */
long long labels_view_find(const struct labels_view *v, const char *text, size_t len);

/* What l has found or added, pending in v until its transaction ends. */
void labels_publish(const struct labels *l, struct labels_view *v);

/* The transaction committed: the pending labels are ready. */
void labels_view_commit(struct labels_view *v);

/* The transaction rolled back: the pending labels are dropped. */
void labels_view_discard(struct labels_view *v);

/* The ready labels join what labels_view_find() sees.  No reader may be
 * using the view. */
void labels_view_merge(struct labels_view *v);

#endif
