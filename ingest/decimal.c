/*
 * decimal.c — plain decimals to doubles; see decimal.h.
 */
#include "decimal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const double exact_pow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Anything the fast path does not take: strtod() on a copy, which must be
 * used up to its end. */
static int slow(const char *s, size_t len, double *out)
{
    char buf[64], *end;
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (buf[strspn(buf, "+-.0123456789eE")] != '\0')
        return 0;
    *out = strtod(buf, &end);
    return *end == '\0' && isfinite(*out);
}

int decimal_parse(const char *s, size_t len, double *out)
{
    size_t i = 0;
    int negative = 0, digits = 0, decimals = 0, point = 0;
    uint64_t m = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        negative = s[i++] == '-';
    for (; i < len; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d < 10 && digits < 15) {
            m = m * 10 + d;
            digits++;
            decimals += point;
        } else if (s[i] == '.' && !point) {
            point = 1;
        } else {
            return slow(s, len, out); /* an exponent, a 16th digit, or not a number */
        }
    }
    if (!digits || decimals >= (int)(sizeof exact_pow10 / sizeof *exact_pow10))
        return slow(s, len, out);
    double v = (double)m / exact_pow10[decimals];
    *out = negative ? -v : v;
    return 1;
}
