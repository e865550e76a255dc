/*
 * csvout.h — writing CSV tables (RFC 4180) from the store.
 *
 * Fields are quoted only when they must be (a comma, quote or line break),
 * as police.uk does; lines end in LF; numbers are written as SQLite gives
 * them.  Files are written through atomic.h, so a reader sees the old table
 * or the new one, never half of one.
 */
#ifndef SIO_CSVOUT_H
#define SIO_CSVOUT_H

#include "sys/error.h"

#include <sqlite3.h>
#include <stdio.h>

/* Write s as one CSV field. */
void csvout_field(FILE *fp, const char *s);

/* Run sql (no parameters) and write its result, header first, to path. */
int csvout_query(sqlite3 *db, const char *sql, const char *path, struct sio_error *err);

#endif
