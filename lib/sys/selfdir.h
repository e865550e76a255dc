/*
 * selfdir.h — the folder the running program is in (from /proc/self/exe),
 * so a program finds the programs and shared files installed beside it
 * whatever PATH and the current folder are.
 */
#ifndef SIO_SELFDIR_H
#define SIO_SELFDIR_H

#include "sys/error.h"

#include <stddef.h>

/* The running program's folder into dir (size bytes).  SIO_ESOFTWARE when
 * it cannot be told. */
int selfdir_get(char *dir, size_t size, struct sio_error *err);

#endif
