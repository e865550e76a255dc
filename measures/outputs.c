/*
 * outputs.c — CSV tables from the result tables, written on two
 * connections at once.
 */
#include "outputs.h"
#include "csv/csvout.h"
#include "sys/atomic.h"
#include "config/config.h"
#include "store/store.h"
#include "sys/worker.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* Each table's query and how its columns are written (csvout.h): '.' as
 * stored, 'w' whole numbers without ".0" and the rest to 6 places, '1' to
 * '6' rounded to that many places. */
static const struct {
    const char *file, *sql, *forms;
} tables[] = {
    {"measures.csv",
     "SELECT force, national_measure, measure, source, period_type, period, period_start,"
     " period_end, statistic, value, ci_low, ci_high,"
     " unit, method, months_covered, months_expected, note FROM measure_results"
     " ORDER BY force, national_measure, measure, period_type, period_start, period_end,"
     " statistic",
     ".........www"},
    {"verdicts.csv",
     "SELECT force, national_measure, measure, comparison, latest_start, latest_end,"
     " base_start, base_end, latest_value, base_value,"
     " change_pct AS change, ci_low_pct AS ci_low,"
     " ci_high_pct AS ci_high, unit, verdict, months_covered, months_expected,"
     " dispersion, dispersion_df, method, sentence FROM measure_verdicts ORDER BY force, national_measure, measure,"
     " comparison",
     "........ww111....2"},
    {"spc_points.csv",
     "SELECT force, measure, month, value, centre, lower, upper, lower2, upper2, segment,"
     " rules, signal FROM spc_points ORDER BY force, measure, month",
     "....44444"},
    {"spc_signals.csv",
     "SELECT force, measure, rule, first_month, last_month, signal FROM spc_signals"
     " ORDER BY force, measure, first_month, rule", ""},
    {"spc_summary.csv",
     "SELECT force, measure, chart, basis, variation, why_no_verdict, assurance,"
     " target, limits_start, limits_end, limits_points, rules, note FROM spc_summary"
     " ORDER BY force, measure", ""},
    {"peer_results.csv",
     "SELECT force, measure, period, group_name, member, count, population,"
     " rate_per_1000, ci_low, ci_high, rank, peer_mean, difference, significant,"
     " population_year, population_source, method FROM peer_results"
     " ORDER BY force, measure, group_name, member",
     ".......444.44"},
    {"peer_proportions.csv",
     "SELECT force, measure, period, group_name, member, successes, trials,"
     " proportion_pct, ci_low, ci_high, rank, pooled_pct, pooled_low, pooled_high,"
     " difference, p_value, significant, method"
     " FROM peer_proportions ORDER BY force, measure, group_name, member",
     ".......444.4444"},
    {"measure_quarters.csv",
     "SELECT force, measure, quarter, quarter_start, count, months_covered, r12_count,"
     " r12_months, baseline_count, baseline_months, change_pct, ci_low_pct, ci_high_pct,"
     " verdict FROM measure_quarters ORDER BY force, measure, quarter_start",
     "..........111"},
    {"annotations.csv",
     "SELECT month AS date, label, force FROM annotations ORDER BY month, force, label", ""},
};

/* The tables not yet taken, shared by the two connections that write them:
 * each takes the next, so the largest (first) go out at once on both. */
struct outputs_queue {
    const char *dir;
    atomic_size_t next;
    atomic_int failed;
};

static int outputs_take(sqlite3 *db, struct outputs_queue *q, struct sio_error *err)
{
    char path[CONFIG_PATH_MAX + 64];
    size_t i;
    int rc = SIO_OK;
    while (!rc && !atomic_load(&q->failed) &&
           (i = atomic_fetch_add(&q->next, 1)) < sizeof tables / sizeof tables[0]) {
        snprintf(path, sizeof path, "%s/%s", q->dir, tables[i].file);
        if ((rc = csvout_query_forms(db, tables[i].sql, tables[i].forms, path, err)))
            atomic_store(&q->failed, 1);
    }
    return rc;
}

/* The second connection: it checkpoints the WAL the results went into, then
 * takes tables.  A checkpoint that cannot run now (another reader or writer)
 * is left to the store's next commit, as SQLite would leave it. */
struct outputs_helper {
    struct outputs_queue *q;
    const char *store_path;
    int rc;
    struct sio_error err;
};

static void outputs_help(void *arg)
{
    struct outputs_helper *h = arg;
    sqlite3 *db;
    h->rc = store_open_again(h->store_path, &db, &h->err);
    if (h->rc) {
        atomic_store(&h->q->failed, 1);
        return;
    }
    (void)sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    h->rc = outputs_take(db, h->q, &h->err);
    store_close(db);
}

int outputs_write(sqlite3 *db, const char *out_dir, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX + 8];
    snprintf(dir, sizeof dir, "%s/csv", out_dir);
    int rc = atomic_mkdirs(dir, err);
    if (rc)
        return rc;
    struct outputs_queue q = {.dir = dir};
    struct outputs_helper h = {.q = &q, .store_path = sqlite3_db_filename(db, "main")};
    struct worker_job job;
    atomic_init(&q.next, 0);
    atomic_init(&q.failed, 0);
    int helped = h.store_path && worker_start(&job, outputs_help, &h) == 0;
    rc = outputs_take(db, &q, err);
    if (helped)
        worker_wait(&job);
    else
        (void)sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    if (!rc && helped && h.rc)
        *err = h.err, rc = h.rc;
    return rc;
}
