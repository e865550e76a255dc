/*
 * peerprop.c — peer_proportions rows: Wilson intervals, pooled share, rank
 * and the two-proportion test (see peerprop.h for the method).  A group's
 * figures for a period are worked out once (a struct peerprop_table) and
 * written for every member whose latest 12 months that period is.
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

static int member_share(const struct sources *src, const struct measure_def *m,
                        const char *force, month_t end, struct member_share *r,
                        struct sio_error *err)
{
    const struct series *s = sources_series(src, m, force);
    struct window w;
    struct binomial_interval bi;
    memset(r, 0, sizeof *r);
    r->pct = r->low = r->high = NAN;
    window_take(s, end - 11, end, &w);
    int monthly = window_complete(&w) && series_step(s) == 1;
    for (int k = 0; k < PEERPROP_MONTHS && monthly; k++) {
        r->mx[k] = s->count[end - 11 + k - s->first];
        r->mn[k] = s->denom[end - 11 + k - s->first];
    }
    if (!window_complete(&w) || w.den <= 0 || w.num < 0 || w.num > w.den)
        return SIO_OK;
    int rc = binomial_wilson_ci(w.num, w.den, src->cfg->confidence, &bi, err);
    if (rc)
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

/* A group's figures for the 12 months to end, whichever member's page. */
struct peerprop_table {
    month_t end;
    int n;                   /* members */
    struct member_share *r;  /* each member's share */
    double *pv;              /* each member's p-value against the others; NaN: none */
    struct pooled p;         /* the group's pooled share */
};

static void bind_member(sqlite3_stmt *st, const struct peerprop_table *t, int k, double level)
{
    const struct member_share *a = &t->r[k];
    const struct pooled *p = &t->p;
    double pv = t->pv[k];
    if (a->have) {
        sqlite3_bind_int64(st, 6, a->x);
        sqlite3_bind_int64(st, 7, a->n);
        sqlite3_bind_int(st, 11, rank_of(t->r, t->n, k));
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
static int put_rows(sqlite3 *db, sqlite3_stmt *st, const struct peerprop_table *t,
                    const char *const text[5], const struct peerprop_group *g, double level,
                    long *rows, struct sio_error *err)
{
    static const int column[5] = {1, 2, 3, 4, 18};
    for (int k = 0; k < g->n; k++) {
        for (int i = 0; i < 5; i++)
            sqlite3_bind_text(st, column[i], text[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, g->member[k], -1, SQLITE_STATIC);
        bind_member(st, t, k, level);
        int ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (!ok)
            return store_fail(db, err, "cannot store peer proportions");
        ++*rows;
    }
    return SIO_OK;
}

static void table_free(struct peerprop_table *t)
{
    free(t->r);
    free(t->pv);
    free(t);
}

/* Every member's share for the 12 months to end, the pooled share, and
 * each member's test against the others. */
static int table_make(const struct sources *src, const struct measure_def *m,
                      const struct peerprop_group *g, month_t end,
                      struct peerprop_table **out, struct sio_error *err)
{
    struct peerprop_table *t = calloc(1, sizeof *t);
    struct dispersion_fit fit;
    int rc = SIO_OK;
    if (!t || !(t->r = calloc((size_t)g->n, sizeof *t->r)) ||
        !(t->pv = calloc((size_t)g->n, sizeof *t->pv)))
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    if (t) {
        t->end = end;
        t->n = g->n;
    }
    for (int k = 0; k < g->n && !rc; k++)
        rc = member_share(src, m, g->member[k], end, &t->r[k], err);
    if (!rc)
        rc = pool(t->r, g->n, src->cfg->confidence, &t->p, err);
    for (int k = 0; k < g->n && !rc; k++) {
        const struct member_share *a = &t->r[k];
        member_dispersion(t->r, g->n, k, &fit);
        t->pv[k] = a->have ? peerprop_p_value_dispersed(a->x, a->n, t->p.x - a->x,
                                                        t->p.n - a->n, &fit) : NAN;
    }
    if (rc && t)
        table_free(t);
    *out = rc ? NULL : t;
    return rc;
}

void peerprop_tables_free(struct peerprop_tables *ts)
{
    for (int i = 0; i < ts->n; i++)
        table_free(ts->t[i]);
    free(ts->t);
    memset(ts, 0, sizeof *ts);
}

/* The table for end: one already made for another member, or a new one. */
static int table_for(const struct sources *src, const struct measure_def *m,
                     const struct peerprop_group *g, month_t end, struct peerprop_tables *ts,
                     struct peerprop_table **t, struct sio_error *err)
{
    for (int i = 0; i < ts->n; i++)
        if (ts->t[i]->end == end) {
            *t = ts->t[i];
            return SIO_OK;
        }
    struct peerprop_table **more = realloc(ts->t, (size_t)(ts->n + 1) * sizeof *more);
    if (!more)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    ts->t = more;
    int rc = table_make(src, m, g, end, t, err);
    if (!rc)
        ts->t[ts->n++] = *t;
    return rc;
}

int peerprop_force(sqlite3 *db, const struct sources *src, const struct measure_def *m,
                   const char *force, const struct peerprop_group *g,
                   struct peerprop_tables *ts, long *rows, struct sio_error *err)
{
    const struct sio_config *cfg = src->cfg;
    month_t end = series_last_month(sources_series(src, m, force));
    char period[40], mon[8], method[640];
    struct peerprop_table *t = NULL;
    sqlite3_stmt *st = NULL;
    if (end == MONTH_NONE)
        return SIO_OK;
    int rc = table_for(src, m, g, end, ts, &t, err);
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
    if (!rc && !(rc = store_prepare(db, insert_sql, &st, err)))
        rc = put_rows(db, st, t, text, g, cfg->confidence, rows, err);
    sqlite3_finalize(st);
    return rc;
}
