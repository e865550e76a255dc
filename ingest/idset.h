/*
 * idset.h — an exact set of short byte strings (Crime IDs), copied in.
 *
 * For the few IDs sio-ingest must compare byte for byte within one file:
 * those of the rows a new edition replaces, and those of rows held back until
 * the end of the file (ingest/dedupe.h).  Memory is the strings plus 24 bytes
 * a slot, and is freed with the set.
 */
#ifndef SIO_IDSET_H
#define SIO_IDSET_H

#include "sys/error.h"

#include <stddef.h>
#include <stdint.h>

struct idset_slot;

struct idset {
    char *bytes;                 /* the strings, back to back */
    size_t bytes_len, bytes_cap;
    struct idset_slot *slot;
    unsigned bits;               /* 2^bits slots; 0 before the first add */
    size_t used;
};

/* Add id (len bytes); adding one already there is a no-op. */
int idset_add(struct idset *s, const char *id, size_t len, struct sio_error *err);
int idset_has(const struct idset *s, const char *id, size_t len);
/* Empty the set, keeping nothing allocated. */
void idset_free(struct idset *s);

#endif
