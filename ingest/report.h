/*
 * report.h — sio-ingest --report: what the store holds, file by file.
 *
 * Read from the files, file_notes and rejects tables, so it reports every
 * file ever loaded into the store (superseded ones marked), not only this
 * run's.  Per file read = loaded + rejected + duplicate, and the totals are
 * the sums of the rows above them.
 */
#ifndef SIO_INGEST_REPORT_H
#define SIO_INGEST_REPORT_H

#include "sys/error.h"

#include <sqlite3.h>
#include <stdio.h>

enum report_format { REPORT_NONE, REPORT_TEXT, REPORT_CSV };

/* Text: one line per file, its notes and reject reasons, then totals, and
 * a "noted:" line per note over the files in force (rows and files).
 * CSV: file,kind,read,loaded,rejected,duplicate, one row per file. */
int report_print(sqlite3 *db, FILE *out, enum report_format format, struct sio_error *err);

#endif
