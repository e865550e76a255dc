/*
 * about.h — the workbook's first sheet and its inputs sheet.
 *
 * The first sheet says what the workbook is before anyone reads a figure:
 * the classification, the date, what each sheet holds, the sources (the
 * data files in the store by kind, and each measure's source line), the
 * methods the tables name, and a summary of the run as manifest.json
 * records it: versions, settings, inputs and the stages that made the
 * tables.  The inputs sheet lists every data file in the store with its
 * SHA-256 and row counts, as manifest.json does.  Nothing here depends on
 * the clock or on where the store and output folder are, so two runs on the
 * same inputs write the same workbook (the run's times, and the output
 * files with their SHA-256s, are in manifest.json).
 */
#ifndef SIO_WORKBOOK_ABOUT_H
#define SIO_WORKBOOK_ABOUT_H

#include "config/config.h"
#include "table.h"

#include <sqlite3.h>

struct about_context {
    sqlite3 *db;
    const struct sio_config *cfg;
    const struct table *tables;
    int n_tables;
    const char *date;             /* the run's date, YYYY-MM-DD */
    const char *inputs_sheet;     /* the inputs sheet's name */
};

int about_write(lxw_worksheet *ws, const struct sheet_formats *f,
                const struct about_context *a, struct sio_error *err);

int about_inputs(lxw_worksheet *ws, const struct sheet_formats *f, sqlite3 *db,
                 struct sio_error *err);

#endif
