/*
 * funnel.c — one measure's funnel: the forces' 12-month counts from
 * measure_results, their populations, the pooled target and the limits.
 */
#include "funnel.h"

#include "csv/csvout.h"
#include "population.h"
#include "stats/funnel.h"
#include "store/store.h"
#include "sys/atomic.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct funnel_force {
    char force[64];
    long count, population;
    int year;
};

struct funnel {
    const char *measure;
    char start[8], end[8];
    struct funnel_force *f;
    int n, cap, left_out;
    long long count, population;
    char source[256];
    int year;                  /* every force's estimate year, 0 when mixed */
    int mixed_source;
};

/* The 12 months: those the most forces have whole, the latest of equals (a
 * force whose new month is in before the others' does not shrink the plot
 * to itself). */
static const char window_sql[] =
    "SELECT period_start, period_end, count(*) AS forces FROM measure_results"
    " WHERE measure = ?1 AND period_type = 'r12' AND statistic = 'count'"
    " AND value IS NOT NULL AND months_covered = months_expected"
    " GROUP BY period_start, period_end ORDER BY forces DESC, period_end DESC LIMIT 1";

/* Every force's count over them, whole or not. */
static const char counts_sql[] =
    "SELECT force, value, months_covered = months_expected FROM measure_results"
    " WHERE measure = ?1 AND period_type = 'r12' AND statistic = 'count'"
    " AND period_end = ?2 AND value IS NOT NULL ORDER BY force";

static int add_force(struct funnel *fu, const char *force, long count, long pop, int year)
{
    if (fu->n == fu->cap) {
        int cap = fu->cap ? 2 * fu->cap : 64;
        struct funnel_force *f = realloc(fu->f, (size_t)cap * sizeof *f);
        if (!f)
            return -1;
        fu->f = f;
        fu->cap = cap;
    }
    struct funnel_force *f = &fu->f[fu->n++];
    snprintf(f->force, sizeof f->force, "%s", force);
    f->count = count;
    f->population = pop;
    f->year = year;
    fu->count += count;
    fu->population += pop;
    return 0;
}

/* The force's population, and whether its source and year match the rest. */
static int take(const struct population *p, struct funnel *fu, const char *force, long count,
                struct sio_error *err)
{
    month_t s = month_parse(fu->start, 7), e = month_parse(fu->end, 7);
    char source[256];
    long pop;
    int year;
    population_for(p, force, s, e, &pop, &year);
    if (pop <= 0) {
        fu->left_out++;
        return SIO_OK;
    }
    population_source(p, force, year, source, sizeof source);
    if (fu->n == 0) {
        snprintf(fu->source, sizeof fu->source, "%s", source);
        fu->year = year;
    }
    fu->mixed_source |= strcmp(source, fu->source) != 0;
    if (year != fu->year)
        fu->year = 0;
    return add_force(fu, force, count, pop, year) ? sio_fail(err, SIO_ESOFTWARE, NULL, 0,
                                                             "out of memory")
                                                  : SIO_OK;
}

static int load(sqlite3 *db, const struct population *p, struct funnel *fu,
                struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, window_sql, &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, fu->measure, -1, SQLITE_STATIC);
    if ((step = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(fu->start, sizeof fu->start, "%s", store_col_text(st, 0));
        snprintf(fu->end, sizeof fu->end, "%s", store_col_text(st, 1));
    }
    sqlite3_finalize(st);
    if (step != SQLITE_ROW)
        return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading measure_results");
    if ((rc = store_prepare(db, counts_sql, &st, err)))
        return rc;
    sqlite3_bind_text(st, 1, fu->measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, fu->end, -1, SQLITE_STATIC);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_int(st, 2))
            rc = take(p, fu, store_col_text(st, 0), (long)llround(sqlite3_column_double(st, 1)),
                      err);
        else
            fu->left_out++;
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "reading measure_results");
    sqlite3_finalize(st);
    return rc;
}

static const char *position_of(double rate, double lo95, double hi95, double lo998,
                               double hi998)
{
    return rate > hi998 ? "above 99.8%" : rate > hi95 ? "above 95%"
         : rate < lo998 ? "below 99.8%" : rate < lo95 ? "below 95%" : "within";
}

static int put_point(sqlite3_stmt *st, const struct funnel *fu, const struct funnel_force *f,
                     double target)
{
    double e = target * (double)f->population, lo95, hi95, lo998, hi998;
    double per = 1000.0 / (double)f->population, rate = (double)f->count * per;
    funnel_limits(e, 0.95, &lo95, &hi95);
    funnel_limits(e, 0.998, &lo998, &hi998);
    sqlite3_bind_text(st, 1, fu->measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, f->force, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, f->count);
    sqlite3_bind_int64(st, 4, f->population);
    sqlite3_bind_int(st, 5, f->year);
    sqlite3_bind_double(st, 6, rate);
    sqlite3_bind_double(st, 7, e);
    sqlite3_bind_double(st, 8, lo95 * per);
    sqlite3_bind_double(st, 9, hi95 * per);
    sqlite3_bind_double(st, 10, lo998 * per);
    sqlite3_bind_double(st, 11, hi998 * per);
    sqlite3_bind_text(st, 12, position_of(rate, lo95 * per, hi95 * per, lo998 * per, hi998 * per),
                      -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? 0 : -1;
}

static int put_plot(sqlite3 *db, const struct funnel *fu, int expected, struct sio_error *err)
{
    sqlite3_stmt *st;
    char area[64];
    int rc = store_prepare(db, "INSERT INTO funnel_plots VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
                               "?11,?12)", &st, err);
    if (rc)
        return rc;
    if (fu->n >= expected && expected > 0)
        snprintf(area, sizeof area, "England and Wales");
    else
        snprintf(area, sizeof area, "the %d forces with data", fu->n);
    sqlite3_bind_text(st, 1, fu->measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, fu->start, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, fu->end, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, fu->n);
    sqlite3_bind_int(st, 5, expected);
    sqlite3_bind_int(st, 6, fu->left_out);
    sqlite3_bind_text(st, 7, area, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, fu->count);
    sqlite3_bind_int64(st, 9, fu->population);
    sqlite3_bind_double(st, 10, (double)fu->count / (double)fu->population * 1000.0);
    if (fu->year)
        sqlite3_bind_int(st, 11, fu->year);
    sqlite3_bind_text(st, 12, fu->mixed_source ? "" : fu->source, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "writing funnel_plots");
    sqlite3_finalize(st);
    return rc;
}

static int store_funnel(sqlite3 *db, const struct funnel *fu, int expected,
                        struct sio_error *err)
{
    sqlite3_stmt *st;
    double target = (double)fu->count / (double)fu->population;
    int rc = put_plot(db, fu, expected, err);
    if (rc || (rc = store_prepare(db, "INSERT INTO funnel_points VALUES (?1,?2,?3,?4,?5,?6,?7,"
                                      "?8,?9,?10,?11,?12)", &st, err)))
        return rc;
    for (int i = 0; !rc && i < fu->n; i++)
        if (put_point(st, fu, &fu->f[i], target))
            rc = store_fail(db, err, "writing funnel_points");
    sqlite3_finalize(st);
    return rc;
}

/* The forces of England and Wales the forces table lists (ONS code E23/W15). */
static int forces_expected(sqlite3 *db, int *n, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT count(*) FROM forces WHERE ons_code LIKE 'E23%'"
                               " OR ons_code LIKE 'W15%'", &st, err);
    *n = 0;
    if (rc)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return SIO_OK;
}

static int write_csv(sqlite3 *db, const char *out_dir, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX + 8], path[CONFIG_PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s/csv", out_dir);
    snprintf(path, sizeof path, "%s/funnel.csv", dir);
    int rc = atomic_mkdirs(dir, err);
    return rc ? rc : csvout_query(db,
        "SELECT p.measure, p.force, f.period_start, f.period_end, p.count, p.population,"
        " p.population_year, round(p.rate_per_1000, 4) AS rate_per_1000,"
        " round(f.rate_per_1000, 4) AS target_rate_per_1000, f.area AS target_area,"
        " round(p.expected, 2) AS expected, round(p.low_95, 4) AS low_95,"
        " round(p.high_95, 4) AS high_95, round(p.low_998, 4) AS low_998,"
        " round(p.high_998, 4) AS high_998, p.position FROM funnel_points p"
        " JOIN funnel_plots f USING (measure) ORDER BY p.measure, p.force", path, err);
}

static int funnel_each(sqlite3 *db, const struct population *p, int expected, long *plots,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, "SELECT measure FROM measure_catalogue"
                                     " WHERE statistic = 'count' ORDER BY position", &st, err);
    if (rc)
        return rc;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        struct funnel fu = { .measure = store_col_text(st, 0) };
        rc = load(db, p, &fu, err);
        if (!rc && fu.n >= FUNNEL_MIN_FORCES && fu.population > 0) {
            rc = store_funnel(db, &fu, expected, err);
            *plots += !rc;
        }
        free(fu.f);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "reading measure_catalogue");
    sqlite3_finalize(st);
    return rc;
}

int funnel_all(sqlite3 *db, const struct sio_config *cfg, long *plots, struct sio_error *err)
{
    struct population p = {NULL, 0};
    int expected, rc = store_exec(db, "DELETE FROM funnel_points; DELETE FROM funnel_plots;",
                                  err);
    *plots = 0;
    if (!rc && !(rc = forces_expected(db, &expected, err)) &&
        !(rc = population_read(db, &p, err)))
        rc = funnel_each(db, &p, expected, plots, err);
    population_free(&p);
    return rc ? rc : write_csv(db, cfg->out_dir, err);
}
