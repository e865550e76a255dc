/*
 * write.h — the composed draft (doc.h) as Markdown and as one
 * self-contained HTML page.
 *
 * Both write to an open stream and return SIO_OK or SIO_EIO; main.c gives
 * them a lib/atomic temporary file so a draft appears whole or not at all.
 * They lay out the blocks compose.c made and add nothing of their own but
 * the page's frame (the classification marking, the HTML head).  The HTML
 * has no scripts and no external references: charts are embedded as data:
 * URIs with their alt text, every string is HTML-escaped, and the analyst's
 * Markdown goes through cmark, which drops raw HTML and unsafe links.
 */
#ifndef SIO_STATEMENT_WRITE_H
#define SIO_STATEMENT_WRITE_H

#include "doc.h"
#include "statement.h"

#include <stdio.h>

int write_markdown(const struct statement *s, const struct doc *d, FILE *out,
                   struct sio_error *err);
int write_html(const struct statement *s, const struct doc *d, FILE *out, struct sio_error *err);

/* text with & < > " ' as entities. */
void write_html_escaped(FILE *out, const char *text);

#endif
