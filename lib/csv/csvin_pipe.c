/*
 * csvin_pipe.c — csvin's reader thread and its ring of row batches.
 *
 * The producer owns the csvin (descriptor, buffer, libcsv) from the first
 * csvin_next() on; the caller's thread only reads published batches.  A batch
 * holds records laid end to end: a struct rec, the lengths of the stored
 * fields, the raw bytes, the problem text and the fields, each NUL-ended.
 * The last record of a file is an end (status 0) or an error (-status, with
 * pipe->err filled before it is published).  One mutex and one condition
 * variable order everything: a batch's bytes, its BOM flag and the error are
 * written before the batch is published and read after it is taken.
 * A batch is given back when the caller asks for the row after its last, so
 * the row pointers csvin_next() returned stay valid until the next call.
 * The caller reads the header itself (csvin.c), so the producer starts with
 * the prep hook already set; or, started early (csvin_start()), the producer
 * reads the header, hands it to the header hook, which sets the prep hook,
 * and publishes it as the first row.  The first batches are small and each is at
 * most twice the last (CSVIN_PIPE_FIRST up to CSVIN_PIPE_BYTES): the caller
 * gets its first rows after a few dozen have been parsed rather than a
 * batch's worth, and the producer, the faster of the two, is ahead by the
 * time the batches are full size.
 */
#include "csv/csvin_pipe.h"
#include "sys/worker.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct rec {
    long line, lines;
    long long end;            /* csvin offset after the row */
    int status;               /* 1: a row; 0: end of input; -status: an error */
    int nfields, nstored, has_problem;
    uint32_t raw_len, problem_len, size, prep_len;
    uint32_t len[];           /* nstored field lengths, then (8-aligned) the prep
                                 bytes, the raw bytes, the problem, the fields */
};

struct batch {
    char *buf;
    size_t cap, used;
    size_t limit;             /* fill to at most this, unless one record is more */
    int bom;
};

struct csvin_pipe {
    struct csvin *in;
    struct worker_job job;    /* the producer, on a pooled thread (worker.h) */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct batch b[CSVIN_PIPE_BATCHES];
    int filled;               /* published and not yet given back */
    int stop;                 /* the caller is closing: the producer should end */
    struct sio_error err;     /* the producer's error, before its error record */
    int halted;               /* joined */
    int p;                    /* producer: the batch it fills next */
    size_t limit;             /* producer: the next batch's fill limit */
    size_t prep_len;          /* producer: the pending row's prep bytes ... */
    _Alignas(8) unsigned char prep[CSVIN_PREP_MAX]; /* ... these */
    /* the caller's side */
    int c, holding, ended, end_status, bom;
    size_t cursor;
    long long offset;
};

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

/* Where a record's prep bytes start: after its field lengths. */
static size_t prep_at(int nstored)
{
    return align8(sizeof(struct rec) + (size_t)nstored * sizeof(uint32_t));
}

static size_t rec_size(const struct csvin_row *row, int status, size_t prep_len)
{
    size_t n = sizeof(struct rec);
    if (status != 1)
        return align8(n);
    int stored = row->nfields < CSVIN_MAX_FIELDS ? row->nfields : CSVIN_MAX_FIELDS;
    n = prep_at(stored) + align8(prep_len) + row->raw_len;
    if (row->problem)
        n += strlen(row->problem) + 1;
    for (int i = 0; i < stored; i++)
        n += row->len[i] + 1;
    return align8(n);
}

static void rec_write(char *at, const struct csvin_row *row, int status, long long end,
                      size_t size, const void *prep, size_t prep_len)
{
    struct rec *r = (struct rec *)(void *)at;
    memset(r, 0, sizeof *r);
    r->status = status;
    r->end = end;
    r->size = (uint32_t)size;
    if (status != 1)
        return;
    r->line = row->line;
    r->lines = row->lines;
    r->nfields = row->nfields;
    r->nstored = row->nfields < CSVIN_MAX_FIELDS ? row->nfields : CSVIN_MAX_FIELDS;
    r->raw_len = (uint32_t)row->raw_len;
    r->has_problem = row->problem != NULL;
    r->prep_len = (uint32_t)prep_len;
    char *p = at + prep_at(r->nstored);
    if (prep_len)
        memcpy(p, prep, prep_len);
    p += align8(prep_len);
    memcpy(p, row->raw, row->raw_len);
    p += row->raw_len;
    if (row->problem) {
        r->problem_len = (uint32_t)strlen(row->problem);
        memcpy(p, row->problem, r->problem_len + 1);
        p += r->problem_len + 1;
    }
    for (int i = 0; i < r->nstored; i++) {
        r->len[i] = (uint32_t)row->len[i];
        memcpy(p, row->field[i], row->len[i]);
        p[row->len[i]] = '\0';
        p += row->len[i] + 1;
    }
}

/* Append a record; 0 when it does not fit (the batch is not empty), -1 when
 * an empty batch cannot grow to hold it. */
static int batch_add(struct batch *b, const struct csvin_row *row, int status, long long end,
                     const void *prep, size_t prep_len)
{
    size_t size = rec_size(row, status, prep_len);
    if (b->used && b->used + size > b->limit)
        return 0;
    if (b->used + size > b->cap) {
        if (b->used)
            return 0;
        char *grown = realloc(b->buf, size);
        if (!grown)
            return -1;
        b->buf = grown;
        b->cap = size;
    }
    rec_write(b->buf + b->used, row, status, end, size, prep, prep_len);
    b->used += size;
    return 1;
}

/* Wait for a free batch; 1 when the caller asked the producer to stop. */
static int wait_free(struct csvin_pipe *pp)
{
    pthread_mutex_lock(&pp->mu);
    while (pp->filled == CSVIN_PIPE_BATCHES && !pp->stop)
        pthread_cond_wait(&pp->cv, &pp->mu);
    int stop = pp->stop;
    pthread_mutex_unlock(&pp->mu);
    return stop;
}

static void publish(struct csvin_pipe *pp, struct batch *b)
{
    pthread_mutex_lock(&pp->mu);
    b->bom = csvin_parse_bom(pp->in);
    pp->filled++;
    pthread_cond_signal(&pp->cv);
    pthread_mutex_unlock(&pp->mu);
}

/* Fill batch b; returns 1 when the input is finished.  *pending: a row
 * parsed but not yet added (row, *status and pp->prep hold it). */
static int fill_batch(struct csvin_pipe *pp, struct batch *b, struct csvin_row *row,
                      int *status, int *pending)
{
    for (;;) {
        if (!*pending) {
            int header = csvin_has_header_hook(pp->in); /* the first row, then */
            *status = csvin_parse_next(pp->in, row, &pp->err);
            pp->prep_len = *status == 1 && !header ? csvin_prep(pp->in, row, pp->prep) : 0;
            if (header && *status == 1)
                csvin_header(pp->in, row); /* may set the prep hook for the rows after */
            *pending = 1;
        }
        int added = batch_add(b, row, *status, csvin_parse_offset(pp->in), pp->prep,
                              pp->prep_len);
        if (added == 0)
            return 0;
        if (added < 0) {
            *status = -sio_fail(&pp->err, SIO_ESOFTWARE, NULL, 0, "out of memory for a row");
            continue;  /* an error record always fits */
        }
        *pending = 0;
        if (*status <= 0)
            return 1;
    }
}

/* The finish hook over a batch's rows, in order, and then its end. */
static void finish_batch(struct csvin_pipe *pp, struct batch *b)
{
    if (!csvin_has_finish(pp->in))
        return;
    for (size_t at = 0; at < b->used;) {
        struct rec *r = (struct rec *)(void *)(b->buf + at);
        if (r->status == 1 && r->prep_len)
            csvin_finish(pp->in, b->buf + at + prep_at(r->nstored), r->prep_len);
        at += r->size;
    }
    csvin_finish(pp->in, NULL, 0);
}

static void produce(void *arg)
{
    struct csvin_pipe *pp = arg;
    struct csvin_row row;
    int status = 0, pending = 0, done = 0;
    while (!done && !wait_free(pp)) {
        struct batch *b = &pp->b[pp->p];
        b->used = 0;
        b->limit = pp->limit;
        pp->limit = pp->limit * 2 < CSVIN_PIPE_BYTES ? pp->limit * 2 : CSVIN_PIPE_BYTES;
        done = fill_batch(pp, b, &row, &status, &pending);
        finish_batch(pp, b);
        publish(pp, b);
        pp->p = (pp->p + 1) % CSVIN_PIPE_BATCHES;
    }
}

int csvin_pipe_start(struct csvin_pipe **out, struct csvin *in, struct sio_error *err)
{
    struct csvin_pipe *pp = calloc(1, sizeof *pp);
    int ok = pp != NULL;
    for (int i = 0; ok && i < CSVIN_PIPE_BATCHES; i++) {
        pp->b[i].cap = CSVIN_PIPE_BYTES;
        ok = (pp->b[i].buf = malloc(CSVIN_PIPE_BYTES)) != NULL;
    }
    if (ok) {
        pp->in = in;
        pp->limit = CSVIN_PIPE_FIRST;
        pp->offset = csvin_parse_offset(in);
        pp->bom = csvin_parse_bom(in);
        pthread_mutex_init(&pp->mu, NULL);
        pthread_cond_init(&pp->cv, NULL);
        ok = worker_start(&pp->job, produce, pp) == 0;
        if (!ok) {
            pthread_mutex_destroy(&pp->mu);
            pthread_cond_destroy(&pp->cv);
        }
    }
    if (!ok) {
        for (int i = 0; pp && i < CSVIN_PIPE_BATCHES; i++)
            free(pp->b[i].buf);
        free(pp);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "cannot start the CSV reader thread");
    }
    *out = pp;
    return SIO_OK;
}

/* Make pp->b[pp->c] a batch with a record at the cursor. */
static void take_batch(struct csvin_pipe *pp)
{
    if (pp->holding && pp->cursor < pp->b[pp->c].used)
        return;
    pthread_mutex_lock(&pp->mu);
    if (pp->holding) {
        pp->filled--;
        pp->c = (pp->c + 1) % CSVIN_PIPE_BATCHES;
        pthread_cond_signal(&pp->cv);
    }
    while (pp->filled == 0)
        pthread_cond_wait(&pp->cv, &pp->mu);
    pp->bom = pp->b[pp->c].bom;
    pthread_mutex_unlock(&pp->mu);
    pp->holding = 1;
    pp->cursor = 0;
}

static void row_from(const struct rec *r, struct csvin_row *row)
{
    const char *p = (const char *)r + prep_at(r->nstored);
    row->prep = r->prep_len ? p : NULL;
    row->prep_len = r->prep_len;
    p += align8(r->prep_len);
    row->line = r->line;
    row->lines = r->lines;
    row->nfields = r->nfields;
    row->raw = p;
    row->raw_len = r->raw_len;
    p += r->raw_len;
    row->problem = r->has_problem ? p : NULL;
    p += r->has_problem ? r->problem_len + 1 : 0;
    for (int i = 0; i < r->nstored; i++) {
        row->field[i] = p;
        row->len[i] = r->len[i];
        p += r->len[i] + 1;
    }
}

int csvin_pipe_next(struct csvin_pipe *pp, struct csvin_row *row, struct sio_error *err)
{
    if (!pp->ended) {
        take_batch(pp);
        const struct rec *r = (const void *)(pp->b[pp->c].buf + pp->cursor);
        pp->cursor += r->size;
        pp->offset = r->end;
        if (r->status == 1) {
            row_from(r, row);
            return 1;
        }
        pp->ended = 1;
        pp->end_status = r->status;
    }
    if (pp->end_status < 0)
        *err = pp->err;
    return pp->end_status;
}

int csvin_pipe_bom(const struct csvin_pipe *pp) { return pp->bom; }
long long csvin_pipe_offset(const struct csvin_pipe *pp) { return pp->offset; }

void csvin_pipe_halt(struct csvin_pipe *pp)
{
    if (!pp || pp->halted)
        return;
    pthread_mutex_lock(&pp->mu);
    pp->stop = 1;
    pthread_cond_signal(&pp->cv);
    pthread_mutex_unlock(&pp->mu);
    worker_wait(&pp->job);
    pp->halted = 1;
}

void csvin_pipe_stop(struct csvin_pipe *pp)
{
    if (!pp)
        return;
    csvin_pipe_halt(pp);
    pthread_mutex_destroy(&pp->mu);
    pthread_cond_destroy(&pp->cv);
    for (int i = 0; i < CSVIN_PIPE_BATCHES; i++)
        free(pp->b[i].buf);
    free(pp);
}
