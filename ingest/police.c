/*
 * police.c — police.uk value checks and the legacy crime types (see police.h).
 */
#include "police.h"
#include "decimal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const current_types[] = {
    "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson",
    "Drugs", "Other crime", "Other theft", "Possession of weapons", "Public order",
    "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime",
    "Violence and sexual offences",
};

/* measures.md §1.2: valid months, and what each becomes. */
static const struct legacy {
    const char *published;
    int first_year, first_month, last_year, last_month;
    const char *stored;     /* NULL: stored as published */
    const char *note;
} legacy[] = {
    { "Violent crime", 2010, 12, 2013, 4, "Violence and sexual offences",
      "legacy crime type renamed Violence and sexual offences" },
    { "Public disorder and weapons", 2011, 9, 2013, 4, NULL,
      "legacy crime type kept: split in May 2013 into Public order and Possession of weapons" },
    { "Other theft", 2011, 9, 2013, 4, NULL,
      "legacy meaning: Other theft included bicycle theft and theft from the person before May 2013" },
    { "Other crime", 2010, 12, 2011, 8, NULL,
      "legacy meaning: Other crime included damage, drugs, other theft, shoplifting and "
      "public disorder before September 2011" },
};

int police_lsoa_ok(const char *s, size_t len)
{
    if (len == 0)
        return 1;
    if (len != 9 || (s[0] != 'E' && s[0] != 'W') || s[1] != '0' || s[2] != '1')
        return 0;
    for (size_t i = 3; i < 9; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int same(const char *s, size_t len, const char *want)
{
    return strlen(want) == len && !memcmp(s, want, len);
}

const char *police_crime_type(const char *s, size_t len, month_t m, const char **note)
{
    for (size_t i = 0; i < sizeof legacy / sizeof *legacy; i++) {
        const struct legacy *l = &legacy[i];
        if (same(s, len, l->published) && m >= month_make(l->first_year, l->first_month) &&
            m <= month_make(l->last_year, l->last_month)) {
            *note = l->note;
            return l->stored ? l->stored : s;
        }
    }
    *note = NULL;
    for (size_t i = 0; i < sizeof current_types / sizeof *current_types; i++)
        if (same(s, len, current_types[i]))
            return s;
    *note = "unknown crime type";
    return s;
}

/* Metres, written without an exponent. */
static int grid(const char *s, double hi, double *out)
{
    size_t len = strlen(s);
    return len && len == strcspn(s, "eE") && decimal_parse(s, len, out) && *out >= 0 &&
           *out <= hi;
}

int police_grid_ok(const char *e, const char *n, double *easting, double *northing, int *has)
{
    *has = 0;
    if (!*e && !*n)
        return 1;
    if (!grid(e, 700000, easting) || !grid(n, 1300000, northing))
        return 0;
    *has = 1;
    return 1;
}
