/*
 * results.c — reading the measures results tables for one force x measure.
 *
 * Every query binds its parameters.  SPC rows are made consecutive here:
 * a month that sio-measures left out altogether becomes a point with no
 * value, the same as a row whose value is NULL, so a chart draws one gap
 * for either.
 */
#include "results.h"

#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static month_t col_month(sqlite3_stmt *st, int i)
{
    const char *t = store_col_text(st, i);
    return month_parse(t, strlen(t));
}

/* Grow *arr (of elem-sized items) to hold at least need; 0 on no memory. */
static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap * 2 : 64;
    while (c < need)
        c *= 2;
    void *p = realloc(*arr, c * elem);
    if (!p)
        return 0;
    *arr = p;
    *cap = c;
    return 1;
}

/* Prepare sql and bind the text parameters a and b (b may be NULL). */
static int query(sqlite3 *db, const char *sql, const char *a, const char *b,
                 sqlite3_stmt **st, struct sio_error *err)
{
    int rc = store_prepare(db, sql, st, err);
    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(*st, 1, a, -1, SQLITE_TRANSIENT);
    if (b)
        sqlite3_bind_text(*st, 2, b, -1, SQLITE_TRANSIENT);
    return SIO_OK;
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, int step, struct sio_error *err)
{
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading results");
}

int results_annotations(sqlite3 *db, const char *force, struct annotation_list *out,
                        struct sio_error *err)
{
    sqlite3_stmt *st;
    struct digest_acc acc;
    size_t cap = 0;
    int step, rc = query(db, "SELECT month, label FROM annotations WHERE force IN (?1, '')"
                             " ORDER BY month, label", force, NULL, &st, err);

    memset(out, 0, sizeof *out);
    if (rc != SIO_OK)
        return rc;
    digest_begin(&acc);
    while ((step = digest_step(st, &acc)) == SQLITE_ROW) {
        month_t m = col_month(st, 0);
        if (m == MONTH_NONE)
            rc = sio_fail(err, SIO_EDATA, "annotations", 0, "bad month \"%s\"",
                          store_col_text(st, 0));
        else if (!grow((void **)&out->a, &cap, out->n + 1, sizeof *out->a))
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        if (rc != SIO_OK)
            break;
        out->a[out->n].month = m;
        snprintf(out->a[out->n++].label, sizeof out->a[0].label, "%s", store_col_text(st, 1));
    }
    digest_end(&acc, &out->digest);
    if (rc != SIO_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return step_done(db, st, step, err);
}

void results_annotations_free(struct annotation_list *l)
{
    free(l->a);
    memset(l, 0, sizeof *l);
}

/* A point with no value at month m. */
static struct spc_point spc_gap(month_t m, int segment)
{
    struct spc_point p = {.month = m, .value = NAN, .centre = NAN, .lower = NAN,
                          .upper = NAN, .segment = segment};
    return p;
}

/* Append the row's point, after gap points for any periods skipped. */
static int spc_add(struct spc_series *s, size_t *cap, sqlite3_stmt *st, struct sio_error *err)
{
    month_t m = col_month(st, 0);
    int segment = sqlite3_column_int(st, 5), step = s->step > 0 ? s->step : 1;

    if (m == MONTH_NONE || (s->n > 0 && (m <= s->p[s->n - 1].month ||
                                         (m - s->p[s->n - 1].month) % step != 0)))
        return sio_fail(err, SIO_EDATA, "spc_points", 0, "%s, %s: bad month \"%s\"",
                        s->force, s->measure_key, store_col_text(st, 0));
    size_t need = s->n + 1 + (s->n ? (size_t)((m - s->p[s->n - 1].month) / step - 1) : 0);
    if (!grow((void **)&s->p, cap, need, sizeof *s->p))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    while (s->n > 0 && s->p[s->n - 1].month + step < m)
        s->p[s->n] = spc_gap(s->p[s->n - 1].month + step, segment), s->n++;
    struct spc_point *p = &s->p[s->n++];
    *p = spc_gap(m, segment);
    p->value = store_col_real(st, 1);
    p->centre = store_col_real(st, 2);
    p->lower = store_col_real(st, 3);
    p->upper = store_col_real(st, 4);
    snprintf(p->rules, sizeof p->rules, "%s", store_col_text(st, 6));
    snprintf(p->signal, sizeof p->signal, "%s", store_col_text(st, 7));
    return SIO_OK;
}

static month_t text_month_or_none(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? MONTH_NONE : col_month(st, i);
}

static void spc_summary_row(struct spc_series *s, sqlite3_stmt *st)
{
    const char *freq = store_col_text(st, 4); /* the catalogue's measure_windows */
    snprintf(s->variation, sizeof s->variation, "%s", store_col_text(st, 0));
    snprintf(s->assurance, sizeof s->assurance, "%s", store_col_text(st, 1));
    s->target = store_col_real(st, 2);
    s->p_chart = strcmp(store_col_text(st, 3), "p") == 0;
    s->step = strcmp(freq, "quarter") == 0 ? 3 : strcmp(freq, "year") == 0 ? 12 : 1;
    s->year_on_year = strcmp(store_col_text(st, 5), "year-on-year change") == 0;
    s->lowest = sqlite3_column_type(st, 6) == SQLITE_NULL ? -INFINITY : store_col_real(st, 6);
    s->highest = sqlite3_column_type(st, 7) == SQLITE_NULL ? INFINITY : store_col_real(st, 7);
    snprintf(s->why, sizeof s->why, "%s", store_col_text(st, 8));
    s->limits_start = text_month_or_none(st, 9);
    s->limits_end = text_month_or_none(st, 10);
    s->limits_points = sqlite3_column_int(st, 11);
    snprintf(s->note, sizeof s->note, "%s", store_col_text(st, 12));
}

static int spc_summary(sqlite3 *db, struct spc_series *s, struct digest_acc *acc,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = query(db, "SELECT variation, assurance, target, chart,"
                             " COALESCE((SELECT frequency FROM measure_windows w"
                             "  WHERE w.force = ?1 AND w.measure = ?2), 'month'), basis,"
                             " lowest, highest, why_no_verdict, limits_start, limits_end,"
                             " limits_points, note FROM spc_summary"
                             " WHERE force = ?1 AND measure = ?2",
                         s->force, s->measure_key, &st, err);
    if (rc != SIO_OK)
        return rc;
    if ((step = digest_step(st, acc)) == SQLITE_ROW) {
        spc_summary_row(s, st);
        step = sqlite3_step(st);
    }
    return step_done(db, st, step, err);
}

/* The summary (for the series' step), then the points. */
static int spc_read(sqlite3 *db, struct spc_series *out, struct digest_acc *acc,
                    struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    int step = SQLITE_DONE;
    int rc = spc_summary(db, out, acc, err);
    if (rc == SIO_OK)
        rc = query(db, "SELECT month, value, centre, lower, upper, segment, rules, signal"
                       " FROM spc_points WHERE force = ?1 AND measure = ?2 ORDER BY month",
                   out->force, out->measure_key, &st, err);
    if (rc != SIO_OK)
        return rc;
    while (rc == SIO_OK && (step = digest_step(st, acc)) == SQLITE_ROW)
        rc = spc_add(out, &cap, st, err);
    if (rc != SIO_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return step_done(db, st, step, err);
}

double results_spc_lower_shown(const struct spc_series *s, const struct spc_point *p)
{
    return isfinite(p->lower) ? fmin(fmax(p->lower, s->lowest), s->highest) : NAN;
}

double results_spc_upper_shown(const struct spc_series *s, const struct spc_point *p)
{
    return isfinite(p->upper) ? fmax(fmin(p->upper, s->highest), s->lowest) : NAN;
}

const char *results_spc_period_words(const struct spc_series *s, month_t m, char *buf)
{
    return s->step == 3 ? month_fq_label(m, buf) : month_words(m, buf); /* 16 bytes */
}

/* The keys and the force's name shown, then read(), all into a digest. */
struct reading {
    char *force, *force_name, *measure_key;  /* the struct's own fields */
    size_t force_size, name_size, key_size;  /* and their sizes */
    int (*read)(sqlite3 *db, void *out, struct digest_acc *acc, struct sio_error *err);
};

static int read_digested(sqlite3 *db, const char *force, const char *measure,
                         const struct reading *r, void *out, struct digest *d,
                         struct sio_error *err)
{
    struct digest_acc acc;
    snprintf(r->force, r->force_size, "%s", force);
    snprintf(r->measure_key, r->key_size, "%s", measure);
    int rc = store_force_name(db, force, r->force_name, r->name_size, err);
    if (rc != SIO_OK)
        return rc;
    digest_begin(&acc);
    digest_add_str(&acc, r->force_name);
    rc = r->read(db, out, &acc, err);
    digest_end(&acc, d);
    return rc;
}

static int spc_read_any(sqlite3 *db, void *out, struct digest_acc *acc, struct sio_error *err)
{
    return spc_read(db, out, acc, err);
}

int results_spc(sqlite3 *db, const char *force, const char *measure,
                struct spc_series *out, struct sio_error *err)
{
    const struct reading r = {out->force, out->force_name, out->measure_key, sizeof out->force,
                              sizeof out->force_name, sizeof out->measure_key, spc_read_any};
    memset(out, 0, sizeof *out);
    out->target = NAN;
    out->step = 1;
    out->lowest = -INFINITY;
    out->highest = INFINITY;
    out->limits_start = out->limits_end = MONTH_NONE;
    return read_digested(db, force, measure, &r, out, &out->digest, err);
}

void results_spc_free(struct spc_series *s)
{
    free(s->p);
    s->p = NULL;
    s->n = 0;
}

/* The force's latest period and its most similar group (not England and
 * Wales) into s->period and s->group; both "" when there is none. */
static int peer_latest(sqlite3 *db, struct peer_series *s, struct digest_acc *acc,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = query(db, "SELECT period, group_name FROM peer_results"
                             " WHERE force = ?1 AND measure = ?2 AND group_name <> 'England and Wales'"
                             " ORDER BY period DESC, group_name LIMIT 1",
                         s->force, s->measure_key, &st, err);
    if (rc != SIO_OK)
        return rc;
    if ((step = digest_step(st, acc)) == SQLITE_ROW) {
        snprintf(s->period, sizeof s->period, "%s", store_col_text(st, 0));
        snprintf(s->group, sizeof s->group, "%s", store_col_text(st, 1));
        step = sqlite3_step(st);
    }
    return step_done(db, st, step, err);
}

/* England and Wales: the force's own row in that group carries its mean. */
static int peer_national(sqlite3 *db, struct peer_series *s, struct digest_acc *acc,
                         struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = query(db, "SELECT peer_mean FROM peer_results WHERE force = ?1"
                             " AND measure = ?2 AND group_name = 'England and Wales'"
                             " AND period = ?3 LIMIT 1", s->force, s->measure_key, &st, err);
    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(st, 3, s->period, -1, SQLITE_TRANSIENT);
    s->national = NAN;
    if ((step = digest_step(st, acc)) == SQLITE_ROW) {
        s->national = store_col_real(st, 0);
        step = sqlite3_step(st);
    }
    return step_done(db, st, step, err);
}

static void peer_row(struct peer_member *m, sqlite3_stmt *st)
{
    snprintf(m->name, sizeof m->name, "%s", store_col_text(st, 0));
    m->rate = store_col_real(st, 1);
    m->ci_low = store_col_real(st, 2);
    m->ci_high = store_col_real(st, 3);
    m->rank = sqlite3_column_int(st, 4);
    m->significant = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6);
}

/* The force's own row carries its population's year and source. */
static void peer_population(struct peer_series *s, sqlite3_stmt *st)
{
    if (strcmp(store_col_text(st, 0), s->force) != 0)
        return;
    s->population_year = sqlite3_column_int(st, 7);
    snprintf(s->population_source, sizeof s->population_source, "%s", store_col_text(st, 8));
}

static int peer_members(sqlite3 *db, struct peer_series *s, struct digest_acc *acc,
                        struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    int step, rc = query(db, "SELECT member, rate_per_1000, ci_low, ci_high, rank, peer_mean,"
                             " significant, population_year, population_source FROM peer_results"
                             " WHERE force = ?1 AND measure = ?2"
                             " AND period = ?3 AND group_name = ?4"
                             " ORDER BY rate_per_1000 IS NULL, rate_per_1000, member",
                         s->force, s->measure_key, &st, err);
    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(st, 3, s->period, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, s->group, -1, SQLITE_TRANSIENT);
    s->peer_mean = NAN;
    while ((step = digest_step(st, acc)) == SQLITE_ROW) {
        if (!grow((void **)&s->m, &cap, s->n + 1, sizeof *s->m)) {
            sqlite3_finalize(st);
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        }
        peer_row(&s->m[s->n], st);
        peer_population(s, st);
        if ((rc = store_force_name(db, s->m[s->n].name, s->m[s->n].display,
                                   sizeof s->m[s->n].display, err))) {
            sqlite3_finalize(st);
            return rc;
        }
        digest_add_str(acc, s->m[s->n].display);
        s->n++;
        if (isnan(s->peer_mean))
            s->peer_mean = store_col_real(st, 5);
    }
    return step_done(db, st, step, err);
}

/* The latest group's members and the national mean. */
static int peers_read(sqlite3 *db, struct peer_series *out, struct digest_acc *acc,
                      struct sio_error *err)
{
    int rc = peer_latest(db, out, acc, err);
    if (rc != SIO_OK || !out->period[0])
        return rc;
    if ((rc = peer_members(db, out, acc, err)) != SIO_OK)
        return rc;
    return peer_national(db, out, acc, err);
}

static int peers_read_any(sqlite3 *db, void *out, struct digest_acc *acc,
                          struct sio_error *err)
{
    return peers_read(db, out, acc, err);
}

int results_peers(sqlite3 *db, const char *force, const char *measure,
                  struct peer_series *out, struct sio_error *err)
{
    const struct reading r = {out->force, out->force_name, out->measure_key, sizeof out->force,
                              sizeof out->force_name, sizeof out->measure_key, peers_read_any};
    memset(out, 0, sizeof *out);
    out->peer_mean = out->national = NAN;
    return read_digested(db, force, measure, &r, out, &out->digest, err);
}

void results_peers_free(struct peer_series *s)
{
    free(s->m);
    s->m = NULL;
    s->n = 0;
}

int results_sentence(sqlite3 *db, const char *force, const char *measure,
                     char *buf, size_t size, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = query(db, "SELECT sentence FROM measure_verdicts WHERE force = ?1"
                             " AND measure = ?2 AND comparison = 'baseline'",
                         force, measure, &st, err);
    buf[0] = '\0';
    if (rc != SIO_OK)
        return rc;
    if ((step = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(buf, size, "%s", store_col_text(st, 0));
        step = sqlite3_step(st);
    }
    return step_done(db, st, step, err);
}

int results_missing_words(const struct spc_series *s, char *buf, size_t size)
{
    int n = 0;
    size_t o = 0;
    char w[16];

    buf[0] = '\0';
    for (size_t i = 0; i < s->n; i++) {
        if (!isnan(s->p[i].value))
            continue;
        if (n < RESULTS_MISSING_NAMED && o < size)
            o += (size_t)snprintf(buf + o, size - o, "%s%s", n ? ", " : "",
                                  results_spc_period_words(s, s->p[i].month, w));
        n++;
    }
    if (n > RESULTS_MISSING_NAMED && o < size)
        snprintf(buf + o, size - o, " and %d more", n - RESULTS_MISSING_NAMED);
    return n;
}
