/*
 * store.h — the SQLite store that carries data between stages.
 *
 * store_open() creates the file (and its folder is the caller's business) and
 * applies the parts in lib/store/schema/, so every stage can open any store.  The store runs
 * in WAL mode with foreign keys on.  Each stage does its writing between
 * store_begin() and store_commit(); if it dies before the commit SQLite rolls
 * back, so the previous good state survives.  Every stage records itself in
 * the runs table with store_run_start()/store_run_finish().
 */
#ifndef SIO_STORE_H
#define SIO_STORE_H

#include "sys/error.h"

#include <sqlite3.h>

/* How long a statement waits for another connection's lock before it
 * fails (SQLITE_BUSY: SIO_ETEMPFAIL), unless the caller sets its own. */
#define STORE_BUSY_MS 5000

/* Open or create the store at path.  On failure *db is NULL. */
int store_open(const char *path, sqlite3 **db, struct sio_error *err);

/* Open a store that must already exist (later stages): SIO_ENOINPUT if not. */
int store_open_existing(const char *path, sqlite3 **db, struct sio_error *err);

/* Open an existing store again, as a further connection (a worker
 * process's) beside the stage's own: the schema is the first connection's
 * business and is not applied; writes wait for each other (busy timeout).
 * SIO_ENOINPUT if it does not exist, SIO_ECANTCREAT if it cannot be opened. */
int store_open_again(const char *path, sqlite3 **db, struct sio_error *err);

/* Close a store opened by store_open(); NULL is fine. */
void store_close(sqlite3 *db);

/* Run SQL with no parameters and no result rows (DDL, BEGIN, ...). */
int store_exec(sqlite3 *db, const char *sql, struct sio_error *err);

int store_begin(sqlite3 *db, struct sio_error *err);  /* BEGIN IMMEDIATE */
int store_commit(sqlite3 *db, struct sio_error *err);
void store_rollback(sqlite3 *db);                      /* quiet; safe to repeat */

/* Prepare sql; on failure fill err with SQLite's message. */
int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
                  struct sio_error *err);

/* Fill err from the connection's last error. */
int store_fail(sqlite3 *db, struct sio_error *err, const char *what);

/* Insert a runs row for stage, started now; *run_id receives its id. */
int store_run_start(sqlite3 *db, const char *stage, long long *run_id,
                    struct sio_error *err);

/* Close the runs row: end time, fingerprint, counts text and exit status. */
int store_run_finish(sqlite3 *db, long long run_id, const char *fingerprint,
                     const char *counts, int status, struct sio_error *err);

/* The key results tables use for any spelling of a force: its slug when
 * force_aliases knows the spelling (case-insensitively), else the text as
 * given.  out receives it (size bytes). */
int store_force_key(sqlite3 *db, const char *spelling, char *out, size_t size,
                    struct sio_error *err);

/* The results-table key of a force named by any spelling (store_force_key),
 * when sio-measures stored figures for it (force_quarters): a force named
 * on a command line (--force) must be one the store can speak for.
 * SIO_EUSAGE naming the spelling when it has none. */
int store_force_with_figures(sqlite3 *db, const char *spelling, char *key, size_t size,
                             struct sio_error *err);

/* The name to show people for a results-table force key: forces.name when
 * the key is a known slug ('warwickshire' -> 'Warwickshire Police'), else
 * the key itself. */
int store_force_name(sqlite3 *db, const char *key, char *out, size_t size,
                     struct sio_error *err);

/* Column i of the current row as text, "" for NULL (never NULL). */
const char *store_col_text(sqlite3_stmt *st, int i);

/* Column i of the current row as a double, NAN for NULL. */
double store_col_real(sqlite3_stmt *st, int i);

/* Bind v to parameter i, or NULL when it is NAN or infinite (the inverse of
 * store_col_real: "no figure" is NULL in the store, never a number). */
void store_bind_real(sqlite3_stmt *st, int i, double v);

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into buf (>= 21 bytes). */
char *store_now(char *buf);

#endif
