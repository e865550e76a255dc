/*
 * stmts.h — prepared statements kept for a connection's life, by their text.
 *
 * sio-ingest prepares the same dozen statements for every file (its files
 * row, its rows' INSERT, rejects, duplicates, notes, labels ...), and
 * sio-measures the same few for every force and measure (a verdict, a line
 * of the national picture): parsing SQL was a hundredth of ingest's writer
 * and a twelfth of sio-measures.  A cache keeps each statement, by
 * its text, for the connection's life: stmts_get() hands it out reset and
 * with its bindings cleared, stmts_put() takes it back.  A statement asked
 * for while it is out, or with no cache (NULL: tests), is prepared afresh
 * and finalized when put back, so callers need not know.  Statements are
 * reset when put back, so none holds a transaction open between uses.
 */
#ifndef SIO_STORE_STMTS_H
#define SIO_STORE_STMTS_H

#include "sys/error.h"

#include <sqlite3.h>

#define STMTS_MAX 32

struct stmts;

/* An empty cache for connection db. */
int stmts_open(struct stmts **c, sqlite3 *db, struct sio_error *err);

/* Finalize every statement; call before closing db.  NULL is fine. */
void stmts_close(struct stmts *c);

/* *st for sql on db: c's (reset, bindings cleared), or prepared now. */
int stmts_get(struct stmts *c, sqlite3 *db, const char *sql, sqlite3_stmt **st,
              struct sio_error *err);

/* Give st back (reset into c, or finalized); NULL is fine. */
void stmts_put(struct stmts *c, sqlite3_stmt *st);

#endif
