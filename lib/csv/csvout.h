/*
 * csvout.h — writing CSV tables (RFC 4180) from the store.
 *
 * Fields are quoted only when they must be (a comma, quote or line break),
 * as police.uk does; lines end in LF; numbers are written as SQLite gives
 * them (or as its round() would: csvnum.h).  Files are written through atomic.h, so a reader sees the old table
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

/* The same, column i written in the form forms[i] says (csvnum.h): '.' as
 * SQLite gives it, '1' to '6' as round(x, that many places), 'w' whole
 * numbers as integers and the rest as round(x, 6); columns past the end of
 * forms as SQLite gives them.  The same text as the SQL spelling of each
 * form, made in C. */
int csvout_query_forms(sqlite3 *db, const char *sql, const char *forms, const char *path,
                       struct sio_error *err);

#endif
