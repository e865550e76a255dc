/*
 * gen.c — sio-gen: a deterministic generator of the data sio reads.
 *
 * Writes the data.police.uk archive tree DIR/YYYY-MM/YYYY-MM-<slug>-street.csv
 * (street.h) with volumes and crime-type mix calibrated on real files
 * (calibration.h); on request also the forces' stop-and-search files
 * (--stop-search, stopsearch.h) and outcomes files (--outcomes, outcomes.h),
 * the Home Office open data table for every force of England and Wales
 * (--home-office, hotable.h), the Home Office rolling-year file made from the
 * same counts (--rolling-year, horolling.h), indicator series and population
 * for every force (--indicators, indicators.h; --own-indicators: the forces
 * written only); --all-sources is all five, --indicators' way.  The
 * same options and seed give the same bytes on every run.
 *
 * --expect FILE writes the ground truth: force,crime_type,month,count with
 * each distinct Crime ID counted once and each ASB row counted, sorted by
 * force, crime type and month (byte order); beside it FILE-stop-search.csv,
 * FILE-outcomes.csv and FILE-ho.csv for those files (FILE's .csv dropped
 * first).  Only main() exits.
 */
#include "calibration.h"
#include "forces.h"
#include "horolling.h"
#include "hotable.h"
#include "indicators.h"
#include "out.h"
#include "outcomes.h"
#include "plan.h"
#include "stopsearch.h"
#include "street.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* Bump when the bytes written for a given seed and options change. */
#define GEN_FORMAT 6

/* The truths a run keeps while it writes. */
struct truths {
    struct truth street, outcomes, searches;
};

/* FILE-<suffix>.csv beside the --expect FILE (its .csv dropped). */
static const char *truth_path(const struct plan *p, const char *suffix, char *buf, size_t cap)
{
    size_t n = strlen(p->expect_path);
    if (n > 4 && !strcmp(p->expect_path + n - 4, ".csv"))
        n -= 4;
    snprintf(buf, cap, "%.*s-%s.csv", (int)n, p->expect_path, suffix);
    return buf;
}

/* Every file of force fi: street months, then its outcomes and
 * stop-and-search files when asked for. */
static int force_write(const struct plan *p, int fi, struct truths *t)
{
    struct spot *pool = pool_make(fi, p->seed);
    struct outcome_log log = {0};
    int rc = 0;
    if (!pool) {
        fprintf(stderr, "sio-gen: out of memory\n");
        return EX_OSERR;
    }
    for (month_t m = p->from; rc == 0 && m <= p->to; m++)
        rc = street_write(p, fi, m, pool, &t->street, p->outcomes ? &log : NULL);
    if (rc == 0 && p->outcomes)
        rc = outcomes_write(p, fi, pool, &log, &t->outcomes);
    if (rc == 0 && p->searches)
        rc = searches_write(p, fi, pool, &t->searches);
    free(log.v);
    pool_free(pool);
    return rc;
}

static int truths_init(struct truths *t, const struct plan *p)
{
    memset(t, 0, sizeof *t);
    if (street_truth_init(&t->street, p) != 0 ||
        (p->outcomes && outcome_truth_init(&t->outcomes, p) != 0) ||
        (p->searches && search_truth_init(&t->searches, p) != 0)) {
        fprintf(stderr, "sio-gen: out of memory\n");
        return EX_OSERR;
    }
    return 0;
}

static void truths_free(struct truths *t)
{
    truth_free(&t->street);
    truth_free(&t->outcomes);
    truth_free(&t->searches);
}

static int truths_write(const struct truths *t, const struct plan *p)
{
    char path[4096];
    int rc = street_truth_write(&t->street, p, p->expect_path);
    if (rc == 0 && p->outcomes)
        rc = outcome_truth_write(&t->outcomes, p, truth_path(p, "outcomes", path, sizeof path));
    if (rc == 0 && p->searches)
        rc = search_truth_write(&t->searches, p, truth_path(p, "stop-search", path, sizeof path));
    return rc;
}

/* The files beside the police.uk tree: the national table, the series. */
static int tables_write(const struct plan *p)
{
    char path[4096];
    int rc = 0;
    if (p->home_office)
        rc = hotable_write(p, p->expect_path ? truth_path(p, "ho", path, sizeof path) : NULL);
    if (rc == 0 && p->rolling_year)
        rc = horolling_write(p);
    return rc == 0 && p->indicators != PLAN_INDICATORS_NONE ? indicators_write(p) : rc;
}

/* The --rows scale: the calibrated volumes times the factor that makes the
 * mean rows per force-month over the chosen forces p->rows. */
static void plan_scale(struct plan *p)
{
    double sum = 0;
    p->scale = 1.0;
    if (p->rows <= 0)
        return;
    for (int fi = 0; fi < p->n_forces; fi++)
        sum += street_expected_rows(p, fi);
    p->scale = sum > 0 ? p->rows * p->n_forces / sum : 0;
}

/* The forces table and the calibration table list the forces in one order. */
static int tables_agree(void)
{
    for (int i = 0; i < GEN_N_FORCES; i++)
        if (strcmp(gen_forces[i].slug, cal_forces[i].slug) != 0) {
            fprintf(stderr, "sio-gen: internal error: force %d is %s in forces.c but %s in"
                            " calibration_table.c\n", i, gen_forces[i].slug, cal_forces[i].slug);
            return EX_SOFTWARE;
        }
    return 0;
}

static int plan_run(struct plan *p)
{
    struct truths t;
    int rc = tables_agree();
    if (rc)
        return rc;
    cal_init();
    outcome_init();
    plan_scale(p);
    if ((rc = truths_init(&t, p)) == 0 && out_make_dirs(p->out_dir) != 0) {
        fprintf(stderr, "sio-gen: %s: %s\n", p->out_dir, strerror(errno));
        rc = EX_CANTCREAT;
    }
    for (int fi = 0; rc == 0 && fi < p->n_forces; fi++)
        rc = force_write(p, fi, &t);
    if (rc == 0)
        rc = tables_write(p);
    if (rc == 0 && p->expect_path)
        rc = truths_write(&t, p);
    truths_free(&t);
    return rc;
}

/* ---- options ----------------------------------------------------------- */

static const char usage_text[] =
    "usage: sio-gen --out DIR [--size small|test|medium|national] [--forces N]\n"
    "               [--from YYYY-MM] [--to YYYY-MM] [--rows N] [--seed S]\n"
    "               [--expect FILE] [--stop-search] [--outcomes] [--home-office]\n"
    "               [--rolling-year] [--indicators] [--own-indicators]\n"
    "               [--all-sources]\n"
    "\n"
    "Write deterministic, made-up police data in the formats sio reads: the\n"
    "police.uk archive tree DIR/YYYY-MM/YYYY-MM-<force>-street.csv (CRLF, no\n"
    "BOM), with each force's volumes and crime-type mix calibrated on real\n"
    "files (its police.uk 2022 street files for Warwickshire, West Mercia,\n"
    "Leicestershire and Northamptonshire; the Home Office recorded crime by\n"
    "force area for the rest): seasonality, over-dispersion, the 2018-2022\n"
    "trend and the COVID-19 months.\n"
    "\n"
    "  --out DIR        where to write (created if missing)\n"
    "  --size SIZE      small:    4 forces, 2018-04..2022-03, real volumes\n"
    "                             (about 1.4 million rows; the default)\n"
    "                   test:     the same at 400 rows a force-month\n"
    "                   medium:   43 forces, 2021-04..2022-03, 4660 rows\n"
    "                   national: 43 forces, 2019-04..2022-03, 5200 rows\n"
    "  --forces N       the first N of the 43 forces of England and Wales\n"
    "                   (Warwickshire, West Mercia, Leicestershire,\n"
    "                   Northamptonshire, then the rest by slug)\n"
    "  --from YYYY-MM   first month\n"
    "  --to YYYY-MM     last month (the archive edition: later outcomes are\n"
    "                   still 'Under investigation')\n"
    "  --rows N         mean rows per force-month, every force scaled alike\n"
    "                   (the mix and the forces' relative sizes kept)\n"
    "  --seed S         PRNG seed (default 1); the same seed gives the same bytes\n"
    "  --expect FILE    also write the ground truth force,crime_type,month,count,\n"
    "                   and FILE-stop-search.csv, FILE-outcomes.csv and\n"
    "                   FILE-ho.csv for those files (FILE's .csv dropped)\n"
    "  --stop-search    also write the forces' stop-and-search files\n"
    "  --outcomes       also write their outcomes files, joined to the street\n"
    "                   files by Crime ID\n"
    "  --home-office    also write the Home Office open data table by financial\n"
    "                   quarter for every force of England and Wales, one file\n"
    "                   per financial year under DIR/home-office/\n"
    "  --rolling-year   also write the Home Office rolling-year file (12-month\n"
    "                   totals by police force area and offence group, every\n"
    "                   quarter end) as DIR/home-office/rec-crime-pfa.csv, the\n"
    "                   sums of the open data table's quarters\n"
    "  --indicators     also write DIR/indicators.csv for every force of\n"
    "                   England and Wales\n"
    "                   (knife_crime_offences, action_fraud_reports,\n"
    "                   cyber_crime_reports, victim_satisfaction_pct monthly;\n"
    "                   county_lines_closures, victim_satisfaction_da_pct\n"
    "                   quarterly) and DIR/population.csv (every force)\n"
    "  --own-indicators the same, the series for the --forces written only\n"
    "  --all-sources    --stop-search, --outcomes, --home-office,\n"
    "                   --rolling-year and --indicators\n"
    "  --help           print this help\n"
    "  --version        print the version\n"
    "\n"
    "Options given explicitly override --size, in any order.\n";

enum { O_OUT = 256, O_SIZE, O_FORCES, O_FROM, O_TO, O_ROWS, O_SEED, O_EXPECT,
       O_HELP, O_VERSION, O_INDICATORS, O_OUTCOMES, O_STOP_SEARCH, O_HOME_OFFICE,
       O_ALL_SOURCES, O_ROLLING_YEAR, O_OWN_INDICATORS };

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
    {"own-indicators", no_argument, NULL, O_OWN_INDICATORS},
    {"outcomes", no_argument, NULL, O_OUTCOMES},
    {"stop-search", no_argument, NULL, O_STOP_SEARCH},
    {"home-office", no_argument, NULL, O_HOME_OFFICE},
    {"rolling-year", no_argument, NULL, O_ROLLING_YEAR},
    {"all-sources", no_argument, NULL, O_ALL_SOURCES},
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
        p->n_forces = GEN_N_DEMO, p->rows = 0;
        p->from = month_make(2018, 4), p->to = month_make(2022, 3);
    } else if (!strcmp(size, "test")) {
        p->n_forces = GEN_N_DEMO, p->rows = 400;
        p->from = month_make(2018, 4), p->to = month_make(2022, 3);
    } else if (!strcmp(size, "medium")) {
        p->n_forces = GEN_N_FORCES, p->rows = 4660;
        p->from = month_make(2021, 4), p->to = month_make(2022, 3);
    } else if (!strcmp(size, "national")) {
        p->n_forces = GEN_N_FORCES, p->rows = 5200;
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
        if (parse_num(a->forces, 1, GEN_N_FORCES, &v) || v != (int)v)
            return bad_value("forces", a->forces);
        p->n_forces = (int)v;
    }
    if (rc == 0 && a->rows) {
        if (parse_num(a->rows, 1, 1e7, &v))
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
        case O_INDICATORS: p->indicators = PLAN_INDICATORS_ALL; break;
        case O_OWN_INDICATORS: p->indicators = PLAN_INDICATORS_OWN; break;
        case O_OUTCOMES: p->outcomes = 1; break;
        case O_STOP_SEARCH: p->searches = 1; break;
        case O_HOME_OFFICE: p->home_office = 1; break;
        case O_ROLLING_YEAR: p->rolling_year = 1; break;
        case O_ALL_SOURCES:
            p->outcomes = p->searches = p->home_office = p->rolling_year = 1;
            p->indicators = PLAN_INDICATORS_ALL;
            break;
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
