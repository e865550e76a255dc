/*
 * outputs.h — the result tables as CSV files under DIR/csv, and the store
 * upgrade that adds result columns to stores made before they existed.
 */
#ifndef SIO_MEASURES_OUTPUTS_H
#define SIO_MEASURES_OUTPUTS_H

#include "sys/error.h"

#include <sqlite3.h>

/* Add any result column this version writes that the store lacks. */
int outputs_upgrade(sqlite3 *db, struct sio_error *err);

/* Write measures.csv, verdicts.csv, spc_points.csv, spc_signals.csv,
 * spc_summary.csv, peer_results.csv, measure_quarters.csv and
 * annotations.csv into out_dir/csv, each renamed into place whole, from the
 * committed results: on db and on a second connection to the same store at
 * once, which first checkpoints the WAL (db's own checkpoints are off, so
 * that this is not done on the way). */
int outputs_write(sqlite3 *db, const char *out_dir, struct sio_error *err);

#endif
