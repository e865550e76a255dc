/*
 * labels.c — text to labels.id, through an open-addressing table.
 *
 * The table has twice LABELS_CACHED slots, so it is never more than half
 * full; a slot holds the text's XXH3 hash, its id and a copy of the text.
 */
#include "labels.h"
#include "store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define SLOTS (2 * LABELS_CACHED)

struct slot {
    uint64_t hash;      /* 0: empty */
    long long id;
    size_t len;
    char *text;
};

struct labels {
    sqlite3 *db;
    sqlite3_stmt *find, *add;
    size_t used;
    struct slot slot[SLOTS];
};

int labels_open(struct labels **out, sqlite3 *db, struct sio_error *err)
{
    struct labels *l = calloc(1, sizeof *l);
    int rc;
    *out = NULL;
    if (!l)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for labels");
    l->db = db;
    if ((rc = store_prepare(db, "SELECT id FROM labels WHERE text = ?", &l->find, err)) ||
        (rc = store_prepare(db, "INSERT INTO labels(text) VALUES (?)", &l->add, err))) {
        labels_close(l);
        return rc;
    }
    *out = l;
    return SIO_OK;
}

void labels_close(struct labels *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < SLOTS; i++)
        free(l->slot[i].text);
    sqlite3_finalize(l->find);
    sqlite3_finalize(l->add);
    free(l);
}

/* The id of text from the labels table, adding it when absent. */
static int lookup(struct labels *l, const char *text, size_t len, long long *id,
                  struct sio_error *err)
{
    sqlite3_bind_text(l->find, 1, text, (int)len, SQLITE_STATIC);
    int step = sqlite3_step(l->find);
    if (step == SQLITE_ROW)
        *id = sqlite3_column_int64(l->find, 0);
    sqlite3_reset(l->find);
    if (step == SQLITE_ROW)
        return SIO_OK;
    if (step != SQLITE_DONE)
        return store_fail(l->db, err, "cannot read labels");
    sqlite3_bind_text(l->add, 1, text, (int)len, SQLITE_STATIC);
    step = sqlite3_step(l->add);
    sqlite3_reset(l->add);
    if (step != SQLITE_DONE)
        return store_fail(l->db, err, "cannot add a label");
    *id = sqlite3_last_insert_rowid(l->db);
    return SIO_OK;
}

int labels_id(struct labels *l, const char *text, size_t len, long long *id,
              struct sio_error *err)
{
    uint64_t h = XXH3_64bits(text, len) | 1;
    size_t i = (size_t)h & (SLOTS - 1);
    for (; l->slot[i].hash; i = (i + 1) & (SLOTS - 1))
        if (l->slot[i].hash == h && l->slot[i].len == len && !memcmp(l->slot[i].text, text, len)) {
            *id = l->slot[i].id;
            return SIO_OK;
        }
    int rc = lookup(l, text, len, id, err);
    if (rc || l->used >= LABELS_CACHED || len > LABELS_TEXT_MAX)
        return rc;
    struct slot *s = &l->slot[i];
    if (!(s->text = malloc(len ? len : 1)))
        return SIO_OK; /* not kept: the next ask goes to SQLite again */
    memcpy(s->text, text, len);
    s->hash = h;
    s->len = len;
    s->id = *id;
    l->used++;
    return SIO_OK;
}
