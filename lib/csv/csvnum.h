/*
 * csvnum.h — numbers for the CSV tables, written as SQLite's SQL would
 * write them, without SQLite's printf.
 *
 * The tables round their REAL columns (round(x, n)) and print whole numbers
 * without ".0" (CASE WHEN x = CAST(x AS INTEGER) ...).  Asking SQLite for
 * that text costs a printf into a buffer, a parse back and a second printf
 * for every number: a fifth of sio-measures.  Here x * 10^n is rounded
 * half away from zero, as SQLite's round() does, and the digits are written
 * from the integer that results; the text is what SQLite's "%!.15g" gives
 * for the rounded value.  A number within a hair of a half (where SQLite's
 * own digits decide), or whose text SQLite would write in exponent form or
 * with more than 15 digits, is handed back to SQLite.
 */
#ifndef SIO_CSVNUM_H
#define SIO_CSVNUM_H

#include <sqlite3.h>
#include <stddef.h>

#define CSVNUM_MAX 64

/* How a column is written: as SQLite gives it (0), rounded to 1 to 6
 * places (that number), or whole numbers as integers and the rest to 6
 * places (CSVNUM_WHOLE_OR_6). */
#define CSVNUM_TEXT 0
#define CSVNUM_WHOLE_OR_6 (-1)

/* x rounded to places (1 to 6) as SQLite's round(x, places) prints, into
 * buf (CSVNUM_MAX bytes); 0 when only SQLite can say (the caller asks it). */
size_t csvnum_round(double x, int places, char *buf);

/* Column i of st's row in form: its text, or NULL for SQL NULL; buf holds
 * the text when it is made here. */
const char *csvnum_column(sqlite3 *db, sqlite3_stmt *st, int i, int form, char *buf);

#endif
