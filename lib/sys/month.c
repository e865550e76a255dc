/*
 * month.c — month_t arithmetic and formatting.
 */
#include "sys/month.h"

#include <stdio.h>

month_t month_make(int year, int month)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12)
        return MONTH_NONE;
    return year * 12 + (month - 1);
}

int month_year(month_t m) { return m / 12; }

int month_of_year(month_t m) { return m % 12 + 1; }

int month_digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

month_t month_parse(const char *s, size_t len)
{
    if (len != 7 || s[4] != '-')
        return MONTH_NONE;
    int y = month_digits(s, 4), m = month_digits(s + 5, 2);
    if (y < 0 || m < 0)
        return MONTH_NONE;
    return month_make(y, m);
}

char *month_format(month_t m, char *buf)
{
    unsigned y = (unsigned)month_year(m) % 10000, mo = (unsigned)month_of_year(m);
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + mo / 10);
    buf[6] = (char)('0' + mo % 10);
    buf[7] = '\0';
    return buf;
}

/* Shift so April is month 0 of the financial year. */
static int fy_index(month_t m) { return (month_of_year(m) + 8) % 12; }

month_t month_fq_start(month_t m) { return m - fy_index(m) % 3; }

int month_fq(month_t m) { return fy_index(m) / 3 + 1; }

int month_fy(month_t m) { return month_year(m) - (month_of_year(m) < 4); }

char *month_fq_label(month_t m, char *buf)
{
    unsigned fy = (unsigned)month_fy(m) % 10000;
    snprintf(buf, 16, "%04u/%02u Q%u", fy, (fy + 1) % 100, (unsigned)month_fq(m) % 10);
    return buf;
}

char *month_words(month_t m, char *buf)
{
    static const char *const names[12] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    };
    snprintf(buf, 12, "%s %04u", names[month_of_year(m) - 1], (unsigned)month_year(m) % 10000);
    return buf;
}
