/*
 * tally.c — one scan of street_coded into an open-addressing table of groups.
 *
 * A group's key is its force's and crime type's labels ids (8 bytes each, as
 * the host stores them) and then its month's text, so equal keys are equal
 * groups; the ids become texts again only for the few thousand groups.  The
 * table doubles at half full.
 */
#include "tally.h"
#include "store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct group {
    char *key;               /* force id, crime type id, month text; owned */
    size_t len;
    uint64_t hash;
    long long count;
};

struct tally {
    struct group *g;
    size_t cap, n;
};

static uint64_t fnv1a(const char *s, size_t len)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
    return h;
}

static struct group *slot_for(struct group *g, size_t cap, uint64_t hash, const char *key,
                              size_t len)
{
    size_t i = (size_t)hash & (cap - 1);
    while (g[i].key && !(g[i].hash == hash && g[i].len == len && !memcmp(g[i].key, key, len)))
        i = (i + 1) & (cap - 1);
    return &g[i];
}

static int grow(struct tally *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    struct group *g = calloc(cap, sizeof *g);
    if (!g)
        return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->g[i].key)
            *slot_for(g, cap, t->g[i].hash, t->g[i].key, t->g[i].len) = t->g[i];
    free(t->g);
    t->g = g;
    t->cap = cap;
    return 0;
}

static int count_row(struct tally *t, const char *key, size_t len)
{
    uint64_t hash = fnv1a(key, len);
    if ((t->n + 1) * 2 > t->cap && grow(t) != 0)
        return -1;
    struct group *g = slot_for(t->g, t->cap, hash, key, len);
    if (!g->key) {
        if (!(g->key = malloc(len)))
            return -1;
        memcpy(g->key, key, len);
        g->len = len;
        g->hash = hash;
        t->n++;
    }
    g->count++;
    return 0;
}

#define KEY_IDS (2 * sizeof(sqlite3_int64))

/* The current row's key into buf; 0 if its month is too long. */
static size_t row_key(sqlite3_stmt *st, char *buf, size_t size)
{
    sqlite3_int64 ids[2] = { sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1) };
    const unsigned char *month = sqlite3_column_text(st, 2);
    size_t len = (size_t)sqlite3_column_bytes(st, 2);
    if (KEY_IDS + len > size)
        return 0;
    memcpy(buf, ids, KEY_IDS);
    if (len)
        memcpy(buf + KEY_IDS, month, len);
    return KEY_IDS + len;
}

static int scan(sqlite3 *db, struct tally *t, struct sio_error *err)
{
    sqlite3_stmt *st;
    char key[256];
    int step, rc = store_prepare(db, "SELECT falls_within, crime_type, month FROM street_coded",
                                 &st, err);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        size_t len = row_key(st, key, sizeof key);
        if (!len || count_row(t, key, len) != 0)
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                          len ? "out of memory counting street rows"
                              : "a street row's month is longer than 200 bytes");
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "cannot read street rows");
    sqlite3_finalize(st);
    return rc;
}

static int store_groups(sqlite3 *db, const struct tally *t, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "INSERT INTO monthly_counts(force, crime_type, month, count)"
                               " VALUES ((SELECT text FROM labels WHERE id = ?1),"
                               " (SELECT text FROM labels WHERE id = ?2), ?3, ?4)", &st, err);
    for (size_t i = 0; !rc && i < t->cap; i++) {
        const struct group *g = &t->g[i];
        sqlite3_int64 ids[2];
        if (!g->key)
            continue;
        memcpy(ids, g->key, KEY_IDS);
        sqlite3_bind_int64(st, 1, ids[0]);
        sqlite3_bind_int64(st, 2, ids[1]);
        sqlite3_bind_text(st, 3, g->key + KEY_IDS, (int)(g->len - KEY_IDS), SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, g->count);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = store_fail(db, err, "cannot store monthly counts");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

int tally_monthly_counts(sqlite3 *db, struct sio_error *err)
{
    struct tally t = { 0 };
    int rc = grow(&t) != 0 ? sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory")
                           : scan(db, &t, err);
    if (!rc)
        rc = store_groups(db, &t, err);
    for (size_t i = 0; i < t.cap; i++)
        free(t.g[i].key);
    free(t.g);
    return rc;
}
