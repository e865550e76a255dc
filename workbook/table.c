/*
 * table.c — a CSV table read twice: once to plan the sheet, once to write it.
 */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH_MIN 6
#define WIDTH_MAX 60
#define FILTER_BUTTON 3 /* characters the header's filter button covers */

int table_lxw_fail(struct sio_error *err, lxw_error e, const char *what)
{
    int status = e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE
                     ? SIO_ECANTCREAT
                 : e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED ? SIO_EDATA
                 : e == LXW_ERROR_MEMORY_MALLOC_FAILED ? SIO_ESOFTWARE
                                                      : SIO_EIO;
    return sio_fail(err, status, what, 0, "cannot write the workbook: %s", lxw_strerror(e));
}

long table_rows_kept(const struct table *t)
{
    return t->rows < TABLE_ROW_LIMIT ? t->rows : TABLE_ROW_LIMIT;
}

void table_free(struct table *t)
{
    for (int i = 0; i < t->n_methods; i++)
        free(t->method[i]);
    t->n_methods = 0;
}

static int open_plain(struct csvin **in, const char *path, struct sio_error *err)
{
    int rc = csvin_open(in, path, err);
    if (!rc)
        csvin_set_threaded(*in, 0); /* small tables: no reader thread */
    return rc;
}

/* The next row, checked against the header's width: 1 row, 0 end, <0 error. */
static int next_row(struct csvin *in, const struct table *t, struct csvin_row *row,
                    struct sio_error *err)
{
    int got = csvin_next(in, row, err);
    if (got <= 0)
        return got;
    if (row->problem)
        return -sio_fail(err, SIO_EDATA, t->path, row->line, "%s", row->problem);
    if (row->nfields != t->ncols)
        return -sio_fail(err, SIO_EDATA, t->path, row->line, "%d fields where the header has %d",
                         row->nfields, t->ncols);
    return 1;
}

static int read_header(struct csvin *in, struct table *t, struct sio_error *err)
{
    struct csvin_row row;
    int got = csvin_next(in, &row, err);
    if (got < 0)
        return -got;
    if (got == 0 || row.problem || row.nfields > CSVIN_MAX_FIELDS)
        return sio_fail(err, SIO_EDATA, t->path, 1, "no usable header row");
    t->ncols = row.nfields;
    t->unit_col = -1;
    for (int c = 0; c < t->ncols; c++) {
        struct cell_column *col = &t->col[c];
        snprintf(col->name, sizeof col->name, "%s", row.field[c]);
        col->width = strlen(col->name) + FILTER_BUTTON;
        if (!strcmp(col->name, "unit"))
            t->unit_col = c;
    }
    cell_plan_columns(t->col, t->ncols, t->unit_col);
    return SIO_OK;
}

static void note_method(struct table *t, const char *s)
{
    for (int i = 0; i < t->n_methods; i++)
        if (!strcmp(t->method[i], s))
            return;
    if (t->n_methods < TABLE_MAX_METHODS && (t->method[t->n_methods] = strdup(s)))
        t->n_methods++;
    else
        t->more_methods++;
}

static void scan_row(struct table *t, const struct csvin_row *row)
{
    const char *unit = t->unit_col >= 0 ? row->field[t->unit_col] : "";
    struct cell_number num;
    for (int c = 0; c < t->ncols; c++) {
        struct cell_column *col = &t->col[c];
        enum cell_kind k = cell_kind(t->col, c, row->field[c], row->len[c], unit, &num);
        int d = num.decimals < CELL_MAX_DECIMALS ? num.decimals : CELL_MAX_DECIMALS;
        if (k == CELL_DECIMAL && d > col->decimals)
            col->decimals = d;
        size_t w = cell_width(k, row->field[c], row->len[c], &num, d);
        if (w > col->width)
            col->width = w;
        if (!strcmp(col->name, "method") && row->len[c])
            note_method(t, row->field[c]);
    }
}

int table_scan(struct table *t, const char *path, struct sio_error *err)
{
    struct csvin *in;
    struct csvin_row row;
    const char *base = strrchr(path, '/');
    int rc, got;

    memset(t, 0, sizeof *t);
    snprintf(t->path, sizeof t->path, "%s", path);
    snprintf(t->file, sizeof t->file, "%s", base ? base + 1 : path);
    if ((rc = open_plain(&in, path, err)))
        return rc;
    rc = read_header(in, t, err);
    while (!rc && (got = next_row(in, t, &row, err)) != 0) {
        if (got < 0)
            rc = -got;
        else {
            scan_row(t, &row);
            t->rows++;
        }
    }
    csvin_close(in);
    return rc;
}

static lxw_format *format_of(const struct sheet_formats *f, enum cell_kind k, int decimals)
{
    switch (k) {
    case CELL_COUNT: return f->count;
    case CELL_YEAR: return f->year;
    case CELL_DECIMAL: return f->decimal[decimals];
    case CELL_PCT: return f->pct;
    case CELL_POINTS: return f->points;
    case CELL_P: return f->p;
    default: return NULL;
    }
}

static lxw_error write_row(const struct table *t, lxw_worksheet *ws, lxw_row_t r,
                           const struct csvin_row *row, const struct sheet_formats *f)
{
    const char *unit = t->unit_col >= 0 ? row->field[t->unit_col] : "";
    struct cell_number num;
    lxw_error e = LXW_NO_ERROR;
    for (int c = 0; c < t->ncols && !e; c++) {
        enum cell_kind k = cell_kind(t->col, c, row->field[c], row->len[c], unit, &num);
        if (k == CELL_TEXT)
            e = worksheet_write_string(ws, r, (lxw_col_t)c, row->field[c], NULL);
        else if (k != CELL_BLANK)
            e = worksheet_write_number(ws, r, (lxw_col_t)c, num.value,
                                       format_of(f, k, t->col[c].decimals));
    }
    return e;
}

static void finish_sheet(const struct table *t, lxw_worksheet *ws)
{
    for (int c = 0; c < t->ncols; c++) {
        size_t w = t->col[c].width + 2;
        w = w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w;
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)w, NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)table_rows_kept(t), (lxw_col_t)(t->ncols - 1));
    worksheet_repeat_rows(ws, 0, 0);
}

int table_write(const struct table *t, lxw_worksheet *ws, const struct sheet_formats *f,
                struct sio_error *err)
{
    struct csvin *in;
    struct csvin_row row;
    lxw_row_t r = 0;
    int rc, got;
    lxw_error e = LXW_NO_ERROR;

    if ((rc = open_plain(&in, t->path, err)))
        return rc;
    if ((got = csvin_next(in, &row, err)) < 0)
        rc = -got;
    for (int c = 0; !rc && c < t->ncols && !e; c++)
        e = worksheet_write_string(ws, 0, (lxw_col_t)c, row.field[c], f->header);
    while (!rc && !e && r < (lxw_row_t)table_rows_kept(t) &&
           (got = next_row(in, t, &row, err)) != 0) {
        if (got < 0)
            rc = -got;
        else
            e = write_row(t, ws, ++r, &row, f);
    }
    csvin_close(in);
    if (!rc && e) {
        rc = table_lxw_fail(err, e, t->path);
        err->line = (long)r + 1;
    }
    if (!rc)
        finish_sheet(t, ws);
    return rc;
}

/* s with every & doubled, as Excel's header codes need. */
static void header_escape(char *out, size_t size, const char *s)
{
    size_t o = 0;
    for (; *s && o + 2 < size; s++) {
        if (*s == '&')
            out[o++] = '&';
        out[o++] = *s;
    }
    out[o] = '\0';
}

void table_print_setup(lxw_worksheet *ws, const char *classification)
{
    char mark[140], header[200], footer[240];
    header_escape(mark, sizeof mark, classification);
    snprintf(header, sizeof header, "&C&\"Arial,Bold\"%s", mark);
    snprintf(footer, sizeof footer, "&C&\"Arial,Bold\"%s&R&\"Arial,Regular\"Page &P of &N", mark);
    worksheet_set_header(ws, header);
    worksheet_set_footer(ws, footer);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
}
