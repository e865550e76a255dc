/*
 * source.h — every force's series of every measure, from whichever source
 * its measures.ini section names, read from the store once a run (one query
 * a measure, not one a force and measure: the peer comparisons alone asked
 * for each member's series again for every force of its group), with the
 * population rows; and the forces the store knows.
 *
 * Every source's force spelling is turned into one key: the force_aliases
 * slug when the alias is known, else the name as the source wrote it (so a
 * store without aliases still works, one key per spelling).  A month or
 * quarter with no file or row for the force is missing, never zero; a
 * covered period with no matching rows is zero.
 */
#ifndef SIO_MEASURES_SOURCE_H
#define SIO_MEASURES_SOURCE_H

#include "config/config.h"
#include "population.h"
#include "series.h"
#include "window.h"

/* SQL for the canonical key of a force name expression X. */
#define SOURCE_CANON(x) "COALESCE((SELECT slug FROM force_aliases WHERE alias = " x "), " x ")"

/* The stop-and-search outcome that is no action (measures.md §2.3). */
#define SOURCE_NFA_OUTCOME "A no further action disposal"

/* One force's series of one measure. */
struct source_series {
    char *force;             /* the force key */
    struct series s;         /* its periods; empty for a rolling-year measure */
    struct window *r12;      /* a rolling-year measure's 12-month figures, by end */
    int n_r12;
};

/* One measure's series: every force with rows, in force key order. */
struct source_measure {
    struct source_series *f;
    int n, cap;
};

/* What a run of sio-measures reads from the store's sources. */
struct sources {
    const struct sio_config *cfg;
    struct source_measure m[CONFIG_MAX_MEASURES]; /* by cfg->measures index */
    struct population population;
};

/* Read every configured measure's series for every force, and the
 * population, into src (sources_free() releases it, also after a failure).
 * SIO_EDATA for a period that fits no series, as the measure's key says. */
int sources_load(sqlite3 *db, const struct sio_config *cfg, struct sources *src,
                 struct sio_error *err);
void sources_free(struct sources *src);

/* m's series for force (a canonical key), borrowed from src; an empty
 * series (n = 0) when the store has no rows of it.  m is one of
 * src->cfg->measures. */
const struct series *sources_series(const struct sources *src, const struct measure_def *m,
                                    const char *force);

/* A rolling-year measure's 12-month figures for force (complete windows,
 * by end; *n = 0 when the store has none), borrowed from src. */
const struct window *sources_rolling(const struct sources *src, const struct measure_def *m,
                                     const char *force, int *n);

/* The same, as a copy the caller frees with series_free(). */
int sources_copy(const struct sources *src, const struct measure_def *m, const char *force,
                 struct series *s, struct sio_error *err);

/* Put values[0..n) into temp.source_values, replacing what was there, so a
 * query can test membership with IN (SELECT v FROM temp.source_values). */
int source_values_fill(sqlite3 *db, char *const *values, int n, struct sio_error *err);

/* A short description of m's source for the outputs' source column. */
const char *source_name(const struct measure_def *m);

/* Every force key with data in any source, sorted; *forces is a
 * NULL-terminated array the caller frees with source_forces_free(). */
int source_forces(sqlite3 *db, char ***forces, struct sio_error *err);
void source_forces_free(char **forces);

#endif
