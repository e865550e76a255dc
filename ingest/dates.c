/*
 * dates.c — dates and periods as the sources write them (see dates.h).
 *
 * Hand-parsed rather than strptime(): strptime accepts '2022-1-5 junk' and
 * knows nothing of financial years, and every form here is a few digits.
 */
#include "dates.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int days_in(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static int valid(int y, int m, int d)
{
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 0 &&
           d <= days_in(y, m);
}

/* The date part ends at 'T', a space or the end. */
static size_t date_part(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] != 'T' && s[n] != ' ')
        n++;
    return n;
}

/* D/M/YYYY with one or two digits for day and month. */
static int parse_uk(const char *s, size_t n, int *y, int *m, int *d)
{
    const char *a = memchr(s, '/', n);
    const char *b = a ? memchr(a + 1, '/', n - (size_t)(a + 1 - s)) : NULL;
    if (!a || !b || a - s < 1 || a - s > 2 || b - a < 2 || b - a > 3 ||
        n - (size_t)(b + 1 - s) != 4)
        return 0;
    *d = month_digits(s, (size_t)(a - s));
    *m = month_digits(a + 1, (size_t)(b - a - 1));
    *y = month_digits(b + 1, 4);
    return *d > 0 && valid(*y, *m, *d);
}

static int parse_iso(const char *s, size_t n, int *y, int *m, int *d)
{
    if ((n != 7 && n != 10) || s[4] != '-' || (n == 10 && s[7] != '-'))
        return 0;
    *y = month_digits(s, 4);
    *m = month_digits(s + 5, 2);
    *d = n == 10 ? month_digits(s + 8, 2) : 0;
    return (n == 7 || *d > 0) && valid(*y, *m, *d);
}

int dates_parse(const char *s, size_t len, int *y, int *m, int *d)
{
    size_t n = date_part(s, len);
    if (n < len && n + 1 == len)
        return 0; /* a separator with no time after it */
    if (n < len && parse_iso(s, n, y, m, d) && *d == 0)
        return 0; /* 'YYYY-MM 12:00' is not a form anyone writes */
    return memchr(s, '/', n) ? parse_uk(s, n, y, m, d) : parse_iso(s, n, y, m, d);
}

int dates_fy(const char *s, size_t len, int *year)
{
    if (len != 7 || s[4] != '/')
        return 0;
    *year = month_digits(s, 4);
    int next = month_digits(s + 5, 2);
    return *year >= 1900 && *year <= 2198 && next == (*year + 1) % 100;
}

int dates_period(const char *s, size_t len, month_t *start, month_t *end)
{
    int year, q;
    if (len == 7 && s[4] == '-') {
        *start = *end = month_parse(s, len);
        return *start != MONTH_NONE;
    }
    if (len == 7 && dates_fy(s, 7, &year)) {
        *start = month_make(year, 4);
        *end = *start + 11;
        return 1;
    }
    if (len != 10 || s[7] != ' ' || s[8] != 'Q' || !dates_fy(s, 7, &year) ||
        (q = month_digits(s + 9, 1)) < 1 || q > 4)
        return 0;
    *start = month_make(year, 4) + 3 * (q - 1);
    *end = *start + 2;
    return 1;
}

int dates_run_month(month_t *out, struct sio_error *err)
{
    const char *given = getenv("SIO_TODAY");
    int y, m, d;
    if (given) {
        if (strlen(given) != 10 || !dates_parse(given, 10, &y, &m, &d) || d == 0 ||
            given[4] != '-')
            return sio_fail(err, SIO_EUSAGE, NULL, 0, "SIO_TODAY is '%.40s', not a date "
                            "(YYYY-MM-DD)", given);
        *out = month_make(y, m);
        return SIO_OK;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    *out = month_make(tm.tm_year + 1900, tm.tm_mon + 1);
    return SIO_OK;
}
