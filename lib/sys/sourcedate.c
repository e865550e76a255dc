/*
 * sourcedate.c — SOURCE_DATE_EPOCH or the clock.
 */
#include "sys/sourcedate.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* SOURCE_DATE_EPOCH into *t: 1 when it is set to a whole number of seconds. */
static int source_date(time_t *t)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    char *end;
    if (!sde || !*sde)
        return 0;
    errno = 0;
    long long secs = strtoll(sde, &end, 10);
    if (*end || errno || secs < 0)
        return 0;
    *t = (time_t)secs;
    return 1;
}

time_t sourcedate_now(void)
{
    time_t t;
    return source_date(&t) ? t : time(NULL);
}

/* Overwrite "/<key> (D:YYYYMMDDHHmmSS..." with tm's date, in place. */
static void fix_pdf_date(char *pdf, size_t len, const char *key, const struct tm *tm)
{
    char needle[32], digits[16];
    snprintf(needle, sizeof needle, "/%s (D:", key);
    size_t nl = strlen(needle);
    strftime(digits, sizeof digits, "%Y%m%d%H%M%S", tm);
    for (size_t i = 0; i + nl + 14 < len; i++) {
        if (memcmp(pdf + i, needle, nl) != 0)
            continue;
        char *d = pdf + i + nl;
        memcpy(d, digits, 14);
        if ((d[14] == '+' || d[14] == '-') && i + nl + 20 < len)
            memcpy(d + 14, "+00'00", 6); /* same length as cairo's offset */
        return;
    }
}

void sourcedate_fix_pdf(char *pdf, size_t len)
{
    struct tm tm;
    time_t t;
    if (!source_date(&t) || !gmtime_r(&t, &tm))
        return;
    fix_pdf_date(pdf, len, "CreationDate", &tm);
    fix_pdf_date(pdf, len, "ModDate", &tm);
}

char *sourcedate_day(char *buf)
{
    time_t t = sourcedate_now();
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, 11, "%Y-%m-%d", &tm))
        buf[0] = '\0';
    return buf;
}
