/*
 * check.c — PRAGMA quick_check on a read-only connection.
 */
#include "check.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int damaged(const char *path, const char *what, struct sio_error *err)
{
    return sio_fail(err, SIO_EDATA, path, 0, "the store is damaged (%s): restore it from a "
                    "backup, or move it aside and run again to rebuild it from the inputs", what);
}

int check_store(const char *path, struct sio_error *err)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int rc = SIO_OK;
    if (access(path, F_OK) != 0)
        return SIO_OK;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_busy_timeout(db, 5000) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK)
        rc = damaged(path, db ? sqlite3_errmsg(db) : "cannot open", err);
    else if (sqlite3_step(st) != SQLITE_ROW)
        rc = damaged(path, sqlite3_errmsg(db), err);
    else if (sqlite3_column_text(st, 0) == NULL ||
             strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
        rc = damaged(path, (const char *)sqlite3_column_text(st, 0), err);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc;
}
