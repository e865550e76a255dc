/*
 * analyse.c — the loop over forces and measures.
 */
#include "analyse.h"
#include "catalogue.h"
#include "compare.h"
#include "national.h"
#include "peers.h"
#include "periods.h"
#include "quarterly.h"
#include "rolling.h"
#include "source.h"
#include "spcrun.h"
#include "store/store.h"
#include "store/stmts.h"
#include "trendrun.h"

#include "stats/poisson.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char clear_sql[] =
    "DELETE FROM measure_quarters; DELETE FROM measure_results; DELETE FROM measure_verdicts;"
    " DELETE FROM national_picture;"
    " DELETE FROM spc_points; DELETE FROM spc_signals; DELETE FROM spc_summary;"
    " DELETE FROM peer_results; DELETE FROM peer_proportions;";

static const char quarter_sql[] =
    "INSERT INTO measure_quarters(force, measure, quarter, quarter_start, count,"
    " months_covered, r12_count, r12_months, baseline_count, baseline_months,"
    " change_pct, ci_low_pct, ci_high_pct, verdict)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)";

static int quarter_put(struct emitter *e, sqlite3_stmt *st, const struct quarter_row *q,
                       struct sio_error *err)
{
    char label[16], start[8];
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, month_fq_label(q->start, label), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, month_format(q->start, start), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 5, q->count);
    sqlite3_bind_int(st, 6, q->months_covered);
    sqlite3_bind_int64(st, 7, q->r12_count);
    sqlite3_bind_int(st, 8, q->r12_months);
    sqlite3_bind_int64(st, 9, q->baseline_count);
    sqlite3_bind_int(st, 10, q->baseline_months);
    store_bind_real(st, 11, q->comparable ? q->change_pct : NAN);
    store_bind_real(st, 12, q->comparable ? q->ci_low_pct : NAN);
    store_bind_real(st, 13, q->comparable ? q->ci_high_pct : NAN);
    sqlite3_bind_text(st, 14, q->verdict, -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? SIO_OK : store_fail(e->db, err, "cannot store quarterly results");
}

/* measure_quarters rows for a count series (the quarterly charts' input). */
static int quarters_emit(struct emitter *e, const struct series *s, long *rows,
                         struct sio_error *err)
{
    sqlite3_stmt *st;
    month_t last = series_last_month(s);
    if (e->m->proportion)
        return SIO_OK;
    int rc = stmts_get(e->stmts, e->db, quarter_sql, &st, err);
    for (month_t q = month_fq_start(s->first); q <= last && !rc; q += 3) {
        struct quarter_row row;
        if (!(rc = quarterly_row(s, q, e->cfg, e->m, trendrun_seasonal(e), &row, err)) &&
            !(rc = quarter_put(e, st, &row, err)))
            ++*rows;
    }
    stmts_put(e->stmts, st);
    return rc;
}

static int no_data_row(struct emitter *e, struct sio_error *err)
{
    struct result r = {"series", "whole series", 0, 0, e->m->proportion ? "proportion_pct"
                       : "count", {NAN, NAN, NAN}, config_measure_unit(e->m),
                       "none: the store has no rows for this force and measure", 0, 0,
                       "no data"};
    return results_put(e, &r, err);
}

static int comparisons_emit(struct emitter *e, const struct series *s, struct sio_error *err)
{
    struct comparison c;
    int rc = SIO_OK;
    for (int k = 0; k < COMPARE_KINDS && !rc; k++)
        if (!(rc = compare_make(s, e->m, e->cfg, (enum compare_kind)k, trendrun_seasonal(e),
                                &c, err)))
            rc = compare_store(e, &c, err);
    return rc;
}

/* A rolling-year measure: overlapping 12-month figures, not a series. */
static int analyse_rolling(struct emitter *e, struct analyse_totals *t, struct sio_error *err)
{
    int points;
    int rc = rolling_emit(e, &points, err);
    t->series += points > 0;
    return rc || points ? rc : no_data_row(e, err);
}

static const char *series_frequency(const struct series *s)
{
    return series_step(s) == 12 ? "year" : series_step(s) == 3 ? "quarter" : "month";
}

static int analyse_series(struct emitter *e, struct analyse_totals *t, struct sio_error *err)
{
    const struct series *s = sources_series(e->src, e->m, e->force);
    int rc = SIO_OK;
    t->series += s->n > 0;
    e->seasonal_p = trendrun_seasonal_p(e, s);
    if (s->n && e->windows)
        catalogue_collect_span(e->windows, series_frequency(s), s->first, series_last_month(s));
    if (s->n == 0)
        rc = no_data_row(e, err);
    if (!rc && s->n)
        rc = quarters_emit(e, s, &t->quarters, err);
    if (!rc && s->n)
        rc = periods_emit(e, s, err);
    if (!rc)
        rc = comparisons_emit(e, s, err);
    if (!rc)
        rc = spcrun_emit(e, s, err);
    if (!rc)
        rc = trendrun_emit(e, s, err);
    return rc;
}

/* One force x measure, the windows its comparisons used, and England and
 * Wales over the same windows. */
static int analyse_one(struct emitter *e, struct national *nat, struct analyse_totals *t,
                       struct sio_error *err)
{
    struct catalogue_collect w;
    catalogue_collect_start(&w);
    e->windows = &w;
    e->seasonal_p = NAN;
    int rc = e->m->source == MEASURE_SRC_HO_ROLLING ? analyse_rolling(e, t, err)
                                                    : analyse_series(e, t, err);
    e->windows = NULL;
    if (!rc)
        rc = catalogue_windows_put(e, &w, err);
    return rc ? rc : national_emit(e, nat, &w, err);
}

/* Every measure's series for every force of England and Wales. */
static int national_all(sqlite3 *db, const struct sources *src, struct national *nat,
                        struct sio_error *err)
{
    int rc = SIO_OK;
    for (int i = 0; i < src->cfg->n_measures && !rc; i++)
        rc = national_load(db, src, &src->cfg->measures[i], &nat[i], err);
    return rc;
}

/* The first pass: every count whose exact interval the periods will want
 * (periods_window() in listing mode), worked out ahead on every processor,
 * where the second pass, writing the rows, can only use one: the intervals
 * are most of sio-measures' arithmetic. */
static int intervals_ahead(struct emitter *e, char **forces, struct sio_error *err)
{
    struct count_list counts = {0};
    int rc = SIO_OK, n;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    e->counts = &counts;
    for (char **f = forces; *f && !rc; f++)
        for (int i = 0; i < e->cfg->n_measures && !rc; i++) {
            e->force = *f;
            e->m = &e->cfg->measures[i];
            const struct window *r12 = sources_rolling(e->src, e->m, *f, &n);
            for (int k = 0; k < n && !rc; k++)
                rc = periods_window(e, "r12", "", &r12[k], err);
            const struct series *s = sources_series(e->src, e->m, *f);
            if (!rc && s->n)
                rc = periods_emit(e, s, err);
        }
    e->counts = NULL;
    if (!rc)
        rc = poisson_rate_ci_ahead(counts.x, counts.n, e->cfg->confidence,
                                   cpus > 1 ? (int)cpus : 1, err);
    free(counts.x);
    return rc;
}

/* The loop: every force, every measure, then the peers. */
static int analyse_forces(struct emitter *e, char **forces, struct national *nat,
                          struct analyse_totals *t, struct sio_error *err)
{
    const struct sio_config *cfg = e->cfg;
    long peer_rows = 0;
    int rc = SIO_OK;
    for (char **f = forces; *f && !rc; f++) {
        t->forces++;
        e->force = *f;
        for (int i = 0; i < cfg->n_measures && !rc; i++) {
            e->m = &cfg->measures[i];
            rc = analyse_one(e, &nat[i], t, err);
        }
        if (!rc)
            rc = catalogue_force_put(e, err);
    }
    if (!rc)
        rc = peers_emit(e->db, e->src, forces, &peer_rows, err);
    return rc;
}

int analyse_all(sqlite3 *db, const struct sio_config *cfg, const struct annotations *notes,
                struct analyse_totals *t, struct sio_error *err)
{
    char **forces = NULL;
    struct sources src = {0};
    struct emitter e = {.db = db, .cfg = cfg, .src = &src, .notes = notes};
    static struct national nat[CONFIG_MAX_MEASURES];
    int rc;
    memset(t, 0, sizeof *t);
    memset(nat, 0, sizeof nat);
    if (!(rc = store_exec(db, clear_sql, err)) && !(rc = catalogue_measures_put(db, cfg, err)) &&
        !(rc = sources_load(db, cfg, &src, err)) && !(rc = national_all(db, &src, nat, err)) &&
        !(rc = source_forces(db, &forces, err)) &&
        !(rc = spcrun_rebases_check(db, cfg, forces, err)) && !(rc = results_prepare(&e, err)) &&
        !(rc = stmts_open(&e.stmts, db, err)) &&
        !(rc = intervals_ahead(&e, forces, err)))
        rc = analyse_forces(&e, forces, nat, t, err);
    sqlite3_finalize(e.ins);
    stmts_close(e.stmts);
    t->results = e.rows;
    source_forces_free(forces);
    for (int i = 0; i < cfg->n_measures; i++)
        national_free(&nat[i]);
    sources_free(&src);
    return rc;
}
