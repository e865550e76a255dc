/*
 * words.c — number formatting shared by measures, charts and the statement.
 */
#include "text/words.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>

char *words_thousands(long n, char *buf, size_t size)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%lu",
                       n < 0 ? 0UL - (unsigned long)n : (unsigned long)n);
    size_t o = 0;

    if (n < 0 && o + 1 < size)
        buf[o++] = '-';
    for (int i = 0; i < len && o + 1 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

char *words_noun_heading(const char *noun, char *buf, size_t size)
{
    snprintf(buf, size, "%s", noun && *noun ? noun : "Number");
    if (size > 0)
        buf[0] = (char)toupper((unsigned char)buf[0]);
    return buf;
}

char *words_count_of(long n, const char *noun, char *buf, size_t size)
{
    char digits[32];
    snprintf(buf, size, "%s%s%s", words_thousands(n, digits, sizeof digits),
             noun && *noun ? " " : "", noun ? noun : "");
    return buf;
}

char *words_level(double v, char *buf, size_t size)
{
    if (fabs(v) < 99.95)
        snprintf(buf, size, "%.1f", v);
    else
        words_thousands(lround(v), buf, size);
    return buf;
}

int words_change_is_nil(double pct)
{
    return round(fabs(pct) * 10.0) == 0.0;
}

char *words_change(double pct, char *buf, size_t size)
{
    if (words_change_is_nil(pct))
        snprintf(buf, size, "in line");
    else
        snprintf(buf, size, "%.1f%% %s", fabs(pct), pct < 0 ? "lower" : "higher");
    return buf;
}

int words_count_is_small(double latest_12_months)
{
    return isfinite(latest_12_months) && latest_12_months <= WORDS_SMALL_COUNT;
}
