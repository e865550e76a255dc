/*
 * pdf.h — the statement as a PDF: its HTML page printed by Chromium.
 *
 * Chromium (Debian chromium, run headless: statement/browser.c) prints the
 * self-contained HTML with the print stylesheet [statement] print_css
 * (config/statement-print.css: A4, page numbers, charts and table rows never
 * split across pages) and a rule putting the classification marking in the page
 * header and footer of every page.  The charts stay vectors (the page
 * embeds them as SVG), the fonts are embedded, and the PDF is tagged, with
 * each chart's alt text as its alternate description.  With
 * SOURCE_DATE_EPOCH set the file is reproducible: its dates become that
 * date, and the structure ids Chromium numbers from its own counters are
 * numbered afresh in order.
 */
#ifndef SIO_STATEMENT_PDF_H
#define SIO_STATEMENT_PDF_H

#include "office.h"

/* The print copy of the HTML at source (to be named html) as a scratch
 * file, its file:// address in url, and f->out opened for the .pdf beside
 * html: Chromium is then to print url to f->out.tmp. */
int pdf_prepare(struct office_file *f, const struct sio_config *cfg, const char *html,
                const char *source, char *url, size_t url_size, struct sio_error *err);

/* Once Chromium has written the file: check it and make it reproducible. */
int pdf_after(struct office_file *f, struct sio_error *err);

#endif
