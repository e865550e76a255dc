/*
 * decimal.h — a number as written in a CSV field, to a double.
 *
 * Only plain decimals are numbers here: optional sign, digits with at most
 * one point, an optional exponent.  strtod() alone would also take leading
 * spaces, hex, "inf" and "nan", which no source means.  The value is always
 * strtod()'s, correctly rounded.  Most fields (coordinates, counts) have at
 * most 15 significant digits and no exponent; those are converted without
 * strtod(), by Clinger's fast path: an integer under 2^53 and a power of ten
 * up to 10^22 are both exact doubles, so their quotient is one correctly
 * rounded IEEE division.  Two coordinates a row made strtod() a tenth of the
 * reader thread's time.
 */
#ifndef SIO_DECIMAL_H
#define SIO_DECIMAL_H

#include <stddef.h>

/* 1 and *out when the len bytes at s are a plain decimal with a finite
 * value, else 0 (*out undefined). */
int decimal_parse(const char *s, size_t len, double *out);

#endif
