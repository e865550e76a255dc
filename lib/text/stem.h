/*
 * stem.h — the one way sio turns a name into part of a file name.
 *
 * Chart files are named after their measure ("neighbourhood crime" ->
 * neighbourhood-crime.svg) and kept in a folder named after their force; the
 * statement is named after its force and quarter.  Every stage that makes or
 * finds such a name calls stem_make(), and sio-measures stores each
 * measure's stem in the catalogue, so no two stages can spell one
 * differently.  A stem is lower-case ASCII letters, digits and '_', with '-'
 * for each run of anything else (spaces, punctuation, non-ASCII bytes) and
 * no '-' at either end: never empty of meaning for the shell, never a path,
 * never read as an option.
 */
#ifndef SIO_STEM_H
#define SIO_STEM_H

#include <stddef.h>

/* The stem of name into buf (size > 0); "" when name has no letter, digit
 * or '_'.  Returns buf.  Truncates at size - 1 bytes without a trailing
 * '-'. */
char *stem_make(const char *name, char *buf, size_t size);

#endif
