/*
 * crimeset.h — which street Crime IDs may already be in the store, in memory
 * that does not grow with the store.
 *
 * A UNIQUE index on street(crime_id) costs a random B-tree page per row, and
 * with one transaction per file every commit rewrites thousands of those
 * pages (ingest of 2.3 million rows: 56 s instead of 6).  An in-memory set of
 * every ID is fast but grows with the store (203 MiB at national size).  So
 * the store keeps crime_keys, the 64-bit XXH3 hash of every stored Crime ID,
 * written between files as runs of sorted hashes, one blob each (a sorted
 * run is one sequential write; a B-tree of hashes took 0.5 s a million);
 * memory holds a fixed-size Bloom filter over those hashes and the hashes
 * not yet written (at most CRIMESET_BATCH, then they are written).
 *
 * crimeset_maybe() answers "certainly not stored" (0: the filter says so,
 * true for nearly every new ID) or "maybe stored" (1: the hash is stored,
 * which a different ID may share).  A 1 is only a candidate: the caller
 * settles it against street itself (ingest/dedupe.h).  So the answer is
 * exact; only the work done for it depends on the filter.
 *
 * Crash safety: a street file's hashes are in crime_keys exactly when its id
 * is in crime_keyed, both written in one transaction.  Opening catches up the
 * files that are not, so a run killed after a file committed but before its
 * hashes were written loses nothing.  Hashes of rows since deleted (a
 * superseded file) or rolled back stay: they can only make a 1 that the
 * caller's check turns down.
 *
 * Several processes may load one store at once: each street file is loaded
 * in a transaction that holds the store's write lock (BEGIN IMMEDIATE), and
 * at its start crimeset_refresh() brings the set up to what the others have
 * stored since it last looked, so a Crime ID another process stored a
 * moment ago is found like any other.
 */
#ifndef SIO_CRIMESET_H
#define SIO_CRIMESET_H

#include "sys/error.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Hashes held in memory before they are written to crime_keys (8 MiB). */
#define CRIMESET_BATCH (1024 * 1024)
/* The filter: 2^28 bits = 32 MiB.  Measured on random IDs: a false "maybe"
 * in 90,000 lookups with 8 million IDs stored, none in 2 million lookups
 * with 2 million stored; each costs a binary search of the stored runs. */
#define CRIMESET_FILTER_BITS 28

struct crimeset;

/* The hash everything here is keyed by. */
uint64_t crimeset_hash(const char *id, size_t len);

/* A set for db with a filter of 2^filter_bits bits and batches of batch
 * hashes; it loads crime_keys and catches up files not yet keyed (writing
 * batches as it goes when db is not inside a transaction). */
int crimeset_open(struct crimeset **cs, sqlite3 *db, unsigned filter_bits, size_t batch,
                  struct sio_error *err);
void crimeset_close(struct crimeset *cs);

/* 0: no stored Crime ID has hash h; 1: one may have; -status on error. */
int crimeset_maybe(struct crimeset *cs, uint64_t h, struct sio_error *err);

/* A Crime ID with hash h is being stored (in the open transaction). */
int crimeset_add(struct crimeset *cs, uint64_t h, struct sio_error *err);

/* crimeset_maybe() in two halves, so that the first can run on the thread
 * that reads a file while its rows are stored on another.
 * crimeset_note(): 0 when no stored Crime ID has hash h (the filter says
 * so), 1 when one may; either way the filter holds h from now on (a hash of
 * a row then not stored only costs a later "maybe").  It touches the filter
 * alone, and only one thread may use the filter at a time: a reader while
 * it reads a file (the next file's reader starts only once that one has
 * ended, and may run while the writer still finishes it), the writer when
 * no reader runs.
 * crimeset_confirm(): after a 1, whether a stored hash really is h (1, 0, or
 * -status).  crimeset_add_noted(): crimeset_add() for a noted h. */
int crimeset_note(struct crimeset *cs, uint64_t h);
/* Start fetching the filter's block for h, for a crimeset_note(cs, h) a few
 * rows later: notes done one a row each wait for a miss in a 32 MiB filter,
 * while a run of them with their blocks fetched ahead overlap.  Reads
 * nothing; the thread that may note may call it. */
void crimeset_prefetch(const struct crimeset *cs, uint64_t h);
int crimeset_confirm(struct crimeset *cs, uint64_t h, struct sio_error *err);
int crimeset_add_noted(struct crimeset *cs, uint64_t h, struct sio_error *err);

/* Street file file_id has committed: it is keyed when the hashes are next
 * written.  (Out of memory, it is not: the next open catches it up.) */
void crimeset_file_done(struct crimeset *cs, long long file_id);

/* crimeset_flush() when CRIMESET_BATCH hashes or more are held. */
int crimeset_flush_full(struct crimeset *cs, struct sio_error *err);

/* Write the hashes held in memory, in one transaction of their own (a no-op
 * inside another transaction: the next call or open does it). */
int crimeset_flush(struct crimeset *cs, struct sio_error *err);

/* Read what other processes stored since this set last looked: call in the
 * transaction of street file own (files.id), before its first row is
 * checked against the store.  Their hashes are found by crimeset_confirm()
 * at once, but reach the filter only at crimeset_merge(), as a reader may
 * be noting in it meanwhile: *foreign is 1 while some have not, and then a
 * row the filter ruled out must also ask crimeset_foreign(). */
int crimeset_refresh(struct crimeset *cs, long long own, int *foreign, struct sio_error *err);

/* 1 when h is among the hashes crimeset_refresh() read and the filter does
 * not hold yet, 0 when not, or -status. */
int crimeset_foreign(struct crimeset *cs, uint64_t h, struct sio_error *err);

/* Put what crimeset_refresh() read into the filter.  No reader may be
 * using the filter (as for crimeset_note()). */
int crimeset_merge(struct crimeset *cs, struct sio_error *err);

/* For tests: hashes held in memory, filter lookups that said
 * "maybe" but crime_keys had no such hash. */
size_t crimeset_pending(const struct crimeset *cs);
size_t crimeset_false_maybes(const struct crimeset *cs);

#endif
