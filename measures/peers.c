/*
 * peers.c — the peers file and peer_results.
 *
 * A group's figures for a period (each member's rate, rank and test) do not
 * depend on which member's page they are written for, only on the period:
 * they are worked out once for each period a group needs (its members'
 * latest months; usually one) and written for every member whose period it
 * is, not again for each (at national size the England and Wales group of
 * 43 forces made that 43 times the work).
 */
#include "peers.h"
#include "peerprop.h"
#include "stats/dispersion.h"
#include "stats/poisson.h"
#include "population.h"
#include "source.h"
#include "store/store.h"
#include "window.h"

#include <ini.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PEERS_MAX_GROUPS 16
#define PEERS_MAX_REGIONS 12  /* England's nine regions and Wales, with room */
#define PEERS_MAX_MEMBERS 64

struct group {
    char name[128];
    char source[256];
    char date[32];
    char *member[PEERS_MAX_MEMBERS];
    int n;
    int regional;         /* a default: compares only the forces in no configured group */
};

struct groups {
    struct group g[PEERS_MAX_GROUPS + PEERS_MAX_REGIONS + 1]; /* + England and Wales */
    int n;
    char why[160];
};

#define PEERS_MONTHS 12

struct member_rate {
    int complete;           /* every month of the period covered */
    long count, pop;
    int year;
    double rate, low, high; /* NaN: not fully covered or no population */
    int monthly;            /* month[] holds the period's monthly counts */
    long month[PEERS_MONTHS];
};

static struct group *group_named(struct groups *gs, const char *name)
{
    for (int i = 0; i < gs->n; i++)
        if (!strcmp(gs->g[i].name, name))
            return &gs->g[i];
    if (gs->n == PEERS_MAX_GROUPS || strlen(name) >= sizeof gs->g[0].name)
        return NULL;
    struct group *g = &gs->g[gs->n++];
    snprintf(g->name, sizeof g->name, "%s", name);
    return g;
}

static int peers_key(void *user, const char *section, const char *name, const char *value)
{
    struct groups *gs = user;
    struct group *g = group_named(gs, section);
    int ok = g != NULL;
    if (ok && !strcmp(name, "member"))
        ok = g->n < PEERS_MAX_MEMBERS && *value && (g->member[g->n++] = strdup(value));
    else if (ok && !strcmp(name, "source"))
        snprintf(g->source, sizeof g->source, "%s", value);
    else if (ok && !strcmp(name, "date"))
        snprintf(g->date, sizeof g->date, "%s", value);
    else if (ok)
        ok = 0;
    if (!ok && !gs->why[0])
        snprintf(gs->why, sizeof gs->why, "bad or unknown key '%s' in group [%s] (want"
                 " source, date, member)", name, section);
    return ok;
}

static void groups_free(struct groups *gs)
{
    for (int i = 0; i < gs->n; i++)
        for (int j = 0; j < gs->g[i].n; j++)
            free(gs->g[i].member[j]);
}

static int groups_load(const char *path, struct groups *gs, struct sio_error *err)
{
    memset(gs, 0, sizeof *gs);
    if (!path[0])
        return SIO_OK;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return sio_fail(err, SIO_ENOINPUT, path, 0, "cannot open the peers file: %m");
    int line = ini_parse_file(fp, peers_key, gs);
    fclose(fp);
    if (line)
        return sio_fail(err, SIO_ECONFIG, path, line, "%s", gs->why[0] ? gs->why
                        : "syntax error (expected [group] or key = value)");
    return SIO_OK;
}

/* ---- rates ---------------------------------------------------------------- */

static int member_rate(const struct sources *src, const struct measure_def *m,
                       const char *force, month_t end, double level, struct member_rate *r,
                       struct sio_error *err)
{
    const struct series *s = sources_series(src, m, force);
    struct window w;
    struct poisson_interval pi;
    memset(r, 0, sizeof *r);
    r->rate = r->low = r->high = NAN;
    window_take(s, end - 11, end, &w);
    /* Monthly counts for the test's dispersion; a quarterly series has none. */
    r->monthly = window_complete(&w) && series_step(s) == 1;
    for (int k = 0; k < PEERS_MONTHS && r->monthly; k++)
        r->month[k] = s->count[end - 11 + k - s->first];
    if (!window_complete(&w) || w.num < 0)
        return SIO_OK;
    r->count = w.num;
    r->complete = 1;
    population_for(&src->population, force, end - 11, end, &r->pop, &r->year);
    if (r->pop <= 0)
        return SIO_OK;
    int rc = poisson_rate_ci(w.num, (double)r->pop / 1000.0, level, &pi, err);
    if (!rc)
        r->rate = pi.rate, r->low = pi.low, r->high = pi.high;
    return rc;
}

struct peer_run {
    sqlite3 *db;
    const struct sources *src;
    const struct sio_config *cfg;
    const struct measure_def *m;
    sqlite3_stmt *ins;
    long rows;
};

/* A group's figures for the 12 months to end, whichever member's page. */
struct group_table {
    month_t end;
    struct member_rate *r;      /* each member's rate */
    signed char *sig;           /* significant(): 1, 0, -1 unknown */
    char (*source)[300];        /* population_source(), "" without population */
    double mean;                /* the unweighted mean of the members' rates */
};

static const char insert_sql[] =
    "INSERT OR REPLACE INTO peer_results(force, measure, period, group_name, member,"
    " rate_per_1000, ci_low, ci_high, rank, peer_mean, significant, count, population,"
    " difference, method, population_year, population_source)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)";

/* 1 + how many members have a lower rate. */
static int rank_of(const struct member_rate *r, int n, int k)
{
    int rank = 1;
    for (int j = 0; j < n; j++)
        rank += !isnan(r[j].rate) && r[j].rate < r[k].rate;
    return rank;
}

/* -1 unknown; 1 when k's rate differs from the other members' pooled rate:
 * the interval of the ratio of the two rates allows for the extra-Poisson
 * variation of their monthly counts, as the verdicts do (a quasi-Poisson
 * fit of k's 12 months and the others' pooled 12 months on a group
 * indicator; dispersion.h), so a rank is not called a difference because
 * of a few hundred crimes a year. */
static int significant(const struct member_rate *r, int n, int k, double level,
                       struct sio_error *err)
{
    long x = 0, pooled[PEERS_MONTHS] = {0};
    double pop = 0;
    struct poisson_ratio pr;
    struct dispersion_point pt[2 * PEERS_MONTHS];
    struct dispersion_fit fit;
    if (!r[k].monthly)
        return -1; /* quarterly figures: too few to estimate the dispersion */
    for (int j = 0; j < n; j++)
        if (j != k && !isnan(r[j].rate) && r[j].monthly) {
            x += r[j].count, pop += (double)r[j].pop;
            for (int m = 0; m < PEERS_MONTHS; m++)
                pooled[m] += r[j].month[m];
        }
    if (pop <= 0)
        return -1;
    for (int m = 0; m < PEERS_MONTHS; m++) {
        pt[m] = (struct dispersion_point){(double)r[k].month[m], 1.0, 1, 0};
        pt[PEERS_MONTHS + m] = (struct dispersion_point){(double)pooled[m], 1.0, 0, 0};
    }
    if (dispersion_poisson(pt, 2 * PEERS_MONTHS, 0, &fit, err) ||
        dispersion_ratio_ci(r[k].count, (double)r[k].pop, x, pop, &fit, level, &pr, err))
        return -1;
    return poisson_verdict(&pr) != CHANGE_NONE;
}

static int put_member(struct peer_run *pr, const char *force, const char *period,
                      const struct group *g, int k, const struct group_table *t,
                      struct sio_error *err)
{
    sqlite3_stmt *st = pr->ins;
    const struct member_rate *r = t->r;
    int have = !isnan(r[k].rate), sig = t->sig[k];
    char method[640];
    snprintf(method, sizeof method, "rate = 12-month count / population x 1,000 (exact"
             " Poisson %g%% CI); peer_mean = unweighted mean of members' rates; significant ="
             " the rate ratio against the other members' pooled rate excludes 1, its %g%% CI"
             " widened by the quasi-Poisson dispersion of the two series' monthly counts;"
             " group source: %s %s", 100 * pr->cfg->confidence, 100 * pr->cfg->confidence,
             g->source[0] ? g->source : "not stated", g->date);
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, pr->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, period, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, g->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, g->member[k], -1, SQLITE_STATIC);
    store_bind_real(st, 6, r[k].rate);
    store_bind_real(st, 7, r[k].low);
    store_bind_real(st, 8, r[k].high);
    if (have) sqlite3_bind_int(st, 9, rank_of(r, g->n, k)); else sqlite3_bind_null(st, 9);
    store_bind_real(st, 10, t->mean);
    if (sig >= 0) sqlite3_bind_int(st, 11, sig); else sqlite3_bind_null(st, 11);
    if (r[k].complete) sqlite3_bind_int64(st, 12, r[k].count); else sqlite3_bind_null(st, 12);
    if (r[k].pop > 0) sqlite3_bind_int64(st, 13, r[k].pop); else sqlite3_bind_null(st, 13);
    store_bind_real(st, 14, r[k].rate - t->mean);
    sqlite3_bind_text(st, 15, method, -1, SQLITE_TRANSIENT);
    if (r[k].pop > 0)
        sqlite3_bind_int(st, 16, r[k].year);
    else
        sqlite3_bind_null(st, 16);
    sqlite3_bind_text(st, 17, t->source[k], -1, SQLITE_TRANSIENT);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    pr->rows += ok;
    return ok ? SIO_OK : store_fail(pr->db, err, "cannot store peer results");
}

static void table_free(struct group_table *t)
{
    free(t->r);
    free(t->sig);
    free(t->source);
    memset(t, 0, sizeof *t);
}

/* Every member's figures for the 12 months to end. */
static int table_make(struct peer_run *pr, const struct group *g, month_t end,
                      struct group_table *t, struct sio_error *err)
{
    struct sio_error why;
    double sum = 0;
    int have = 0, rc = SIO_OK;
    memset(t, 0, sizeof *t);
    t->end = end;
    t->r = calloc((size_t)g->n, sizeof *t->r);
    t->sig = calloc((size_t)g->n, sizeof *t->sig);
    t->source = calloc((size_t)g->n, sizeof *t->source);
    if (!t->r || !t->sig || !t->source)
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    for (int k = 0; k < g->n && !rc; k++) {
        rc = member_rate(pr->src, pr->m, g->member[k], end, pr->cfg->confidence, &t->r[k], err);
        if (!rc && !isnan(t->r[k].rate))
            sum += t->r[k].rate, have++;
    }
    t->mean = have ? sum / have : NAN;
    for (int k = 0; k < g->n && !rc; k++) {
        t->sig[k] = (signed char)(isnan(t->r[k].rate) ? -1
                                  : significant(t->r, g->n, k, pr->cfg->confidence, &why));
        if (t->r[k].pop > 0)
            population_source(&pr->src->population, g->member[k], t->r[k].year, t->source[k],
                              sizeof t->source[k]);
    }
    if (rc)
        table_free(t);
    return rc;
}

/* The group's rows on force's page: the figures for the 12 months to its
 * latest month, from tables[] (made when no member's page has needed that
 * period yet). */
static int force_group(struct peer_run *pr, const char *force, const struct group *g,
                       struct group_table *tables, int *n_tables, struct sio_error *err)
{
    char period[40], mon[8];
    month_t end = series_last_month(sources_series(pr->src, pr->m, force));
    int i = 0, rc = SIO_OK;
    if (end == MONTH_NONE)
        return SIO_OK;
    while (i < *n_tables && tables[i].end != end)
        i++;
    if (i == *n_tables && (rc = table_make(pr, g, end, &tables[i], err)) == SIO_OK)
        ++*n_tables;
    snprintf(period, sizeof period, "12 months to %s", month_format(end, mon));
    for (int k = 0; k < g->n && !rc; k++)
        rc = put_member(pr, force, period, g, k, &tables[i], err);
    return rc;
}

static int in_list(char *const *list, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(list[i], s))
            return 1;
    return 0;
}

/* force is a member of a group from the peers file. */
static int configured(const struct groups *gs, const char *force)
{
    for (int i = 0; i < gs->n; i++)
        if (!gs->g[i].regional && strcmp(gs->g[i].name, "England and Wales") &&
            in_list(gs->g[i].member, gs->g[i].n, force))
            return 1;
    return 0;
}

/* Whether member k of group g is compared in it: every member of a
 * configured group; in a region's default group, only the forces without
 * one (a configured most similar group wins). */
static int compared(const struct groups *gs, const struct group *g, int k)
{
    return !g->regional || !configured(gs, g->member[k]);
}

static int run_groups(struct peer_run *pr, const struct groups *gs, struct sio_error *err)
{
    struct group_table tables[PEERS_MAX_MEMBERS];
    int rc = SIO_OK;
    for (int i = 0; i < gs->n && !rc; i++) {
        int n_tables = 0;
        for (int k = 0; k < gs->g[i].n && !rc; k++)
            if (compared(gs, &gs->g[i], k))
                rc = force_group(pr, gs->g[i].member[k], &gs->g[i], tables, &n_tables, err);
        while (n_tables > 0)
            table_free(&tables[--n_tables]);
    }
    return rc;
}

/* Proportion measures: peer_proportions (peerprop.c). */
static int run_groups_prop(struct peer_run *pr, const struct groups *gs,
                           struct sio_error *err)
{
    int rc = SIO_OK;
    for (int i = 0; i < gs->n && !rc; i++) {
        const struct group *g = &gs->g[i];
        const struct peerprop_group pg = {g->name, g->source, g->date, g->member, g->n};
        struct peerprop_tables ts = {NULL, 0};
        for (int k = 0; k < g->n && !rc; k++)
            if (compared(gs, g, k))
                rc = peerprop_force(pr->db, pr->src, pr->m, g->member[k], &pg, &ts, &pr->rows, err);
        peerprop_tables_free(&ts);
    }
    return rc;
}

/* England and Wales: every force in the store, once there are all of them. */
static void add_all_forces(struct groups *gs, char *const *forces)
{
    struct group *g = &gs->g[gs->n];
    int n = 0;
    while (forces[n])
        n++;
    if (n < PEERS_ALL_FORCES || n > PEERS_MAX_MEMBERS)
        return;
    memset(g, 0, sizeof *g);
    snprintf(g->name, sizeof g->name, "England and Wales");
    snprintf(g->source, sizeof g->source, "every force in the store");
    for (int i = 0; i < n; i++)
        if (!in_list(g->member, g->n, forces[i]))
            g->member[g->n++] = strdup(forces[i]);
    gs->n++;
}

/* The region the forces table gives force ("" for none: BTP, or a forces
 * file without the column). */
static int region_of(sqlite3 *db, const char *force, char *out, size_t size,
                     struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT COALESCE(region, '') FROM forces WHERE slug = ?1", &st, err);
    out[0] = '\0';
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, size, "%s", store_col_text(st, 0));
    sqlite3_finalize(st);
    return SIO_OK;
}

/* A default group for each region with a force in no configured group:
 * every force with data in that region, so each force without a most
 * similar group is still compared with its neighbours (and with England and
 * Wales, when every force is loaded). */
static int add_region_groups(sqlite3 *db, struct groups *gs, char *const *forces,
                             struct sio_error *err)
{
    char region[64], other[64], name[128];
    int rc = SIO_OK;
    for (int i = 0; forces[i] && !rc; i++) {
        if (configured(gs, forces[i]) ||
            (rc = region_of(db, forces[i], region, sizeof region, err)) || !region[0])
            continue;
        snprintf(name, sizeof name, "%s region", region);
        int j = 0;
        while (j < gs->n && strcmp(gs->g[j].name, name))
            j++;
        if (j < gs->n || gs->n == PEERS_MAX_GROUPS + PEERS_MAX_REGIONS)
            continue; /* made already (or no room) */
        struct group *g = &gs->g[gs->n];
        memset(g, 0, sizeof *g);
        snprintf(g->name, sizeof g->name, "%s", name);
        snprintf(g->source, sizeof g->source, "the forces of the %s region (forces file): "
                 "no most similar group configured", region);
        g->regional = 1;
        for (int k = 0; forces[k] && !rc && g->n < PEERS_MAX_MEMBERS; k++) {
            if ((rc = region_of(db, forces[k], other, sizeof other, err)) || strcmp(other, region))
                continue;
            if (!(g->member[g->n] = strdup(forces[k])))
                rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
            else
                g->n++;
        }
        if (g->n >= 2)
            gs->n++;
        else
            for (int k = 0; k < g->n; k++)
                free(g->member[k]);
    }
    return rc;
}

/* Members may be written as slugs or names: use the outputs' keys. */
static int canon_members(sqlite3 *db, struct group *g, struct sio_error *err)
{
    char key[256];
    int rc = SIO_OK;
    for (int k = 0; k < g->n && !rc; k++) {
        if ((rc = store_force_key(db, g->member[k], key, sizeof key, err)) ||
            !strcmp(key, g->member[k]))
            continue;
        char *copy = strdup(key);
        if (!copy)
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        free(g->member[k]);
        g->member[k] = copy;
    }
    return rc;
}

int peers_emit(sqlite3 *db, const struct sources *src, char *const *forces, long *rows,
               struct sio_error *err)
{
    const struct sio_config *cfg = src->cfg;
    struct groups *gs = malloc(sizeof *gs);
    if (!gs)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    int rc = groups_load(cfg->peers_path, gs, err);
    struct peer_run pr = {db, src, cfg, NULL, NULL, 0};
    for (int i = 0; i < gs->n && !rc; i++)
        rc = canon_members(db, &gs->g[i], err);
    if (!rc)
        rc = add_region_groups(db, gs, forces, err);
    if (!rc)
        add_all_forces(gs, forces);
    if (!rc && gs->n)
        rc = store_prepare(db, insert_sql, &pr.ins, err);
    for (int i = 0; i < cfg->n_measures && !rc && gs->n; i++) {
        pr.m = &cfg->measures[i];
        if (pr.m->source == MEASURE_SRC_HO_ROLLING)
            continue; /* overlapping figures, not a series: see rolling.h */
        rc = pr.m->proportion ? run_groups_prop(&pr, gs, err) : run_groups(&pr, gs, err);
    }
    sqlite3_finalize(pr.ins);
    groups_free(gs);
    free(gs);
    *rows = pr.rows;
    return rc;
}
