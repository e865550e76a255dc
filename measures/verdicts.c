/*
 * verdicts.c — storing a comparison: one measure_verdicts row (the sentence
 * the statement prints) and its figures as measure_results rows, so the
 * tidy table alone can rebuild every sentence.
 */
#include "annotate.h"
#include "catalogue.h"
#include "compare.h"
#include "store/store.h"
#include "store/stmts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char verdict_sql[] =
    "INSERT OR REPLACE INTO measure_verdicts(force, measure, comparison, latest_start,"
    " latest_end, base_start, base_end, latest_value, base_value, change_pct, ci_low_pct,"
    " ci_high_pct, verdict, sentence, national_measure, unit, method, months_covered,"
    " months_expected, dispersion, dispersion_df) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
    "?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21)";

static void bind_month(sqlite3_stmt *st, int i, int has, month_t m)
{
    char buf[8];
    if (has)
        sqlite3_bind_text(st, i, month_format(m, buf), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* The comparison's own method, or what it would have been. */
static const char *method_of(const struct measure_def *m, const struct comparison *c)
{
    if (c->method[0])
        return c->method;
    return m->proportion ? "difference of proportions" : "ratio of rates per covered month";
}

static int store_verdict(struct emitter *e, const struct comparison *c, const char *sentence,
                         struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = stmts_get(e->stmts, e->db, verdict_sql, &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, compare_name(c->kind), -1, SQLITE_STATIC);
    bind_month(st, 4, c->has_data, c->latest.start);
    bind_month(st, 5, c->has_data, c->latest.end);
    bind_month(st, 6, c->has_data, c->base.start);
    bind_month(st, 7, c->has_data, c->base.end);
    store_bind_real(st, 8, c->comparable ? c->latest_value : NAN);
    store_bind_real(st, 9, c->comparable ? c->base_value : NAN);
    store_bind_real(st, 10, c->change);
    store_bind_real(st, 11, c->low);
    store_bind_real(st, 12, c->high);
    sqlite3_bind_text(st, 13, c->verdict, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 14, sentence, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 15, e->m->national, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 16, e->m->proportion ? "percentage points" : "%", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 17, method_of(e->m, c), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 18, c->latest.covered + c->base.covered);
    sqlite3_bind_int(st, 19, c->latest.expected + c->base.expected);
    store_bind_real(st, 20, c->fit.df > 0 ? c->fit.phi : NAN);
    if (c->fit.df > 0)
        sqlite3_bind_int(st, 21, c->fit.df);
    else
        sqlite3_bind_null(st, 21);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK
                                         : store_fail(e->db, err, "cannot store a verdict");
    stmts_put(e->stmts, st);
    return rc;
}

/* The change as a measure_results row over the span of both windows. */
static int store_change(struct emitter *e, const struct comparison *c, const char *note,
                        struct sio_error *err)
{
    month_t from = c->has_data ? (c->base.start < c->latest.start ? c->base.start
                                                                  : c->latest.start) : 0;
    month_t to = c->has_data ? (c->base.end > c->latest.end ? c->base.end : c->latest.end) : 0;
    struct result r = {
        .period_type = "comparison", .period = compare_name(c->kind),
        .start = from, .end = to,
        .statistic = e->m->proportion ? "change_points" : "change_pct",
        .est = {c->change, c->low, c->high},
        .unit = e->m->proportion ? "percentage points" : "%",
        .method = method_of(e->m, c),
        .covered = c->latest.covered + c->base.covered,
        .expected = c->has_data ? c->latest.expected + c->base.expected : 0,
        .note = note,
    };
    if (!c->has_data)
        return SIO_OK; /* the 'no data' row is written once per measure */
    return results_put(e, &r, err);
}

int compare_store(struct emitter *e, const struct comparison *c, struct sio_error *err)
{
    char notes[400] = "", sentence[sizeof c->sentence + sizeof notes + 32];
    char note[sizeof notes + sizeof c->note + 40], why[sizeof c->note + 32] = "";
    size_t n = 0;
    /* A note anywhere from the earlier window's start to the later one's end
     * matters: a recording change between them explains a step. */
    if (c->has_data)
        n = annotations_describe(e->notes, e->force,
                                 c->base.start < c->latest.start ? c->base.start
                                                                 : c->latest.start,
                                 c->base.end > c->latest.end ? c->base.end : c->latest.end,
                                 notes, sizeof notes);
    snprintf(sentence, sizeof sentence, "%s%s%s%s", c->sentence, n ? " Note: " : "",
             notes, n ? "." : "");
    /* The tidy row says why there is no verdict, as the sentence does. */
    if (!c->comparable || !strcmp(c->verdict, "not tested"))
        snprintf(why, sizeof why, "%s%s%s", c->verdict, c->note[0] ? ": " : "", c->note);
    snprintf(note, sizeof note, "%s%s%s", why, why[0] && n ? "; " : "", notes);
    catalogue_collect_take(e->windows, c);
    int rc = store_verdict(e, c, sentence, err);
    return rc ? rc : store_change(e, c, note, err);
}
