/*
 * dedupe.c — the per-file Crime ID check; see dedupe.h.
 */
#include "dedupe.h"
#include "crimeset.h"
#include "sys/grow.h"
#include "idset.h"
#include "keyset.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* A row held back, copied: its raw bytes, then each field NUL-terminated. */
struct held_row {
    long line, lines;
    int nfields;
    size_t off[CSVIN_MAX_FIELDS], len[CSVIN_MAX_FIELDS];
    size_t raw_len;
    char *bytes;
};

struct dedupe {
    sqlite3 *db;
    struct crimeset *all;        /* every file's, for the store */
    struct keyset *stored;       /* this file's */
    struct idset removed;        /* IDs of the rows this file replaces */
    struct idset held_ids;
    struct held_row *held;
    size_t nheld, held_cap;
    int id_col;
    int recheck;                 /* the filter lacks some of other processes' IDs */
};

int dedupe_open(struct dedupe **out, sqlite3 *db, struct stmts *stmts, struct crimeset *all,
                long long file_id, struct sio_error *err)
{
    struct dedupe *d = calloc(1, sizeof *d);
    int rc;
    *out = NULL;
    if (!d)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID check");
    if (!all) {
        free(d);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "no Crime ID set to check street rows with");
    }
    d->db = db;
    d->all = all;
    if ((rc = crimeset_refresh(all, file_id, &d->recheck, err)) ||
        (rc = keyset_open(&d->stored, db, stmts, err))) {
        dedupe_close(d);
        return rc;
    }
    *out = d;
    return SIO_OK;
}

static void held_free(struct dedupe *d)
{
    for (size_t i = 0; i < d->nheld; i++)
        free(d->held[i].bytes);
    free(d->held);
    d->held = NULL;
    d->nheld = d->held_cap = 0;
    idset_free(&d->held_ids);
}

void dedupe_close(struct dedupe *d)
{
    if (!d)
        return;
    keyset_close(d->stored);
    idset_free(&d->removed);
    held_free(d);
    free(d);
}

static int hold(struct dedupe *d, const struct csvin_row *r, int id_col, struct sio_error *err)
{
    int n = r->nfields < CSVIN_MAX_FIELDS ? r->nfields : CSVIN_MAX_FIELDS;
    size_t size = r->raw_len;
    for (int i = 0; i < n; i++)
        size += r->len[i] + 1;
    struct held_row *held = grow_for_one(d->held, &d->held_cap, d->nheld, sizeof *held, 16);
    if (!held)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for held rows");
    d->held = held;
    struct held_row *h = &d->held[d->nheld];
    if (!(h->bytes = malloc(size ? size : 1)))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for held rows");
    h->line = r->line;
    h->lines = r->lines;
    h->nfields = n;
    h->raw_len = r->raw_len;
    if (r->raw_len)
        memcpy(h->bytes, r->raw, r->raw_len);
    size_t at = r->raw_len;
    for (int i = 0; i < n; i++) {
        h->off[i] = at;
        h->len[i] = r->len[i];
        memcpy(h->bytes + at, r->field[i], r->len[i]);
        h->bytes[at + r->len[i]] = '\0';
        at += r->len[i] + 1;
    }
    d->nheld++;
    d->id_col = id_col;
    return idset_add(&d->held_ids, r->field[id_col], r->len[id_col], err);
}

int dedupe_check(struct dedupe *d, const struct csvin_row *r, int id_col, uint64_t h,
                 enum dedupe_verdict *v, struct sio_error *err)
{
    return dedupe_check_noted(d, r, id_col, h, crimeset_note(d->all, h), v, err);
}

int dedupe_check_noted(struct dedupe *d, const struct csvin_row *r, int id_col, uint64_t h,
                       int maybe, enum dedupe_verdict *v, struct sio_error *err)
{
    const char *id = r->field[id_col];
    size_t len = r->len[id_col];
    long long rowid;
    int got = keyset_has(d->stored, id, len, h, &rowid, err);
    if (got < 0)
        return -got;
    if (got || idset_has(&d->held_ids, id, len)) {
        *v = DEDUPE_DUPLICATE;
        return SIO_OK;
    }
    *v = DEDUPE_NEW;
    /* noted before the filter had other processes' latest IDs */
    if (!maybe && d->recheck && (maybe = crimeset_foreign(d->all, h, err)) < 0)
        return -maybe;
    if (idset_has(&d->removed, id, len) || !maybe ||
        !(got = crimeset_confirm(d->all, h, err)))
        return SIO_OK;
    if (got < 0)
        return -got;
    *v = DEDUPE_HELD;
    return hold(d, r, id_col, err);
}

int dedupe_stored(struct dedupe *d, uint64_t h, long long rowid, struct sio_error *err)
{
    int rc = keyset_add(d->stored, h, rowid, err);
    return rc ? rc : crimeset_add_noted(d->all, h, err);
}

int dedupe_removed(struct dedupe *d, const char *id, size_t len, struct sio_error *err)
{
    return idset_add(&d->removed, id, len, err);
}

size_t dedupe_held(const struct dedupe *d)
{
    return d->nheld;
}

static void held_row_view(const struct held_row *h, struct csvin_row *r)
{
    memset(r, 0, sizeof *r);
    r->line = h->line;
    r->lines = h->lines;
    r->nfields = h->nfields;
    r->raw = h->bytes;
    r->raw_len = h->raw_len;
    for (int i = 0; i < h->nfields; i++) {
        r->field[i] = h->bytes + h->off[i];
        r->len[i] = h->len[i];
    }
}

/* The held IDs some street row holds: one scan of street for them all.
 * This file's own rows cannot hold one (it would not have been held). */
static int stored_elsewhere(struct dedupe *d, struct idset *found, struct sio_error *err)
{
    sqlite3_stmt *put = NULL, *scan = NULL;
    int rc = store_exec(d->db, "CREATE TEMP TABLE IF NOT EXISTS sio_held(id TEXT PRIMARY KEY);"
                               "DELETE FROM temp.sio_held;", err);
    if (!rc && !(rc = store_prepare(d->db, "INSERT OR IGNORE INTO temp.sio_held(id) VALUES (?)",
                                    &put, err))) {
        for (size_t i = 0; !rc && i < d->nheld; i++) {
            const struct held_row *h = &d->held[i];
            sqlite3_bind_text(put, 1, h->bytes + h->off[d->id_col], (int)h->len[d->id_col],
                              SQLITE_STATIC);
            rc = sqlite3_step(put) == SQLITE_DONE ? SIO_OK
                 : store_fail(d->db, err, "cannot hold back a row");
            sqlite3_reset(put);
        }
    }
    if (!rc && !(rc = store_prepare(d->db, "SELECT DISTINCT crime_id FROM street_coded"
                                           " WHERE crime_id IN (SELECT id FROM temp.sio_held)",
                                    &scan, err))) {
        int step;
        while (!rc && (step = sqlite3_step(scan)) == SQLITE_ROW)
            rc = idset_add(found, (const char *)sqlite3_column_blob(scan, 0),
                           (size_t)sqlite3_column_bytes(scan, 0), err);
        if (!rc && step != SQLITE_DONE)
            rc = store_fail(d->db, err, "cannot look for held Crime IDs");
    }
    sqlite3_finalize(put);
    sqlite3_finalize(scan);
    return rc ? rc : store_exec(d->db, "DELETE FROM temp.sio_held", err);
}

int dedupe_settle(struct dedupe *d, dedupe_take_fn take, void *ctx, struct sio_error *err)
{
    struct idset found = { 0 };
    struct csvin_row r;
    if (!d || !d->nheld)
        return SIO_OK;
    int rc = stored_elsewhere(d, &found, err);
    for (size_t i = 0; !rc && i < d->nheld; i++) {
        const struct held_row *h = &d->held[i];
        held_row_view(h, &r);
        rc = take(ctx, &r, idset_has(&found, r.field[d->id_col], r.len[d->id_col]), err);
    }
    idset_free(&found);
    held_free(d);
    return rc;
}
