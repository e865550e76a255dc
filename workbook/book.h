/*
 * book.h — out/sio-<date>.xlsx: the first sheet, one sheet per CSV table
 * under out/csv (in name order), and the inputs sheet.
 *
 * The workbook reads the CSV files the earlier stages wrote rather than
 * the store's tables: it is the same tables in another format, so it can
 * never disagree with them (one set of values, one rounding, the same
 * columns), and a table any stage adds appears without a change here.
 * The first sheet and the inputs sheet come from the store.  The date in
 * the name and the file's creation time are the run's (SOURCE_DATE_EPOCH
 * when set); the file is written to a temporary name and renamed into place.
 */
#ifndef SIO_WORKBOOK_BOOK_H
#define SIO_WORKBOOK_BOOK_H

#include "config/config.h"
#include "sys/error.h"

#include <sqlite3.h>

struct book_result {
    char path[CONFIG_PATH_MAX + 64];   /* the workbook written */
    int sheets;                        /* sheets in it */
    long long rows;                    /* table rows in it */
};

/* Write the workbook for cfg's output folder.  SIO_ENOINPUT when out/csv
 * has no tables (run sio-transform and sio-measures first). */
int book_write(sqlite3 *db, const struct sio_config *cfg, struct book_result *res,
               struct sio_error *err);

#endif
