/*
 * indicators.c — deterministic indicator and population files for the demo.
 *
 * Same rules as the street generator: splitmix64 seeded per force and
 * series, so the same seed gives the same bytes.  The series carry a signal
 * for the charts: satisfaction about 74% falling to about 70% from April
 * 2020, cyber crime reports rising about 10% a year, a few county lines
 * closed each quarter.  Percentages are written to one decimal place from
 * whole respondents, so sio-measures recovers the exact count satisfied
 * (round(value / 100 x respondents)).  Files are written LF, no BOM, in the
 * sio-ingest formats force,period,indicator,value[,denominator] and
 * force,year,population.
 */
#include "indicators.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>

struct gen_rng {
    uint64_t s;
};

static uint64_t gen_next(struct gen_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double gen_unit(struct gen_rng *r)
{
    return (double)(gen_next(r) >> 11) / 9007199254740992.0;
}

/* Knuth's product method: fine for the small means used here. */
static long gen_poisson(struct gen_rng *r, double lambda)
{
    double limit = exp(-lambda), p = gen_unit(r);
    long k = 0;
    while (p > limit) {
        p *= gen_unit(r);
        k++;
    }
    return k;
}

static struct gen_rng gen_rng_for(uint64_t seed, int force, int series)
{
    struct gen_rng r = {seed * 1000003u + (uint64_t)force * 7919u + (uint64_t)series};
    gen_next(&r);
    return r;
}

static void satisfaction(FILE *fp, uint64_t seed, int fi, const char *name, month_t from,
                         month_t to)
{
    struct gen_rng r = gen_rng_for(seed, fi, 1);
    char mon[8];
    for (month_t m = from; m <= to; m++) {
        long n = 60 + (long)(gen_unit(&r) * 60), x = 0;
        double p = m >= month_make(2020, 4) ? 0.70 : 0.74;
        for (long i = 0; i < n; i++)
            x += gen_unit(&r) < p;
        fprintf(fp, "%s,%s,victim_satisfaction_pct,%.1f,%ld\n", name, month_format(m, mon),
                100.0 * (double)x / (double)n, n);
    }
}

static void cyber(FILE *fp, uint64_t seed, int fi, const struct gen_force *f, month_t from,
                  month_t to)
{
    struct gen_rng r = gen_rng_for(seed, fi, 2);
    char mon[8];
    for (month_t m = from; m <= to; m++)
        fprintf(fp, "%s,%s,cyber_crime_reports,%ld\n", f->name, month_format(m, mon),
                gen_poisson(&r, 30.0 * f->weight * (1.0 + 0.1 * (m - from) / 12.0)));
}

static void county_lines(FILE *fp, uint64_t seed, int fi, const struct gen_force *f,
                         month_t from, month_t to)
{
    struct gen_rng r = gen_rng_for(seed, fi, 3);
    char label[16];
    for (month_t q = month_fq_start(from); q + 2 <= to; q += 3)
        if (q >= from)
            fprintf(fp, "%s,%s,county_lines_closures,%ld\n", f->name, month_fq_label(q, label),
                    gen_poisson(&r, 2.0 + 2.0 * f->weight));
}

static int gen_file(const char *dir, const char *name, FILE **fp, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", dir, name);
    *fp = fopen(path, "w");
    return *fp ? 0 : errno;
}

static int gen_close(FILE *fp)
{
    int bad = ferror(fp);
    return (fclose(fp) || bad) ? (errno ? errno : EIO) : 0;
}

int gen_companions(const char *dir, uint64_t seed, const struct gen_force *forces, int n,
                   month_t from, month_t to)
{
    char path[4096];
    FILE *fp;
    int rc = gen_file(dir, "indicators.csv", &fp, path, sizeof path);
    if (rc)
        return rc;
    fputs("force,period,indicator,value,denominator\n", fp);
    for (int i = 0; i < n; i++) {
        satisfaction(fp, seed, i, forces[i].name, from, to);
        cyber(fp, seed, i, &forces[i], from, to);
        county_lines(fp, seed, i, &forces[i], from, to);
    }
    if ((rc = gen_close(fp)) || (rc = gen_file(dir, "population.csv", &fp, path, sizeof path)))
        return rc;
    fputs("force,year,population\n", fp);
    for (int i = 0; i < n; i++)
        for (int y = month_year(from); y <= month_year(to); y++)
            fprintf(fp, "%s,%d,%ld\n", forces[i].name, y,
                    lround(1.2e6 * forces[i].weight * (1.0 + 0.005 * (y - 2018))));
    return gen_close(fp);
}
