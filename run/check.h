/*
 * check.h — is the store fit to run on?
 *
 * Before any stage runs, sio-run opens the store read-only and runs SQLite's
 * PRAGMA quick_check, so a damaged store stops the run with one clear message
 * instead of failing half-way or, worse, feeding damaged rows into the
 * figures.  A store that does not exist yet is fine: sio-ingest creates it.
 */
#ifndef SIO_RUN_CHECK_H
#define SIO_RUN_CHECK_H

#include "sys/error.h"

/* SIO_OK, or SIO_EDATA naming the store and what SQLite found wrong. */
int check_store(const char *path, struct sio_error *err);

#endif
