/*
 * sha256.h — file fingerprints (SHA-256, via nettle).
 *
 * A file's fingerprint decides whether sio-ingest has seen its bytes before.
 */
#ifndef SIO_SHA256_H
#define SIO_SHA256_H

#include "sys/error.h"

#define SHA256_HEX_LEN 64

/* Hash the whole file at path; hex receives 64 lowercase digits and a NUL.
 * *bytes receives the file size.  SIO_ENOINPUT/SIO_EIO on failure. */
int sha256_file(const char *path, char hex[SHA256_HEX_LEN + 1], long long *bytes,
                struct sio_error *err);

/* Hash len bytes of memory into hex. */
void sha256_buffer(const void *data, size_t len, char hex[SHA256_HEX_LEN + 1]);

#endif
