/*
 * docx.h — the statement as a Word document, made by pandoc from its
 * Markdown with the house style of a reference document.
 *
 * pandoc (Debian pandoc) turns "#" headings into Word's Heading 1-3 styles
 * (so the navigation pane lists the sections), pipe tables into Word tables
 * whose first row is a header row repeated on each page, and each chart into
 * a picture whose description (alt text) is the chart's alt text.  The page
 * size, margins, fonts, the page header and footer with the classification
 * marking and the page numbers all come from the reference document,
 * [statement] reference_docx (config/reference.docx, made by
 * scripts/reference-docx; an office may swap in its own).  Charts go in as
 * the 300 dpi PNG beside each SVG the Markdown names (Word and LibreOffice
 * show PNG everywhere; an SVG would need rsvg-convert), so [charts] formats
 * must include png.
 */
#ifndef SIO_STATEMENT_DOCX_H
#define SIO_STATEMENT_DOCX_H

#include "office.h"

/* Start pandoc making the .docx beside md from the Markdown at source (md
 * itself, or the temporary file that is to become md). */
int docx_start(struct office_file *f, const struct sio_config *cfg, const char *md,
               const char *source, struct sio_error *err);

#endif
