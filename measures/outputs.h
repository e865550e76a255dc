/*
 * outputs.h — the result tables as CSV files under DIR/csv.
 */
#ifndef SIO_MEASURES_OUTPUTS_H
#define SIO_MEASURES_OUTPUTS_H

#include "sys/error.h"

#include <sqlite3.h>

/* Write measures.csv, verdicts.csv, spc_points.csv, spc_signals.csv,
 * spc_summary.csv, peer_results.csv, peer_proportions.csv,
 * measure_quarters.csv and annotations.csv into out_dir/csv, each renamed into place whole, from the
 * committed results: on db and on a second connection to the same store at
 * once, which first checkpoints the WAL (db's own checkpoints are off, so
 * that this is not done on the way). */
int outputs_write(sqlite3 *db, const char *out_dir, struct sio_error *err);

#endif
