/*
 * crimeset.c — a Bloom filter over crime_keys, and the hashes not yet in it.
 *
 * The filter is blocked: each hash sets CRIMESET_PROBES bits inside one
 * 512-bit block (one cache line), so a lookup costs one cache miss rather than
 * one per bit; the block comes from the hash's top bits and the bits within
 * it from its low 32 (see salt[]).  Hash 0
 * never occurs (crimeset_hash() maps it to 1), so code keyed by it can use 0
 * for "empty".
 */
#include "crimeset.h"
#include "sys/grow.h"
#include "store/store.h"
#include "store/streetrows.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <xxhash.h>

#define CRIMESET_PROBES 8
#define BLOCK_BITS 9 /* 512-bit blocks */
#define RECENT_TAIL 4096
#define RUN_MAX ((size_t)1 << 24) /* hashes a blob: 128 MiB, under SQLite's 1 GB limit */

struct run {
    long long id;
    size_t n;
};

/* The filter's fields, which a reader thread reads for every row, have a
 * cache line to themselves: sharing one with recent_n, written for every
 * row stored, cost a cross-core miss on each. */
struct crimeset {
    sqlite3 *db;
    uint64_t *filter;
    unsigned filter_bits;
    _Alignas(64) uint64_t *recent; /* hashes added since the last write: sorted, then a tail */
    size_t recent_n, recent_sorted, recent_cap;
    size_t batch;
    long long *files;        /* committed files whose hashes are in recent */
    size_t nfiles, files_cap;
    size_t false_maybes;
    struct run *runs;        /* crime_keys rows: rowid and hashes */
    size_t nruns, runs_cap;
};

uint64_t crimeset_hash(const char *id, size_t len)
{
    uint64_t h = XXH3_64bits(id, len);
    return h ? h : 1;
}

/* ---- the filter ---- */

static uint64_t *filter_block(const struct crimeset *cs, uint64_t h)
{
    unsigned block_bits = cs->filter_bits - BLOCK_BITS;
    return cs->filter + (size_t)(h >> (64 - block_bits)) * (512 / 64);
}

/* Zeroed, on huge pages where the kernel allows: every lookup lands on a
 * random page, and with 4 KiB pages each would also miss the TLB. */
static uint64_t *filter_alloc(unsigned bits)
{
    size_t size = (size_t)1 << (bits - 3), huge = (size_t)2 << 20;
    void *p = NULL;
    if (size >= huge && posix_memalign(&p, huge, size) == 0) {
        madvise(p, size, MADV_HUGEPAGE);
        memset(p, 0, size);
        return p;
    }
    return calloc(size, 1);
}

/* One bit in each of the block's eight 64-bit words, picked by the low 32
 * bits of h times a different odd constant (the split-block filter of
 * Apache Parquet, whose constants these are): 2^32 patterns, where double
 * hashing within 512 bits gave only 2^17 and so a false "maybe" in 15,000. */
static const uint32_t salt[CRIMESET_PROBES] = {
    0x47b6137bU, 0x44974d91U, 0x8824ad5bU, 0xa2b7289dU,
    0x705495c7U, 0x2df1424bU, 0x9efc4947U, 0x5c6bfb31U,
};

static unsigned filter_bit(uint64_t h, int i)
{
    return (unsigned)(((uint32_t)h * salt[i]) >> 26);
}

static void filter_set(struct crimeset *cs, uint64_t h)
{
    uint64_t *block = filter_block(cs, h);
    for (int i = 0; i < CRIMESET_PROBES; i++)
        block[i] |= (uint64_t)1 << filter_bit(h, i);
}

static int filter_has(const struct crimeset *cs, uint64_t h)
{
    const uint64_t *block = filter_block(cs, h);
    for (int i = 0; i < CRIMESET_PROBES; i++)
        if (!(block[i] >> filter_bit(h, i) & 1))
            return 0;
    return 1;
}

/* ---- hashes not yet written ---- */

/* Append-only, so adding one is a store to memory already in cache.  The
 * rare lookup (a filter "maybe") binary-searches the sorted part, scanning an
 * unsorted tail of up to RECENT_TAIL; a longer tail is first sorted and
 * merged in.  So a run of new IDs sorts nothing until the batch is written. */

/* Sort h[0..n) with tmp[0..n) as scratch: LSD radix, 11 bits a pass. */
static void radix_sort(uint64_t *h, uint64_t *tmp, size_t n)
{
    size_t count[1 << 11];
    for (int shift = 0; shift < 64; shift += 11) {
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < n; i++)
            count[h[i] >> shift & 0x7FF]++;
        for (size_t d = 0, at = 0; d < 1 << 11; d++) {
            size_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++)
            tmp[count[h[i] >> shift & 0x7FF]++] = h[i];
        memcpy(h, tmp, n * sizeof *h);
    }
}

static int recent_merge(struct crimeset *cs, struct sio_error *err)
{
    size_t tail = cs->recent_n - cs->recent_sorted;
    if (!tail)
        return SIO_OK;
    uint64_t *tmp = malloc(tail * sizeof *tmp), *t = cs->recent + cs->recent_sorted;
    if (!tmp)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    radix_sort(t, tmp, tail);
    memcpy(tmp, t, tail * sizeof *tmp);
    size_t i = cs->recent_sorted, j = tail, k = cs->recent_n;
    while (j > 0)
        cs->recent[--k] = i > 0 && cs->recent[i - 1] > tmp[j - 1] ? cs->recent[--i] : tmp[--j];
    free(tmp);
    cs->recent_sorted = cs->recent_n;
    return SIO_OK;
}

static int recent_has(struct crimeset *cs, uint64_t h, struct sio_error *err)
{
    int rc;
    if (cs->recent_n - cs->recent_sorted > RECENT_TAIL && (rc = recent_merge(cs, err)))
        return -rc;
    size_t lo = 0, hi = cs->recent_sorted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cs->recent[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < cs->recent_sorted && cs->recent[lo] == h)
        return 1;
    for (size_t i = cs->recent_sorted; i < cs->recent_n; i++)
        if (cs->recent[i] == h)
            return 1;
    return 0;
}

static int recent_add(struct crimeset *cs, uint64_t h, struct sio_error *err)
{
    uint64_t *recent = grow_for_one(cs->recent, &cs->recent_cap, cs->recent_n,
                                    sizeof *recent, 4 * RECENT_TAIL);
    if (!recent)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    cs->recent = recent;
    cs->recent[cs->recent_n++] = h;
    return SIO_OK;
}

/* ---- runs: sorted hashes written to crime_keys ---- */

/* Big-endian, so a run's bytes sort as its hashes do whatever the host. */
static void put_be(unsigned char *p, uint64_t h)
{
    for (int i = 7; i >= 0; i--, h >>= 8)
        p[i] = (unsigned char)h;
}

static uint64_t get_be(const unsigned char *p)
{
    uint64_t h = 0;
    for (int i = 0; i < 8; i++)
        h = h << 8 | p[i];
    return h;
}

static int runs_add(struct crimeset *cs, long long id, size_t n, struct sio_error *err)
{
    struct run *runs = grow_for_one(cs->runs, &cs->runs_cap, cs->nruns, sizeof *runs, 16);
    if (!runs)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    cs->runs = runs;
    cs->runs[cs->nruns++] = (struct run){ id, n };
    return SIO_OK;
}

/* 1 when run r holds h, 0 when not (a binary search, eight bytes read at a
 * time: runs are only read for a filter "maybe"), or -status. */
static int run_has(struct crimeset *cs, const struct run *r, uint64_t h, struct sio_error *err)
{
    sqlite3_blob *blob;
    unsigned char x[8];
    size_t lo = 0, hi = r->n;
    int found = 0;
    if (sqlite3_blob_open(cs->db, "main", "crime_keys", "hashes", r->id, 0, &blob) != SQLITE_OK)
        return -store_fail(cs->db, err, "cannot read the Crime ID hashes");
    while (lo < hi && !found) {
        size_t mid = lo + (hi - lo) / 2;
        if (sqlite3_blob_read(blob, x, 8, (int)(mid * 8)) != SQLITE_OK) {
            sqlite3_blob_close(blob);
            return -store_fail(cs->db, err, "cannot read the Crime ID hashes");
        }
        uint64_t v = get_be(x);
        if (v < h)
            lo = mid + 1;
        else if (v > h)
            hi = mid;
        else
            found = 1;
    }
    sqlite3_blob_close(blob);
    return found;
}

/* ---- the set ---- */

void crimeset_prefetch(const struct crimeset *cs, uint64_t h)
{
    __builtin_prefetch(filter_block(cs, h), 1, 3);
}

int crimeset_note(struct crimeset *cs, uint64_t h)
{
    int had = filter_has(cs, h);
    if (!had)
        filter_set(cs, h);
    return had;
}

int crimeset_maybe(struct crimeset *cs, uint64_t h, struct sio_error *err)
{
    return filter_has(cs, h) ? crimeset_confirm(cs, h, err) : 0;
}

int crimeset_confirm(struct crimeset *cs, uint64_t h, struct sio_error *err)
{
    int got = recent_has(cs, h, err);
    if (got)
        return got;
    for (size_t i = cs->nruns; i-- > 0;)
        if ((got = run_has(cs, &cs->runs[i], h, err)))
            return got;
    cs->false_maybes++;
    return 0;
}

int crimeset_add(struct crimeset *cs, uint64_t h, struct sio_error *err)
{
    filter_set(cs, h);
    return recent_add(cs, h, err);
}

int crimeset_add_noted(struct crimeset *cs, uint64_t h, struct sio_error *err)
{
    return recent_add(cs, h, err);
}

/* Drop repeats from the sorted h[0..n); the new count. */
static size_t unique(uint64_t *h, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || h[m - 1] != h[i])
            h[m++] = h[i];
    return m;
}

/* h[0..n) as one blob (big-endian in place, restored after). */
static int write_run(struct crimeset *cs, sqlite3_stmt *put, uint64_t *h, size_t n,
                     struct sio_error *err)
{
    for (size_t i = 0; i < n; i++)
        put_be((unsigned char *)&h[i], h[i]);
    sqlite3_bind_blob(put, 1, h, (int)(n * sizeof *h), SQLITE_STATIC);
    int rc = sqlite3_step(put) == SQLITE_DONE ? SIO_OK
             : store_fail(cs->db, err, "cannot write Crime ID hashes");
    sqlite3_reset(put);
    for (size_t i = 0; i < n; i++)
        h[i] = get_be((const unsigned char *)&h[i]);
    return rc;
}

/* The held hashes as runs of at most RUN_MAX, and the files they key: one
 * transaction. */
static int write_batch(struct crimeset *cs, struct sio_error *err)
{
    sqlite3_stmt *put = NULL, *keyed = NULL;
    size_t first_new = cs->nruns;
    int rc;
    if ((rc = store_begin(cs->db, err)))
        return rc;
    if (!(rc = store_prepare(cs->db, "INSERT INTO crime_keys(hashes) VALUES (?)", &put, err)) &&
        !(rc = store_prepare(cs->db, "INSERT OR IGNORE INTO crime_keyed(file_id) VALUES (?)",
                             &keyed, err))) {
        for (size_t at = 0; !rc && at < cs->recent_n; at += RUN_MAX) {
            size_t n = cs->recent_n - at < RUN_MAX ? cs->recent_n - at : RUN_MAX;
            if (!(rc = write_run(cs, put, cs->recent + at, n, err)))
                rc = runs_add(cs, sqlite3_last_insert_rowid(cs->db), n, err);
        }
        for (size_t i = 0; !rc && i < cs->nfiles; i++) {
            sqlite3_bind_int64(keyed, 1, cs->files[i]);
            rc = sqlite3_step(keyed) == SQLITE_DONE ? SIO_OK
                 : store_fail(cs->db, err, "cannot write Crime ID hashes");
            sqlite3_reset(keyed);
        }
    }
    sqlite3_finalize(put);
    sqlite3_finalize(keyed);
    rc = rc ? rc : store_commit(cs->db, err);
    if (rc) {
        store_rollback(cs->db);
        cs->nruns = first_new;
    }
    return rc;
}

int crimeset_flush(struct crimeset *cs, struct sio_error *err)
{
    if (!sqlite3_get_autocommit(cs->db) || (!cs->recent_n && !cs->nfiles))
        return SIO_OK;
    int rc = recent_merge(cs, err);
    if (rc)
        return rc;
    cs->recent_n = cs->recent_sorted = unique(cs->recent, cs->recent_n);
    rc = write_batch(cs, err);
    if (rc)
        return rc;
    cs->nfiles = 0;
    cs->recent_n = cs->recent_sorted = 0;
    return SIO_OK;
}

void crimeset_file_done(struct crimeset *cs, long long file_id)
{
    long long *files = grow_for_one(cs->files, &cs->files_cap, cs->nfiles, sizeof *files, 64);
    if (!files)
        return; /* the file stays unkeyed: the next open catches it up */
    cs->files = files;
    cs->files[cs->nfiles++] = file_id;
}

int crimeset_flush_full(struct crimeset *cs, struct sio_error *err)
{
    return cs->recent_n >= cs->batch ? crimeset_flush(cs, err) : SIO_OK;
}

size_t crimeset_pending(const struct crimeset *cs)
{
    return cs->recent_n;
}

size_t crimeset_false_maybes(const struct crimeset *cs)
{
    return cs->false_maybes;
}

/* ---- opening: the stored hashes, then the files not yet keyed ---- */

static int load_keys(struct crimeset *cs, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(cs->db, "SELECT run, hashes FROM crime_keys ORDER BY run",
                                 &st, err);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *b = sqlite3_column_blob(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 1) / 8;
        for (size_t i = 0; i < n; i++)
            filter_set(cs, get_be(b + 8 * i));
        rc = runs_add(cs, sqlite3_column_int64(st, 0), n, err);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(cs->db, err, "cannot read the Crime ID hashes");
    sqlite3_finalize(st);
    return rc;
}

/* A stored street row: its Crime ID, if any, joins the set. */
static int row_stored(void *ctx, sqlite3_stmt *row, struct sio_error *err)
{
    if (sqlite3_column_type(row, 0) == SQLITE_NULL)
        return SIO_OK;
    return crimeset_add(ctx, crimeset_hash((const char *)sqlite3_column_blob(row, 0),
                                           (size_t)sqlite3_column_bytes(row, 0)), err);
}

/* Read back the IDs of files committed but not keyed (a run killed before
 * it wrote them), writing a batch whenever one fills. */
static int catch_up(struct crimeset *cs, struct sio_error *err)
{
    struct street_span *files = NULL;
    sqlite3_stmt *by_span = NULL, *by_scan = NULL;
    size_t n;
    /* the committed street files whose hashes are not written (crime_keyed) */
    int rc = street_spans_list(cs->db, "WHERE f.kind = 'street' AND f.superseded_by IS NULL"
                               " AND f.rows_loaded > 0 AND f.id NOT IN"
                               " (SELECT file_id FROM crime_keyed) ORDER BY f.id",
                               &files, &n, err);
    if (!rc && n &&
        !(rc = street_rows_prepare(cs->db, "SELECT crime_id FROM street_coded", "", &by_span,
                                   &by_scan, err)))
        for (size_t i = 0; !rc && i < n; i++) {
            rc = street_rows_each(cs->db, by_span, by_scan, &files[i], row_stored, cs,
                                  "cannot read stored Crime IDs", err);
            if (!rc) {
                crimeset_file_done(cs, files[i].file);
                rc = crimeset_flush_full(cs, err);
            }
        }
    sqlite3_finalize(by_span);
    sqlite3_finalize(by_scan);
    free(files);
    return rc;
}

int crimeset_open(struct crimeset **out, sqlite3 *db, unsigned filter_bits, size_t batch,
                  struct sio_error *err)
{
    struct crimeset *cs;
    int rc;
    *out = NULL;
    if (filter_bits < BLOCK_BITS + 1 || filter_bits > 40)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "a Crime ID filter of 2^%u bits is not "
                        "supported (2^10 to 2^40)", filter_bits);
    if ((cs = aligned_alloc(_Alignof(struct crimeset), sizeof *cs)))
        memset(cs, 0, sizeof *cs);
    if (!cs || !(cs->filter = filter_alloc(filter_bits))) {
        free(cs);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    }
    cs->db = db;
    cs->filter_bits = filter_bits;
    cs->batch = batch;
    if ((rc = load_keys(cs, err)) || (rc = catch_up(cs, err))) {
        crimeset_close(cs);
        return rc;
    }
    *out = cs;
    return SIO_OK;
}

void crimeset_close(struct crimeset *cs)
{
    if (!cs)
        return;
    free(cs->runs);
    free(cs->filter);
    free(cs->recent);
    free(cs->files);
    free(cs);
}
