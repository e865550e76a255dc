/*
 * write.h — the statement as Markdown and as one self-contained HTML page.
 *
 * Both write to an open stream and return SIO_OK or SIO_EIO; main.c gives
 * them a lib/atomic temporary file so a draft appears whole or not at all.
 * The HTML has no scripts and no external references: charts are embedded
 * as data: URIs with their alt text, every string from the store, the
 * config or the analyst file is HTML-escaped (the analyst's Markdown goes
 * through cmark, which drops raw HTML and unsafe links).
 */
#ifndef SIO_STATEMENT_WRITE_H
#define SIO_STATEMENT_WRITE_H

#include "statement.h"

#include <stdio.h>

int write_markdown(const struct statement *s, FILE *out, struct sio_error *err);
int write_html(const struct statement *s, FILE *out, struct sio_error *err);

/* text with & < > " ' as entities. */
void write_html_escaped(FILE *out, const char *text);

#endif
