/*
 * stmts.c — a small cache of prepared statements by SQL text; see stmts.h.
 *
 * A dozen or so texts, looked up a few times per file: a linear search.
 */
#include "store/stmts.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

struct stmt_slot {
    char *sql;           /* the text, owned */
    sqlite3_stmt *st;
    int out;             /* handed out and not yet put back */
};

struct stmts {
    sqlite3 *db;
    struct stmt_slot slot[STMTS_MAX];
    int n;
};

int stmts_open(struct stmts **out, sqlite3 *db, struct sio_error *err)
{
    if (!(*out = calloc(1, sizeof **out)))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for statements");
    (*out)->db = db;
    return SIO_OK;
}

void stmts_close(struct stmts *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++) {
        sqlite3_finalize(c->slot[i].st);
        free(c->slot[i].sql);
    }
    free(c);
}

int stmts_get(struct stmts *c, sqlite3 *db, const char *sql, sqlite3_stmt **st,
              struct sio_error *err)
{
    for (int i = 0; c && db == c->db && i < c->n; i++)
        if (!c->slot[i].out && !strcmp(c->slot[i].sql, sql)) {
            c->slot[i].out = 1;
            *st = c->slot[i].st;
            return SIO_OK;
        }
    int rc = store_prepare(db, sql, st, err);
    if (rc || !c || db != c->db || c->n == STMTS_MAX)
        return rc;
    char *text = strdup(sql);
    if (text) /* else it is simply not kept */
        c->slot[c->n++] = (struct stmt_slot){ text, *st, 1 };
    return SIO_OK;
}

void stmts_put(struct stmts *c, sqlite3_stmt *st)
{
    for (int i = 0; st && c && i < c->n; i++)
        if (c->slot[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            c->slot[i].out = 0;
            return;
        }
    sqlite3_finalize(st);
}
