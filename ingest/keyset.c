/*
 * keyset.c — an exact set of street Crime IDs: hash tags in memory, the IDs
 * themselves in the store.
 *
 * Linear probing over 2^bits slots.  A slot is (tag << 32) | rowid, 0 when
 * empty; the tag is the top 32 bits of the ID's 64-bit hash and the slot a
 * key starts at is the tag's top `bits` bits, so the table can double
 * without reading any ID back.  Every tag match is checked against the row.
 * At most 70% full: linear probing past that makes misses walk long runs.
 */
#include "keyset.h"
#include "store/stmts.h"
#include "store/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define KEYSET_MIN_BITS 12

struct keyset {
    sqlite3 *db;
    struct stmts *stmts;  /* where fetch came from (stmts.h), or NULL */
    sqlite3_stmt *fetch;  /* the Crime ID of a street rowid */
    uint64_t *slot;
    unsigned bits;
    size_t used;
};

static size_t home(const struct keyset *ks, uint32_t tag)
{
    return (size_t)(tag >> (32 - ks->bits));
}

static void place(struct keyset *ks, uint64_t entry)
{
    size_t mask = ((size_t)1 << ks->bits) - 1;
    size_t i = home(ks, (uint32_t)(entry >> 32));
    while (ks->slot[i])
        i = (i + 1) & mask;
    ks->slot[i] = entry;
}

/* Double the table (or make the first one). */
static int grow(struct keyset *ks, struct sio_error *err)
{
    uint64_t *old = ks->slot;
    size_t n = old ? (size_t)1 << ks->bits : 0;
    unsigned bits = old ? ks->bits + 1 : KEYSET_MIN_BITS;
    uint64_t *slot = bits <= 32 ? calloc((size_t)1 << bits, sizeof *slot) : NULL;
    if (!slot)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    ks->slot = slot;
    ks->bits = bits;
    for (size_t i = 0; i < n; i++)
        if (old[i])
            place(ks, old[i]);
    free(old);
    return SIO_OK;
}

/* Whether street row rowid holds exactly id; -status on a store error. */
static int row_holds(struct keyset *ks, long long rowid, const char *id, size_t len,
                     struct sio_error *err)
{
    sqlite3_bind_int64(ks->fetch, 1, rowid);
    int step = sqlite3_step(ks->fetch), same = 0;
    if (step == SQLITE_ROW) {
        const void *got = sqlite3_column_blob(ks->fetch, 0);
        same = (size_t)sqlite3_column_bytes(ks->fetch, 0) == len && got &&
               memcmp(got, id, len) == 0;
    }
    sqlite3_reset(ks->fetch);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return -store_fail(ks->db, err, "cannot read a Crime ID back");
    return same;
}

int keyset_has(struct keyset *ks, const char *id, size_t len, uint64_t h, long long *rowid,
               struct sio_error *err)
{
    uint32_t tag = (uint32_t)(h >> 32);
    size_t mask = ((size_t)1 << ks->bits) - 1;
    for (size_t i = home(ks, tag); ks->slot[i]; i = (i + 1) & mask) {
        if ((uint32_t)(ks->slot[i] >> 32) != tag)
            continue;
        long long r = (long long)(ks->slot[i] & 0xFFFFFFFFu);
        int same = row_holds(ks, r, id, len, err);
        if (same != 0) {
            *rowid = r;
            return same;
        }
    }
    return 0;
}

int keyset_add(struct keyset *ks, uint64_t h, long long rowid, struct sio_error *err)
{
    int rc;
    if (rowid < 1 || rowid > 0xFFFFFFFFLL)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                        "street rowid %lld is outside the Crime ID set's range", rowid);
    if ((ks->used + 1) * 10 > ((size_t)7 << ks->bits) && (rc = grow(ks, err)))
        return rc;
    uint64_t tag = h >> 32;
    place(ks, tag << 32 | (uint64_t)rowid);
    ks->used++;
    return SIO_OK;
}

size_t keyset_size(const struct keyset *ks)
{
    return ks->used;
}

int keyset_open(struct keyset **out, sqlite3 *db, struct stmts *stmts, struct sio_error *err)
{
    struct keyset *ks = calloc(1, sizeof *ks);
    int rc;
    *out = NULL;
    if (!ks)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    ks->db = db;
    ks->stmts = stmts;
    if ((rc = grow(ks, err)) ||
        (rc = stmts_get(stmts, db, "SELECT crime_id FROM street_coded WHERE rowid = ?",
                        &ks->fetch, err))) {
        keyset_close(ks);
        return rc;
    }
    *out = ks;
    return SIO_OK;
}

void keyset_close(struct keyset *ks)
{
    if (!ks)
        return;
    stmts_put(ks->stmts, ks->fetch);
    free(ks->slot);
    free(ks);
}
