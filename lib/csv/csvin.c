/*
 * csvin.c — a pull reader over libcsv with line numbers and recovery.
 *
 * The file is read in blocks and cut into physical lines with memchr.  Each
 * line is either split directly (no quote in it and a row starts there: the
 * fast path) or fed to libcsv, whose callbacks collect fields into fbuf.
 * Only '\n' ends a record for libcsv (csvin strips the '\r' of CRLF first), so
 * one line ends at most one row, and the row's first line is its line number.
 * A libcsv parse error, a bad byte or an overlong row turns into a row with a
 * problem; the parser is then reset so reading goes on at the next line.
 * When the problem shows up on a later line of a row that a quote kept open
 * (a quote never closed swallows every line after it), only the row's first
 * line is rejected and, if the descriptor can seek, reading goes back to the
 * line after it: one stray quote costs one row, not the rest of the file.
 */
#include "csv/csvin.h"
#include "csv/csvin_pipe.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK (CSVIN_MAX_ROW + 65536)

struct csvin {
    int fd, own_fd;
    long long base;                  /* fd offset at open; -1 when it cannot seek */
    char name[1024];
    struct csv_parser parser;
    int fast;
    int threaded;                    /* parse in a reader thread (csvin_pipe.c) */
    struct csvin_pipe *pipe;         /* that thread, from the second csvin_next() */
    int header_read;                 /* csvin_next() has returned the first row */
    int inline_end;                  /* ... and then 0 or an error, read inline */
    csvin_prep_fn prep_fn;           /* see csvin_set_prep() */
    void *prep_ctx;
    csvin_finish_fn finish_fn;       /* see csvin_set_prep_finish() */
    csvin_header_fn header_fn;       /* see csvin_start(); cleared once called */
    void *header_ctx;
    _Alignas(8) unsigned char prep_buf[CSVIN_PREP_MAX]; /* unthreaded: the last row's */
    unsigned char *buf;              /* read buffer, BLOCK bytes */
    size_t start, end;               /* unread bytes are buf[start..end) */
    int eof, started;
    int had_bom;
    long line_no;                    /* physical lines consumed */
    long long offset;                /* bytes consumed */
    /* the row being built */
    int in_row, row_done, skip_to_eol;
    long row_line, problem_line;
    long long row_next;              /* offset just after the row's first line */
    size_t row_first_len;            /* bytes in the row's first line */
    char *fbuf;                      /* field bytes, each NUL-terminated */
    size_t flen, fcap;
    size_t foff[CSVIN_MAX_FIELDS], fsize[CSVIN_MAX_FIELDS];
    int nfields;
    char raw[CSVIN_RAW_KEEP];
    size_t raw_len, raw_total;
    const char *problem;
    char problem_buf[400];
};

static int is_lf(unsigned char c) { return c == '\n'; }
static int never_space(unsigned char c) { (void)c; return 0; }

static int parser_reset(struct csvin *in)
{
    csv_free(&in->parser);
    if (csv_init(&in->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return -1;
    csv_set_term_func(&in->parser, is_lf);
    csv_set_space_func(&in->parser, never_space);
    return 0;
}

int csvin_open_fd(struct csvin **out, int fd, const char *name, struct sio_error *err)
{
    struct csvin *in = calloc(1, sizeof *in);
    if (!in || !(in->buf = malloc(BLOCK))) {
        free(in);
        return sio_fail(err, SIO_ESOFTWARE, name, 0, "out of memory");
    }
    in->fd = fd;
    in->base = lseek(fd, 0, SEEK_CUR);
    in->fast = 1;
    in->threaded = 1;
    snprintf(in->name, sizeof in->name, "%s", name);
    if (csv_init(&in->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        csvin_close(in);
        return sio_fail(err, SIO_ESOFTWARE, name, 0, "out of memory");
    }
    csv_set_term_func(&in->parser, is_lf);
    csv_set_space_func(&in->parser, never_space);
    *out = in;
    return SIO_OK;
}

int csvin_open(struct csvin **out, const char *path, struct sio_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sio_fail(err, SIO_ENOINPUT, path, 0, "cannot open: %s", strerror(errno));
    int rc = csvin_open_fd(out, fd, path, err);
    if (rc) {
        close(fd);
        return rc;
    }
    (*out)->own_fd = 1;
    return SIO_OK;
}

void csvin_close(struct csvin *in)
{
    if (!in)
        return;
    csvin_pipe_stop(in->pipe);  /* first: the thread uses everything below */
    csv_free(&in->parser);
    if (in->own_fd)
        close(in->fd);
    free(in->buf);
    free(in->fbuf);
    free(in);
}

int csvin_had_bom(const struct csvin *in)
{
    return in->pipe ? csvin_pipe_bom(in->pipe) : in->had_bom;
}

long long csvin_offset(const struct csvin *in)
{
    return in->pipe ? csvin_pipe_offset(in->pipe) : in->offset;
}

int csvin_parse_bom(const struct csvin *in) { return in->had_bom; }
long long csvin_parse_offset(const struct csvin *in) { return in->offset; }
void csvin_set_fast(struct csvin *in, int on) { in->fast = on; }
void csvin_set_threaded(struct csvin *in, int on) { in->threaded = on; }

void csvin_set_prep(struct csvin *in, csvin_prep_fn fn, void *ctx)
{
    in->prep_fn = fn;
    in->prep_ctx = ctx;
}

void csvin_set_prep_finish(struct csvin *in, csvin_finish_fn fn)
{
    in->finish_fn = fn;
}

void csvin_finish(const struct csvin *in, void *prep, size_t len)
{
    if (in->finish_fn)
        in->finish_fn(in->prep_ctx, prep, len);
}

int csvin_has_finish(const struct csvin *in)
{
    return in->finish_fn != NULL;
}

size_t csvin_prep(const struct csvin *in, const struct csvin_row *row, void *out)
{
    return in->prep_fn ? in->prep_fn(in->prep_ctx, row, out) : 0;
}

int csvin_start(struct csvin *in, csvin_header_fn fn, void *ctx, struct sio_error *err)
{
    in->header_fn = fn;
    in->header_ctx = ctx;
    return csvin_pipe_start(&in->pipe, in, err);
}

int csvin_reading(const struct csvin *in)
{
    return in->pipe != NULL;
}

void csvin_header(struct csvin *in, const struct csvin_row *header)
{
    csvin_header_fn fn = in->header_fn;
    in->header_fn = NULL;
    if (fn)
        fn(in->header_ctx, header);
}

int csvin_has_header_hook(const struct csvin *in)
{
    return in->header_fn != NULL;
}

void csvin_halt(struct csvin *in)
{
    csvin_pipe_halt(in->pipe);
    in->prep_fn = NULL;
    in->finish_fn = NULL;
}

int csvin_utf8_ok(const unsigned char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len) {
            unsigned long long w;
            memcpy(&w, s + i, 8);
            /* eight ASCII bytes, none of them NUL */
            if (!(w & 0x8080808080808080ULL) &&
                !((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (c == 0 || n == 0 || i + n > len || (n == 2 && c < 0xC2) ||
            (n == 4 && c > 0xF4)) {
            *bad = i;
            return 0;
        }
        for (size_t k = 1; k < n; k++)
            if ((s[i + k] & 0xC0) != 0x80) {
                *bad = i;
                return 0;
            }
        /* overlong 3-byte forms, surrogates, and code points past U+10FFFF */
        if ((n == 3 && c == 0xE0 && s[i + 1] < 0xA0) || (n == 3 && c == 0xED && s[i + 1] >= 0xA0) ||
            (n == 4 && c == 0xF0 && s[i + 1] < 0x90) || (n == 4 && c == 0xF4 && s[i + 1] >= 0x90)) {
            *bad = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

static int fbuf_reserve(struct csvin *in, size_t more)
{
    if (in->flen + more <= in->fcap)
        return 0;
    size_t cap = in->fcap ? in->fcap : 4096;
    while (cap < in->flen + more)
        cap *= 2;
    char *p = realloc(in->fbuf, cap);
    if (!p)
        return -1;
    in->fbuf = p;
    in->fcap = cap;
    return 0;
}

static void add_field(struct csvin *in, const char *s, size_t len)
{
    if (fbuf_reserve(in, len + 1) != 0) {
        in->problem = "out of memory";
        return;
    }
    if (in->nfields < CSVIN_MAX_FIELDS) {
        in->foff[in->nfields] = in->flen;
        in->fsize[in->nfields] = len;
    }
    if (len)
        memcpy(in->fbuf + in->flen, s, len);
    in->flen += len;
    in->fbuf[in->flen++] = '\0';
    in->nfields++;
}

static void on_field(void *s, size_t len, void *data)
{
    add_field(data, s, len);
}

static void on_row(int c, void *data)
{
    (void)c;
    ((struct csvin *)data)->row_done = 1;
}

/* The first problem found in a row is the one reported. */
__attribute__((format(printf, 2, 3)))
static void set_problem(struct csvin *in, const char *fmt, ...)
{
    va_list ap;
    if (in->problem)
        return;
    va_start(ap, fmt);
    vsnprintf(in->problem_buf, sizeof in->problem_buf, fmt, ap);
    va_end(ap);
    in->problem = in->problem_buf;
    in->problem_line = in->line_no + 1;
}

/* Refill the buffer; returns 0, or -1 with errno set on a read error. */
static int fill(struct csvin *in)
{
    if (in->start > 0) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    while (in->end < BLOCK) {
        /* 64 KiB at a time: the header is read in the caller's thread
         * (csvin_next()), which should not copy in the whole file for it */
        size_t want = BLOCK - in->end < 65536 ? BLOCK - in->end : 65536;
        ssize_t n = read(in->fd, in->buf + in->end, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            in->eof = 1;
            break;
        }
        in->end += (size_t)n;
        if (in->end - in->start >= 65536)
            break;
    }
    if (!in->started && in->end >= 3 && !memcmp(in->buf, "\xEF\xBB\xBF", 3)) {
        in->had_bom = 1;
        in->start = 3;
        in->offset = 3;
    }
    in->started = 1;
    return 0;
}

/* The next physical line: *nl says whether it ended with '\n' (a final line
 * without one counts as ended).  Returns 1, 0 at end of input, -1 on error. */
static int next_line(struct csvin *in, unsigned char **line, size_t *len, int *nl)
{
    for (;;) {
        unsigned char *p = in->buf + in->start;
        size_t avail = in->end - in->start;
        unsigned char *e = avail ? memchr(p, '\n', avail) : NULL;
        if (e || (in->eof && avail) || (!in->eof && avail == BLOCK)) {
            *line = p;
            *len = e ? (size_t)(e - p) + 1 : avail;
            *nl = e || in->eof;
            in->start += *len;
            in->offset += (long long)*len;
            return 1;
        }
        if (in->eof)
            return 0;
        if (fill(in) != 0)
            return -1;
    }
}

static void row_begin(struct csvin *in, size_t first_len)
{
    in->in_row = 1;
    in->row_done = 0;
    in->row_line = in->line_no + 1;
    in->row_next = in->offset;
    in->row_first_len = first_len;
    in->nfields = 0;
    in->flen = 0;
    in->raw_len = in->raw_total = 0;
    in->problem = NULL;
}

static void keep_raw(struct csvin *in, const unsigned char *s, size_t len)
{
    size_t room = CSVIN_RAW_KEEP - in->raw_len;
    size_t n = len < room ? len : room;
    memcpy(in->raw + in->raw_len, s, n);
    in->raw_len += n;
    in->raw_total += len;
}

static void split_plain(struct csvin *in, const unsigned char *s, size_t len)
{
    const unsigned char *end = s + len;
    for (;;) {
        const unsigned char *c = memchr(s, ',', (size_t)(end - s));
        if (!c) {
            add_field(in, (const char *)s, (size_t)(end - s));
            return;
        }
        add_field(in, (const char *)s, (size_t)(c - s));
        s = c + 1;
    }
}

static void feed_libcsv(struct csvin *in, const unsigned char *s, size_t len, int nl)
{
    struct csv_parser *p = &in->parser;
    if (csv_parse(p, s, len, on_field, on_row, in) != len ||
        (nl && csv_parse(p, "\n", 1, on_field, on_row, in) != 1)) {
        set_problem(in, "malformed quoting (a quote inside an unquoted field, "
                        "or text after a closing quote)");
        parser_reset(in);
        in->row_done = 1;
    }
}

static void check_bytes(struct csvin *in, const unsigned char *s, size_t len)
{
    size_t bad;
    if (in->problem || csvin_utf8_ok(s, len, &bad))
        return;
    if (s[bad] == 0)
        set_problem(in, "NUL byte at line %ld, column %zu", in->line_no + 1, bad + 1);
    else
        set_problem(in, "invalid UTF-8 at line %ld, column %zu", in->line_no + 1, bad + 1);
}

/* Line 1 only: name the files that are not CSV text at all, and refuse
 * CR-only line ends, which would make the whole file one line. */
static void check_line_1(struct csvin *in, const unsigned char *s, size_t clen)
{
    static const struct { const char *magic; size_t n; const char *what; } kinds[] = {
        { "\xFF\xFE", 2, "UTF-16 text (a UTF-16 byte-order mark); save it as UTF-8" },
        { "\xFE\xFF", 2, "UTF-16 text (a UTF-16 byte-order mark); save it as UTF-8" },
        { "\x1F\x8B", 2, "gzip-compressed data; unpack it first" },
        { "PK\x03\x04", 4, "a zip archive" },
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (clen >= kinds[i].n && !memcmp(s, kinds[i].magic, kinds[i].n))
            set_problem(in, "not CSV text: %s", kinds[i].what);
    check_bytes(in, s, clen);
    const unsigned char *cr = memchr(s, '\r', clen);
    if (cr)
        set_problem(in, "carriage return without a line feed at line 1, column %zu: "
                        "old Mac (CR only) line ends are not read; use LF or CRLF",
                    (size_t)(cr - s) + 1);
}

/* Take one physical line into the current row; returns 1 when a row is done. */
static int take_line(struct csvin *in, unsigned char *s, size_t len, int nl)
{
    int first = !in->in_row;
    if (first)
        row_begin(in, len);
    keep_raw(in, s, len);
    size_t clen = len;
    if (nl && clen && s[clen - 1] == '\n') clen--;
    if (nl && clen && s[clen - 1] == '\r') clen--;
    if (in->line_no == 0)
        check_line_1(in, s, clen);
    else
        check_bytes(in, s, clen);

    if (first && nl && clen == 0) {
        set_problem(in, "blank line");
        in->row_done = 1;
    } else if (in->raw_total > CSVIN_MAX_ROW || !nl) {
        set_problem(in, "row longer than %d bytes", CSVIN_MAX_ROW);
        parser_reset(in);
        in->skip_to_eol = !nl;
        in->row_done = 1;
    } else if (first && in->fast && !memchr(s, '"', clen)) {
        split_plain(in, s, clen);
        in->row_done = 1;
    } else {
        feed_libcsv(in, s, clen, nl);
    }
    if (nl)
        in->line_no++;
    return in->row_done;
}

static void row_out(struct csvin *in, struct csvin_row *row)
{
    int n = in->nfields < CSVIN_MAX_FIELDS ? in->nfields : CSVIN_MAX_FIELDS;
    row->line = in->row_line;
    /* an overlong line still being skipped is part of the row */
    row->lines = in->line_no + (in->skip_to_eol ? 1 : 0) - in->row_line + 1;
    row->nfields = in->nfields;
    for (int i = 0; i < n; i++) {
        row->field[i] = in->fbuf + in->foff[i];
        row->len[i] = in->fsize[i];
    }
    /* the raw text without its final line end */
    while (in->raw_len && (in->raw[in->raw_len - 1] == '\n' || in->raw[in->raw_len - 1] == '\r'))
        in->raw_len--;
    row->raw = in->raw;
    row->raw_len = in->raw_len;
    row->problem = in->problem;
    if (!row->problem && in->nfields > CSVIN_MAX_FIELDS) {
        snprintf(in->problem_buf, sizeof in->problem_buf, "%d fields, more than the %d "
                 "a row may have", in->nfields, CSVIN_MAX_FIELDS);
        row->problem = in->problem_buf;
    }
    in->in_row = 0;
}

/* A problem found on a later line of a row that a quote held open: keep the
 * row's first line only and read again from the line after it. */
static void rewind_open_quote(struct csvin *in)
{
    char was[200];
    long last = in->line_no + (in->skip_to_eol ? 1 : 0);
    if (!in->problem || in->problem_line <= in->row_line || last <= in->row_line ||
        in->base < 0 ||
        lseek(in->fd, in->base + in->row_next, SEEK_SET) < 0)
        return;
    snprintf(was, sizeof was, "%s", in->problem);
    snprintf(in->problem_buf, sizeof in->problem_buf, "%s; the quote opened on line %ld "
             "is still open at line %ld, so line %ld alone is rejected", was,
             in->row_line, last, in->row_line);
    in->problem = in->problem_buf;
    if (in->raw_len > in->row_first_len)
        in->raw_len = in->row_first_len;
    in->start = in->end = 0;
    in->eof = 0;
    in->offset = in->row_next;
    in->line_no = in->row_line;
    in->skip_to_eol = 0;
    parser_reset(in);
}

/* Skip the rest of an overlong line that was already reported. */
static int skip_rest(struct csvin *in, struct sio_error *err)
{
    unsigned char *s;
    size_t len;
    int nl, rc;
    while (in->skip_to_eol) {
        if ((rc = next_line(in, &s, &len, &nl)) <= 0)
            return rc < 0 ? -sio_fail(err, SIO_EIO, in->name, in->line_no, "read error: %s",
                                      strerror(errno)) : 0;
        if (nl) {
            in->skip_to_eol = 0;
            in->line_no++;
        }
    }
    return 0;
}

int csvin_parse_next(struct csvin *in, struct csvin_row *row, struct sio_error *err)
{
    unsigned char *s;
    size_t len;
    int nl, rc;

    if ((rc = skip_rest(in, err)) < 0)
        return rc;
    for (;;) {
        rc = next_line(in, &s, &len, &nl);
        if (rc < 0)
            return -sio_fail(err, SIO_EIO, in->name, in->line_no + 1, "read error: %s",
                             strerror(errno));
        if (rc == 0)
            break;
        if (take_line(in, s, len, nl)) {
            rewind_open_quote(in);
            row_out(in, row);
            return 1;
        }
    }
    if (!in->in_row)
        return 0;
    /* end of input inside a quoted field */
    set_problem(in, "quoted field not closed by the end of the file");
    parser_reset(in);
    rewind_open_quote(in);
    row_out(in, row);
    return 1;
}

int csvin_next(struct csvin *in, struct csvin_row *row, struct sio_error *err)
{
    int rc;
    /* Inline: every row when unthreaded; the header (the caller chooses the
     * prep hook from it, and the reader thread then starts with the hook in
     * place) unless the thread was started already (csvin_start()); and
     * whatever follows an end or error, which stays put. */
    if (in->pipe)
        return csvin_pipe_next(in->pipe, row, err);
    if (!in->threaded || !in->header_read || in->inline_end) {
        rc = csvin_parse_next(in, row, err);
        in->header_read = 1;
        in->inline_end = in->threaded && rc <= 0;
        row->prep_len = rc == 1 && !in->threaded ? csvin_prep(in, row, in->prep_buf) : 0;
        row->prep = row->prep_len ? in->prep_buf : NULL;
        if (row->prep_len) {
            csvin_finish(in, in->prep_buf, row->prep_len);
            csvin_finish(in, NULL, 0);
        }
        return rc;
    }
    if (!in->pipe && (rc = csvin_pipe_start(&in->pipe, in, err)))
        return -rc;
    return csvin_pipe_next(in->pipe, row, err);
}
