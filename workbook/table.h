/*
 * table.h — one CSV table as one worksheet.
 *
 * A table is read twice: table_scan() learns its columns, the format each
 * field takes and the width each column needs, and table_write() then
 * writes the rows in order (the workbook is written in libxlsxwriter's
 * constant-memory mode, which takes rows only in order, so a national-size
 * table never sits in memory).  The sheet has the header row frozen and
 * filtered, columns as wide as their widest field (up to a limit), and the
 * classification in its printed header and footer.  The values are the
 * CSV's own (cell.h); a sheet holds at most 1,048,575 data rows, Excel's
 * limit, and a longer table is cut there and says so on the first sheet.
 */
#ifndef SIO_WORKBOOK_TABLE_H
#define SIO_WORKBOOK_TABLE_H

#include "cell.h"
#include "csv/csvin.h"
#include "sys/error.h"

#include <xlsxwriter.h>

#define TABLE_MAX_METHODS 24
#define TABLE_ROW_LIMIT 1048575L /* Excel's rows, less the header */

/* The number formats a sheet's cells take, made once per workbook. */
struct sheet_formats {
    lxw_format *header, *count, *year, *pct, *points, *p;
    lxw_format *decimal[CELL_MAX_DECIMALS + 1];   /* [d]: d decimals */
    lxw_format *title, *marking, *label, *wrap;   /* the first sheet */
};

struct table {
    char path[1100];                      /* the CSV file */
    char file[256];                       /* its base name, "measures.csv" */
    char sheet[32];                       /* the sheet's name */
    int ncols;
    struct cell_column col[CSVIN_MAX_FIELDS];
    int unit_col;                         /* the unit column, or -1 */
    long rows;                            /* data rows in the CSV */
    char *method[TABLE_MAX_METHODS];      /* distinct "method" texts (owned) */
    int n_methods;
    long more_methods;                    /* distinct texts past the limit */
};

/* Read the CSV at path and fill t.  SIO_ENOINPUT when it cannot be opened,
 * SIO_EDATA naming the line when a row does not fit its header. */
int table_scan(struct table *t, const char *path, struct sio_error *err);

/* Write t's rows (read again from its file) to ws. */
int table_write(const struct table *t, lxw_worksheet *ws, const struct sheet_formats *f,
                struct sio_error *err);

/* Print setup shared by every sheet: A4 landscape, one page wide, the
 * classification marking centred in the header and footer, page numbers. */
void table_print_setup(lxw_worksheet *ws, const char *classification);

/* The rows a sheet holds of t. */
long table_rows_kept(const struct table *t);

/* An lxw_error as a sio status in err, naming what. */
int table_lxw_fail(struct sio_error *err, lxw_error e, const char *what);

void table_free(struct table *t);

#endif
