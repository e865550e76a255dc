/*
 * csvnum.c — SQLite's round() and number text without its printf (see
 * csvnum.h).
 */
#include "csv/csvnum.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const double csvnum_scale[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};

/* The decimal digits of m >= 0 into buf, NUL-terminated; their count.
 * (snprintf's "%lld" was most of the cost of a number.) */
static int csvnum_digits(unsigned long long m, char *buf)
{
    char rev[24];
    int n = 0;
    do
        rev[n++] = (char)('0' + m % 10);
    while ((m /= 10) > 0);
    for (int i = 0; i < n; i++)
        buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
    return n;
}

/* |x| * 10^places rounded half away from zero; 0 near a half.  SQLite's
 * printf keeps about 16 significant digits before it rounds, so a value a
 * hair below a half (61.249999999999986, 129/80 as a percentage change)
 * rounds up there: near a half only SQLite can say what it writes. */
static int csvnum_scaled(double x, int places, long long *m)
{
    double a = fabs(x), p = a * csvnum_scale[places];
    if (!(p < 1e15))
        return 0;
    double f = floor(p), frac = p - f; /* exact: p < 2^52 */
    if (fabs(frac - 0.5) <= 1e-13 * (p > 1.0 ? p : 1.0))
        return 0;
    *m = (long long)f + (frac > 0.5);
    return 1;
}

size_t csvnum_round(double x, int places, char *buf)
{
    long long m;
    if (places < 1 || places > 6 || !isfinite(x) || !csvnum_scaled(x, places, &m))
        return 0;
    if (m == 0) {
        memcpy(buf, "0.0", 4);
        return 3;
    }
    if (m >= 1000000000000000LL || (double)m < 1e-4 * csvnum_scale[places])
        return 0; /* "%.15g" would use an exponent or lose digits */
    char digits[24], frac[8] = "0000000";
    int n = csvnum_digits((unsigned long long)m, digits), whole = n - places, k = 0, f = places;
    if (x < 0)
        buf[k++] = '-';
    if (whole <= 0)
        buf[k++] = '0';
    else
        memcpy(buf + k, digits, (size_t)whole), k += whole;
    for (int i = 0; i < places; i++) /* the last places digits, zeros in front */
        frac[i] = i + n - places < 0 ? '0' : digits[i + n - places];
    while (f > 1 && frac[f - 1] == '0')
        f--;
    buf[k++] = '.';
    memcpy(buf + k, frac, (size_t)f), k += f;
    buf[k] = '\0';
    return (size_t)k;
}

/* What SQLite writes for round(x, places), asked of it. */
static const char *csvnum_sqlite_round(sqlite3 *db, double x, int places, char *buf)
{
    sqlite3_stmt *st;
    const char *text = NULL;
    if (sqlite3_prepare_v2(db, "SELECT round(?1, ?2)", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_double(st, 1, x);
    sqlite3_bind_int(st, 2, places);
    if (sqlite3_step(st) == SQLITE_ROW && (text = (const char *)sqlite3_column_text(st, 0))) {
        snprintf(buf, CSVNUM_MAX, "%s", text);
        text = buf;
    }
    sqlite3_finalize(st);
    return text;
}

const char *csvnum_column(sqlite3 *db, sqlite3_stmt *st, int i, int form, char *buf)
{
    int type = sqlite3_column_type(st, i);
    if (form == CSVNUM_TEXT || type == SQLITE_NULL)
        return (const char *)sqlite3_column_text(st, i);
    double x = sqlite3_column_double(st, i);
    if (form == CSVNUM_WHOLE_OR_6) {
        if (type == SQLITE_INTEGER)
            return (const char *)sqlite3_column_text(st, i);
        if (x >= -9.2e18 && x <= 9.2e18 && x == (double)(long long)x) {
            long long w = (long long)x;
            buf[0] = '-';
            csvnum_digits(w < 0 ? 0ULL - (unsigned long long)w : (unsigned long long)w,
                          buf + (w < 0));
            return buf;
        }
        form = 6;
    }
    return csvnum_round(x, form, buf) ? buf : csvnum_sqlite_round(db, x, form, buf);
}
