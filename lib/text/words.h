/*
 * words.h — numbers as people read them in charts, sentences and tables.
 */
#ifndef SIO_WORDS_H
#define SIO_WORDS_H

#include <stddef.h>

/* n with thousands separators ("12,345", "-1,079") into buf; returns buf. */
char *words_thousands(long n, char *buf, size_t size);

/* A measure's noun ("crimes", "county lines closed") as a heading starts:
 * "Crimes", "County lines closed"; "Number" when there is none.  Returns buf. */
char *words_noun_heading(const char *noun, char *buf, size_t size);

/* "1,234 crimes", or "1,234" when there is no noun, into buf; returns buf. */
char *words_count_of(long n, const char *noun, char *buf, size_t size);

#endif
