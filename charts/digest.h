/*
 * digest.h — 128-bit content digests (XXH3) of what a chart draws.
 *
 * A chart's digest covers everything its files depend on: the store rows it
 * was drawn from (each reader hashes the rows it reads, with digest_step),
 * the configuration, the alt text, the sizes, formats and resolutions, and
 * the program that draws it.  Two runs that compute the same digest for a
 * chart would write the same bytes, so the second need not draw it
 * (render.c, reuse.c).  XXH3 is not a cryptographic hash: the digest guards
 * against change, not against someone forging a collision.
 */
#ifndef SIO_CHARTS_DIGEST_H
#define SIO_CHARTS_DIGEST_H

#include <sqlite3.h>
#include <stddef.h>

struct digest {
    unsigned char b[16];
};

/* An accumulator: begin, add, end (which frees it). */
struct digest_acc {
    void *state; /* XXH3_state_t; NULL when out of memory (end then gives zeros) */
};

void digest_begin(struct digest_acc *a);
void digest_add(struct digest_acc *a, const void *p, size_t n);
void digest_add_str(struct digest_acc *a, const char *s);  /* NULL hashes as "" */
void digest_add_int(struct digest_acc *a, long long v);
void digest_add_digest(struct digest_acc *a, const struct digest *d);
void digest_end(struct digest_acc *a, struct digest *out);

/* Every column's type and value of st's current row into a. */
void digest_row(sqlite3_stmt *st, struct digest_acc *a);

/* sqlite3_step(st), and on SQLITE_ROW digest_row(st, a). */
int digest_step(sqlite3_stmt *st, struct digest_acc *a);

/* The digest of the whole file at path (zeros when it cannot be read). */
struct digest digest_file(const char *path);

/* 32 lower-case hex digits and a NUL into hex. */
char *digest_hex(const struct digest *d, char hex[33]);

/* Parse 32 hex digits; 0 when s is not that. */
int digest_parse(const char *s, struct digest *d);

#endif
