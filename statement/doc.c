/*
 * doc.c — the block list (doc.h).
 */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct doc_block *doc_add(struct doc *d, enum doc_kind kind)
{
    if (d->failed)
        return NULL;
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 64;
        struct doc_block *b = realloc(d->b, (size_t)cap * sizeof *b);
        if (!b) {
            d->failed = 1;
            return NULL;
        }
        d->b = b;
        d->cap = cap;
    }
    struct doc_block *b = &d->b[d->n];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

/* Keep the block only when its text was made. */
static void doc_keep(struct doc *d, struct doc_block *b)
{
    if (b && b->text)
        d->n++;
    else if (b)
        d->failed = 1;
}

static char *vtext(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, again);
    va_end(again);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

#define DOC_TEXT_BLOCK(d, kind, fmt, then)          \
    do {                                            \
        va_list ap;                                 \
        struct doc_block *b = doc_add((d), (kind)); \
        if (!b)                                     \
            return;                                 \
        va_start(ap, fmt);                          \
        b->text = vtext(fmt, ap);                   \
        va_end(ap);                                 \
        then;                                       \
        doc_keep((d), b);                           \
    } while (0)

void doc_heading(struct doc *d, int level, const char *id, const char *fmt, ...)
{
    DOC_TEXT_BLOCK(d, DOC_HEADING, fmt, (b->level = level, b->id = strdup(id ? id : "")));
}

void doc_para(struct doc *d, const char *fmt, ...)
{
    DOC_TEXT_BLOCK(d, DOC_PARA, fmt, (void)0);
}

void doc_quiet(struct doc *d, const char *fmt, ...)
{
    DOC_TEXT_BLOCK(d, DOC_PARA, fmt, b->emphasis = 1);
}

void doc_check(struct doc *d, const char *fmt, ...)
{
    DOC_TEXT_BLOCK(d, DOC_CHECK, fmt, (void)0);
}

void doc_item(struct doc *d, const char *fmt, ...)
{
    DOC_TEXT_BLOCK(d, DOC_ITEM, fmt, (void)0);
}

void doc_numbered(struct doc *d, const char *fmt, ...)
{
    DOC_TEXT_BLOCK(d, DOC_ITEM, fmt, b->level = 1);
}

void doc_markdown(struct doc *d, const char *markdown)
{
    struct doc_block *b = doc_add(d, DOC_MARKDOWN);
    if (b)
        b->text = strdup(markdown);
    doc_keep(d, b);
}

void doc_chart(struct doc *d, const char *path, const char *rel, const char *alt)
{
    struct doc_block *b = doc_add(d, DOC_CHART);
    if (!b)
        return;
    b->text = strdup(alt);
    b->path = strdup(path);
    b->rel = strdup(rel);
    if (!b->path || !b->rel) {
        free(b->text);
        b->text = NULL;
    }
    doc_keep(d, b);
}

int doc_table(struct doc *d, const char *caption, int cols, unsigned numeric,
              const char *const *header)
{
    struct doc_block *b = doc_add(d, DOC_TABLE);
    if (!b)
        return -1;
    b->text = strdup(caption);
    b->cols = cols;
    b->numeric = numeric;
    doc_keep(d, b);
    if (d->failed)
        return -1;
    doc_row(d, d->n - 1, header);
    return d->n - 1;
}

void doc_row(struct doc *d, int t, const char *const *cells)
{
    struct doc_block *b;
    char **more;

    if (d->failed || t < 0)
        return;
    b = &d->b[t];
    more = realloc(b->cells, (size_t)(b->rows + 1) * (size_t)b->cols * sizeof *more);
    if (!more) {
        d->failed = 1;
        return;
    }
    b->cells = more;
    for (int c = 0; c < b->cols; c++)
        if (!(more[b->rows * b->cols + c] = strdup(cells[c] ? cells[c] : "")))
            d->failed = 1;
    b->rows++;
}

void doc_free(struct doc *d)
{
    for (int i = 0; i < d->n; i++) {
        struct doc_block *b = &d->b[i];
        free(b->text);
        free(b->id);
        free(b->path);
        free(b->rel);
        for (int c = 0; c < b->rows * b->cols; c++)
            free(b->cells[c]);
        free(b->cells);
    }
    free(d->b);
    memset(d, 0, sizeof *d);
}
