/*
 * store.c — opening the SQLite store, transactions and the runs table.
 */
#include "store/store.h"
#include "store/migrate.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern const char sio_schema_sql[]; /* lib/store/schema/, compiled in by make */

int store_fail(sqlite3 *db, struct sio_error *err, const char *what)
{
    int code = db ? sqlite3_errcode(db) : SQLITE_ERROR;
    int status = SIO_ESOFTWARE;
    if (code == SQLITE_FULL || code == SQLITE_IOERR)
        status = SIO_EIO;
    else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        status = SIO_ETEMPFAIL;
    else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        status = SIO_EDATA;
    else if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY)
        status = SIO_ECANTCREAT;
    return sio_fail(err, status, db ? sqlite3_db_filename(db, "main") : NULL, 0,
                    "store: %s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
}

int store_exec(sqlite3 *db, const char *sql, struct sio_error *err)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return store_fail(db, err, "cannot run SQL");
    return SIO_OK;
}

/* Into WAL mode.  That needs the store to itself, and SQLite answers BUSY
 * at once rather than wait (two connections that each read and want it
 * could wait for ever): when two programs create the store at once, the one
 * refused tries again until the other has done it, for STORE_BUSY_MS. */
static int store_wal(sqlite3 *db, struct sio_error *err)
{
    const struct timespec pause = { 0, 10 * 1000000 };
    for (int waited = 0;; waited += 10) {
        int rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if (rc != SQLITE_BUSY || waited >= STORE_BUSY_MS)
            return rc == SQLITE_OK ? SIO_OK : store_fail(db, err, "cannot run SQL");
        nanosleep(&pause, NULL);
    }
}

static int store_schema(sqlite3 *db, struct sio_error *err)
{
    int rc;
    /* page_size only counts before the first table (and before WAL): 16 KiB
     * pages halve the system time of a bulk ingest against the 4 KiB default. */
    if ((rc = store_exec(db, "PRAGMA page_size=16384;", err)) || (rc = store_wal(db, err)) ||
        (rc = store_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", err)))
        return rc;
    if ((rc = store_begin(db, err)))
        return rc;
    int moved = 0;
    if ((rc = store_exec(db, sio_schema_sql, err)) || (rc = store_migrate(db, &moved, err)) ||
        (moved && (rc = store_exec(db, sio_schema_sql, err)))) {
        store_rollback(db);
        return rc;
    }
    return store_commit(db, err);
}

/* SQLite's memory statistics take a global mutex on every allocation: 4% of
 * an ingest, for figures sio never reads.  sqlite3_config() only works
 * before SQLite initialises; later it refuses (SQLITE_MISUSE) and changes
 * nothing, which costs speed, not correctness, so its answer is not needed. */
static void store_tune_library(void)
{
    static int tuned;
    if (!tuned) {
        tuned = 1;
        (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    }
}

int store_open(const char *path, sqlite3 **db, struct sio_error *err)
{
    int rc;
    store_tune_library();
    /* NOMUTEX: a connection is only ever used by one thread, so SQLite's
     * per-call mutex is pure cost (2-3% of ingest). */
    if (sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL)
        != SQLITE_OK) {
        rc = sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot open store: %s",
                      *db ? sqlite3_errmsg(*db) : "out of memory");
        store_close(*db);
        *db = NULL;
        return rc;
    }
    /* Before anything else: two programs that create the store at once
     * take turns (the second waits for the first's schema, then finds it),
     * where without a timeout the second fails at once. */
    sqlite3_busy_timeout(*db, STORE_BUSY_MS);
    if ((rc = store_schema(*db, err))) {
        snprintf(err->file, sizeof err->file, "%s", path);
        store_close(*db);
        *db = NULL;
    }
    return rc;
}

int store_open_existing(const char *path, sqlite3 **db, struct sio_error *err)
{
    *db = NULL;
    if (access(path, F_OK) != 0)
        return sio_fail(err, SIO_ENOINPUT, path, 0,
                        "no store here: run sio-ingest first (or give --store)");
    return store_open(path, db, err);
}

int store_open_again(const char *path, sqlite3 **db, struct sio_error *err)
{
    *db = NULL;
    if (access(path, F_OK) != 0)
        return sio_fail(err, SIO_ENOINPUT, path, 0, "no store here");
    store_tune_library();
    if (sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        sqlite3_exec(*db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                          " PRAGMA busy_timeout=5000;", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = sio_fail(err, SIO_ECANTCREAT, path, 0, "cannot open store: %s",
                          *db ? sqlite3_errmsg(*db) : "out of memory");
        store_close(*db);
        *db = NULL;
        return rc;
    }
    return SIO_OK;
}

void store_close(sqlite3 *db)
{
    sqlite3_close(db);
}

int store_begin(sqlite3 *db, struct sio_error *err)
{
    return store_exec(db, "BEGIN IMMEDIATE", err);
}

int store_commit(sqlite3 *db, struct sio_error *err)
{
    return store_exec(db, "COMMIT", err);
}

void store_rollback(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
                  struct sio_error *err)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return store_fail(db, err, "cannot prepare statement");
    return SIO_OK;
}

char *store_now(char *buf)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int store_run_start(sqlite3 *db, const char *stage, long long *run_id,
                    struct sio_error *err)
{
    sqlite3_stmt *st;
    char now[32];
    int rc = store_prepare(db, "INSERT INTO runs(stage, started_at) VALUES (?, ?)", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, stage, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, store_now(now), -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot record run");
    sqlite3_finalize(st);
    *run_id = sqlite3_last_insert_rowid(db);
    return rc;
}

int store_run_finish(sqlite3 *db, long long run_id, const char *fingerprint,
                     const char *counts, int status, struct sio_error *err)
{
    sqlite3_stmt *st;
    char now[32];
    int rc = store_prepare(db, "UPDATE runs SET ended_at = ?, fingerprint = ?, "
                               "counts = ?, status = ? WHERE id = ?", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, store_now(now), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, fingerprint, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, counts, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, status);
    sqlite3_bind_int64(st, 5, run_id);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot record run");
    sqlite3_finalize(st);
    return rc;
}

/* One text value from sql with ?1 bound to arg, into out. */
static int text_lookup(sqlite3 *db, const char *sql, const char *arg, char *out,
                       size_t size, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, sql, &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW)
        rc = store_fail(db, err, "cannot look up a force");
    else if ((size_t)snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0)) >= size)
        rc = sio_fail(err, SIO_EDATA, NULL, 0, "force name too long: '%s'", arg);
    sqlite3_finalize(st);
    return rc;
}

int store_force_key(sqlite3 *db, const char *spelling, char *out, size_t size,
                    struct sio_error *err)
{
    return text_lookup(db, "SELECT COALESCE((SELECT slug FROM force_aliases"
                           " WHERE alias = ?1), ?1)", spelling, out, size, err);
}

int store_force_with_figures(sqlite3 *db, const char *spelling, char *key, size_t size,
                             struct sio_error *err)
{
    char slug[256];
    int rc = store_force_key(db, spelling, slug, sizeof slug, err);
    if (rc)
        return rc;
    /* the COALESCE gives '' (a row) when force_quarters has no such force */
    rc = text_lookup(db, "SELECT COALESCE((SELECT force FROM force_quarters WHERE force = ?1), '')",
                     slug, key, size, err);
    if (rc == SIO_OK && !key[0])
        rc = sio_fail(err, SIO_EUSAGE, NULL, 0, "no figures for force '%s' in the store", spelling);
    return rc;
}

int store_force_name(sqlite3 *db, const char *key, char *out, size_t size,
                     struct sio_error *err)
{
    return text_lookup(db, "SELECT COALESCE((SELECT name FROM forces WHERE slug = ?1), ?1)",
                       key, out, size, err);
}

const char *store_col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

double store_col_real(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

void store_bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isfinite(v))
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}
