/*
 * words.h — numbers as people read them in charts, sentences and tables.
 */
#ifndef SIO_WORDS_H
#define SIO_WORDS_H

#include <stddef.h>

/* n with thousands separators ("12,345", "-1,079") into buf; returns buf. */
char *words_thousands(long n, char *buf, size_t size);

#endif
