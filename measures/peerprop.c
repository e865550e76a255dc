/*
 * peerprop.c — peer_proportions rows: Wilson intervals, pooled share, rank
 * and the two-proportion test (see peerprop.h for the method).
 */
#include "peerprop.h"
#include "stats/binomial.h"
#include "stats/dispersion.h"
#include "source.h"
#include "store/store.h"
#include "window.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PEERPROP_MONTHS 12

struct member_share {
    int have;               /* 12 months covered, trials > 0 */
    long x, n;
    double pct, low, high;  /* NaN unless have */
    int monthly;            /* mx, mn hold the 12 months' successes and trials */
    long mx[PEERPROP_MONTHS], mn[PEERPROP_MONTHS];
};

static const char insert_sql[] =
    "INSERT OR REPLACE INTO peer_proportions(force, measure, period, group_name, member,"
    " successes, trials, proportion_pct, ci_low, ci_high, rank, pooled_pct, pooled_low,"
    " pooled_high, difference, p_value, significant, method)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)";

/* Pearson's chi-square of x1/n1 against x2/n2; NaN when there is no test. */
static double peerprop_chisq(long x1, long n1, long x2, long n2)
{
    if (n1 <= 0 || n2 <= 0)
        return NAN;
    double p = (double)(x1 + x2) / (double)(n1 + n2);
    if (p <= 0 || p >= 1)
        return NAN;
    double d = (double)x1 / (double)n1 - (double)x2 / (double)n2;
    return d * d / (p * (1 - p) * (1.0 / (double)n1 + 1.0 / (double)n2));
}

double peerprop_p_value(long x1, long n1, long x2, long n2)
{
    double chisq = peerprop_chisq(x1, n1, x2, n2);
    return isnan(chisq) ? NAN : gsl_cdf_chisq_Q(chisq, 1.0);
}

double peerprop_p_value_dispersed(long x1, long n1, long x2, long n2,
                                  const struct dispersion_fit *fit)
{
    double chisq = peerprop_chisq(x1, n1, x2, n2);
    if (isnan(chisq) || !dispersion_usable(fit))
        return NAN;
    if (fit->phi <= 1)
        return gsl_cdf_chisq_Q(chisq, 1.0);
    return gsl_cdf_fdist_Q(chisq / fit->phi, 1.0, (double)fit->df);
}

static int member_share(sqlite3 *db, const struct sio_config *cfg,
                        const struct measure_def *m, const char *force, month_t end,
                        struct member_share *r, struct sio_error *err)
{
    struct series s;
    struct window w;
    struct binomial_interval bi;
    memset(r, 0, sizeof *r);
    r->pct = r->low = r->high = NAN;
    int rc = source_load(db, force, m, &s, err);
    if (rc)
        return rc;
    window_take(&s, end - 11, end, &w);
    int monthly = window_complete(&w) && series_step(&s) == 1;
    for (int k = 0; k < PEERPROP_MONTHS && monthly; k++) {
        r->mx[k] = s.count[end - 11 + k - s.first];
        r->mn[k] = s.denom[end - 11 + k - s.first];
    }
    series_free(&s);
    if (!window_complete(&w) || w.den <= 0 || w.num < 0 || w.num > w.den)
        return SIO_OK;
    if ((rc = binomial_wilson_ci(w.num, w.den, cfg->confidence, &bi, err)))
        return rc;
    r->have = 1;
    r->x = w.num, r->n = w.den;
    r->pct = 100 * bi.estimate, r->low = 100 * bi.low, r->high = 100 * bi.high;
    r->monthly = monthly;
    return SIO_OK;
}

/* 1 + how many members have a lower proportion. */
static int rank_of(const struct member_share *r, int n, int k)
{
    int rank = 1;
    for (int j = 0; j < n; j++)
        rank += r[j].have && r[j].pct < r[k].pct;
    return rank;
}

struct pooled {
    long x, n;
    double pct, low, high;
};

static int pool(const struct member_share *r, int n, double level, struct pooled *p,
                struct sio_error *err)
{
    struct binomial_interval bi;
    *p = (struct pooled){0, 0, NAN, NAN, NAN};
    for (int j = 0; j < n; j++)
        if (r[j].have)
            p->x += r[j].x, p->n += r[j].n;
    if (p->n <= 0)
        return SIO_OK;
    int rc = binomial_wilson_ci(p->x, p->n, level, &bi, err);
    if (!rc)
        p->pct = 100 * bi.estimate, p->low = 100 * bi.low, p->high = 100 * bi.high;
    return rc;
}

/* The quasi-binomial dispersion of member k's monthly shares and the other
 * members' pooled monthly shares; df 0 when a month is missing or a member
 * is not monthly. */
static void member_dispersion(const struct member_share *r, int n, int k,
                              struct dispersion_fit *fit)
{
    struct dispersion_point pt[2 * PEERPROP_MONTHS];
    long ox[PEERPROP_MONTHS] = {0}, on[PEERPROP_MONTHS] = {0};
    struct sio_error ignored;
    memset(fit, 0, sizeof *fit);
    for (int j = 0; j < n; j++)
        for (int m = 0; m < PEERPROP_MONTHS && j != k && r[j].have; m++) {
            if (!r[j].monthly)
                return;
            ox[m] += r[j].mx[m], on[m] += r[j].mn[m];
        }
    for (int m = 0; m < PEERPROP_MONTHS; m++) {
        if (!r[k].monthly || r[k].mn[m] < 1 || on[m] < 1)
            return;
        pt[m] = (struct dispersion_point){(double)r[k].mx[m], (double)r[k].mn[m], 1, 0};
        pt[PEERPROP_MONTHS + m] = (struct dispersion_point){(double)ox[m], (double)on[m], 0, 0};
    }
    if (dispersion_binomial(pt, 2 * PEERPROP_MONTHS, fit, &ignored))
        memset(fit, 0, sizeof *fit);
}

static void bind_member(sqlite3_stmt *st, const struct member_share *r, int n, int k,
                        const struct pooled *p, double level)
{
    const struct member_share *a = &r[k];
    struct dispersion_fit fit;
    member_dispersion(r, n, k, &fit);
    double pv = a->have ? peerprop_p_value_dispersed(a->x, a->n, p->x - a->x, p->n - a->n,
                                                     &fit) : NAN;
    if (a->have) {
        sqlite3_bind_int64(st, 6, a->x);
        sqlite3_bind_int64(st, 7, a->n);
        sqlite3_bind_int(st, 11, rank_of(r, n, k));
    }
    store_bind_real(st, 8, a->pct);
    store_bind_real(st, 9, a->low);
    store_bind_real(st, 10, a->high);
    store_bind_real(st, 12, p->pct);
    store_bind_real(st, 13, p->low);
    store_bind_real(st, 14, p->high);
    store_bind_real(st, 15, a->pct - p->pct);
    store_bind_real(st, 16, pv);
    if (isfinite(pv))
        sqlite3_bind_int(st, 17, pv < 1 - level);
}

/* text: force, measure, period, group name, method (bound to every row). */
static int put_rows(sqlite3 *db, sqlite3_stmt *st, const struct member_share *r,
                    const struct pooled *p, const char *const text[5],
                    const struct peerprop_group *g, double level, long *rows,
                    struct sio_error *err)
{
    static const int column[5] = {1, 2, 3, 4, 18};
    for (int k = 0; k < g->n; k++) {
        for (int i = 0; i < 5; i++)
            sqlite3_bind_text(st, column[i], text[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, g->member[k], -1, SQLITE_STATIC);
        bind_member(st, r, g->n, k, p, level);
        int ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (!ok)
            return store_fail(db, err, "cannot store peer proportions");
        ++*rows;
    }
    return SIO_OK;
}

static int latest_month(sqlite3 *db, const struct measure_def *m, const char *force,
                        month_t *end, struct sio_error *err)
{
    struct series s;
    int rc = source_load(db, force, m, &s, err);
    *end = rc ? MONTH_NONE : series_last_month(&s);
    series_free(&s);
    return rc;
}

int peerprop_force(sqlite3 *db, const struct sio_config *cfg, const struct measure_def *m,
                   const char *force, const struct peerprop_group *g, long *rows,
                   struct sio_error *err)
{
    month_t end;
    char period[40], mon[8], method[640];
    struct pooled p;
    sqlite3_stmt *st = NULL;
    int rc = latest_month(db, m, force, &end, err);
    if (rc || end == MONTH_NONE)
        return rc;
    struct member_share *r = calloc((size_t)g->n, sizeof *r);
    if (!r)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    for (int k = 0; k < g->n && !rc; k++)
        rc = member_share(db, cfg, m, g->member[k], end, &r[k], err);
    snprintf(period, sizeof period, "12 months to %s", month_format(end, mon));
    snprintf(method, sizeof method, "proportion = 12-month successes / trials (Wilson %g%%"
             " CI, as R prop.test correct = FALSE); pooled = group's successes / trials;"
             " significant = two-proportion chi-squared test (R prop.test(c(x, X - x),"
             " c(n, N - n), correct = FALSE)) against the other members pooled, p < %g,"
             " allowing for over-dispersion: with the quasi-binomial dispersion phi of the"
             " two series' monthly shares (Pearson chi-square / 22 df) above 1, p is from"
             " F(1, 22) of chi-square / phi; no test without 12 monthly shares;"
             " group source: %s %s", 100 * cfg->confidence, 1 - cfg->confidence,
             g->source[0] ? g->source : "not stated", g->date);
    const char *const text[5] = {force, m->key, period, g->name, method};
    if (!rc && !(rc = pool(r, g->n, cfg->confidence, &p, err)) &&
        !(rc = store_prepare(db, insert_sql, &st, err)))
        rc = put_rows(db, st, r, &p, text, g, cfg->confidence, rows, err);
    sqlite3_finalize(st);
    free(r);
    return rc;
}
