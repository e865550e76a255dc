/*
 * crimeset.c — a Bloom filter over crime_keys, and the hashes not yet in it.
 *
 * The filter is blocked: each hash sets CRIMESET_PROBES bits inside one
 * 512-bit block (one cache line), so a lookup costs one cache miss rather than
 * one per bit; the block comes from the hash's top bits and the bits within
 * it from its low 32 (see salt[]).  Hash 0
 * never occurs (crimeset_hash() maps it to 1), so code keyed by it can use 0
 * for "empty".
 *
 * Other processes may load street files into the same store at the same
 * time (each file in a transaction of its own, BEGIN IMMEDIATE, so one at a
 * time).  crimeset_refresh(), at the start of each street file's
 * transaction, reads what they have stored since this set last looked: new
 * runs of crime_keys, and street files not yet keyed (their hashes still in
 * the other process's memory), read back from street.  Their hashes join
 * runs[] and recent[] at once, for crimeset_confirm(), but the filter only
 * at crimeset_merge(), as a reader thread may be noting in it meanwhile;
 * until then crimeset_foreign() answers for them.  known_file and max_run
 * say how far the set has looked: every street file up to known_file is in
 * it (read back, this set's own, or keyed in a run read or above max_run).
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
    long long max_run;       /* the highest crime_keys run read from the store */
    long long known_file;    /* street files up to this files.id are in the set */
    long long *own_runs;     /* runs this set wrote since it last read the store's */
    size_t n_own_runs, own_runs_cap;
    uint64_t *foreign;       /* hashes read back from other processes' files, ... */
    size_t n_foreign, foreign_cap;
    int foreign_sorted;
    struct run *foreign_runs; /* ... and their runs, not yet in the filter */
    size_t n_foreign_runs, foreign_runs_cap;
    /* reading the store again at every street file: prepared once */
    sqlite3_stmt *last_st, *runs_st, *spans_st;
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

static int run_append(struct run **runs, size_t *cap, size_t *n, long long id, size_t len,
                      struct sio_error *err)
{
    struct run *more = grow_for_one(*runs, cap, *n, sizeof *more, 16);
    if (!more)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    *runs = more;
    (*runs)[(*n)++] = (struct run){ id, len };
    return SIO_OK;
}

static int runs_add(struct crimeset *cs, long long id, size_t n, struct sio_error *err)
{
    return run_append(&cs->runs, &cs->runs_cap, &cs->nruns, id, n, err);
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
    /* crimeset_refresh() must not read these back as another's */
    for (size_t i = first_new; !rc && i < cs->nruns; i++) {
        long long *own = grow_for_one(cs->own_runs, &cs->own_runs_cap, cs->n_own_runs,
                                      sizeof *own, 16);
        if (!own)
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
        cs->own_runs = own;
        cs->own_runs[cs->n_own_runs++] = cs->runs[i].id;
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

/* ---- reading the store: its runs, then the files not yet keyed ---- */

/* A hash another process stored: into the filter now (defer 0: no reader
 * can be using it), or into foreign[] for crimeset_merge(). */
static int learn(struct crimeset *cs, uint64_t h, int defer, struct sio_error *err)
{
    if (!defer) {
        filter_set(cs, h);
        return SIO_OK;
    }
    uint64_t *more = grow_for_one(cs->foreign, &cs->foreign_cap, cs->n_foreign, sizeof *more,
                                  1024);
    if (!more)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
    cs->foreign = more;
    cs->foreign[cs->n_foreign++] = h;
    cs->foreign_sorted = 0;
    return SIO_OK;
}

static int own_run(const struct crimeset *cs, long long id)
{
    for (size_t i = 0; i < cs->n_own_runs; i++)
        if (cs->own_runs[i] == id)
            return 1;
    return 0;
}

/* *st, prepared from sql on first use. */
static int cached(struct crimeset *cs, sqlite3_stmt **st, const char *sql,
                  struct sio_error *err)
{
    return *st ? SIO_OK : store_prepare(cs->db, sql, st, err);
}

/* The runs of crime_keys after max_run that this set did not write. */
static int load_runs(struct crimeset *cs, int defer, struct sio_error *err)
{
    int step, rc = cached(cs, &cs->runs_st, "SELECT run, hashes FROM crime_keys WHERE run > ?"
                                            " ORDER BY run", err);
    sqlite3_stmt *st = cs->runs_st;
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, cs->max_run);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(st, 0);
        const unsigned char *b = sqlite3_column_blob(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 1) / 8;
        cs->max_run = id;
        if (own_run(cs, id))
            continue;
        for (size_t i = 0; !defer && i < n; i++)
            filter_set(cs, get_be(b + 8 * i));
        if (!(rc = runs_add(cs, id, n, err)) && defer)
            rc = run_append(&cs->foreign_runs, &cs->foreign_runs_cap, &cs->n_foreign_runs, id,
                            n, err);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(cs->db, err, "cannot read the Crime ID hashes");
    sqlite3_reset(st);
    cs->n_own_runs = 0;
    return rc;
}

struct reading {
    struct crimeset *cs;
    int defer;
};

/* A stored street row: its Crime ID, if any, joins the set. */
static int row_stored(void *ctx, sqlite3_stmt *row, struct sio_error *err)
{
    const struct reading *r = ctx;
    if (sqlite3_column_type(row, 0) == SQLITE_NULL)
        return SIO_OK;
    uint64_t h = crimeset_hash((const char *)sqlite3_column_blob(row, 0),
                               (size_t)sqlite3_column_bytes(row, 0));
    int rc = recent_add(r->cs, h, err);
    return rc ? rc : learn(r->cs, h, r->defer, err);
}

/* Whether file id is one this set holds the hashes of, not yet keyed. */
static int pending_file(const struct crimeset *cs, long long id)
{
    for (size_t i = 0; i < cs->nfiles; i++)
        if (cs->files[i] == id)
            return 1;
    return 0;
}

/* The highest files.id but own's, into *id (0: none): from the top, so it
 * reads a row or two whatever the store. */
static int last_file(struct crimeset *cs, long long own, long long *id, struct sio_error *err)
{
    int step, rc = cached(cs, &cs->last_st, "SELECT id FROM files WHERE id <> ?"
                                            " ORDER BY id DESC LIMIT 1", err);
    if (rc)
        return rc;
    sqlite3_bind_int64(cs->last_st, 1, own);
    *id = (step = sqlite3_step(cs->last_st)) == SQLITE_ROW ? sqlite3_column_int64(cs->last_st, 0)
                                                           : 0;
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = store_fail(cs->db, err, "cannot read the files");
    sqlite3_reset(cs->last_st);
    return rc;
}

/* Read back the IDs of street files after known_file, up to upto, that are
 * committed but not keyed and not own (the file being loaded): a run killed
 * before it wrote them, or another process's.  Outside a transaction a
 * batch is written whenever one fills. */
static int catch_up(struct crimeset *cs, long long upto, long long own, int defer,
                    struct sio_error *err)
{
    struct street_span *files = NULL;
    sqlite3_stmt *by_span = NULL, *by_scan = NULL;
    struct reading ctx = { cs, defer };
    size_t n = 0;
    /* +f.kind: by rowid from known_file, not every street file by kind */
    int rc = cached(cs, &cs->spans_st, STREET_SPAN_SELECT " WHERE +f.kind = 'street'"
                    " AND f.superseded_by IS NULL AND f.rows_loaded > 0 AND f.id > ?1"
                    " AND f.id <= ?2 AND f.id <> ?3 AND f.id NOT IN"
                    " (SELECT file_id FROM crime_keyed) ORDER BY f.id", err);
    if (!rc) {
        sqlite3_bind_int64(cs->spans_st, 1, cs->known_file);
        sqlite3_bind_int64(cs->spans_st, 2, upto);
        sqlite3_bind_int64(cs->spans_st, 3, own);
        rc = street_spans_collect(cs->db, cs->spans_st, &files, &n, err);
    }
    size_t keep = 0; /* leave out this set's own, committed since it last looked */
    for (size_t i = 0; !rc && i < n; i++)
        if (!pending_file(cs, files[i].file))
            files[keep++] = files[i];
    if (!rc && keep &&
        !(rc = street_rows_prepare(cs->db, "SELECT crime_id FROM street_coded", "", &by_span,
                                   &by_scan, err)))
        for (size_t i = 0; !rc && i < keep; i++) {
            rc = street_rows_each(cs->db, by_span, by_scan, &files[i], row_stored, &ctx,
                                  "cannot read stored Crime IDs", err);
            if (!rc) {
                crimeset_file_done(cs, files[i].file);
                rc = crimeset_flush_full(cs, err);
            }
        }
    sqlite3_finalize(by_span);
    sqlite3_finalize(by_scan);
    free(files);
    if (!rc)
        cs->known_file = upto;
    return rc;
}

/* Everything stored so far: the files up to the last (read first, so that
 * a run keying later files, written meanwhile, is above max_run), the runs,
 * then the files not keyed. */
static int read_store(struct crimeset *cs, long long own, int defer, struct sio_error *err)
{
    long long upto = 0;
    int rc;
    if ((rc = last_file(cs, own, &upto, err)) || (rc = load_runs(cs, defer, err)))
        return rc;
    return catch_up(cs, upto, own, defer, err);
}

int crimeset_refresh(struct crimeset *cs, long long own, int *foreign, struct sio_error *err)
{
    int rc = read_store(cs, own, 1, err);
    *foreign = cs->n_foreign > 0 || cs->n_foreign_runs > 0;
    return rc;
}

int crimeset_foreign(struct crimeset *cs, uint64_t h, struct sio_error *err)
{
    if (!cs->foreign_sorted && cs->n_foreign) {
        uint64_t *tmp = malloc(cs->n_foreign * sizeof *tmp);
        if (!tmp)
            return -sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for the Crime ID set");
        radix_sort(cs->foreign, tmp, cs->n_foreign);
        free(tmp);
        cs->foreign_sorted = 1;
    }
    size_t lo = 0, hi = cs->n_foreign;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cs->foreign[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < cs->n_foreign && cs->foreign[lo] == h)
        return 1;
    for (size_t i = 0; i < cs->n_foreign_runs; i++) {
        int got = run_has(cs, &cs->foreign_runs[i], h, err);
        if (got)
            return got;
    }
    return 0;
}

/* Run r's hashes into the filter. */
static int filter_run(struct crimeset *cs, const struct run *r, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(cs->db, "SELECT hashes FROM crime_keys WHERE run = ?", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, r->id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *b = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0) / 8;
        for (size_t i = 0; i < n; i++)
            filter_set(cs, get_be(b + 8 * i));
    } else {
        rc = store_fail(cs->db, err, "cannot read the Crime ID hashes");
    }
    sqlite3_finalize(st);
    return rc;
}

int crimeset_merge(struct crimeset *cs, struct sio_error *err)
{
    int rc = SIO_OK;
    for (size_t i = 0; !rc && i < cs->n_foreign_runs; i++)
        rc = filter_run(cs, &cs->foreign_runs[i], err);
    if (rc)
        return rc;
    for (size_t i = 0; i < cs->n_foreign; i++)
        filter_set(cs, cs->foreign[i]);
    cs->n_foreign = cs->n_foreign_runs = 0;
    return SIO_OK;
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
    if ((rc = read_store(cs, 0, 0, err))) {
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
    free(cs->own_runs);
    free(cs->foreign);
    free(cs->foreign_runs);
    sqlite3_finalize(cs->last_st);
    sqlite3_finalize(cs->runs_st);
    sqlite3_finalize(cs->spans_st);
    free(cs);
}
