/*
 * spcrun.c — from a series to stored XmR points, signals and a summary.
 */
#include "spcrun.h"
#include "stats/spc.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const rule_names[] = {"beyond", "shift", "trend", "two_of_three"};

struct chart {
    double *v;            /* values, NaN for a gap */
    struct spc_point *p;
    size_t *rebase;
    struct spc_options opt;
    struct spc_summary sum;
    int ok;               /* limits were calculated */
    char note[512];
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

static void fix_baseline(const struct sio_config *cfg, const struct series *s,
                         struct chart *c)
{
    char a[8], b[8];
    month_t from = cfg->spc_limits_start, to = cfg->spc_limits_end;
    if (from == MONTH_NONE)
        return;
    if (from < s->first || to > series_last_month(s)) {
        note_add(c, "limits not fixed: the series does not cover %s to %s",
                 month_format(from, a), month_format(to, b));
        return;
    }
    c->opt.baseline_start = index_at(s, from);
    c->opt.baseline_end = (size_t)((to - s->first) / series_step(s)) + 1;
    note_add(c, "limits fixed on %s to %s", month_format(from, a), month_format(to, b));
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

static void add_rebases(const struct sio_config *cfg, const unsigned char *applies,
                        const struct series *s, struct chart *c)
{
    char mon[8];
    size_t n = (size_t)s->n, b0 = c->opt.baseline_start, b1 = c->opt.baseline_end;
    for (int k = 0; k < cfg->n_rebase; k++) {
        const struct config_rebase *r = &cfg->rebase[k];
        if (!applies[k] || r->month <= s->first || r->month > series_last_month(s))
            continue;
        size_t i = index_at(s, r->month);
        int in_base = b1 > 0 && i > b0 && i < b1;
        if (i == 0 || i >= n || in_base ||
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

static int chart_setup(const struct emitter *e, const struct series *s,
                       const unsigned char *applies, struct chart *c)
{
    size_t n = (size_t)s->n;
    memset(c, 0, sizeof *c);
    c->v = malloc(n * sizeof *c->v);
    c->p = calloc(n, sizeof *c->p);
    c->rebase = malloc((size_t)(e->cfg->n_rebase + 1) * sizeof *c->rebase);
    if (!c->v || !c->p || !c->rebase)
        return -1;
    for (size_t i = 0; i < n; i++)
        c->v[i] = !s->present[i] ? NAN
                : !e->m->proportion ? (double)s->count[i]
                : s->denom[i] > 0 ? 100.0 * (double)s->count[i] / (double)s->denom[i] : NAN;
    c->opt = spc_options_default();
    c->opt.rules.shift_run = e->cfg->spc_shift;
    c->opt.rules.trend_run = e->cfg->spc_trend;
    c->opt.improvement = e->m->better;
    c->opt.target = e->m->target;
    fix_baseline(e->cfg, s, c);
    add_rebases(e->cfg, applies, s, c);
    return 0;
}

static void chart_free(struct chart *c)
{
    free(c->v);
    free(c->p);
    free(c->rebase);
}

static const char *point_signal(const struct chart *c, size_t i, int better)
{
    if (!c->ok || c->p[i].flags == 0)
        return "";
    return c->p[i].side == better ? "improvement" : "concern";
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
    int rc = store_prepare(e->db, "INSERT OR REPLACE INTO spc_points(force, measure, month,"
                           " value, centre, lower, upper, lower2, upper2, segment, rules,"
                           " signal) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)", &st, err);
    for (size_t i = 0, seg = 0; !rc && i < (size_t)s->n; i++) {
        const struct spc_limits *l = &c->p[i].limits;
        while (seg < c->opt.n_rebase && c->rebase[seg] <= i)
            seg++;
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
    sqlite3_finalize(st);
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
    int rc = store_prepare(e->db, "INSERT INTO spc_signals(force, measure, rule, first_month,"
                           " last_month, signal) VALUES (?1,?2,?3,?4,?5,?6)", &st, err);
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
    sqlite3_finalize(st);
    return rc;
}

static int store_summary(struct emitter *e, const struct chart *c, struct sio_error *err)
{
    sqlite3_stmt *st;
    char rules[160];
    int rc = store_prepare(e->db, "INSERT OR REPLACE INTO spc_summary(force, measure,"
                           " variation, assurance, target, rules, note)"
                           " VALUES (?1,?2,?3,?4,?5,?6,?7)", &st, err);
    if (rc)
        return rc;
    snprintf(rules, sizeof rules, "XmR, limits mean +/- 2.66 x mean moving range; beyond 3"
             " sigma; shift %d; trend %d; two of three beyond 2 sigma",
             e->cfg->spc_shift, e->cfg->spc_trend);
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, c->ok ? spc_variation_name(c->sum.variation)
                                   : "not enough data", -1, SQLITE_STATIC);
    if (c->ok && c->sum.assurance != SPC_ASSURANCE_NONE)
        sqlite3_bind_text(st, 4, spc_assurance_name(c->sum.assurance), -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 4);
    store_bind_real(st, 5, e->m->target);
    sqlite3_bind_text(st, 6, rules, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, c->note, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK
                                         : store_fail(e->db, err, "cannot store SPC summary");
    sqlite3_finalize(st);
    return rc;
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
    if (rc == SIO_EDATA)  /* too few points: say so, do not stop the run */
        note_add(&c, "%s%s", why.msg, "");
    else if (rc != SIO_OK) {
        *err = why;
        chart_free(&c);
        return rc;
    }
    rc = store_points(e, s, &c, err);
    if (!rc)
        rc = store_signals(e, s, &c, err);
    if (!rc)
        rc = store_summary(e, &c, err);
    chart_free(&c);
    return rc;
}
