/*
 * csvin.h — reading CSV rows with everything libcsv leaves to its caller.
 *
 * libcsv parses well but reports no line numbers, keeps a UTF-8 BOM inside
 * the first field, trims spaces, and after a parse error gives up.  csvin
 * wraps it as a pull reader: csvin_next() returns one row at a time with the
 * physical line it starts on, its raw bytes (for the rejects table), and a
 * problem string when the row cannot be trusted: broken quoting, invalid
 * UTF-8, a NUL byte, a blank line or a row longer than CSVIN_MAX_ROW.
 * After a problem the reader carries on at the next line; a quote that
 * never closes costs only the line it opens on (the reader goes back to the
 * line after it when the descriptor can seek; a pipe cannot).  Line 1 also
 * names a file that is not CSV text (UTF-16, gzip, zip) and refuses CR-only
 * line ends.
 *
 * Invariants: fields are returned exactly as published (no trimming); a CRLF
 * or LF line end is never part of a field; a quoted field's embedded CRLF
 * becomes LF.  Lines without a quote take a fast path (a plain split on
 * commas) that gives the same rows as libcsv; csvin_set_fast(in, 0) turns it
 * off so tests can prove that.  Memory is bounded by CSVIN_MAX_ROW whatever
 * the file size.
 */
#ifndef SIO_CSVIN_H
#define SIO_CSVIN_H

#include "sys/error.h"

#include <stddef.h>

#define CSVIN_MAX_FIELDS 64
#define CSVIN_MAX_ROW (1 << 20)   /* a row longer than 1 MiB is rejected */
#define CSVIN_RAW_KEEP 4096       /* raw bytes kept per row for rejects */

struct csvin_row {
    long line;                          /* physical line the row starts on */
    long lines;                         /* physical lines it spans */
    int nfields;                        /* fields in the row (may exceed CSVIN_MAX_FIELDS) */
    const char *field[CSVIN_MAX_FIELDS];/* NUL-terminated, valid until the next call */
    size_t len[CSVIN_MAX_FIELDS];
    const char *raw;                    /* the row's bytes, at most CSVIN_RAW_KEEP */
    size_t raw_len;
    const char *problem;                /* NULL, or why the row cannot be used */
    const void *prep;                   /* what the prep hook made of the row, or NULL */
    size_t prep_len;
};

struct csvin;

/* Open path for reading.  SIO_ENOINPUT when it cannot be opened. */
int csvin_open(struct csvin **in, const char *path, struct sio_error *err);

/* Read from an open descriptor (not closed by csvin); name is for messages. */
int csvin_open_fd(struct csvin **in, int fd, const char *name, struct sio_error *err);

/* Next row into *row.  Returns 1 for a row, 0 at end of file, or -status
 * (e.g. -SIO_EIO) on a read error with err filled. */
int csvin_next(struct csvin *in, struct csvin_row *row, struct sio_error *err);

/* Whether the file began with a UTF-8 byte-order mark (stripped). */
int csvin_had_bom(const struct csvin *in);

/* Bytes consumed so far (for progress). */
long long csvin_offset(const struct csvin *in);

/* 1: use the quote-free fast path (default); 0: libcsv for every line. */
void csvin_set_fast(struct csvin *in, int on);

/* 1: read and parse in a second thread (default), handing rows over in
 * batches, so the caller's work and the parsing use two cores; 0: all in the
 * caller's thread.  The rows are the same either way.  Call before the first
 * csvin_next(). */
void csvin_set_threaded(struct csvin *in, int on);

/* A check run on each row after the header where the row is parsed: in the
 * reader thread when threaded, so that work leaves the caller's core too.
 * fn writes at most CSVIN_PREP_MAX bytes (8-byte aligned) about row to out
 * and returns how many; csvin_next() hands them back with the row (prep,
 * prep_len).  fn must touch nothing the caller's thread uses meanwhile.
 * Set it after csvin_next() has returned the header and before the next
 * call: the header is read in the caller's thread, and the reader thread
 * starts at the next call. */
#define CSVIN_PREP_MAX 512
typedef size_t (*csvin_prep_fn)(void *ctx, const struct csvin_row *row, void *out);
void csvin_set_prep(struct csvin *in, csvin_prep_fn fn, void *ctx);

/* Work on the prep bytes that gains from being done for many rows at once
 * (sio-ingest's Crime ID filter notes, whose memory fetches then overlap):
 * fn(ctx, prep, len) is called for each row's prep bytes, which it may
 * change, in row order and on the prep hook's thread, before the row reaches
 * csvin_next(); then fn(ctx, NULL, 0) says no more rows come before that,
 * so anything held back must be done now.  ctx is the prep hook's.  Set it
 * with the prep hook, before it runs. */
typedef void (*csvin_finish_fn)(void *ctx, void *prep, size_t len);
void csvin_set_prep_finish(struct csvin *in, csvin_finish_fn fn);

/* No more rows are wanted: the reader thread ends and the prep hook's ctx
 * is no longer used.  csvin_had_bom() and csvin_offset() still answer. */
void csvin_halt(struct csvin *in);

/* Start the reader thread now, before any csvin_next(), so that a file is
 * read ahead while the caller finishes another.  The reader parses the
 * header and calls fn(ctx, header) with it, on its own thread; fn may set
 * the prep hook (csvin_set_prep()) for every later row, and must touch
 * nothing else the caller uses meanwhile.  csvin_next() then returns the
 * header and the rows as usual.  Threaded csvins only, before any read. */
typedef void (*csvin_header_fn)(void *ctx, const struct csvin_row *header);
int csvin_start(struct csvin *in, csvin_header_fn fn, void *ctx, struct sio_error *err);

/* Whether the reader thread is running (csvin_start(), or rows read). */
int csvin_reading(const struct csvin *in);

void csvin_close(struct csvin *in);

/* Whether len bytes at s are valid UTF-8 with no NUL; *bad gets the offset
 * of the first bad byte. */
int csvin_utf8_ok(const unsigned char *s, size_t len, size_t *bad);

#endif
