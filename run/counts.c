/*
 * counts.c — reading the runs table with a read-only connection.
 */
#include "counts.h"

#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

static sqlite3 *open_ro(const char *store)
{
    sqlite3 *db = NULL;
    if (access(store, F_OK) != 0)
        return NULL;
    if (sqlite3_open_v2(store, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

long long counts_last_run(const char *store)
{
    sqlite3 *db = open_ro(store);
    sqlite3_stmt *st = NULL;
    long long id = 0;
    if (db && sqlite3_prepare_v2(db, "SELECT COALESCE(MAX(id), 0) FROM runs", -1, &st, NULL)
                  == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return id;
}

void counts_of(const char *store, const char *stage, long long after, char *buf, size_t size)
{
    sqlite3 *db = open_ro(store);
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    if (!db || sqlite3_prepare_v2(db, "SELECT counts FROM runs WHERE stage = ? AND id > ?"
                                      " ORDER BY id DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return;
    }
    sqlite3_bind_text(st, 1, stage, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, after);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}
