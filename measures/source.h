/*
 * source.h — a measure's series for one force, from whichever source its
 * measures.ini section names, and the forces the store knows.
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
#include "series.h"

/* SQL for the canonical key of a force name expression X. */
#define SOURCE_CANON(x) "COALESCE((SELECT slug FROM force_aliases WHERE alias = " x "), " x ")"

/* The stop-and-search outcome that is no action (measures.md §2.3). */
#define SOURCE_NFA_OUTCOME "A no further action disposal"

/* Load m's series for force (a canonical key).  No rows gives n = 0. */
int source_load(sqlite3 *db, const char *force, const struct measure_def *m,
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
