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
 */
#ifndef SIO_LABELS_H
#define SIO_LABELS_H

#include "error.h"

#include <sqlite3.h>
#include <stddef.h>

#define LABELS_CACHED 1024
#define LABELS_TEXT_MAX 256

struct labels;

int labels_open(struct labels **out, sqlite3 *db, struct sio_error *err);

/* The id of the len bytes at text, added to labels when new. */
int labels_id(struct labels *l, const char *text, size_t len, long long *id,
              struct sio_error *err);

void labels_close(struct labels *l);

#endif
