/*
 * gen.c — sio-gen: a deterministic generator of police.uk street files.
 *
 * Writes the data.police.uk archive tree DIR/YYYY-MM/YYYY-MM-<slug>-street.csv
 * with the real files' bytes: the 12-column header, CRLF line endings, no BOM,
 * 64-hex Crime IDs, anti-social behaviour rows with an empty Crime ID and an
 * empty outcome, 'On or near ...' locations (a few with a comma, so quoted),
 * about 3% 'No Location' rows, a few Crime IDs repeated within a file, and an
 * always-empty Context.  The same options and seed give the same bytes on
 * every run: the only randomness is splitmix64, seeded per force and per
 * force-month, so a file does not depend on which other files are made.
 *
 * The counts carry a signal so that the charts show something: neighbourhood
 * crime falls about 15% after March 2020 (deeper in lockdowns), violence rises
 * slowly, anti-social behaviour jumps in lockdowns, drugs has occasional
 * force-level spikes, and most types have a seasonal shape.
 *
 * --expect FILE writes the ground truth: force,crime_type,month,count with
 * each distinct Crime ID counted once and each ASB row counted, sorted by
 * force, crime type and month (byte order).  Only main() exits.
 */
#include "indicators.h"
#include "sys/month.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

/* Bump when the bytes written for a given seed and options change. */
#define GEN_FORMAT 1

#define POOL_SIZE 1500    /* snapped locations per force */
#define OUTBUF (1 << 20)  /* bytes buffered per output file */

static const char street_header[] =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
    "LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n";

/* ---- forces ------------------------------------------------------------ */

struct force {
    const char *slug;      /* police.uk file-name slug */
    const char *name;      /* Reported by / Falls within */
    double lon, lat;       /* rough centre of the force area */
    double spread;         /* half-width of the area in degrees */
    double weight;         /* relative crime volume */
    const char *districts; /* '|'-separated LSOA name prefixes, no commas */
};

/* The 43 territorial forces of England and Wales; the first four are the
 * demo's Warwickshire and neighbours, the rest in police.uk slug order. */
static const struct force forces[] = {
    {"warwickshire", "Warwickshire Police", -1.55, 52.30, 0.25, 0.45,
     "North Warwickshire|Nuneaton and Bedworth|Rugby|Stratford-on-Avon|Warwick|Coventry|Birmingham"},
    {"west-mercia", "West Mercia Police", -2.45, 52.35, 0.40, 1.00,
     "Worcester|Wychavon|Shropshire|Telford and Wrekin|Malvern Hills|Wyre Forest|Bromsgrove|Redditch"},
    {"leicestershire", "Leicestershire Police", -1.13, 52.64, 0.25, 0.95,
     "Leicester|Charnwood|Blaby|Harborough|Hinckley and Bosworth|Melton|North West Leicestershire|Oadby and Wigston|Rutland"},
    {"northamptonshire", "Northamptonshire Police", -0.90, 52.27, 0.25, 0.65,
     "Northampton|Daventry|Kettering|Corby|Wellingborough|East Northamptonshire|South Northamptonshire"},
    {"avon-and-somerset", "Avon and Somerset Constabulary", -2.75, 51.30, 0.35, 1.60,
     "Bristol|Bath and North East Somerset|North Somerset|South Gloucestershire|Mendip|Sedgemoor|Taunton Deane"},
    {"bedfordshire", "Bedfordshire Police", -0.45, 52.05, 0.20, 0.55,
     "Bedford|Central Bedfordshire|Luton"},
    {"cambridgeshire", "Cambridgeshire Constabulary", 0.05, 52.35, 0.30, 0.75,
     "Cambridge|Peterborough|Huntingdonshire|Fenland|East Cambridgeshire|South Cambridgeshire"},
    {"cheshire", "Cheshire Constabulary", -2.55, 53.20, 0.25, 0.90,
     "Cheshire East|Cheshire West and Chester|Halton|Warrington"},
    {"city-of-london", "City of London Police", -0.092, 51.515, 0.008, 0.08,
     "City of London|Westminster|Tower Hamlets|Islington"},
    {"cleveland", "Cleveland Police", -1.20, 54.57, 0.15, 0.65,
     "Middlesbrough|Stockton-on-Tees|Hartlepool|Redcar and Cleveland"},
    {"cumbria", "Cumbria Constabulary", -2.90, 54.55, 0.40, 0.40,
     "Carlisle|Allerdale|Barrow-in-Furness|Copeland|Eden|South Lakeland"},
    {"derbyshire", "Derbyshire Constabulary", -1.60, 53.05, 0.30, 0.90,
     "Derby|Amber Valley|Chesterfield|Erewash|High Peak|South Derbyshire"},
    {"devon-and-cornwall", "Devon & Cornwall Police", -4.20, 50.55, 0.70, 1.20,
     "Plymouth|Exeter|Torbay|Cornwall|Teignbridge|East Devon|North Devon"},
    {"dorset", "Dorset Police", -2.30, 50.75, 0.30, 0.50,
     "Bournemouth|Poole|Weymouth and Portland|West Dorset|Purbeck"},
    {"durham", "Durham Constabulary", -1.75, 54.70, 0.25, 0.60,
     "County Durham|Darlington"},
    {"dyfed-powys", "Dyfed-Powys Police", -3.90, 52.20, 0.60, 0.40,
     "Carmarthenshire|Ceredigion|Pembrokeshire|Powys"},
    {"essex", "Essex Police", 0.60, 51.80, 0.35, 1.50,
     "Chelmsford|Colchester|Basildon|Southend-on-Sea|Thurrock|Harlow|Braintree"},
    {"gloucestershire", "Gloucestershire Constabulary", -2.20, 51.85, 0.30, 0.50,
     "Gloucester|Cheltenham|Stroud|Tewkesbury|Cotswold|Forest of Dean"},
    {"greater-manchester", "Greater Manchester Police", -2.25, 53.50, 0.25, 3.80,
     "Manchester|Salford|Bolton|Bury|Oldham|Rochdale|Stockport|Tameside|Trafford|Wigan"},
    {"gwent", "Gwent Police", -3.00, 51.70, 0.20, 0.55,
     "Newport|Caerphilly|Blaenau Gwent|Torfaen|Monmouthshire"},
    {"hampshire", "Hampshire Constabulary", -1.30, 51.05, 0.40, 1.70,
     "Southampton|Portsmouth|Basingstoke and Deane|Winchester|Isle of Wight|Eastleigh|Havant"},
    {"hertfordshire", "Hertfordshire Constabulary", -0.25, 51.80, 0.25, 0.90,
     "St Albans|Watford|Stevenage|Dacorum|Welwyn Hatfield|Broxbourne|North Hertfordshire"},
    {"humberside", "Humberside Police", -0.50, 53.75, 0.35, 1.00,
     "Kingston upon Hull|East Riding of Yorkshire|North Lincolnshire|North East Lincolnshire"},
    {"kent", "Kent Police", 0.75, 51.20, 0.40, 1.80,
     "Maidstone|Canterbury|Medway|Dartford|Thanet|Ashford|Swale|Dover|Tonbridge and Malling"},
    {"lancashire", "Lancashire Constabulary", -2.60, 53.85, 0.35, 1.40,
     "Preston|Blackpool|Blackburn with Darwen|Lancaster|Burnley|Chorley|Wyre"},
    {"lincolnshire", "Lincolnshire Police", -0.30, 53.10, 0.45, 0.60,
     "Lincoln|Boston|East Lindsey|North Kesteven|South Holland|South Kesteven|West Lindsey"},
    {"merseyside", "Merseyside Police", -2.95, 53.42, 0.15, 1.50,
     "Liverpool|Wirral|Sefton|Knowsley|St. Helens"},
    {"metropolitan", "Metropolitan Police Service", -0.12, 51.50, 0.30, 8.50,
     "Westminster|Camden|Lambeth|Southwark|Hackney|Newham|Croydon|Barnet|Ealing|Brent|Haringey|Lewisham"},
    {"norfolk", "Norfolk Constabulary", 1.00, 52.65, 0.40, 0.65,
     "Norwich|Great Yarmouth|King's Lynn and West Norfolk|Breckland|Broadland|North Norfolk"},
    {"north-wales", "North Wales Police", -3.70, 53.05, 0.40, 0.55,
     "Wrexham|Conwy|Denbighshire|Flintshire|Gwynedd|Isle of Anglesey"},
    {"north-yorkshire", "North Yorkshire Police", -1.40, 54.10, 0.50, 0.70,
     "York|Harrogate|Scarborough|Selby|Hambleton|Craven|Ryedale"},
    {"northumbria", "Northumbria Police", -1.65, 55.00, 0.30, 1.45,
     "Newcastle upon Tyne|Sunderland|Gateshead|North Tyneside|South Tyneside|Northumberland"},
    {"nottinghamshire", "Nottinghamshire Police", -1.10, 53.05, 0.25, 1.10,
     "Nottingham|Ashfield|Bassetlaw|Broxtowe|Gedling|Mansfield|Newark and Sherwood|Rushcliffe"},
    {"south-wales", "South Wales Police", -3.50, 51.60, 0.30, 1.30,
     "Cardiff|Swansea|Bridgend|Neath Port Talbot|Rhondda Cynon Taf|Merthyr Tydfil|Vale of Glamorgan"},
    {"south-yorkshire", "South Yorkshire Police", -1.35, 53.50, 0.20, 1.45,
     "Sheffield|Rotherham|Doncaster|Barnsley"},
    {"staffordshire", "Staffordshire Police", -2.05, 52.85, 0.30, 0.95,
     "Stoke-on-Trent|Stafford|Cannock Chase|East Staffordshire|Lichfield|Newcastle-under-Lyme|Tamworth"},
    {"suffolk", "Suffolk Constabulary", 1.05, 52.20, 0.30, 0.55,
     "Ipswich|Babergh|Forest Heath|Mid Suffolk|St Edmundsbury|Suffolk Coastal|Waveney"},
    {"surrey", "Surrey Police", -0.40, 51.25, 0.25, 0.80,
     "Guildford|Woking|Elmbridge|Reigate and Banstead|Spelthorne|Waverley|Runnymede"},
    {"sussex", "Sussex Police", -0.30, 50.95, 0.45, 1.40,
     "Brighton and Hove|Crawley|Eastbourne|Hastings|Worthing|Chichester|Horsham|Wealden"},
    {"thames-valley", "Thames Valley Police", -1.10, 51.65, 0.45, 1.90,
     "Oxford|Reading|Milton Keynes|Slough|Aylesbury Vale|Wycombe|Cherwell|West Berkshire"},
    {"west-midlands", "West Midlands Police", -1.90, 52.48, 0.20, 3.50,
     "Birmingham|Coventry|Wolverhampton|Dudley|Sandwell|Walsall|Solihull"},
    {"west-yorkshire", "West Yorkshire Police", -1.65, 53.78, 0.25, 3.10,
     "Leeds|Bradford|Kirklees|Wakefield|Calderdale"},
    {"wiltshire", "Wiltshire Police", -1.95, 51.35, 0.30, 0.55,
     "Swindon|Wiltshire"},
};
#define N_FORCES ((int)(sizeof forces / sizeof forces[0]))

static int force_is_welsh(const struct force *f)
{
    return !strcmp(f->slug, "dyfed-powys") || !strcmp(f->slug, "gwent") ||
           !strcmp(f->slug, "north-wales") || !strcmp(f->slug, "south-wales");
}

/* ---- crime types and their signal -------------------------------------- */

/* The 14 current police.uk crime types, in byte order (the --expect order). */
enum {
    T_ASB, T_BICYCLE, T_BURGLARY, T_DAMAGE, T_DRUGS, T_OTHER_CRIME,
    T_OTHER_THEFT, T_WEAPONS, T_PUBLIC_ORDER, T_ROBBERY, T_SHOPLIFTING,
    T_THEFT_PERSON, T_VEHICLE, T_VIOLENCE, N_TYPES
};

static const char *const type_names[N_TYPES] = {
    "Anti-social behaviour", "Bicycle theft", "Burglary",
    "Criminal damage and arson", "Drugs", "Other crime", "Other theft",
    "Possession of weapons", "Public order", "Robbery", "Shoplifting",
    "Theft from the person", "Vehicle crime", "Violence and sexual offences",
};

/* Share of rows in a plain month (police.uk 2022, four Midlands forces). */
static const double type_share[N_TYPES] = {
    0.155, 0.010, 0.042, 0.085, 0.023, 0.019, 0.073,
    0.010, 0.089, 0.007, 0.046, 0.006, 0.055, 0.380,
};

enum season { S_FLAT, S_SUMMER, S_WINTER };
static const enum season type_season[N_TYPES] = {
    S_SUMMER, S_SUMMER, S_WINTER, S_FLAT, S_FLAT, S_FLAT, S_FLAT,
    S_FLAT, S_SUMMER, S_WINTER, S_WINTER, S_WINTER, S_WINTER, S_SUMMER,
};
static const double season_factor[3][12] = {
    {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {0.90, 0.88, 0.96, 1.00, 1.06, 1.09, 1.12, 1.09, 1.02, 1.00, 0.96, 0.92},
    {1.09, 1.00, 0.97, 0.93, 0.92, 0.91, 0.94, 0.96, 0.98, 1.05, 1.12, 1.13},
};

static int is_lockdown(month_t m)
{
    static const char *const months[] = {"2020-04", "2020-05", "2020-06",
                                         "2020-11", "2021-01", "2021-02",
                                         "2021-03"};
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        if (m == month_parse(months[i], 7))
            return 1;
    return 0;
}

/* The multiplier of type t's rate in month m (before drugs operations). */
static double type_factor(int t, month_t m)
{
    month_t covid = month_make(2020, 4), start = month_make(2018, 4);
    int lock = is_lockdown(m), after = m >= covid;
    double f = season_factor[type_season[t]][month_of_year(m) - 1];

    switch (t) {
    case T_BURGLARY: case T_ROBBERY: case T_THEFT_PERSON: case T_VEHICLE:
        return f * (lock ? 0.62 : after ? 0.85 : 1.0);
    case T_SHOPLIFTING: case T_OTHER_THEFT: case T_BICYCLE:
        return f * (lock ? 0.60 : after ? 0.88 : 1.0);
    case T_ASB:
        return f * (lock ? 1.60 : after ? 1.08 : 1.0);
    case T_DRUGS:
        return f * (lock ? 1.40 : 1.0);
    case T_VIOLENCE:
        return f * (1.0 + 0.06 * (m - start) / 12.0) * (lock ? 0.90 : 1.0);
    default:
        return f;
    }
}

/* ---- outcomes ---------------------------------------------------------- */

struct weighted {
    const char *s;
    int w; /* per mille */
};
static const struct weighted outcomes[] = {
    {"Unable to prosecute suspect", 452},
    {"Investigation complete; no suspect identified", 340},
    {"Status update unavailable", 47},
    {"Under investigation", 45},
    {"Awaiting court outcome", 34},
    {"Local resolution", 28},
    {"Action to be taken by another organisation", 15},
    {"Court result unavailable", 13},
    {"Offender given a caution", 8},
    {"Further action is not in the public interest", 7},
    {"Further investigation is not in the public interest", 5},
    {"Formal action is not in the public interest", 4},
    {"Offender given a drugs possession warning", 1},
    {"Offender given penalty notice", 1},
};

/* ---- PRNG: splitmix64 -------------------------------------------------- */

struct rng {
    uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A stream for (seed, a, b): independent of every other (a, b). */
static struct rng rng_for(uint64_t seed, uint64_t a, uint64_t b)
{
    struct rng r = {seed ^ 0x5eedULL};
    r.s = rng_next(&r) ^ (a * 0xd1b54a32d192ed03ULL);
    r.s = rng_next(&r) ^ (b * 0x8cb92ba72f3d8dd7ULL);
    rng_next(&r);
    return r;
}

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static uint32_t rng_below(struct rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Poisson(lambda): Knuth below 30, else a rounded normal (Irwin-Hall). */
static long rng_poisson(struct rng *r, double lambda)
{
    if (lambda <= 0)
        return 0;
    if (lambda < 30) {
        double limit = exp(-lambda), p = 1.0;
        long k = -1;
        do {
            k++;
            p *= rng_unit(r);
        } while (p > limit);
        return k;
    }
    double z = -6.0;
    for (int i = 0; i < 12; i++)
        z += rng_unit(r);
    long k = (long)(lambda + sqrt(lambda) * z + 0.5);
    return k < 0 ? 0 : k;
}

/* ---- output buffer ----------------------------------------------------- */

struct out {
    FILE *fp;
    char *buf;
    size_t len;
    int failed; /* a write failed; reported at close */
};

static void out_flush(struct out *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->fp) != o->len)
        o->failed = 1;
    o->len = 0;
}

/* Make room for n more bytes (n <= OUTBUF). */
static inline char *out_room(struct out *o, size_t n)
{
    if (o->len + n > OUTBUF)
        out_flush(o);
    return o->buf + o->len;
}

static inline void out_put(struct out *o, const char *s, size_t n)
{
    memcpy(out_room(o, n), s, n);
    o->len += n;
}

/* ---- the location pool ------------------------------------------------- */

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

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* One snapped point: its "lon,lat,Location,LSOA code,LSOA name" bytes. */
struct spot {
    char *text;
    size_t len;
};

/* The n-th '|'-separated district of f into buf (size cap). */
static void force_district(const struct force *f, uint32_t n, char *buf,
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

/* Fill pool[POOL_SIZE] for force fi; returns 0, or -1 when out of memory. */
static int pool_make(struct spot *pool, int fi, uint64_t seed)
{
    const struct force *f = &forces[fi];
    struct rng r = rng_for(seed, 1000 + (uint64_t)fi, 1);
    char lon[24], lat[24], loc[160], district[64], line[320];

    for (int i = 0; i < POOL_SIZE; i++) {
        double dx = (rng_unit(&r) * 2 - 1) * f->spread * 1.6;
        double dy = (rng_unit(&r) * 2 - 1) * f->spread;
        fmt_coord(lon, lround((f->lon + dx) * 1e6));
        fmt_coord(lat, lround((f->lat + dy) * 1e6));
        force_district(f, rng_below(&r, 64) < 58 ? rng_below(&r, 3)
                                                  : rng_below(&r, 64),
                       district, sizeof district);
        spot_location(&r, district, loc, sizeof loc);
        int n = snprintf(line, sizeof line, "%s,%s,%s,%s01%06u,%s %03u%c", lon,
                         lat, loc, force_is_welsh(f) ? "W" : "E",
                         1000 + rng_below(&r, 34000), district,
                         1 + rng_below(&r, 60), 'A' + (int)rng_below(&r, 6));
        pool[i].text = malloc((size_t)n);
        if (!pool[i].text)
            return -1;
        memcpy(pool[i].text, line, (size_t)n);
        pool[i].len = (size_t)n;
    }
    return 0;
}

/* ---- one force-month file ---------------------------------------------- */

struct row {
    uint64_t id[4]; /* Crime ID bits; unused for ASB */
    int type;       /* T_* */
    int twin;       /* repeats an earlier row's Crime ID: not counted */
};

struct plan {
    uint64_t seed;
    month_t from, to;
    double rows;        /* mean rows per force-month */
    int n_forces;
    const char *out_dir;
    const char *expect_path;
    int companions;     /* --indicators: also indicators.csv and population.csv */
    long *counts;       /* [force][type][month] ground truth */
};

static long *count_at(const struct plan *p, int fi, int t, month_t m)
{
    int months = p->to - p->from + 1;
    return &p->counts[((size_t)fi * N_TYPES + (size_t)t) * (size_t)months +
                      (size_t)(m - p->from)];
}

/* Draw the rows of one force-month: crimes, ASB, then repeated IDs, shuffled.
 * Returns the row count, or -1 when out of memory (*rows is then NULL). */
static long rows_draw(struct rng *r, double mean, month_t m, struct row **rows)
{
    long n_type[N_TYPES], total = 0, crimes = 0;
    double drugs = rng_below(r, 15) == 0 ? 2.2 : 1.0; /* an operation */

    for (int t = 0; t < N_TYPES; t++) {
        double f = type_factor(t, m) * (t == T_DRUGS ? drugs : 1.0);
        n_type[t] = rng_poisson(r, mean * type_share[t] * f);
        total += n_type[t];
        crimes += t == T_ASB ? 0 : n_type[t];
    }
    long dups = crimes ? rng_poisson(r, 0.5 + 0.002 * (double)crimes) : 0;
    *rows = malloc((size_t)(total + dups + 1) * sizeof **rows);
    if (!*rows)
        return -1;
    long k = 0;
    for (int t = 0; t < N_TYPES; t++)
        for (long i = 0; i < n_type[t]; i++, k++) {
            (*rows)[k].type = t;
            (*rows)[k].twin = 0;
            for (int j = 0; j < 4; j++)
                (*rows)[k].id[j] = rng_next(r);
        }
    for (long i = 0; i < dups; i++, k++) { /* a crime row's twin */
        (*rows)[k] = (*rows)[n_type[T_ASB] + (long)rng_below(r, (uint32_t)crimes)];
        (*rows)[k].twin = 1;
    }
    for (long i = k - 1; i > 0; i--) {
        long j = (long)rng_below(r, (uint32_t)(i + 1));
        struct row tmp = (*rows)[i];
        (*rows)[i] = (*rows)[j];
        (*rows)[j] = tmp;
    }
    return k;
}

static inline void put_hex_id(struct out *o, const uint64_t id[4])
{
    static const char hex[] = "0123456789abcdef";
    char *d = out_room(o, 64);
    for (int j = 0; j < 4; j++)
        for (int b = 60; b >= 0; b -= 4)
            *d++ = hex[(id[j] >> b) & 15];
    o->len += 64;
}

static const char *outcome_pick(struct rng *r)
{
    uint32_t u = rng_below(r, 1000);
    for (size_t i = 0; i < NELEM(outcomes); i++) {
        if (u < (uint32_t)outcomes[i].w)
            return outcomes[i].s;
        u -= (uint32_t)outcomes[i].w;
    }
    return outcomes[0].s;
}

/* Write one data row: the hot loop's body. */
static void row_write(struct out *o, struct rng *r, const struct row *row,
                      const char *prefix, size_t prefix_len,
                      const struct spot *pool)
{
    static const char no_loc[] = ",,No Location,,";
    if (row->type != T_ASB)
        put_hex_id(o, row->id);
    out_put(o, prefix, prefix_len);
    if (rng_below(r, 1000) < 30) {
        out_put(o, no_loc, sizeof no_loc - 1);
    } else {
        double u = rng_unit(r);
        const struct spot *s = &pool[(int)(u * u * POOL_SIZE)];
        out_put(o, s->text, s->len);
    }
    out_put(o, ",", 1);
    const char *t = type_names[row->type];
    out_put(o, t, strlen(t));
    out_put(o, ",", 1);
    if (row->type != T_ASB) {
        const char *oc = outcome_pick(r);
        out_put(o, oc, strlen(oc));
    }
    out_put(o, ",\r\n", 3);
}

/* Add a written file's rows to the ground truth. */
static void count_rows(const struct plan *p, int fi, month_t m,
                       const struct row *rows, long n)
{
    for (long i = 0; i < n; i++)
        if (!rows[i].twin)
            (*count_at(p, fi, rows[i].type, m))++;
}

static int make_dir(const char *path)
{
    return mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

/* mkdir -p: path and any missing parents.  Returns 0 or -1 (errno set). */
static int make_dirs(const char *path)
{
    char buf[4096];
    size_t n = strlen(path);
    if (n >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, path, n + 1);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/' && p[-1] != '/') {
            *p = '\0';
            if (make_dir(buf) != 0)
                return -1;
            *p = '/';
        }
    return make_dir(buf);
}

/* Open DIR/YYYY-MM/YYYY-MM-slug-street.csv for writing; NULL on failure. */
static FILE *file_open(const struct plan *p, int fi, const char *mon,
                       char *path, size_t cap)
{
    snprintf(path, cap, "%s/%s", p->out_dir, mon);
    if (make_dir(path) != 0)
        return NULL;
    snprintf(path, cap, "%s/%s/%s-%s-street.csv", p->out_dir, mon, mon,
             forces[fi].slug);
    return fopen(path, "wb");
}

/* Generate one force-month file.  Returns 0, or EX_* after printing why. */
static int file_write(const struct plan *p, int fi, month_t m, double mean,
                      const struct spot *pool, char *buf)
{
    struct rng r = rng_for(p->seed, (uint64_t)fi, (uint64_t)m);
    char mon[8], path[4096], prefix[160];
    struct row *rows;
    long n = rows_draw(&r, mean, m, &rows);
    if (n < 0) {
        fprintf(stderr, "sio-gen: out of memory\n");
        return EX_OSERR;
    }
    month_format(m, mon);
    int plen = snprintf(prefix, sizeof prefix, ",%s,%s,%s,", mon,
                        forces[fi].name, forces[fi].name);
    struct out o = {file_open(p, fi, mon, path, sizeof path), buf, 0, 0};
    if (!o.fp) {
        fprintf(stderr, "sio-gen: %s: %s\n", path, strerror(errno));
        free(rows);
        return EX_CANTCREAT;
    }
    out_put(&o, street_header, sizeof street_header - 1);
    for (long i = 0; i < n; i++)
        row_write(&o, &r, &rows[i], prefix, (size_t)plen, pool);
    out_flush(&o);
    int bad = o.failed | (fclose(o.fp) != 0);
    if (!bad)
        count_rows(p, fi, m, rows, n);
    free(rows);
    if (bad) {
        fprintf(stderr, "sio-gen: %s: write failed: %s\n", path, strerror(errno));
        return EX_IOERR;
    }
    return 0;
}

/* ---- the whole run ----------------------------------------------------- */

/* Mean rows for force fi: p->rows scaled by its weight, so that the mean
 * over the chosen forces is p->rows. */
static double force_mean(const struct plan *p, int fi)
{
    double sum = 0;
    for (int i = 0; i < p->n_forces; i++)
        sum += forces[i].weight;
    return p->rows * forces[fi].weight * p->n_forces / sum;
}

static int force_write(const struct plan *p, int fi, char *buf)
{
    struct spot *pool = calloc(POOL_SIZE, sizeof *pool);
    int rc = 0;
    if (!pool || pool_make(pool, fi, p->seed) != 0) {
        fprintf(stderr, "sio-gen: out of memory\n");
        rc = EX_OSERR;
    }
    double mean = force_mean(p, fi);
    for (month_t m = p->from; rc == 0 && m <= p->to; m++)
        rc = file_write(p, fi, m, mean, pool, buf);
    for (int i = 0; pool && i < POOL_SIZE; i++)
        free(pool[i].text);
    free(pool);
    return rc;
}

static int cmp_force_name(const void *a, const void *b)
{
    return strcmp(forces[*(const int *)a].name, forces[*(const int *)b].name);
}

/* Write the ground truth CSV.  Returns 0 or EX_* after printing why. */
static int expect_write(const struct plan *p)
{
    int order[N_FORCES];
    char mon[8];
    FILE *fp = fopen(p->expect_path, "wb");
    if (!fp) {
        fprintf(stderr, "sio-gen: %s: %s\n", p->expect_path, strerror(errno));
        return EX_CANTCREAT;
    }
    for (int i = 0; i < p->n_forces; i++)
        order[i] = i;
    qsort(order, (size_t)p->n_forces, sizeof order[0], cmp_force_name);
    fputs("force,crime_type,month,count\n", fp);
    for (int i = 0; i < p->n_forces; i++)
        for (int t = 0; t < N_TYPES; t++)
            for (month_t m = p->from; m <= p->to; m++) {
                long c = *count_at(p, order[i], t, m);
                if (c > 0)
                    fprintf(fp, "%s,%s,%s,%ld\n", forces[order[i]].name,
                            type_names[t], month_format(m, mon), c);
            }
    if (ferror(fp) | (fclose(fp) != 0)) {
        fprintf(stderr, "sio-gen: %s: write failed\n", p->expect_path);
        return EX_IOERR;
    }
    return 0;
}

/* The indicator and population files beside the street tree. */
static int companions_write(const struct plan *p)
{
    struct gen_force gf[N_FORCES];
    for (int i = 0; i < p->n_forces; i++)
        gf[i] = (struct gen_force){forces[i].name, forces[i].weight};
    int e = gen_companions(p->out_dir, p->seed, gf, p->n_forces, p->from, p->to);
    if (e)
        fprintf(stderr, "sio-gen: %s: %s\n", p->out_dir, strerror(e));
    return e ? EX_IOERR : 0;
}

static int plan_run(struct plan *p)
{
    int months = p->to - p->from + 1, rc = 0;
    char *buf = malloc(OUTBUF);
    p->counts = calloc((size_t)p->n_forces * N_TYPES * (size_t)months,
                       sizeof *p->counts);
    if (!buf || !p->counts) {
        fprintf(stderr, "sio-gen: out of memory\n");
        rc = EX_OSERR;
    }
    if (rc == 0 && make_dirs(p->out_dir) != 0) {
        fprintf(stderr, "sio-gen: %s: %s\n", p->out_dir, strerror(errno));
        rc = EX_CANTCREAT;
    }
    for (int fi = 0; rc == 0 && fi < p->n_forces; fi++)
        rc = force_write(p, fi, buf);
    if (rc == 0 && p->expect_path)
        rc = expect_write(p);
    if (rc == 0 && p->companions)
        rc = companions_write(p);
    free(buf);
    free(p->counts);
    return rc;
}

/* ---- options ----------------------------------------------------------- */

static const char usage_text[] =
    "usage: sio-gen --out DIR [--size small|medium|national] [--forces N]\n"
    "               [--from YYYY-MM] [--to YYYY-MM] [--rows N] [--seed S]\n"
    "               [--expect FILE] [--indicators]\n"
    "\n"
    "Write deterministic police.uk-format street files as the archive tree\n"
    "DIR/YYYY-MM/YYYY-MM-<force>-street.csv (CRLF, no BOM).\n"
    "\n"
    "  --out DIR        where to write (created if missing)\n"
    "  --size SIZE      small:    4 forces, 2018-04..2022-03, 400 rows (default)\n"
    "                   medium:   43 forces, 2021-04..2022-03, 4400 rows\n"
    "                   national: 43 forces, 2019-04..2022-03, 5000 rows\n"
    "  --forces N       the first N of the 43 forces of England and Wales\n"
    "                   (Warwickshire, West Mercia, Leicestershire,\n"
    "                   Northamptonshire, then the rest by slug)\n"
    "  --from YYYY-MM   first month\n"
    "  --to YYYY-MM     last month\n"
    "  --rows N         mean rows per force-month\n"
    "  --seed S         PRNG seed (default 1); the same seed gives the same bytes\n"
    "  --expect FILE    also write the ground truth force,crime_type,month,count\n"
    "  --indicators     also write DIR/indicators.csv (victim satisfaction with\n"
    "                   respondents, cyber crime reports, county lines closures)\n"
    "                   and DIR/population.csv, for sio-measures' other measures\n"
    "  --help           print this help\n"
    "  --version        print the version\n"
    "\n"
    "Options given explicitly override --size, in any order.\n";

enum { O_OUT = 256, O_SIZE, O_FORCES, O_FROM, O_TO, O_ROWS, O_SEED, O_EXPECT,
       O_HELP, O_VERSION, O_INDICATORS };

static const struct option long_options[] = {
    {"out", required_argument, NULL, O_OUT},
    {"size", required_argument, NULL, O_SIZE},
    {"forces", required_argument, NULL, O_FORCES},
    {"from", required_argument, NULL, O_FROM},
    {"to", required_argument, NULL, O_TO},
    {"rows", required_argument, NULL, O_ROWS},
    {"seed", required_argument, NULL, O_SEED},
    {"expect", required_argument, NULL, O_EXPECT},
    {"indicators", no_argument, NULL, O_INDICATORS},
    {"help", no_argument, NULL, O_HELP},
    {"version", no_argument, NULL, O_VERSION},
    {NULL, 0, NULL, 0},
};

/* The explicit options, applied over the --size preset. */
struct args {
    const char *size, *forces, *from, *to, *rows, *seed;
};

/* Parse a whole decimal number in [lo, hi] into *v; -1 if it is not one. */
static int parse_num(const char *s, double lo, double hi, double *v)
{
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (errno || end == s || *end || d < lo || d > hi)
        return -1;
    *v = d;
    return 0;
}

static int bad_value(const char *opt, const char *value)
{
    fprintf(stderr, "sio-gen: bad value for --%s: '%s'\n", opt, value);
    return EX_USAGE;
}

static int apply_size(struct plan *p, const char *size)
{
    if (!size || !strcmp(size, "small")) {
        p->n_forces = 4, p->rows = 400;
        p->from = month_make(2018, 4), p->to = month_make(2022, 3);
    } else if (!strcmp(size, "medium")) {
        p->n_forces = N_FORCES, p->rows = 4400;
        p->from = month_make(2021, 4), p->to = month_make(2022, 3);
    } else if (!strcmp(size, "national")) {
        p->n_forces = N_FORCES, p->rows = 5000;
        p->from = month_make(2019, 4), p->to = month_make(2022, 3);
    } else {
        return bad_value("size", size);
    }
    return 0;
}

static int apply_month(month_t *m, const char *opt, const char *s)
{
    if (!s)
        return 0;
    *m = month_parse(s, strlen(s));
    return *m == MONTH_NONE ? bad_value(opt, s) : 0;
}

static int apply_args(struct plan *p, const struct args *a)
{
    double v;
    int rc = apply_size(p, a->size);
    if (rc == 0 && a->forces) {
        if (parse_num(a->forces, 1, N_FORCES, &v) || v != (int)v)
            return bad_value("forces", a->forces);
        p->n_forces = (int)v;
    }
    if (rc == 0 && a->rows) {
        if (parse_num(a->rows, 0, 1e7, &v))
            return bad_value("rows", a->rows);
        p->rows = v;
    }
    if (rc == 0 && a->seed) {
        if (parse_num(a->seed, 0, 9007199254740992.0, &v) || v != (double)(uint64_t)v)
            return bad_value("seed", a->seed);
        p->seed = (uint64_t)v;
    }
    if (rc == 0)
        rc = apply_month(&p->from, "from", a->from);
    if (rc == 0)
        rc = apply_month(&p->to, "to", a->to);
    if (rc == 0 && p->to < p->from) {
        fprintf(stderr, "sio-gen: --to is before --from\n");
        rc = EX_USAGE;
    }
    return rc;
}

/* Returns -1 to run, else the exit code. */
static int parse_args(int argc, char **argv, struct plan *p)
{
    struct args a = {0};
    int c;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (c) {
        case O_OUT: p->out_dir = optarg; break;
        case O_SIZE: a.size = optarg; break;
        case O_FORCES: a.forces = optarg; break;
        case O_FROM: a.from = optarg; break;
        case O_TO: a.to = optarg; break;
        case O_ROWS: a.rows = optarg; break;
        case O_SEED: a.seed = optarg; break;
        case O_EXPECT: p->expect_path = optarg; break;
        case O_INDICATORS: p->companions = 1; break;
        case O_HELP: fputs(usage_text, stdout); return EX_OK;
        case O_VERSION:
            printf("sio-gen (sio) %s format %d\n", SIO_VERSION, GEN_FORMAT);
            return EX_OK;
        default: fputs(usage_text, stderr); return EX_USAGE;
        }
    }
    if (optind < argc || !p->out_dir) {
        fprintf(stderr, "sio-gen: %s\n", optind < argc ? "unexpected operand"
                                                      : "--out DIR is required");
        fputs(usage_text, stderr);
        return EX_USAGE;
    }
    int rc = apply_args(p, &a);
    return rc ? rc : -1;
}

int main(int argc, char **argv)
{
    struct plan p = {.seed = 1};
    int rc = parse_args(argc, argv, &p);
    if (rc >= 0)
        return rc;
    return plan_run(&p);
}
