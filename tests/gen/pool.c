/*
 * pool.c — made-up snapped locations for a force (see pool.h).
 */
#include "pool.h"
#include "forces.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const street_first[] = {
    "Church", "Station", "Mill", "Park", "Victoria", "Albert", "Queen",
    "King", "High", "Manor", "Chapel", "School", "Orchard", "Meadow",
    "Willow", "Oak", "Elm", "Ash", "Beech", "Cedar", "Hawthorn", "Holly",
    "Galahad", "Charlecote", "Broomie", "Donibristle", "Kenilworth",
    "Warwick", "Nelson", "Wellington", "Windsor", "York", "Tudor", "Granby",
    "Belgrave", "Clarendon", "Stanley", "Cavendish", "Lancaster", "Grange",
    "Springfield", "Fairfield", "Highfield", "Brook", "Castle", "Bridge",
    "Market", "Abbey", "Priory", "Dale", "Heath", "Moor", "Green", "Hill",
    "Spencer", "Gladstone", "Milton", "Shelley", "Byron", "Tennyson",
};
static const char *const street_kind[] = {
    "Road", "Street", "Close", "Drive", "Lane", "Avenue", "Way", "Crescent",
    "Grove", "Court", "Place", "Gardens", "Croft", "Walk",
};
static const char *const place_kind[] = {
    "Supermarket", "Parking Area", "Petrol Station", "Shopping Area",
    "Sports/Recreation Area", "Nightclub", "Police Station", "Hospital",
    "Further/Higher Educational Building", "Theatre/Concert Hall",
    "Pedestrian Subway", "Bus/Coach Station", "Park/Open Space",
};
static const char *const comma_place[] = {
    "Asda", "Tesco", "Sainsbury's", "Morrisons", "Aldi", "Lidl",
    "Retail Park", "Leisure Centre",
};

/* The n-th '|'-separated district of f into buf (size cap). */
static void force_district(const struct gen_force *f, uint32_t n, char *buf,
                           size_t cap)
{
    const char *p = f->districts;
    uint32_t count = 1;
    for (const char *q = p; *q; q++)
        count += *q == '|';
    n %= count;
    while (n--)
        p = strchr(p, '|') + 1;
    size_t len = strcspn(p, "|");
    if (len >= cap)
        len = cap - 1;
    memcpy(buf, p, len);
    buf[len] = '\0';
}

/* Microdegrees as "-1.812334". */
static int fmt_coord(char *buf, long micro)
{
    long a = micro < 0 ? -micro : micro;
    return sprintf(buf, "%s%ld.%06ld", micro < 0 ? "-" : "", a / 1000000,
                   a % 1000000);
}

static void spot_location(struct rng *r, const char *district, char *loc,
                          size_t cap)
{
    uint32_t u = rng_below(r, 1000);
    if (u < 3)
        snprintf(loc, cap, "\"On or near %s, %s\"",
                 comma_place[rng_below(r, NELEM(comma_place))], district);
    else if (u < 110)
        snprintf(loc, cap, "On or near %s",
                 place_kind[rng_below(r, NELEM(place_kind))]);
    else
        snprintf(loc, cap, "On or near %s %s",
                 street_first[rng_below(r, NELEM(street_first))],
                 street_kind[rng_below(r, NELEM(street_kind))]);
}

struct spot *pool_make(int fi, uint64_t seed)
{
    const struct gen_force *f = &gen_forces[fi];
    struct rng r = rng_for(seed, RNG_POOL + (uint64_t)fi, 1);
    char lon[24], lat[24], loc[160], district[64], line[320];
    struct spot *pool = calloc(POOL_SIZE, sizeof *pool);

    for (int i = 0; pool && i < POOL_SIZE; i++) {
        double dx = (rng_unit(&r) * 2 - 1) * f->spread * 1.6;
        double dy = (rng_unit(&r) * 2 - 1) * f->spread;
        int lon_len = fmt_coord(lon, lround((f->lon + dx) * 1e6));
        int lat_len = fmt_coord(lat, lround((f->lat + dy) * 1e6));
        force_district(f, rng_below(&r, 64) < 58 ? rng_below(&r, 3)
                                                  : rng_below(&r, 64),
                       district, sizeof district);
        spot_location(&r, district, loc, sizeof loc);
        int n = snprintf(line, sizeof line, "%s,%s,%s,%s01%06u,%s %03u%c", lon,
                         lat, loc, gen_force_is_welsh(fi) ? "W" : "E",
                         1000 + rng_below(&r, 34000), district,
                         1 + rng_below(&r, 60), 'A' + (int)rng_below(&r, 6));
        if (!(pool[i].text = malloc((size_t)n))) {
            pool_free(pool);
            return NULL;
        }
        memcpy(pool[i].text, line, (size_t)n);
        pool[i].len = (size_t)n;
        pool[i].lon_len = (size_t)lon_len;
        pool[i].lat_len = (size_t)lat_len;
    }
    return pool;
}

void pool_free(struct spot *pool)
{
    for (int i = 0; pool && i < POOL_SIZE; i++)
        free(pool[i].text);
    free(pool);
}

int pool_draw(struct rng *r, double no_location)
{
    if (rng_unit(r) < no_location)
        return -1;
    double u = rng_unit(r);
    return (int)(u * u * POOL_SIZE);
}

