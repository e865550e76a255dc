/*
 * sheet.h — writing a worksheet row by row, in order, with the column
 * widths worked out from what was written (libxlsxwriter's constant-memory
 * mode takes rows only in order).
 */
#ifndef SIO_WORKBOOK_SHEET_H
#define SIO_WORKBOOK_SHEET_H

#include "table.h"

#include <sqlite3.h>

#define SHEET_COLS 16

struct sheet {
    lxw_worksheet *ws;
    const struct sheet_formats *f;
    lxw_row_t row;                 /* the next row to write */
    size_t width[SHEET_COLS];      /* widest text per column, in characters */
    lxw_error e;                   /* the first write error, sticky */
};

void sheet_init(struct sheet *s, lxw_worksheet *ws, const struct sheet_formats *f);

/* Write text (NULL or "" for none) at column c of the current row. */
void sheet_text(struct sheet *s, int c, const char *text, lxw_format *fmt);

/* Write a whole number at column c of the current row. */
void sheet_count(struct sheet *s, int c, long long n);

/* Move to the next row; a blank row after it when gap. */
void sheet_next(struct sheet *s, int gap);

/* A row of label (in the label format) and value. */
void sheet_pair(struct sheet *s, const char *label, const char *value);

/* Every row of a prepared statement as a table: column names as a filtered,
 * frozen header row (use on a sheet of its own), integers as counts, NULL
 * as blank.  Finalizes st. */
int sheet_query(struct sheet *s, sqlite3 *db, sqlite3_stmt *st, struct sio_error *err);

/* Set the column widths from what was written (at most max characters). */
void sheet_widths(struct sheet *s, size_t max);

#endif
