/*
 * sourcedate.c — SOURCE_DATE_EPOCH or the clock.
 */
#include "sys/sourcedate.h"

#include <errno.h>
#include <stdlib.h>

time_t sourcedate_now(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    char *end;
    if (sde && *sde) {
        errno = 0;
        long long secs = strtoll(sde, &end, 10);
        if (!*end && !errno && secs >= 0)
            return (time_t)secs;
    }
    return time(NULL);
}

char *sourcedate_day(char *buf)
{
    time_t t = sourcedate_now();
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, 11, "%Y-%m-%d", &tm))
        buf[0] = '\0';
    return buf;
}
