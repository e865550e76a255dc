/*
 * keyset.h — which Crime IDs one file has stored so far, exactly.
 *
 * A Crime ID repeated inside a file is the commonest duplicate (816 of the
 * 375,380 rows in ../shared/data's street files), so each is settled here
 * without touching the store-wide set (crimeset.h): an open-addressing table
 * of 8-byte slots, each a 32-bit tag of the ID's hash and the street rowid
 * that holds it.  A tag match is only a candidate: the ID is then read back
 * from street by rowid and compared byte for byte, so the answer is exact.
 *
 * Invariants: an ID keyset_has() says is present is in street now (in this
 * connection's view, uncommitted rows included).  Stale slots are harmless:
 * a slot whose row was rolled back or deleted fails the byte comparison and
 * is skipped.  Memory is 11 to 23 bytes per ID added (8-byte slots, 35% to
 * 70% full), so it is bounded by the file, not the store.
 */
#ifndef SIO_KEYSET_H
#define SIO_KEYSET_H

#include "sys/error.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct keyset;

struct stmts;

/* An empty keyset over db's street table; its statement comes from stmts
 * (stmts.h), which may be NULL. */
int keyset_open(struct keyset **ks, sqlite3 *db, struct stmts *stmts, struct sio_error *err);

/* 1 and *rowid when id (len bytes, hash h from crimeset_hash()) is in
 * street, 0 when not, or -status. */
int keyset_has(struct keyset *ks, const char *id, size_t len, uint64_t h, long long *rowid,
               struct sio_error *err);

/* Remember that street row rowid holds the ID whose hash is h. */
int keyset_add(struct keyset *ks, uint64_t h, long long rowid, struct sio_error *err);

/* Slots in use (for tests and progress). */
size_t keyset_size(const struct keyset *ks);

void keyset_close(struct keyset *ks);

#endif
