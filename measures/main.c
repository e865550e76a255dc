/*
 * sio-measures — quarterly figures and the baseline comparison for every
 * force and measure in the store.
 *
 * measure_quarters is rebuilt inside one transaction and measures.csv is
 * renamed into place before the commit, so a failure leaves the previous
 * results whole.
 */
#include "atomic.h"
#include "cli.h"
#include "csvout.h"
#include "poisson.h"
#include "quarterly.h"
#include "store.h"

#include <math.h>
#include <stdio.h>

static const char usage[] =
    "usage: sio-measures [--config FILE] [--store PATH] [--out DIR] [--quiet]\n"
    "\n"
    "For every force and measure in the store: counts by financial quarter\n"
    "(Q1 = April to June), the rolling 12 months ending each quarter, and their\n"
    "change against the baseline 12 months set in the configuration, with an\n"
    "exact Poisson confidence interval and a verdict: increase, decrease, no\n"
    "significant change, or not comparable (a window has months with no data).\n"
    "Writes the store's measure_quarters table and DIR/csv/measures.csv.\n"
    "\n"
    "  --config FILE   configuration (default config/sio.ini)\n"
    "  --store PATH    the store, overriding the configuration\n"
    "  --out DIR       output folder, overriding the configuration\n"
    "  --quiet         print nothing unless something goes wrong\n"
    "  --help          show this help and exit\n"
    "  --version       show the version and exit\n"
    "\n"
    "Exit status: 0 success; 64 usage; 65 impossible data in the store; 66 the\n"
    "store does not exist; 70 internal error; 73 an output cannot be created;\n"
    "74 write error; 75 the store is busy; 78 bad configuration.\n"
    "See sio-measures(1).\n";

static const char insert_sql[] =
    "INSERT INTO measure_quarters(force, measure, quarter, quarter_start, count,"
    " months_covered, r12_count, r12_months, baseline_count, baseline_months,"
    " change_pct, ci_low_pct, ci_high_pct, verdict)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)";

static void bind_pct(sqlite3_stmt *st, int i, const struct quarter_row *q, double v)
{
    if (q->comparable && isfinite(v))
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

static int insert_row(sqlite3 *db, sqlite3_stmt *st, const char *force, const char *measure,
                      const struct quarter_row *q, struct sio_error *err)
{
    char label[16], start[8];
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, month_fq_label(q->start, label), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, month_format(q->start, start), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, q->count);
    sqlite3_bind_int(st, 6, q->months_covered);
    sqlite3_bind_int64(st, 7, q->r12_count);
    sqlite3_bind_int(st, 8, q->r12_months);
    sqlite3_bind_int64(st, 9, q->baseline_count);
    sqlite3_bind_int(st, 10, q->baseline_months);
    bind_pct(st, 11, q, q->change_pct);
    bind_pct(st, 12, q, q->ci_low_pct);
    bind_pct(st, 13, q, q->ci_high_pct);
    sqlite3_bind_text(st, 14, q->verdict, -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? SIO_OK : store_fail(db, err, "cannot store quarterly results");
}

/* Every financial quarter from the first covered month's to the last's. */
static int measure_one(sqlite3 *db, sqlite3_stmt *ins, const char *force,
                       const struct sio_config *cfg, const char *measure, long *rows,
                       struct sio_error *err)
{
    struct series s;
    int rc = series_load(db, force, measure, &s, err);
    if (rc || s.n == 0)
        return rc;
    for (month_t q = month_fq_start(s.first); q < s.first + s.n && !rc; q += 3) {
        struct quarter_row row;
        if (!(rc = quarterly_row(&s, q, cfg, &row, err)) &&
            !(rc = insert_row(db, ins, force, measure, &row, err)))
            ++*rows;
    }
    series_free(&s);
    return rc;
}

static int measure_all(sqlite3 *db, const struct sio_config *cfg, long *rows,
                       struct sio_error *err)
{
    sqlite3_stmt *forces, *ins;
    int rc;
    if ((rc = store_exec(db, "DELETE FROM measure_quarters", err)) ||
        (rc = store_prepare(db, "SELECT DISTINCT force FROM coverage ORDER BY force", &forces, err)))
        return rc;
    if ((rc = store_prepare(db, insert_sql, &ins, err))) {
        sqlite3_finalize(forces);
        return rc;
    }
    while (!rc && sqlite3_step(forces) == SQLITE_ROW) {
        const char *force = (const char *)sqlite3_column_text(forces, 0);
        for (int i = 0; i < cfg->n_measures && !rc; i++)
            rc = measure_one(db, ins, force, cfg, cfg->measures[i].key, rows, err);
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(forces);
    return rc;
}

static int write_csv(sqlite3 *db, const char *out_dir, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX + 8], path[CONFIG_PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s/csv", out_dir);
    int rc = atomic_mkdirs(dir, err);
    if (rc)
        return rc;
    snprintf(path, sizeof path, "%s/measures.csv", dir);
    return csvout_query(db,
        "SELECT force, measure, quarter, quarter_start, count, months_covered, r12_count,"
        " r12_months, baseline_count, baseline_months, round(change_pct, 1) AS change_pct,"
        " round(ci_low_pct, 1) AS ci_low_pct, round(ci_high_pct, 1) AS ci_high_pct,"
        " verdict FROM measure_quarters ORDER BY force, measure, quarter_start", path, err);
}

static int run(sqlite3 *db, const struct sio_config *cfg, const struct cli *cli,
               struct sio_error *err)
{
    long long run_id;
    long rows = 0;
    char counts[64];
    int rc;
    if ((rc = store_run_start(db, "measures", &run_id, err)) || (rc = store_begin(db, err)))
        return rc;
    if (!(rc = measure_all(db, cfg, &rows, err)) && !(rc = write_csv(db, cfg->out_dir, err))) {
        snprintf(counts, sizeof counts, "quarter_rows=%ld", rows);
        rc = store_run_finish(db, run_id, NULL, counts, 0, err);
    }
    rc = rc ? rc : store_commit(db, err);
    if (rc)
        store_rollback(db);
    else if (!cli->quiet)
        printf("wrote %ld quarterly rows to %s/csv/measures.csv\n", rows, cfg->out_dir);
    return rc;
}

int main(int argc, char **argv)
{
    poisson_gsl_init();
    return cli_stage_main(argc, argv, "sio-measures", usage, run);
}
