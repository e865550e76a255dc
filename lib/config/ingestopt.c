/*
 * ingestopt.c — sio-ingest's [ingest] values; see ingestopt.h.
 */
#include "config/ingestopt.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest police.uk archive member (a month of the Metropolitan
 * Police's street or outcomes rows) is tens of MB; 1 GiB leaves room for
 * growth and still stops a member that would fill a disk. */
#define ZIP_MEMBER_MAX_DEFAULT (1LL << 30)

void ingestopt_defaults(struct ingest_settings *in)
{
    strcpy(in->forces, "forces.csv");
    in->zip_member_max = ZIP_MEMBER_MAX_DEFAULT;
}

int ingestopt_size(const char *value, long long *bytes)
{
    static const struct { const char *unit; int shift; } units[] = {
        { "", 0 }, { "KiB", 10 }, { "MiB", 20 }, { "GiB", 30 },
    };
    char *end;
    errno = 0;
    long long n = strtoll(value, &end, 10);
    if (end == value || *value == '-' || *value == '+' || errno || n < 1)
        return 0;
    while (*end == ' ')
        end++;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (!strcmp(end, units[i].unit) && n <= LLONG_MAX >> units[i].shift) {
            *bytes = n << units[i].shift;
            return 1;
        }
    return 0;
}

/* A plain decimal, the whole of s (strtod alone would take hex, nan, inf). */
static int number(const char *s, double *out)
{
    char *end;
    if (!*s || s[strspn(s, "0123456789+-.eE")])
        return 0;
    *out = strtod(s, &end);
    return *end == '\0' && isfinite(*out);
}

int ingestopt_range(const char *value, struct ingest_settings *in)
{
    struct indicator_range r;
    char lo[64], hi[64], extra[2];
    if (sscanf(value, "%63s %63s %63s %1s", r.name, lo, hi, extra) != 3 || !number(lo, &r.min) ||
        !number(hi, &r.max) || r.min > r.max)
        return 0;
    struct indicator_range *have = (struct indicator_range *)
        ingestopt_range_of(in, r.name, strlen(r.name));
    if (have) {
        *have = r;
        return 1;
    }
    if (in->n_indicator_ranges == CONFIG_MAX_RANGES)
        return 0;
    in->indicator_ranges[in->n_indicator_ranges++] = r;
    return 1;
}

const struct indicator_range *ingestopt_range_of(const struct ingest_settings *in,
                                                 const char *name, size_t len)
{
    for (int i = 0; i < in->n_indicator_ranges; i++)
        if (strlen(in->indicator_ranges[i].name) == len &&
            !memcmp(in->indicator_ranges[i].name, name, len))
            return &in->indicator_ranges[i];
    return NULL;
}
