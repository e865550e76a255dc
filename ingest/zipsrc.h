/*
 * zipsrc.h — reading the police.uk archive's .zip as downloaded.
 *
 * Members are read straight from the archive with libzip: nothing is unpacked
 * to disk and nothing is held whole in memory.  A member is read twice: once
 * to fingerprint it (SHA-256), once to load it.  For the load a thread
 * inflates the member into one end of a socket pair and csvin reads the
 * other end, so the reader sees an ordinary descriptor and memory stays
 * bounded by the two buffers.  A damaged member (a CRC or inflate error) is
 * only known at its end: zipsrc_check() reports it before the caller commits.
 * A member that unpacks to more than its cap (max_bytes: [ingest]
 * zip_member_max) is refused: its declared size is checked first, and the
 * bytes are counted as they are inflated, as a bomb may lie about its size.
 */
#ifndef SIO_INGEST_ZIPSRC_H
#define SIO_INGEST_ZIPSRC_H

#include "csv/csvin.h"
#include "sys/error.h"
#include "sys/sha256.h"

struct path_list;
struct zipsrc;

/* Add every *.csv member of the archive at path to list, in name order. */
int zipsrc_list(const char *path, struct path_list *list, struct sio_error *err);

/* The member's SHA-256 and uncompressed size; SIO_EDATA when it unpacks to
 * more than max_bytes (0: no cap). */
int zipsrc_sha256(const char *path, const char *member, long long max_bytes,
                  char hex[SHA256_HEX_LEN + 1], long long *bytes, struct sio_error *err);

/* Start streaming the member, capped at max_bytes as above; *in reads it
 * (owned by the zipsrc). */
int zipsrc_open(struct zipsrc **z, const char *path, const char *member, long long max_bytes,
                struct csvin **in, struct sio_error *err);

/* Once *in is at its end: SIO_OK if the whole member was read intact, else
 * SIO_EDATA (damaged) or SIO_EIO, naming the member.  ctx is the zipsrc. */
int zipsrc_check(void *ctx, struct sio_error *err);

/* Stop streaming (at any point) and free everything. */
void zipsrc_close(struct zipsrc *z);

#endif
