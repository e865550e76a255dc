/*
 * peers.h — each force against its most similar group and, when every
 * territorial force is loaded, England and Wales.
 *
 * Groups come from the peers file ([peers] file in sio.ini): one section
 * per group with `source`, `date` and one `member` line per force key.
 * sio ships no real most similar groups (their published lists were not
 * found; measures.md §5): the example file is labelled illustrative.  A
 * force in no configured group is compared with its region instead: a
 * default group "<region> region" of every force with data in the region
 * the forces table gives it (forces.csv's region column), when there are
 * two or more; a configured group wins wherever it is given (a force in one
 * is a member of its region's group, for the others, but not compared in
 * it).
 *
 * For a force in a group and a count measure, the period is the 12 months
 * ending at the force's latest month.  Each member with every month covered
 * and a population gets a rate per 1,000 with its exact Poisson interval;
 * rank 1 is the lowest rate; peer_mean is the unweighted mean of those
 * rates; a member's gap is significant when the interval for its rate
 * against the pooled rate of the other members excludes 1, the interval
 * widened by the quasi-Poisson dispersion of the two series' monthly counts
 * (dispersion.h: rates of whole forces differ in the fourth digit by chance
 * more often than Poisson allows); a quarterly series is not tested.  The
 * rows carry the population's year and source.  Proportion measures go to peer_proportions instead
 * (peerprop.h); rolling-year measures (rolling.h) have no peers.
 */
#ifndef SIO_MEASURES_PEERS_H
#define SIO_MEASURES_PEERS_H

#include "config/config.h"
#include "source.h"

#include <sqlite3.h>

#define PEERS_ALL_FORCES 43 /* territorial forces of England and Wales */

/* Fill peer_results for every configured group (and England and Wales when
 * at least PEERS_ALL_FORCES forces have the period), from src's series and
 * population; forces is the NULL-terminated list of force keys with data.
 * SIO_ENOINPUT or SIO_ECONFIG for a missing or bad peers file. */
int peers_emit(sqlite3 *db, const struct sources *src, char *const *forces, long *rows,
               struct sio_error *err);

#endif
