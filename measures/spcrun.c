/*
 * spcrun.c — from a series to stored XmR points, signals and a summary.
 */
#include "spcrun.h"
#include "store/stmts.h"
#include "stats/spc.h"
#include "store/store.h"
#include "trendrun.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const rule_names[] = {"beyond", "shift", "trend", "two_of_three"};

struct chart {
    double *v;            /* values, NaN for a gap */
    double *trials;       /* p-chart: each point's denominator; else NULL */
    struct spc_point *p;
    size_t *rebase;
    struct spc_options opt;
    struct spc_summary sum;
    int ok;               /* limits were calculated */
    int year_on_year;     /* v is each point less the same month a year earlier */
    double lowest, highest; /* the range the values can take */
    char note[512];
    char why[200];        /* why there is no verdict; "" when there is one */
};

static void note_add(struct chart *c, const char *fmt, const char *a, const char *b)
{
    size_t used = strlen(c->note);
    if (used && used + 2 < sizeof c->note)
        strcat(c->note, "; ");
    used = strlen(c->note);
    snprintf(c->note + used, sizeof c->note - used, fmt, a, b);
}

static size_t index_at(const struct series *s, month_t m)
{
    int step = series_step(s);
    return (size_t)((m - s->first + step - 1) / step); /* first point starting at or after m */
}

static int present_in(const struct chart *c, size_t from, size_t to)
{
    int n = 0;
    for (size_t i = from; i < to; i++)
        n += !isnan(c->v[i]);
    return n;
}

/* The segment [*s, *e) of the rebases that holds index i. */
static void segment_of(const struct chart *c, size_t n, size_t i, size_t *s, size_t *e)
{
    *s = 0;
    *e = n;
    for (size_t k = 0; k < c->opt.n_rebase; k++) {
        if (c->rebase[k] <= i)
            *s = c->rebase[k];
        else if (c->rebase[k] < *e)
            *e = c->rebase[k];
    }
}

/* Making Data Count fixes limits on a baseline of at least min_points
 * points.  The configured period (the [spc] limits months, else the
 * comparisons' baseline) is taken as it is when it has enough; otherwise it
 * grows first into the months before it, which are still before any change
 * it is meant to show, then into those after, within its segment.  A series
 * that does not reach the period starts its limits at its first point. */
static void fix_limits(const struct sio_config *cfg, const struct series *s, struct chart *c)
{
    char a[8], b[8];
    size_t n = (size_t)s->n, b0, b1, seg_s, seg_e;
    month_t from = cfg->spc_limits_start != MONTH_NONE ? cfg->spc_limits_start
                                                       : cfg->baseline_start;
    month_t to = cfg->spc_limits_start != MONTH_NONE ? cfg->spc_limits_end : cfg->baseline_end;
    int step = series_step(s), covered = to >= s->first && from <= series_last_month(s);
    b0 = covered && from > s->first ? index_at(s, from) : 0;
    b1 = covered ? (size_t)((to < series_last_month(s) ? to : series_last_month(s)) - s->first)
                   / (size_t)step + 1 : 0;
    if (b1 <= b0)
        b1 = b0;
    segment_of(c, n, b0, &seg_s, &seg_e);
    int had = present_in(c, b0, b1), want = cfg->spc_min_points;
    while (present_in(c, b0, b1) < want && b0 > seg_s)
        b0--;
    while (present_in(c, b0, b1) < want && b1 < seg_e)
        b1++;
    /* The period stated is from its first point with a value to its last. */
    while (b0 + 1 < b1 && isnan(c->v[b0]))
        b0++;
    while (b1 > b0 + 1 && isnan(c->v[b1 - 1]))
        b1--;
    c->opt.baseline_start = b0;
    c->opt.baseline_end = b1;
    int got = present_in(c, b0, b1);
    const char *what = cfg->spc_limits_start != MONTH_NONE ? "[spc] limits months"
                                                           : "baseline";
    char more[200] = "";
    if (!covered)
        snprintf(more, sizeof more, " (the series does not reach the %s: its first %d points)",
                 what, got);
    else if (got > had)
        snprintf(more, sizeof more, " (the %s's %d points widened to %d%s)", what, had, got,
                 got < want ? ", all there are" : ", as Making Data Count asks");
    month_format(series_month(s, (int)b0), a);
    month_format(series_month(s, (int)b1 - 1) + step - 1, b);
    snprintf(c->note + strlen(c->note), sizeof c->note - strlen(c->note),
             "%slimits fixed on %s to %s%s", c->note[0] ? "; " : "", a, b, more);
    if (got < want) {
        snprintf(more, sizeof more, "limits provisional: %d points, fewer than %d", got, want);
        note_add(c, "%s%s", more, "");
    }
}

int spcrun_rebases_check(sqlite3 *db, const struct sio_config *cfg, char *const *forces,
                         struct sio_error *err)
{
    char key[256], mon[8];
    for (int k = 0; k < cfg->n_rebase; k++) {
        const struct config_rebase *r = &cfg->rebase[k];
        int found = !r->force[0];
        int rc = found ? SIO_OK : store_force_key(db, r->force, key, sizeof key, err);
        if (rc)
            return rc;
        for (char *const *f = forces; !found && *f; f++)
            found = !strcmp(*f, key);
        if (!found)
            return sio_fail(err, SIO_ECONFIG, cfg->path, 0, "[spc] rebase %s force=%s: no"
                            " such force in the store", month_format(r->month, mon), r->force);
    }
    return SIO_OK;
}

/* Which rebase dates apply to e's force: every-force ones, and those whose
 * force= names it by slug or by any spelling the store knows. */
static int rebases_for_force(const struct emitter *e, unsigned char *applies,
                             struct sio_error *err)
{
    char key[256];
    for (int k = 0; k < e->cfg->n_rebase; k++) {
        const char *f = e->cfg->rebase[k].force;
        int rc = f[0] ? store_force_key(e->db, f, key, sizeof key, err) : SIO_OK;
        if (rc)
            return rc;
        applies[k] = !f[0] || !strcmp(key, e->force);
    }
    return SIO_OK;
}

/* The rebase dates that apply, except one inside the configured limits
 * period (the period's limits would be cut in two). */
static void add_rebases(const struct sio_config *cfg, const unsigned char *applies,
                        const struct series *s, struct chart *c)
{
    char mon[8];
    size_t n = (size_t)s->n;
    month_t from = cfg->spc_limits_start != MONTH_NONE ? cfg->spc_limits_start
                                                       : cfg->baseline_start;
    month_t to = cfg->spc_limits_start != MONTH_NONE ? cfg->spc_limits_end : cfg->baseline_end;
    for (int k = 0; k < cfg->n_rebase; k++) {
        const struct config_rebase *r = &cfg->rebase[k];
        if (!applies[k] || r->month <= s->first || r->month > series_last_month(s))
            continue;
        size_t i = index_at(s, r->month);
        if (i == 0 || i >= n || (r->month > from && r->month <= to) ||
            (c->opt.n_rebase && i <= c->rebase[c->opt.n_rebase - 1])) {
            note_add(c, "rebase %s (%s) not used: inside the fixed limits",
                     month_format(r->month, mon), r->reason);
            continue;
        }
        c->rebase[c->opt.n_rebase++] = i;
        note_add(c, "limits recalculated from %s: %s", month_format(r->month, mon), r->reason);
    }
    c->opt.rebase = c->rebase;
}

/* Each point's value: the count, or the share in per cent (a p-chart, with
 * its denominator); with year_on_year, less the same month a year earlier. */
static void chart_values(const struct emitter *e, const struct series *s, struct chart *c)
{
    size_t n = (size_t)s->n;
    for (size_t i = 0; i < n; i++)
        c->v[i] = !s->present[i] ? NAN
                : !e->m->proportion ? (double)s->count[i]
                : s->denom[i] > 0 ? 100.0 * (double)s->count[i] / (double)s->denom[i] : NAN;
    c->lowest = 0;
    c->highest = e->m->proportion ? 100 : INFINITY;
    if (c->year_on_year) {
        for (size_t i = n; i-- > 0;)
            c->v[i] = i >= 12 ? c->v[i] - c->v[i - 12] : NAN;
        c->lowest = -INFINITY;
        c->highest = INFINITY;
        return;
    }
    if (e->m->proportion) {
        for (size_t i = 0; i < n; i++)
            c->trials[i] = s->present[i] ? (double)s->denom[i] : 0;
        c->opt.trials = c->trials;
    }
}

static int chart_setup(const struct emitter *e, const struct series *s,
                       const unsigned char *applies, struct chart *c)
{
    size_t n = (size_t)s->n;
    memset(c, 0, sizeof *c);
    c->v = malloc(n * sizeof *c->v);
    c->trials = malloc(n * sizeof *c->trials);
    c->p = calloc(n, sizeof *c->p);
    c->rebase = malloc((size_t)(e->cfg->n_rebase + 1) * sizeof *c->rebase);
    if (!c->v || !c->trials || !c->p || !c->rebase)
        return -1;
    c->opt = spc_options_default();
    c->opt.rules.shift_run = e->cfg->spc_shift;
    c->opt.rules.trend_run = e->cfg->spc_trend;
    c->opt.improvement = e->m->better;
    c->opt.target = e->m->target;
    c->opt.min_points = (size_t)e->cfg->spc_min_points;
    c->year_on_year = e->cfg->spc_year_on_year && series_step(s) == 1 &&
                      trendrun_seasonal(e);
    chart_values(e, s, c);
    if (c->year_on_year)
        c->opt.target = NAN; /* a target is for the values, not their changes */
    add_rebases(e->cfg, applies, s, c);
    fix_limits(e->cfg, s, c);
    return 0;
}

static void chart_free(struct chart *c)
{
    free(c->v);
    free(c->trials);
    free(c->p);
    free(c->rebase);
}

/* What a flagged point means, from the measure's better direction:
 * improvement, concern, or neutral when neither direction is better. */
static const char *point_signal(const struct chart *c, size_t i, int better)
{
    if (!c->ok || c->p[i].flags == 0)
        return "";
    return better == 0 ? "neutral" : c->p[i].side == better ? "improvement" : "concern";
}

static void rules_text(unsigned flags, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int k = 0; k < 4; k++)
        if (flags & (1u << k))
            snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", buf[0] ? "," : "",
                     rule_names[k]);
}

static int store_points(struct emitter *e, const struct series *s, const struct chart *c,
                        struct sio_error *err)
{
    sqlite3_stmt *st;
    char mon[8], rules[64];
    int rc = stmts_get(e->stmts, e->db, "INSERT OR REPLACE INTO spc_points(force, measure,"
                       " month, value, centre, lower, upper, lower2, upper2, segment, rules,"
                       " signal) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)", &st, err);
    for (size_t i = 0, seg = 0; !rc && i < (size_t)s->n; i++) {
        const struct spc_limits *l = &c->p[i].limits;
        while (seg < c->opt.n_rebase && c->rebase[seg] <= i)
            seg++;
        if (c->year_on_year && i < 12)
            continue; /* no month a year earlier to compare with */
        sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, month_format(series_month(s, (int)i), mon), -1,
                          SQLITE_TRANSIENT);
        store_bind_real(st, 4, c->v[i]);
        store_bind_real(st, 5, c->ok ? l->mean : NAN);
        store_bind_real(st, 6, c->ok ? l->lower : NAN);
        store_bind_real(st, 7, c->ok ? l->upper : NAN);
        store_bind_real(st, 8, c->ok ? l->lower2 : NAN);
        store_bind_real(st, 9, c->ok ? l->upper2 : NAN);
        sqlite3_bind_int(st, 10, (int)seg);
        rules_text(c->ok ? c->p[i].flags : 0, rules, sizeof rules);
        sqlite3_bind_text(st, 11, rules, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 12, point_signal(c, i, e->m->better), -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = store_fail(e->db, err, "cannot store SPC points");
        sqlite3_reset(st);
    }
    stmts_put(e->stmts, st);
    return rc;
}

/* The direction a run of one rule points: for a trend, where it went; for
 * the others, the side of the mean its first point is on. */
static int run_direction(const struct chart *c, unsigned flag, size_t a, size_t b)
{
    if (flag == SPC_TREND)
        return (c->v[b] > c->v[a]) - (c->v[b] < c->v[a]);
    return c->p[a].side;
}

static int store_signal(struct emitter *e, sqlite3_stmt *st, const struct series *s,
                        const struct chart *c, int k, size_t a, size_t b,
                        struct sio_error *err)
{
    char m1[8], m2[8];
    int dir = run_direction(c, 1u << k, a, b);
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, rule_names[k], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, month_format(series_month(s, (int)a), m1), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, month_format(series_month(s, (int)b), m2), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, dir == 0 ? "neutral" : dir == e->m->better ? "improvement"
                                                                        : "concern",
                      -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? SIO_OK : store_fail(e->db, err, "cannot store an SPC signal");
}

/* One row per maximal run of consecutive points flagged by one rule. */
static int store_signals(struct emitter *e, const struct series *s, const struct chart *c,
                         struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t n = (size_t)s->n;
    int rc = stmts_get(e->stmts, e->db, "INSERT INTO spc_signals(force, measure, rule,"
                       " first_month, last_month, signal) VALUES (?1,?2,?3,?4,?5,?6)", &st, err);
    for (int k = 0; !rc && c->ok && k < 4; k++)
        for (size_t i = 0; !rc && i < n; i++) {
            if (!(c->p[i].flags & (1u << k)))
                continue;
            size_t j = i;
            while (j + 1 < n && (c->p[j + 1].flags & (1u << k)))
                j++;
            rc = store_signal(e, st, s, c, k, i, j, err);
            i = j;
        }
    stmts_put(e->stmts, st);
    return rc;
}

/* The rule set, in words for the rules column. */
static void rules_words(const struct emitter *e, const struct chart *c, char *buf, size_t size)
{
    snprintf(buf, size, "%s; limits fixed on at least %d points; beyond 3 sigma; shift %d;"
             " trend %d; two of three beyond 2 sigma",
             c->opt.trials ? "p-chart, limits p +/- 3 sqrt(p (1 - p) / n) for each point's n"
                           : "XmR, limits mean +/- 2.66 x mean moving range",
             e->cfg->spc_min_points, e->cfg->spc_shift, e->cfg->spc_trend);
}

static const char summary_sql[] =
    "INSERT OR REPLACE INTO spc_summary(force, measure, variation, assurance, target, rules,"
    " note, chart, basis, limits_start, limits_end, limits_points, lowest, highest,"
    " why_no_verdict) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)";

static int store_summary(struct emitter *e, const struct series *s, const struct chart *c,
                         struct sio_error *err)
{
    sqlite3_stmt *st;
    char rules[200], a[8], b[8];
    int rc = stmts_get(e->stmts, e->db, summary_sql, &st, err);
    if (rc)
        return rc;
    rules_words(e, c, rules, sizeof rules);
    const struct spc_limits *l = c->ok ? &c->p[c->opt.baseline_start].limits : NULL;
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, c->ok ? spc_variation_name(c->sum.variation) : "no verdict", -1,
                      SQLITE_STATIC);
    if (c->ok && c->sum.assurance != SPC_ASSURANCE_NONE)
        sqlite3_bind_text(st, 4, spc_assurance_name(c->sum.assurance), -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 4);
    store_bind_real(st, 5, c->opt.target);
    sqlite3_bind_text(st, 6, rules, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, c->note, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, c->opt.trials ? "p" : "XmR", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, c->year_on_year ? "year-on-year change" : "value", -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(st, 10, month_format(series_month(s, (int)c->opt.baseline_start), a), -1,
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 11, month_format(series_month(s, (int)c->opt.baseline_end - 1) +
                                           series_step(s) - 1, b), -1, SQLITE_TRANSIENT);
    if (l)
        sqlite3_bind_int(st, 12, (int)l->n_points);
    else
        sqlite3_bind_null(st, 12);
    store_bind_real(st, 13, c->lowest);
    store_bind_real(st, 14, c->highest);
    sqlite3_bind_text(st, 15, c->why, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK
                                         : store_fail(e->db, err, "cannot store SPC summary");
    stmts_put(e->stmts, st);
    return rc;
}

/* Why the chart gives no verdict, and the seasonal note, from the fit. */
static void chart_words(const struct emitter *e, struct chart *c)
{
    char p[32];
    if (!c->ok) /* spc_xmr found no two points in a row to take a moving range */
        snprintf(c->why, sizeof c->why, "no two points in a row to calculate limits from");
    else if (c->sum.variation == SPC_TOO_FEW_POINTS)
        snprintf(c->why, sizeof c->why, "the limits rest on %zu points, fewer than the %d"
                 " Making Data Count asks for", c->p[c->sum.latest].limits.n_points,
                 e->cfg->spc_min_points);
    if (!trendrun_seasonal(e))
        return;
    snprintf(p, sizeof p, "%.3g", e->seasonal_p);
    if (c->year_on_year)
        note_add(c, "seasonal (month-of-year F test p = %s): each point is the change on the"
                 " same month a year earlier%s", p, "");
    else
        note_add(c, "seasonal (month-of-year F test p = %s): a run or a point near a limit may"
                 " be the time of year; [spc] seasonal = year_on_year charts each month against"
                 " the same month a year earlier%s", p, "");
}

int spcrun_emit(struct emitter *e, const struct series *s, struct sio_error *err)
{
    struct chart c;
    struct sio_error why;
    unsigned char applies[CONFIG_MAX_REBASE];
    int rc;
    if (s->n == 0)
        return SIO_OK;
    if ((rc = rebases_for_force(e, applies, err)))
        return rc;
    if (chart_setup(e, s, applies, &c)) {
        chart_free(&c);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    rc = spc_xmr(c.v, (size_t)s->n, &c.opt, c.p, &c.sum, &why);
    c.ok = rc == SIO_OK;
    if (rc != SIO_OK && rc != SIO_EDATA) { /* too few points: say so, do not stop */
        *err = why;
        chart_free(&c);
        return rc;
    }
    chart_words(e, &c);
    rc = store_points(e, s, &c, err);
    if (!rc)
        rc = store_signals(e, s, &c, err);
    if (!rc)
        rc = store_summary(e, s, &c, err);
    chart_free(&c);
    return rc;
}
