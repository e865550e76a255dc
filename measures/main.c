/*
 * sio-measures — every statistic for every force and measure in the store:
 * figures by month, quarter, year and rolling year with their intervals,
 * the comparisons a PCC statement makes with verdicts and sentences, XmR
 * charts with special-cause signals, trends, and peer comparisons.
 *
 * The result tables are rebuilt inside one transaction and the CSV files
 * are renamed into place before the commit, so a failure leaves the
 * previous results whole.
 */
#include "analyse.h"
#include "funnel.h"
#include "annotate.h"
#include "sys/cli.h"
#include "outputs.h"
#include "stats/poisson.h"
#include "source.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: sio-measures [--config FILE] [--store PATH] [--out DIR] [--quiet]\n"
    "\n"
    "For every force and measure in the store (police.uk street, outcomes and\n"
    "stop-and-search rows, Home Office recorded crime, indicator series):\n"
    "figures by month, financial quarter, financial year and rolling 12 months\n"
    "(counts with exact Poisson intervals, proportions with Wilson intervals,\n"
    "rates per 1,000 population); the latest 12 months against the baseline and\n"
    "against the year before, and the latest quarter against the same quarter\n"
    "last year, each with an interval allowing for the month-to-month variation\n"
    "(quasi-Poisson or quasi-binomial dispersion), a verdict (improvement,\n"
    "deterioration, no significant change, not tested, not comparable, no data)\n"
    "and a sentence; SPC charts as Making Data Count (XmR, or p-charts for\n"
    "shares; limits fixed on the baseline) with their special-cause signals;\n"
    "the trend; and peer comparisons.\n"
    "Writes the store's result tables and DIR/csv/measures.csv (tidy),\n"
    "verdicts.csv, spc_points.csv, spc_signals.csv, spc_summary.csv,\n"
    "peer_results.csv, measure_quarters.csv and annotations.csv.\n"
    "\n"
    "  --config FILE   configuration (default: $SIO_CONFIG, ./config/sio.ini,\n"
    "                  /etc/sio/sio.ini, the first that is set or exists)\n"
    "  --verbose       say which configuration is used (on stderr)\n"
    "  --store PATH    the store, overriding the configuration\n"
    "  --out DIR       output folder, overriding the configuration\n"
    "  --quiet         print nothing unless something goes wrong\n"
    "  --help          show this help and exit\n"
    "  --version       show the version and exit\n"
    "\n"
    "Exit status: 0 success; 64 usage; 65 impossible data in the store; 66 the\n"
    "store, peers or annotations file does not exist; 70 internal error; 73 an\n"
    "output cannot be created; 74 write error; 75 the store is busy; 78 bad\n"
    "configuration.  See sio-measures(1).\n";

/* The analyst's annotations, plus one per rebase date so charts show it. */
static int load_notes(const struct sio_config *cfg, struct annotations *a,
                      struct sio_error *err)
{
    int rc = annotations_load(cfg->annotations_path, a, err);
    for (int i = 0; !rc && i < cfg->n_rebase; i++) {
        struct annotation *more = realloc(a->items, (a->n + 1) * sizeof *more);
        if (!more)
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
        a->items = more;
        struct annotation *n = &a->items[a->n++];
        memset(n, 0, sizeof *n);
        n->month = cfg->rebase[i].month;
        memcpy(n->force, cfg->rebase[i].force, sizeof n->force);
        snprintf(n->label, sizeof n->label, "SPC limits recalculated: %s",
                 cfg->rebase[i].reason);
    }
    return rc;
}

/* Annotations may name a force by slug or name: use the outputs' keys. */
static int canon_notes(sqlite3 *db, struct annotations *a, struct sio_error *err)
{
    int rc = SIO_OK;
    char key[sizeof a->items->force];
    for (size_t i = 0; i < a->n && !rc; i++)
        if (a->items[i].force[0] &&
            !(rc = store_force_key(db, a->items[i].force, key, sizeof key, err)))
            memcpy(a->items[i].force, key, sizeof key);
    return rc;
}

static int work(sqlite3 *db, const struct sio_config *cfg, struct annotations *notes,
                struct analyse_totals *t, struct sio_error *err)
{
    int rc = canon_notes(db, notes, err);
    if (!rc)
        rc = annotations_store(db, notes, err);
    if (!rc)
        rc = analyse_all(db, cfg, notes, t, err);
    return rc ? rc : funnel_all(db, cfg, &t->funnels, err);
}

/* The results in one transaction; then the CSV files from them, with the
 * WAL's checkpoint beside them rather than inside the commit (outputs.h);
 * then the run's record, which says whether the files were written. */
static int run(sqlite3 *db, const struct sio_config *cfg, const struct cli *cli,
               struct sio_error *err)
{
    struct annotations notes;
    struct analyse_totals t;
    struct sio_error ignored;
    long long run_id;
    char counts[160];
    int rc = load_notes(cfg, &notes, err);
    if (rc || (rc = store_exec(db, "PRAGMA wal_autocheckpoint = 0", err)) ||
        (rc = store_run_start(db, "measures", &run_id, err)) || (rc = store_begin(db, err))) {
        annotations_free(&notes);
        return rc;
    }
    if ((rc = work(db, cfg, &notes, &t, err)) || (rc = store_commit(db, err)))
        store_rollback(db);
    annotations_free(&notes);
    if (rc)
        return rc;
    rc = outputs_write(db, cfg->out_dir, err);
    snprintf(counts, sizeof counts, "forces=%ld series=%ld results=%ld quarter_rows=%ld"
             " funnels=%ld", t.forces, t.series, t.results, t.quarters, t.funnels);
    /* the run's own error matters more than failing to record it */
    int recorded = store_run_finish(db, run_id, NULL, counts, sio_exit_code(rc),
                                    rc ? &ignored : err);
    rc = rc ? rc : recorded;
    if (!rc && !cli->quiet)
        printf("%ld forces, %ld series with data: wrote %ld results to %s/csv/measures.csv\n",
               t.forces, t.series, t.results, cfg->out_dir);
    return rc;
}

int main(int argc, char **argv)
{
    poisson_gsl_init();
    return cli_stage_main(argc, argv, "sio-measures", usage, run);
}
