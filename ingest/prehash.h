/*
 * prehash.h — the inputs' SHA-256 fingerprints, worked out ahead on another
 * thread.
 *
 * sio-ingest must know an input's fingerprint before it reads a row (the same
 * bytes again are a no-op), and hashing every byte is a twentieth of an
 * ingest.  The store has one writer, so the thread that stores rows is the
 * bottleneck: hashing input i+1 while input i is stored takes that work off
 * it.  At most PREHASH_AHEAD inputs are hashed ahead, so the files hashed are
 * still in the page cache when they are read, and memory does not grow.
 */
#ifndef SIO_INGEST_PREHASH_H
#define SIO_INGEST_PREHASH_H

#include "ingest.h"

#define PREHASH_AHEAD 4

struct prehash;

/* Start hashing files->item[0..n-1] in order; files must outlive it.
 * SIO_ESOFTWARE if no thread can start (then hash with input_fingerprint). */
int prehash_start(struct prehash **ph, const struct path_list *files,
                  struct sio_error *err);

/* The next input's fingerprint, in the list's order, waiting if need be;
 * call it at most files->n times. */
void prehash_next(struct prehash *ph, struct fingerprint *fp);

/* Stop (even before every fingerprint is taken), join and free. */
void prehash_stop(struct prehash *ph);

#endif
