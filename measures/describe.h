/*
 * describe.h — a measure's source in words, for the catalogue: what kind of
 * source it is, exactly what it counts, and which file would supply it.
 *
 * These are the words the statement prints beside every figure and in its
 * "no data loaded: load ..." lines, so a panel member can see that a figure
 * labelled homicide counts offence codes 1, 4/1, 4/2 and 4/10 and nothing
 * else.  Each writes into buf (always terminated) and returns it.
 */
#ifndef SIO_MEASURES_DESCRIBE_H
#define SIO_MEASURES_DESCRIBE_H

#include "config/config.h"

#include <stddef.h>

/* "Home Office police recorded crime, by financial quarter". */
const char *describe_source(const struct measure_def *m);

/* "Home Office offence codes 1, 4/1, 4/2 and 4/10". */
char *describe_definition(const struct measure_def *m, char *buf, size_t size);

/* "the Home Office open data table of police recorded crime by force and
 * quarter (...)": what to load for this measure. */
char *describe_file(const struct measure_def *m, char *buf, size_t size);

#endif
