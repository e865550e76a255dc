/*
 * labels.c — text to labels.id, through open-addressing tables.
 *
 * A table has twice LABELS_CACHED slots, so it is never more than half
 * full; a slot holds the text's XXH3 hash, its id and a copy of the text.
 * A struct labels and a view each have one; a view's pending labels are a
 * second table, merged into the first on commit.
 */
#include "labels.h"
#include "store/stmts.h"
#include "store/store.h"

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

struct table {
    size_t used;
    struct slot slot[SLOTS];
};

struct labels {
    sqlite3 *db;
    struct stmts *stmts;      /* where find and add came from (stmts.h), or NULL */
    sqlite3_stmt *find, *add;
    struct table known;
};

struct labels_view {
    struct table seen;        /* what readers find */
    struct table ready;       /* committed, not yet merged into seen */
    struct table pending;     /* the open transaction's */
};

/* ---- tables ---- */

static uint64_t hash_of(const char *text, size_t len)
{
    return XXH3_64bits(text, len) | 1;
}

/* The slot holding text, or the empty slot where it would go. */
static const struct slot *table_slot(const struct table *t, uint64_t h, const char *text,
                                     size_t len)
{
    size_t i = (size_t)h & (SLOTS - 1);
    while (t->slot[i].hash && !(t->slot[i].hash == h && t->slot[i].len == len &&
                                !memcmp(t->slot[i].text, text, len)))
        i = (i + 1) & (SLOTS - 1);
    return &t->slot[i];
}

/* Keep text's id, unless the table is full, the text too long, or memory
 * short: a text not kept is only looked up the slow way again. */
static void table_put(struct table *t, uint64_t h, const char *text, size_t len, long long id)
{
    struct slot *s = (struct slot *)table_slot(t, h, text, len);
    if (s->hash || t->used >= LABELS_CACHED || len > LABELS_TEXT_MAX ||
        !(s->text = malloc(len ? len : 1)))
        return;
    memcpy(s->text, text, len);
    s->hash = h;
    s->len = len;
    s->id = id;
    t->used++;
}

static void table_clear(struct table *t)
{
    if (!t->used)
        return;
    for (size_t i = 0; i < SLOTS; i++)
        free(t->slot[i].text);
    memset(t, 0, sizeof *t);
}

/* ---- a writer's labels ---- */

int labels_open(struct labels **out, sqlite3 *db, struct stmts *stmts, struct sio_error *err)
{
    struct labels *l = calloc(1, sizeof *l);
    int rc;
    *out = NULL;
    if (!l)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for labels");
    l->db = db;
    l->stmts = stmts;
    if ((rc = stmts_get(stmts, db, "SELECT id FROM labels WHERE text = ?", &l->find, err)) ||
        (rc = stmts_get(stmts, db, "INSERT INTO labels(text) VALUES (?)", &l->add, err))) {
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
    table_clear(&l->known);
    stmts_put(l->stmts, l->find);
    stmts_put(l->stmts, l->add);
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
    uint64_t h = hash_of(text, len);
    const struct slot *s = table_slot(&l->known, h, text, len);
    if (s->hash) {
        *id = s->id;
        return SIO_OK;
    }
    int rc = lookup(l, text, len, id, err);
    if (!rc)
        table_put(&l->known, h, text, len, *id);
    return rc;
}

/* ---- views ---- */

int labels_view_open(struct labels_view **out, struct sio_error *err)
{
    if (!(*out = calloc(1, sizeof **out)))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for labels");
    return SIO_OK;
}

void labels_view_close(struct labels_view *v)
{
    if (!v)
        return;
    table_clear(&v->seen);
    table_clear(&v->ready);
    table_clear(&v->pending);
    free(v);
}

long long labels_view_find(const struct labels_view *v, const char *text, size_t len)
{
    const struct slot *s = table_slot(&v->seen, hash_of(text, len), text, len);
    return s->hash ? s->id : 0;
}

/* Every entry of from into to. */
static void table_add_all(struct table *to, const struct table *from)
{
    for (size_t i = 0; from->used && i < SLOTS; i++) {
        const struct slot *s = &from->slot[i];
        if (s->hash)
            table_put(to, s->hash, s->text, s->len, s->id);
    }
}

void labels_publish(const struct labels *l, struct labels_view *v)
{
    table_add_all(&v->pending, &l->known);
}

void labels_view_commit(struct labels_view *v)
{
    table_add_all(&v->ready, &v->pending);
    table_clear(&v->pending);
}

void labels_view_merge(struct labels_view *v)
{
    table_add_all(&v->seen, &v->ready);
    table_clear(&v->ready);
}

void labels_view_discard(struct labels_view *v)
{
    table_clear(&v->pending);
}
