/*
 * notes.c — counting remarks about loaded rows in file_notes (see notes.h).
 */
#include "notes.h"
#include "store/stmts.h"
#include "store/store.h"

int notes_open(struct notes *n, sqlite3 *db, struct stmts *stmts, long long file_id,
               struct sio_error *err)
{
    n->db = db;
    n->stmts = stmts;
    n->file_id = file_id;
    n->added = 0;
    return stmts_get(stmts, db, "INSERT INTO file_notes(file_id, note, value, rows, first_line)"
                                " VALUES (?1,?2,?3,1,?4) ON CONFLICT(file_id, note, value)"
                                " DO UPDATE SET rows = rows + 1", &n->add, err);
}

void notes_close(struct notes *n)
{
    stmts_put(n->stmts, n->add);
    n->add = NULL;
}

int notes_add(struct notes *n, const char *note, const char *value, size_t len, long line,
              struct sio_error *err)
{
    sqlite3_stmt *st = n->add;
    sqlite3_bind_int64(st, 1, n->file_id);
    sqlite3_bind_text(st, 2, note, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, value, (int)len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, line);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    n->added += ok;
    return ok ? SIO_OK : store_fail(n->db, err, "cannot record a note");
}
