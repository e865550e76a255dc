/*
 * national.c — England and Wales and the region beside the force (national.h).
 */
#include "national.h"
#include "source.h"
#include "store/store.h"
#include "store/stmts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The forces of England and Wales: those with an ONS police force area code. */
#define EW_FORCES "(SELECT slug FROM forces WHERE ons_code IS NOT NULL)"

/* How many forces of England and Wales have any data for the measure; ?1 is
 * the measure's key, ?2 its indicator.  NULL: not summed. */
static const char *with_data_sql(const struct measure_def *m)
{
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK:
        return "SELECT count(DISTINCT k) FROM (SELECT " SOURCE_CANON("force") " AS k"
               " FROM measure_counts WHERE measure = ?1) WHERE k IN " EW_FORCES " AND ?2 = ?2";
    case MEASURE_SRC_HOME_OFFICE:
        return "SELECT count(DISTINCT force_slug) FROM ho_crime WHERE period_type = 'fq'"
               " AND force_slug IN " EW_FORCES " AND ?1 = ?1 AND ?2 = ?2";
    case MEASURE_SRC_INDICATOR:
        return "SELECT count(DISTINCT k) FROM (SELECT COALESCE(force_slug, "
               SOURCE_CANON("force") ") AS k FROM indicators WHERE indicator = ?2)"
               " WHERE k IN " EW_FORCES " AND ?1 = ?1";
    case MEASURE_SRC_STOP_SEARCH:
        return "SELECT count(DISTINCT k) FROM (SELECT " SOURCE_CANON("force") " AS k FROM files"
               " WHERE kind = 'stop-and-search' AND superseded_by IS NULL)"
               " WHERE k IN " EW_FORCES " AND ?1 = ?1 AND ?2 = ?2";
    case MEASURE_SRC_OUTCOMES:
        return "SELECT count(DISTINCT k) FROM (SELECT " SOURCE_CANON("force") " AS k FROM files"
               " WHERE kind = 'outcomes' AND superseded_by IS NULL)"
               " WHERE k IN " EW_FORCES " AND ?1 = ?1 AND ?2 = ?2";
    default:
        return NULL;
    }
}

static int count_of(sqlite3 *db, const char *sql, const struct measure_def *m, int *n,
                    struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, sql, &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->indicator, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_ROW ? SIO_OK : store_fail(db, err, "counting forces");
    *n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc;
}

/* Every force of England and Wales and its series. */
static int load_forces(sqlite3 *db, const struct sources *src, struct national *nat,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT slug, coalesce(region, '') FROM forces"
                               " WHERE ons_code IS NOT NULL ORDER BY slug", &st, err), i = 0;
    if (rc)
        return rc;
    if (!(nat->f = calloc((size_t)nat->expected, sizeof *nat->f)))
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    while (!rc && i < nat->expected && sqlite3_step(st) == SQLITE_ROW) {
        struct national_force *f = &nat->f[i++];
        snprintf(f->slug, sizeof f->slug, "%s", store_col_text(st, 0));
        snprintf(f->region, sizeof f->region, "%s", store_col_text(st, 1));
        rc = sources_copy(src, nat->m, f->slug, &f->s, err);
    }
    sqlite3_finalize(st);
    nat->n = i;
    return rc;
}

int national_load(sqlite3 *db, const struct sources *src, const struct measure_def *m,
                  struct national *nat, struct sio_error *err)
{
    const char *sql = with_data_sql(m);
    int rc;

    memset(nat, 0, sizeof *nat);
    nat->m = m;
    if (!sql)
        return SIO_OK;
    if ((rc = count_of(db, "SELECT count(*) FROM " EW_FORCES " WHERE ?1 = ?1 AND ?2 = ?2", m,
                       &nat->expected, err)) ||
        (rc = count_of(db, sql, m, &nat->n, err)))
        return rc;
    if (nat->expected == 0 || nat->n < nat->expected)
        return SIO_OK;
    return load_forces(db, src, nat, err);
}

void national_free(struct national *nat)
{
    for (int i = 0; nat->f && i < nat->n; i++)
        series_free(&nat->f[i].s);
    free(nat->f);
    free(nat->done);
    memset(nat, 0, sizeof *nat);
}

static int same_window(const struct window *a, const struct window *b)
{
    return a->start == b->start && a->end == b->end;
}

/* The area's comparison k over the windows of w, if some force's windows
 * were the same: the area's figures depend on the windows' months and
 * where the force's data end, not on the force's own counts. */
static const struct national_done *done_find(const struct national *nat, const char *region,
                                             const struct catalogue_collect *w, int k)
{
    for (int i = 0; i < nat->n_done; i++) {
        const struct national_done *d = &nat->done[i];
        if (d->kind == k && d->last == w->last && !strcmp(d->region, region ? region : "") &&
            same_window(&d->latest, &w->latest[k]) && same_window(&d->base, &w->base[k]))
            return d;
    }
    return NULL;
}

static void done_add(struct national *nat, const char *region, const struct catalogue_collect *w,
                     int k, const struct comparison *c, int complete, int members)
{
    if (nat->n_done == nat->cap_done) {
        int cap = nat->cap_done ? 2 * nat->cap_done : 8;
        struct national_done *more = realloc(nat->done, (size_t)cap * sizeof *more);
        if (!more)
            return; /* not kept: worked out again when next asked */
        nat->done = more;
        nat->cap_done = cap;
    }
    struct national_done *d = &nat->done[nat->n_done++];
    snprintf(d->region, sizeof d->region, "%s", region ? region : "");
    d->kind = k;
    d->last = w->last;
    d->latest = w->latest[k];
    d->base = w->base[k];
    d->c = *c;
    d->complete = complete;
    d->members = members;
}

/* Whether force f is in the area (region NULL: England and Wales). */
static int in_area(const struct national_force *f, const char *region)
{
    return !region || strcmp(f->region, region) == 0;
}

/* The area's series: per period, the sum over its forces when every one of
 * them has the period, else missing (a gap in any force is a gap in the
 * area).  *members counts the area's forces, *complete those with every
 * period of [from, to]. */
static int area_series(const struct national *nat, const char *region, month_t from, month_t to,
                       struct series *sum, int *members, int *complete, struct sio_error *err)
{
    int step = 0, rc = SIO_OK;
    memset(sum, 0, sizeof *sum);
    *members = *complete = 0;
    for (int i = 0; i < nat->n; i++)
        if (in_area(&nat->f[i], region)) {
            struct window w;
            ++*members;
            window_take(&nat->f[i].s, from, to, &w);
            *complete += window_complete(&w);
            if (!step && nat->f[i].s.n)
                step = series_step(&nat->f[i].s);
        }
    sum->step = step;
    /* The sum starts where the area's figures do, not at the earlier
     * window: a quarterly series' dispersion is fitted over all of it, as
     * the force's own is (judge.c), when the two windows are too few. */
    month_t first = from;
    for (int i = 0; i < nat->n; i++)
        if (in_area(&nat->f[i], region) && nat->f[i].s.n &&
            series_month(&nat->f[i].s, 0) < first)
            first = series_month(&nat->f[i].s, 0);
    for (month_t m = first + ((from - first) % (step ? step : 1)); step && m <= to && !rc;
         m += step) {
        long num = 0, den = 0;
        int all = 1;
        for (int i = 0; i < nat->n && all; i++) {
            struct window w;
            if (!in_area(&nat->f[i], region))
                continue;
            window_take(&nat->f[i].s, m, m + step - 1, &w);
            all = window_complete(&w);
            num += w.num;
            den += w.den;
        }
        if (all)
            rc = series_put(sum, m, num, den, err);
    }
    return rc;
}

static const char picture_sql[] =
    "INSERT OR REPLACE INTO national_picture(force, measure, area_kind, area, comparison,"
    " latest_value, base_value, change, ci_low, ci_high, verdict, forces_with_data,"
    " forces_expected) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)";

static int picture_put(struct emitter *e, const char *kind, const char *area,
                       const struct comparison *c, int complete, int members,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = stmts_get(e->stmts, e->db, picture_sql, &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, area, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, compare_name(c->kind), -1, SQLITE_STATIC);
    store_bind_real(st, 6, complete == members ? c->latest_value : NAN);
    store_bind_real(st, 7, complete == members ? c->base_value : NAN);
    store_bind_real(st, 8, c->change);
    store_bind_real(st, 9, c->low);
    store_bind_real(st, 10, c->high);
    sqlite3_bind_text(st, 11, complete == members ? c->verdict : "no data", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 12, complete);
    sqlite3_bind_int(st, 13, members);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(e->db, err,
                                                              "cannot store the national picture");
    stmts_put(e->stmts, st);
    return rc;
}

/* The area's comparison k over the force's windows, judged as the force's
 * own are (compare_ending() on the area's series, ending where the force's
 * data end), stored. */
static int area_emit(struct emitter *e, struct national *nat, const char *kind,
                     const char *area, const char *region, const struct catalogue_collect *w,
                     int k, struct sio_error *err)
{
    struct series sum;
    struct comparison c;
    month_t from = w->base[k].start < w->latest[k].start ? w->base[k].start : w->latest[k].start;
    month_t to = w->base[k].end > w->latest[k].end ? w->base[k].end : w->latest[k].end;
    int complete, members, rc;
    const struct national_done *d = done_find(nat, region, w, k);

    if (d)
        return picture_put(e, kind, area, &d->c, d->complete, d->members, err);
    rc = area_series(nat, region, from, to, &sum, &members, &complete, err);
    if (!rc && sum.n)
        rc = compare_ending(&sum, w->last, e->m, e->cfg, (enum compare_kind)k, 0, &c, err);
    else if (!rc)
        rc = compare_windows(&w->latest[k], &w->base[k], "some forces of the area having no "
                             "figures", e->m, e->cfg, (enum compare_kind)k, &c, err);
    if (!rc && sum.n) /* compare_windows() judged the force's own windows: not kept */
        done_add(nat, region, w, k, &c, complete, members);
    series_free(&sum);
    return rc ? rc : picture_put(e, kind, area, &c, complete, members, err);
}

/* The force's region, "" when unknown. */
static int region_of(struct emitter *e, char *buf, size_t size, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = stmts_get(e->stmts, e->db, "SELECT coalesce(region, '') FROM forces"
                       " WHERE slug = ?1", &st, err);
    buf[0] = '\0';
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(buf, size, "%s", store_col_text(st, 0));
    stmts_put(e->stmts, st);
    return SIO_OK;
}

/* Only the count of forces with figures, when not every force has some. */
static int coverage_put(struct emitter *e, const struct national *nat, int k,
                        struct sio_error *err)
{
    struct comparison c;
    memset(&c, 0, sizeof c);
    c.kind = (enum compare_kind)k;
    c.change = c.low = c.high = c.latest_value = c.base_value = NAN;
    return picture_put(e, "country", "England and Wales", &c, nat->n, nat->expected, err);
}

int national_emit(struct emitter *e, struct national *nat,
                  const struct catalogue_collect *w, struct sio_error *err)
{
    char region[64];
    int rc = SIO_OK;

    if (!nat || nat->expected == 0 || e->m->source == MEASURE_SRC_HO_ROLLING)
        return SIO_OK;
    if (!nat->f) {
        for (int k = 0; k < COMPARE_KINDS && !rc; k++)
            if (w->taken[k])
                rc = coverage_put(e, nat, k, err);
        return rc;
    }
    if ((rc = region_of(e, region, sizeof region, err)))
        return rc;
    for (int k = 0; k < COMPARE_KINDS && !rc; k++) {
        if (!w->taken[k])
            continue;
        rc = area_emit(e, nat, "country", "England and Wales", NULL, w, k, err);
        if (!rc && region[0])
            rc = area_emit(e, nat, "region", region, region, w, k, err);
    }
    return rc;
}
