/*
 * tally.h — monthly_counts from the street files' counts.
 *
 * sio-ingest counts each street file's rows by force, crime type and month
 * as it stores them (street_tally, lib/store/street_tally.h).  Adding up the counts
 * of the files in force gives the same figures as reading every row, in time
 * that grows with the files, not the rows: a few thousand rows of counts
 * rather than millions of rows.  A file whose counts are missing or do not
 * add up to its rows is counted again from its rows first.
 */
#ifndef SIO_TRANSFORM_TALLY_H
#define SIO_TRANSFORM_TALLY_H

#include "sys/error.h"

#include <sqlite3.h>

/* Fill monthly_counts (already empty) from street_tally; *recounted says
 * how many files were counted again from their rows. */
int tally_monthly_counts(sqlite3 *db, long *recounted, struct sio_error *err);

#endif
