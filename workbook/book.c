/*
 * book.c — the workbook: find the tables, plan them, write every sheet.
 */
#include "book.h"

#include "about.h"
#include "sys/atomic.h"
#include "sys/sourcedate.h"
#include "table.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BOOK_MAX_TABLES 64
#define INPUTS_SHEET "Inputs"
#define ABOUT_SHEET "About"

struct book {
    struct table *tables;
    int n;
    struct sheet_formats f;
};

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct table *)a)->file, ((const struct table *)b)->file);
}

static int is_table(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcmp(name + n - 4, ".csv") && !strstr(name, ".tmp.") && name[0] != '.';
}

static int name_taken(const struct book *b, int upto, const char *name)
{
    if (!strcasecmp(name, ABOUT_SHEET) || !strcasecmp(name, INPUTS_SHEET))
        return 1;
    for (int i = 0; i < upto; i++)
        if (!strcasecmp(b->tables[i].sheet, name))
            return 1;
    return 0;
}

/* Table i's sheet name: its file's, as Excel takes it (no []:*?/\, at most
 * 31 characters), made unique with "~2", "~3" ... */
static void sheet_name(struct book *b, int i)
{
    struct table *t = &b->tables[i];
    size_t n = strlen(t->file) - 4; /* less ".csv" */
    if (n > 27)
        n = 27;                     /* room for "~999" */
    memcpy(t->sheet, t->file, n);
    t->sheet[n] = '\0';
    for (char *p = t->sheet; *p; p++)
        if (strchr("[]:*?/\\", *p))
            *p = '_';
    for (int k = 2; name_taken(b, i, t->sheet); k++)
        snprintf(t->sheet + n, sizeof t->sheet - n, "~%d", k);
}

static int scan_tables(struct book *b, const char *dir, struct sio_error *err)
{
    char path[CONFIG_PATH_MAX + 300];
    struct dirent *e;
    DIR *d = opendir(dir);
    int rc = SIO_OK;
    if (!d)
        return sio_fail(err, SIO_ENOINPUT, dir, 0, "no tables to put in a workbook: %m "
                        "(run sio-transform and sio-measures first)");
    while (!rc && (e = readdir(d))) {
        if (!is_table(e->d_name))
            continue;
        if (b->n == BOOK_MAX_TABLES)
            rc = sio_fail(err, SIO_EDATA, dir, 0, "more than %d tables", BOOK_MAX_TABLES);
        else {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            rc = table_scan(&b->tables[b->n], path, err);
            b->n += !rc;
        }
    }
    closedir(d);
    if (!rc && b->n == 0)
        rc = sio_fail(err, SIO_ENOINPUT, dir, 0, "no CSV tables to put in a workbook "
                      "(run sio-transform and sio-measures first)");
    qsort(b->tables, (size_t)b->n, sizeof *b->tables, by_name);
    for (int i = 0; !rc && i < b->n; i++)
        sheet_name(b, i);
    return rc;
}

static lxw_format *number_format(lxw_workbook *wb, const char *code)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_num_format(f, code);
    return f;
}

static void make_formats(lxw_workbook *wb, struct sheet_formats *f)
{
    static const char *decimal[] = { "#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "#,##0.0000" };
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_bg_color(f->header, 0xDEE7F0);
    f->count = number_format(wb, "#,##0");
    f->year = number_format(wb, "0");
    f->pct = number_format(wb, "0.0\"%\"");
    f->points = number_format(wb, "0.0\" pp\"");
    f->p = number_format(wb, "0.0000");
    for (int d = 0; d <= CELL_MAX_DECIMALS; d++)
        f->decimal[d] = number_format(wb, decimal[d]);
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->marking = workbook_add_format(wb);
    format_set_bold(f->marking);
    format_set_font_color(f->marking, 0xC00000);
    f->label = workbook_add_format(wb);
    format_set_bold(f->label);
    f->wrap = workbook_add_format(wb);
}

static lxw_workbook *open_book(const char *tmp, const struct sio_config *cfg)
{
    lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
    lxw_workbook *wb = workbook_new_opt(tmp, &opt);
    lxw_doc_properties props = {
        .title = "Crime and policing measures: the tables",
        .author = "sio " SIO_VERSION,
        .comments = "Made by sio-workbook from the run's CSV tables",
        .created = sourcedate_now(),
    };
    if (wb) {
        workbook_set_properties(wb, &props);
        workbook_set_custom_property_string(wb, "Classification", cfg->classification);
    }
    return wb;
}

static lxw_worksheet *add_sheet(lxw_workbook *wb, const char *name, const char *classification)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (ws)
        table_print_setup(ws, classification);
    return ws;
}

/* Every sheet, in order; the workbook is still open. */
static int write_sheets(lxw_workbook *wb, struct book *b, sqlite3 *db,
                        const struct sio_config *cfg, const char *date, struct book_result *res,
                        struct sio_error *err)
{
    struct about_context a = { db, cfg, b->tables, b->n, date, INPUTS_SHEET };
    lxw_worksheet *about = add_sheet(wb, ABOUT_SHEET, cfg->classification);
    lxw_worksheet *ws[BOOK_MAX_TABLES], *inputs;
    for (int i = 0; i < b->n; i++)
        ws[i] = add_sheet(wb, b->tables[i].sheet, cfg->classification);
    inputs = add_sheet(wb, INPUTS_SHEET, cfg->classification);
    for (int i = 0; i < b->n; i++)
        if (!ws[i])
            return sio_fail(err, SIO_ESOFTWARE, b->tables[i].path, 0, "cannot add a sheet");
    if (!about || !inputs)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "cannot add a sheet");
    int rc = about_write(about, &b->f, &a, err);
    for (int i = 0; !rc && i < b->n; i++) {
        rc = table_write(&b->tables[i], ws[i], &b->f, err);
        res->rows += table_rows_kept(&b->tables[i]);
    }
    res->sheets = b->n + 2;
    return rc ? rc : about_inputs(inputs, &b->f, db, err);
}

static int write_book(struct book *b, sqlite3 *db, const struct sio_config *cfg, const char *date,
                      struct book_result *res, struct sio_error *err)
{
    struct atomic_file af;
    int rc = atomic_open(&af, res->path, err);
    if (rc)
        return rc;
    /* libxlsxwriter writes the temporary file by name, in place: af keeps it
     * open so atomic_commit() can fsync it before the rename. */
    lxw_workbook *wb = open_book(af.tmp, cfg);
    if (!wb) {
        atomic_abort(&af);
        return sio_fail(err, SIO_ESOFTWARE, res->path, 0, "cannot start a workbook");
    }
    make_formats(wb, &b->f);
    rc = write_sheets(wb, b, db, cfg, date, res, err);
    lxw_error e = workbook_close(wb);
    if (!rc && e)
        rc = table_lxw_fail(err, e, res->path);
    if (rc)
        atomic_abort(&af);
    return rc ? rc : atomic_commit(&af, err);
}

int book_write(sqlite3 *db, const struct sio_config *cfg, struct book_result *res,
               struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX + 8], date[16];
    struct book b = { calloc(BOOK_MAX_TABLES, sizeof *b.tables), 0, { 0 } };
    int rc;
    memset(res, 0, sizeof *res);
    if (!b.tables)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    sourcedate_day(date);
    snprintf(res->path, sizeof res->path, "%s/sio-%s.xlsx", cfg->out_dir, date);
    snprintf(dir, sizeof dir, "%s/csv", cfg->out_dir);
    rc = scan_tables(&b, dir, err);
    rc = rc ? rc : write_book(&b, db, cfg, date, res, err);
    for (int i = 0; i < b.n; i++)
        table_free(&b.tables[i]);
    free(b.tables);
    return rc;
}
