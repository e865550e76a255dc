/*
 * analyse.h — every statistic for every force x measure in the store.
 *
 * For each force with data in any source and each configured measure: the
 * quarterly rows (measure_quarters, for counts; the charts read them), the
 * period rows, the three comparisons with verdicts, the XmR chart and the
 * trend.  A measure with no data for a force gets one 'no data' row and
 * 'no data' verdicts, never zeros.  The caller holds the transaction.
 */
#ifndef SIO_MEASURES_ANALYSE_H
#define SIO_MEASURES_ANALYSE_H

#include "annotate.h"
#include "config/config.h"

#include <sqlite3.h>

struct analyse_totals {
    long forces, series, results, quarters;
    long funnels;             /* measures with a funnel plot (funnel.h) */
};

/* Clear the result tables and fill them for every force x measure. */
int analyse_all(sqlite3 *db, const struct sio_config *cfg, const struct annotations *notes,
                struct analyse_totals *t, struct sio_error *err);

#endif
