/*
 * street_tally.h — a street file's stored rows counted by force, crime type
 * and month.
 *
 * sio-ingest counts a file's rows as it stores them and writes the counts to
 * street_tally in the file's own transaction, so they are exactly the rows
 * in street_coded; sio-transform adds up the counts of the files in force
 * rather than reading every row again, and its time grows with the files,
 * not the rows.  A file whose counts do not add up to its rows_loaded (a
 * store from before street_tally, or rows deleted by hand) is counted again
 * from its rows by street_tally_catch_up() first.  Forces and crime types
 * are labels ids (labels.h); the month is the row's own.
 */
#ifndef SIO_STREET_TALLY_H
#define SIO_STREET_TALLY_H

#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>

struct street_tally;

int street_tally_open(struct street_tally **out, struct sio_error *err);

/* One more row of this force, crime type and month. */
int street_tally_add(struct street_tally *t, long long force, long long type, month_t month,
                     struct sio_error *err);

/* The counts so far as file_id's rows of street_tally; the tally is then
 * empty again. */
int street_tally_write(struct street_tally *t, sqlite3 *db, long long file_id,
                       struct sio_error *err);

void street_tally_close(struct street_tally *t);

/* Count again from their rows the street files in force whose counts do not
 * add up to rows_loaded; *files says how many.  Inside a transaction. */
int street_tally_catch_up(sqlite3 *db, long *files, struct sio_error *err);

#endif
