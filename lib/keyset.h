/*
 * keyset.h — which street Crime IDs are in the store, without an index.
 *
 * A UNIQUE index on street(crime_id) costs a random B-tree page per row, and
 * with one transaction per file every commit rewrites thousands of those
 * pages: on 2.3 million rows ingest spent 50 of its 56 seconds there.  The
 * keyset answers the same question from memory: an open-addressing table of
 * 8-byte slots, each a 32-bit tag of the ID's hash and the street rowid that
 * holds it.  A tag match is only a candidate: the ID is then read back from
 * street by rowid and compared byte for byte, so the answer is exact.
 *
 * Invariants: an ID keyset_has() says is present is in street now (in this
 * connection's view, uncommitted rows included).  Stale slots are harmless:
 * a slot whose row was rolled back, deleted (a superseded file) or reused by
 * another row fails the byte comparison and is skipped.  Memory is 11 to 23
 * bytes per Crime ID in the store (8-byte slots, 35% to 70% full).
 */
#ifndef SIO_KEYSET_H
#define SIO_KEYSET_H

#include "error.h"

#include <sqlite3.h>
#include <stddef.h>

struct keyset;

/* A keyset holding every non-NULL street.crime_id already in db. */
int keyset_open(struct keyset **ks, sqlite3 *db, struct sio_error *err);

/* 1 and *rowid when id (len bytes) is in street, 0 when not, or -status. */
int keyset_has(struct keyset *ks, const char *id, size_t len, long long *rowid,
               struct sio_error *err);

/* Remember that street row rowid holds id. */
int keyset_add(struct keyset *ks, const char *id, size_t len, long long rowid,
               struct sio_error *err);

/* Slots in use (for tests and progress). */
size_t keyset_size(const struct keyset *ks);

void keyset_close(struct keyset *ks);

/* The keyset of connection db, opened on first use and kept until
 * keyset_forget(db) (store_close() calls it): one per store connection, so
 * every file of a run shares it. */
int keyset_for(sqlite3 *db, struct keyset **ks, struct sio_error *err);
void keyset_forget(sqlite3 *db);

#endif
