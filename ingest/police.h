/*
 * police.h — what a police.uk value may be, and the older layouts.
 *
 * Crime types: the 14 current strings (measures.md §1.1), and the legacy
 * ones of 2010-12 to 2013-04 (§1.2).  'Violent crime' is a one-to-one
 * rename and is stored as 'Violence and sexual offences' (the published
 * string kept in crime_type_published); 'Public disorder and weapons' was
 * split in May 2013 and cannot be mapped forward, so it stays its own type.
 * 'Other theft' before 2013-05 and 'Other crime' before 2011-09 covered more
 * than they do now: stored as published, with a note.  Any other string is
 * an unknown type: stored as published and noted, never dropped.
 */
#ifndef SIO_INGEST_POLICE_H
#define SIO_INGEST_POLICE_H

#include "sys/month.h"

#include <stddef.h>

/* An LSOA code: E01 or W01 and six digits, or empty (no location). */
int police_lsoa_ok(const char *s, size_t len);

/* The type to store for crime type s published for month m (s itself, or
 * its mapping), and *note: NULL, or why the row deserves a note. */
const char *police_crime_type(const char *s, size_t len, month_t m, const char **note);

/* NULL when a point (degrees, WGS84) lies in England and Wales, or near
 * enough: a box round them with a margin of about 20 km, which takes in
 * Scilly and the coast's snapped points and leaves out the Channel Islands
 * and most of Scotland (a box also holds the Isle of Man and Northern
 * Ireland).  Else why it deserves a note: outside, or outside but inside
 * with longitude and latitude swapped (a point in the Indian Ocean). */
const char *police_place_note(double lon, double lat);

/* The same for an OSGB36 grid reference in metres (the 2011-12 layout). */
const char *police_grid_note(double easting, double northing);

/* The 2011-12 street layout's grid reference: both empty, or an OSGB36
 * easting 0..700000 and northing 0..1300000 in metres.  1 or 0. */
int police_grid_ok(const char *e, const char *n, double *easting, double *northing,
                   int *has);

#endif
