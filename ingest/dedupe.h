/*
 * dedupe.h — whether a street row's Crime ID is already stored, for one file.
 *
 * Three questions, cheapest first.  Did this file store the ID already
 * (keyset.h, exact)?  Is a row with it held back (below)?  May any other file
 * have stored it (crimeset.h: "no" for nearly every new ID, from memory)?
 * A "maybe" is settled without an index: the row is held back, and at the
 * end of the file one scan of street answers for every held row at once, so
 * a file costs at most one scan however many of its IDs look familiar.  IDs
 * of the rows the file replaces are known not to be stored any more (an ID
 * is stored at most once, and those rows are deleted), so a new edition of
 * a file, whose IDs are nearly all "maybe", holds nothing back.  When
 * another process has stored rows since the filter was last brought up to
 * date, a "no" from the filter is asked again of what it stored.
 */
#ifndef SIO_INGEST_DEDUPE_H
#define SIO_INGEST_DEDUPE_H

#include "csv/csvin.h"
#include "sys/error.h"

#include <sqlite3.h>
#include <stdint.h>

enum dedupe_verdict { DEDUPE_NEW, DEDUPE_DUPLICATE, DEDUPE_HELD };

struct crimeset;
struct dedupe;
struct stmts;

/* The check of street file file_id (files.id), loaded into db in a
 * transaction of its own, whose Crime ID set is all: it brings all up to
 * what other processes have stored (crimeset_refresh()).  Statements come
 * from stmts (stmts.h), which may be NULL. */
int dedupe_open(struct dedupe **d, sqlite3 *db, struct stmts *stmts, struct crimeset *all,
                long long file_id, struct sio_error *err);
void dedupe_close(struct dedupe *d);

/* The verdict on row r, whose Crime ID is field id_col and hashes to h
 * (crimeset_hash()); a held row is copied, to come back from
 * dedupe_settle(). */
int dedupe_check(struct dedupe *d, const struct csvin_row *r, int id_col, uint64_t h,
                 enum dedupe_verdict *v, struct sio_error *err);
/* The same for an h already noted in the store's filter (crimeset_note()),
 * which answered maybe. */
int dedupe_check_noted(struct dedupe *d, const struct csvin_row *r, int id_col, uint64_t h,
                       int maybe, enum dedupe_verdict *v, struct sio_error *err);

/* Row rowid now holds the Crime ID whose hash is h, noted by its check. */
int dedupe_stored(struct dedupe *d, uint64_t h, long long rowid, struct sio_error *err);

/* A row holding id was deleted: the file replaces the one it was in. */
int dedupe_removed(struct dedupe *d, const char *id, size_t len, struct sio_error *err);

/* Settle the held rows, in file order: take() is called with each and 1 when
 * another file stored its Crime ID, else 0. */
typedef int (*dedupe_take_fn)(void *ctx, const struct csvin_row *r, int duplicate,
                              struct sio_error *err);
int dedupe_settle(struct dedupe *d, dedupe_take_fn take, void *ctx, struct sio_error *err);

/* Rows held back so far in this file (for tests). */
size_t dedupe_held(const struct dedupe *d);

#endif
