/*
 * police.c — police.uk value checks and the legacy crime types (see police.h).
 */
#include "police.h"
#include "decimal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Each with its length, as every street row is looked up here. */
#define TYPE(s) { s, sizeof s - 1 }
static const struct known_type {
    const char *name;
    size_t len;
} current_types[] = {
    TYPE("Anti-social behaviour"), TYPE("Bicycle theft"), TYPE("Burglary"),
    TYPE("Criminal damage and arson"), TYPE("Drugs"), TYPE("Other crime"),
    TYPE("Other theft"), TYPE("Possession of weapons"), TYPE("Public order"),
    TYPE("Robbery"), TYPE("Shoplifting"), TYPE("Theft from the person"),
    TYPE("Vehicle crime"), TYPE("Violence and sexual offences"),
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

/* The last month of legacy[] (2013-04): rows after it skip the table. */
#define LEGACY_LAST (2013 * 12 + 4 - 1)

const char *police_crime_type(const char *s, size_t len, month_t m, const char **note)
{
    for (size_t i = 0; m <= LEGACY_LAST && i < sizeof legacy / sizeof *legacy; i++) {
        const struct legacy *l = &legacy[i];
        if (same(s, len, l->published) && m >= month_make(l->first_year, l->first_month) &&
            m <= month_make(l->last_year, l->last_month)) {
            *note = l->note;
            return l->stored ? l->stored : s;
        }
    }
    *note = NULL;
    for (size_t i = 0; i < sizeof current_types / sizeof *current_types; i++)
        if (current_types[i].len == len && !memcmp(s, current_types[i].name, len))
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

/* England and Wales run from 6.45 W (Scilly) to 1.77 E (Lowestoft) and from
 * 49.86 N (Scilly) to 55.81 N (Berwick-upon-Tweed); about 20 km more each
 * way.  On the grid: eastings 80 to 655 km, northings 8 to 657 km. */
#define EW_WEST (-6.7)
#define EW_EAST 2.0
#define EW_SOUTH 49.7
#define EW_NORTH 56.0
#define EW_GRID_WEST 60000.0
#define EW_GRID_EAST 675000.0
#define EW_GRID_NORTH 677000.0

static int in_england_wales(double lon, double lat)
{
    return lon >= EW_WEST && lon <= EW_EAST && lat >= EW_SOUTH && lat <= EW_NORTH;
}

const char *police_place_note(double lon, double lat)
{
    if (in_england_wales(lon, lat))
        return NULL;
    if (in_england_wales(lat, lon))
        return "coordinates outside England and Wales: Longitude and Latitude look swapped";
    return "coordinates outside England and Wales";
}

const char *police_grid_note(double easting, double northing)
{
    if (easting >= EW_GRID_WEST && easting <= EW_GRID_EAST && northing <= EW_GRID_NORTH)
        return NULL;
    return "grid reference outside England and Wales";
}
