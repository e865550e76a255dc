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

/* Append the row's point, after gap points for any months skipped. */
static int spc_add(struct spc_series *s, size_t *cap, sqlite3_stmt *st, struct sio_error *err)
{
    month_t m = col_month(st, 0);
    int segment = sqlite3_column_int(st, 5);

    int step = s->step > 0 ? s->step : 1;
    if (m == MONTH_NONE || (s->n > 0 && m <= s->p[s->n - 1].month))
        return sio_fail(err, SIO_EDATA, "spc_points", 0, "%s, %s: bad month \"%s\"",
                        s->force, s->measure_key, store_col_text(st, 0));
    size_t need = s->n + 1 + (s->n ? (size_t)(m - s->p[s->n - 1].month) / (size_t)step : 0);
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

static int spc_summary(sqlite3 *db, struct spc_series *s, struct digest_acc *acc,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = query(db, "SELECT variation, assurance, target FROM spc_summary"
                             " WHERE force = ?1 AND measure = ?2",
                         s->force, s->measure_key, &st, err);
    if (rc != SIO_OK)
        return rc;
    if ((step = digest_step(st, acc)) == SQLITE_ROW) {
        snprintf(s->variation, sizeof s->variation, "%s", store_col_text(st, 0));
        snprintf(s->assurance, sizeof s->assurance, "%s", store_col_text(st, 1));
        s->target = store_col_real(st, 2);
        step = sqlite3_step(st);
    }
    return step_done(db, st, step, err);
}

/* The series' months per point, from the catalogue's frequency. */
static int spc_step(sqlite3 *db, struct spc_series *s, struct digest_acc *acc,
                    struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = query(db, "SELECT coalesce(frequency, '') FROM measure_windows"
                             " WHERE force = ?1 AND measure = ?2", s->force, s->measure_key, &st, err);
    s->step = 1;
    if (rc != SIO_OK)
        return rc;
    if ((step = digest_step(st, acc)) == SQLITE_ROW) {
        const char *f = store_col_text(st, 0);
        s->step = !strcmp(f, "quarter") ? 3 : !strcmp(f, "year") ? 12 : 1;
        step = sqlite3_step(st);
    }
    return step_done(db, st, step, err);
}

/* The points, then (when there are any) the summary. */
static int spc_read(sqlite3 *db, struct spc_series *out, struct digest_acc *acc,
                    struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    int step = SQLITE_DONE;
    int rc = spc_step(db, out, acc, err);
    if (rc != SIO_OK)
        return rc;
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
    rc = step_done(db, st, step, err);
    return rc == SIO_OK && out->n > 0 ? spc_summary(db, out, acc, err) : rc;
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
    m->significant = sqlite3_column_int(st, 6);
}

static int peer_members(sqlite3 *db, struct peer_series *s, struct digest_acc *acc,
                        struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    int step, rc = query(db, "SELECT member, rate_per_1000, ci_low, ci_high, rank, peer_mean,"
                             " significant FROM peer_results WHERE force = ?1 AND measure = ?2"
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
    char w[12];

    buf[0] = '\0';
    for (size_t i = 0; i < s->n; i++) {
        if (!isnan(s->p[i].value))
            continue;
        if (n < RESULTS_MISSING_NAMED && o < size)
            o += (size_t)snprintf(buf + o, size - o, "%s%s", n ? ", " : "",
                                  month_words(s->p[i].month, w));
        n++;
    }
    if (n > RESULTS_MISSING_NAMED && o < size)
        snprintf(buf + o, size - o, " and %d more", n - RESULTS_MISSING_NAMED);
    return n;
}
