/*
 * ingestopt.h — the [ingest] values that are more than a path: the cap on a
 * zip member's unpacked size and the plausible range of an indicator.
 *
 * As chartopt.h: each parser reads one sio.ini value and returns 1 when the
 * whole value was understood, 0 otherwise (config.c then reports file and
 * line), and stores nothing from a value it refuses.
 */
#ifndef SIO_INGESTOPT_H
#define SIO_INGESTOPT_H

#include "config/config.h"

/* sio-ingest's defaults: forces.csv, members of up to 1 GiB. */
void ingestopt_defaults(struct ingest_settings *in);

/* A size in bytes: a whole number, optionally followed by KiB, MiB or GiB
 * (powers of 1024); at least 1. */
int ingestopt_size(const char *value, long long *bytes);

/* "NAME MIN MAX": indicator NAME's values lie in MIN..MAX (plain decimals,
 * MIN <= MAX), appended to in; a second line for the same NAME replaces the
 * first.  At most CONFIG_MAX_RANGES names. */
int ingestopt_range(const char *value, struct ingest_settings *in);

/* The range [ingest] gives indicator name, or NULL. */
const struct indicator_range *ingestopt_range_of(const struct ingest_settings *in,
                                                 const char *name, size_t len);

#endif
