/*
 * notes.h — what sio-ingest noticed in rows it loaded.
 *
 * A loaded row can still deserve a remark: a crime type not in the known
 * list, a force not in the forces file, a legacy category mapped to today's.
 * Each remark is one file_notes row per (file, note, value) with a count and
 * the first line, so a file of a million such rows adds one row, not a
 * million, and nothing is held in memory.
 */
#ifndef SIO_INGEST_NOTES_H
#define SIO_INGEST_NOTES_H

#include "sys/error.h"

#include <sqlite3.h>
#include <stddef.h>

struct stmts;

struct notes {
    sqlite3 *db;
    struct stmts *stmts;   /* where add came from (stmts.h), or NULL */
    long long file_id;
    sqlite3_stmt *add;
    long added;            /* notes_add() calls that succeeded */
};

int notes_open(struct notes *n, sqlite3 *db, struct stmts *stmts, long long file_id,
               struct sio_error *err);
void notes_close(struct notes *n);

/* Count one row at line under (note, value); value is len bytes. */
int notes_add(struct notes *n, const char *note, const char *value, size_t len, long line,
              struct sio_error *err);

#endif
