/*
 * doc.h — the draft statement as a list of blocks, composed once
 * (compose.c) and laid out by each writer (write_md.c, write_html.c, and
 * any later format), so every format says exactly the same things.
 *
 * A block is a heading, a paragraph, a "check before publishing" note, an
 * item of a bulleted list (consecutive items make one list), a table, a
 * chart, or the analyst's own Markdown.  Text is plain UTF-8 (writers escape
 * it for their format), except a DOC_MARKDOWN block's, which is Markdown.
 * The doc owns every string it holds; doc_free() releases them.
 */
#ifndef SIO_STATEMENT_DOC_H
#define SIO_STATEMENT_DOC_H

#include <stddef.h>

enum doc_kind {
    DOC_HEADING,    /* level 1..4, text, id (an anchor, may be "") */
    DOC_PARA,       /* text; emphasis: 1 for a quieter, italic paragraph */
    DOC_CHECK,      /* text: something to put right before publishing */
    DOC_ITEM,       /* text: one item of a list (level 1: numbered, else bulleted) */
    DOC_TABLE,      /* text: caption; cells: rows x cols, row 0 the header */
    DOC_CHART,      /* text: alt text; path (to embed) and rel (to link) */
    DOC_MARKDOWN,   /* text: the analyst's Markdown */
};

struct doc_block {
    enum doc_kind kind;
    int level;         /* headings */
    int emphasis;      /* paragraphs */
    char *text;
    char *id;          /* headings: "" or an anchor */
    char *path, *rel;  /* charts */
    char **cells;      /* tables: rows * cols strings */
    int rows, cols;
    unsigned numeric;  /* tables: bit c set when column c holds figures (aligned right) */
};

struct doc {
    struct doc_block *b;
    int n, cap;
    int failed;        /* out of memory at some point: the writers refuse it */
};

/* Append a block; printf-style text.  On failure doc->failed is set and
 * nothing is added (the caller checks doc->failed once, at the end). */
void doc_heading(struct doc *d, int level, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void doc_para(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_quiet(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_check(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_item(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_numbered(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_markdown(struct doc *d, const char *markdown);
void doc_chart(struct doc *d, const char *path, const char *rel, const char *alt);

/* A table of cols columns with a caption and a header row; add its rows
 * with doc_row().  numeric: bit c for each column of figures.  Returns the
 * table's block index, or -1. */
int doc_table(struct doc *d, const char *caption, int cols, unsigned numeric,
              const char *const *header);
/* Append one row of cols cells to table t. */
void doc_row(struct doc *d, int t, const char *const *cells);

void doc_free(struct doc *d);

#endif
