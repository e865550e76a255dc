/*
 * funnel.h — the funnel plot of each count measure: every force's rate per
 * 1,000 over the same 12 months against its population, and the control
 * limits around the rate of all the forces plotted (lib/stats/funnel.h), the
 * standard way to compare areas of different sizes fairly.
 *
 * The 12 months are those the most forces have whole (the measure's 12-month
 * count results), the latest of equals; a force is plotted when it has
 * every month of them and a population estimate (the one its own rate uses: population.h).
 * The target is the pooled rate of the forces plotted: England and Wales
 * when every force of England and Wales is there, and said to be only
 * those forces otherwise.  A measure with fewer than FUNNEL_MIN_FORCES
 * forces plotted gets no funnel.  Written to the funnel_plots and
 * funnel_points tables and to <out>/csv/funnel.csv.
 */
#ifndef SIO_MEASURES_FUNNEL_H
#define SIO_MEASURES_FUNNEL_H

#include "config/config.h"
#include "sys/error.h"

#include <sqlite3.h>

#define FUNNEL_MIN_FORCES 3

/* Rebuild the funnel tables from the results sio-measures has just stored
 * (inside its transaction), and write funnel.csv under out_dir.
 * *plots receives how many measures got one. */
int funnel_all(sqlite3 *db, const struct sio_config *cfg, long *plots, struct sio_error *err);

#endif
