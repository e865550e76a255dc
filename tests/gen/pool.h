/*
 * pool.h — a force's snapped locations.
 *
 * police.uk snaps every crime to one of a force's set of points, so many
 * rows share coordinates, a street name and an LSOA.  A pool holds
 * POOL_SIZE made-up points for one force, each as the bytes a street row
 * carries: "lon,lat,On or near ...,E01......,District 012A" (a few
 * locations hold a comma and are quoted, as real ones do).  Points are
 * drawn with a skew (u^2), so some places see far more crime than others.
 */
#ifndef SIO_GEN_POOL_H
#define SIO_GEN_POOL_H

#include "rng.h"

#include <stddef.h>
#include <stdint.h>

#define POOL_SIZE 1500

struct spot {
    char *text;       /* "lon,lat,Location,LSOA code,LSOA name", owned */
    size_t len;
    size_t lon_len;   /* text[0 .. lon_len) is the longitude */
    size_t lat_len;   /* then a comma and the latitude */
};

/* The pool of force fi for seed: POOL_SIZE spots, or NULL when out of
 * memory.  Free with pool_free(). */
struct spot *pool_make(int fi, uint64_t seed);
void pool_free(struct spot *pool);

/* A spot's index, or -1 (no location) with probability no_location. */
int pool_draw(struct rng *r, double no_location);

#endif
