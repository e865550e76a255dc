/*
 * sheet.c — rows written in order, widths remembered.
 */
#include "sheet.h"

#include "store/store.h"

#include <stdio.h>
#include <string.h>

void sheet_init(struct sheet *s, lxw_worksheet *ws, const struct sheet_formats *f)
{
    memset(s, 0, sizeof *s);
    s->ws = ws;
    s->f = f;
}

static void widen(struct sheet *s, int c, size_t w)
{
    if (c < SHEET_COLS && w > s->width[c])
        s->width[c] = w;
}

void sheet_text(struct sheet *s, int c, const char *text, lxw_format *fmt)
{
    if (!text || !*text || s->e)
        return;
    s->e = worksheet_write_string(s->ws, s->row, (lxw_col_t)c, text, fmt);
    if (fmt != s->f->title && fmt != s->f->wrap)
        widen(s, c, cell_width(CELL_TEXT, text, strlen(text), NULL, 0));
}

void sheet_count(struct sheet *s, int c, long long n)
{
    char buf[32];
    if (s->e)
        return;
    s->e = worksheet_write_number(s->ws, s->row, (lxw_col_t)c, (double)n, s->f->count);
    widen(s, c, (size_t)snprintf(buf, sizeof buf, "%lld", n) * 4 / 3);
}

void sheet_next(struct sheet *s, int gap)
{
    s->row += gap ? 2 : 1;
}

void sheet_pair(struct sheet *s, const char *label, const char *value)
{
    sheet_text(s, 0, label, s->f->label);
    sheet_text(s, 1, value, NULL);
    sheet_next(s, 0);
}

static void query_row(struct sheet *s, sqlite3_stmt *st, int n)
{
    for (int c = 0; c < n; c++) {
        if (sqlite3_column_type(st, c) == SQLITE_INTEGER)
            sheet_count(s, c, sqlite3_column_int64(st, c));
        else
            sheet_text(s, c, (const char *)sqlite3_column_text(st, c), NULL);
    }
    sheet_next(s, 0);
}

int sheet_query(struct sheet *s, sqlite3 *db, sqlite3_stmt *st, struct sio_error *err)
{
    int n = sqlite3_column_count(st), rc;
    for (int c = 0; c < n; c++) {
        sheet_text(s, c, sqlite3_column_name(st, c), s->f->header);
        widen(s, c, strlen(sqlite3_column_name(st, c)) + 3); /* the filter button */
    }
    sheet_next(s, 0);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !s->e)
        query_row(s, st, n);
    rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SIO_OK : store_fail(db, err, "cannot read the store");
    sqlite3_finalize(st);
    if (!rc && n > 0) {
        worksheet_freeze_panes(s->ws, 1, 0);
        worksheet_autofilter(s->ws, 0, 0, s->row > 1 ? s->row - 1 : 1, (lxw_col_t)(n - 1));
        worksheet_repeat_rows(s->ws, 0, 0);
    }
    return rc;
}

void sheet_widths(struct sheet *s, size_t max)
{
    for (int c = 0; c < SHEET_COLS; c++) {
        size_t w = s->width[c] + 2;
        if (s->width[c])
            worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, (double)(w > max ? max : w),
                                 NULL);
    }
}
