/*
 * csvin_check.h — what must hold for every row lib/csv/csvin.c returns, whatever
 * the bytes.  Shared by the libFuzzer harness (tests/fuzz/fuzz_csvin.c) and
 * the unit test that replays its past findings (test_fuzz_regressions.c).
 *
 * csvin_check_read() reads a whole descriptor and checks each row:
 *   - line >= 1, lines >= 1, and rows do not overlap (line >= previous line
 *     + previous lines), so line numbers only increase;
 *   - raw_len <= CSVIN_RAW_KEEP and raw has no line end at its end;
 *   - nfields >= 0; a row without a problem has 1..CSVIN_MAX_FIELDS fields,
 *     each NUL-terminated at its length and valid UTF-8 without a NUL;
 *   - a problem is a non-empty string;
 *   - no more rows than line ends + 1.
 * It also writes the rows into a log so that the fast path and the
 * libcsv-only path can be compared byte for byte (csvin.h promises the same
 * rows).  Functions return NULL when all is well, else what went wrong.
 */
#ifndef SIO_CSVIN_CHECK_H
#define SIO_CSVIN_CHECK_H

#include "csv/csvin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every row, serialised: a growable byte buffer. */
struct rowlog {
    char *buf;
    size_t len, cap;
};

static inline void rowlog_add(struct rowlog *log, const void *p, size_t n)
{
    if (log->len + n > log->cap) {
        size_t cap = log->cap ? log->cap : 4096;
        while (cap < log->len + n)
            cap *= 2;
        char *b = realloc(log->buf, cap);
        if (!b)
            abort();
        log->buf = b;
        log->cap = cap;
    }
    memcpy(log->buf + log->len, p, n);
    log->len += n;
}

static inline void rowlog_row(struct rowlog *log, const struct csvin_row *r)
{
    int n = r->nfields < CSVIN_MAX_FIELDS ? r->nfields : CSVIN_MAX_FIELDS;
    rowlog_add(log, &r->line, sizeof r->line);
    rowlog_add(log, &r->lines, sizeof r->lines);
    rowlog_add(log, &r->nfields, sizeof r->nfields);
    rowlog_add(log, &r->raw_len, sizeof r->raw_len);
    rowlog_add(log, r->raw, r->raw_len);
    rowlog_add(log, r->problem ? r->problem : "", r->problem ? strlen(r->problem) + 1 : 1);
    for (int i = 0; i < n; i++) {
        rowlog_add(log, &r->len[i], sizeof r->len[i]);
        rowlog_add(log, r->field[i], r->len[i]);
    }
}

static inline void rowlog_free(struct rowlog *log)
{
    free(log->buf);
    memset(log, 0, sizeof *log);
}

/* One row against the invariants above; prev_end is the first line after
 * the previous row (1 before the first row). */
static inline const char *csvin_check_row(const struct csvin_row *r, long prev_end)
{
    size_t bad;
    if (r->line < 1 || r->lines < 1)
        return "row line or line count below 1";
    if (r->line < prev_end)
        return "row starts before the previous row ends";
    if (r->raw_len > CSVIN_RAW_KEEP)
        return "raw text longer than CSVIN_RAW_KEEP";
    if (r->raw_len && (r->raw[r->raw_len - 1] == '\n' || r->raw[r->raw_len - 1] == '\r'))
        return "raw text keeps its line end";
    if (r->nfields < 0)
        return "negative field count";
    if (r->problem)
        return r->problem[0] ? NULL : "empty problem string";
    if (r->nfields < 1 || r->nfields > CSVIN_MAX_FIELDS)
        return "usable row with a field count out of range";
    for (int i = 0; i < r->nfields; i++) {
        if (r->field[i][r->len[i]] != '\0')
            return "field not NUL-terminated at its length";
        if (!csvin_utf8_ok((const unsigned char *)r->field[i], r->len[i], &bad))
            return "usable row with a field that is not UTF-8 or holds a NUL";
    }
    return NULL;
}

/* Read all of fd (fast path on or off) into log; max_rows bounds the count. */
static inline const char *csvin_check_read(int fd, int fast, long max_rows, struct rowlog *log)
{
    struct csvin *in;
    struct csvin_row r;
    struct sio_error err;
    const char *why = NULL;
    long prev_end = 1, rows = 0;
    int got;

    if (csvin_open_fd(&in, fd, "fuzz", &err) != SIO_OK)
        return "csvin_open_fd failed";
    csvin_set_fast(in, fast);
    while (!why && (got = csvin_next(in, &r, &err)) == 1) {
        why = csvin_check_row(&r, prev_end);
        prev_end = r.line + r.lines;
        if (!why && ++rows > max_rows)
            why = "more rows than line ends + 1";
        rowlog_row(log, &r);
    }
    if (!why && got < 0)
        why = "read error";
    csvin_close(in);
    return why;
}

/* Line ends in data: a bound on the number of rows. */
static inline long csvin_check_max_rows(const unsigned char *data, size_t size)
{
    long n = 1;
    for (size_t i = 0; i < size; i++)
        n += data[i] == '\n';
    return n;
}

#endif
