/*
 * sio-transform — police.uk rows to counts by force, crime type/measure and
 * month, in the store and as CSV tables.
 *
 * The store's tables are rebuilt in one transaction; the CSV files are
 * written to temporary names and renamed before the commit, so a failure at
 * any point leaves the previous store tables and the previous files.
 */
#include "aggregate.h"
#include "sys/atomic.h"
#include "sys/cli.h"
#include "csv/csvout.h"
#include "sys/sha256.h"
#include "store/store.h"

#include <stdio.h>

static const char usage[] =
    "usage: sio-transform [--config FILE] [--store PATH] [--out DIR] [--quiet]\n"
    "\n"
    "Count the police.uk street rows in the store by force ('Falls within'),\n"
    "crime type and month, and by measure (the mapping in measures.ini), and\n"
    "write them to the store and to DIR/csv/monthly_counts.csv\n"
    "(force,crime_type,month,count) and DIR/csv/measure_counts.csv\n"
    "(force,measure,month,count).  A crime whose Crime ID appears twice counts\n"
    "once.  Force-months with no data have no row: they are missing, not zero.\n"
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
    "Exit status: 0 success; 64 usage; 66 the store does not exist; 70 internal\n"
    "error; 73 an output cannot be created; 74 write error; 75 the store is busy;\n"
    "78 bad configuration.  See sio-transform(1).\n";

static int write_tables(sqlite3 *db, const char *out_dir, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX + 8], path[CONFIG_PATH_MAX + 64];
    int rc;
    snprintf(dir, sizeof dir, "%s/csv", out_dir);
    if ((rc = atomic_mkdirs(dir, err)))
        return rc;
    snprintf(path, sizeof path, "%s/monthly_counts.csv", dir);
    if ((rc = csvout_query(db, "SELECT force, crime_type, month, count FROM monthly_counts"
                               " ORDER BY force, crime_type, month", path, err)))
        return rc;
    snprintf(path, sizeof path, "%s/measure_counts.csv", dir);
    return csvout_query(db, "SELECT force, measure, month, count FROM measure_counts"
                            " ORDER BY force, measure, month", path, err);
}

static int transform(sqlite3 *db, const struct sio_config *cfg, const struct cli *cli,
                     struct sio_error *err)
{
    struct aggregate_totals t;
    char fingerprint[SHA256_HEX_LEN + 1], counts[128];
    long long run_id;
    int rc;

    if ((rc = store_run_start(db, "transform", &run_id, err)) || (rc = store_begin(db, err)))
        return rc;
    if (!(rc = aggregate_rebuild(db, cfg, &t, err)) &&
        !(rc = aggregate_fingerprint(db, fingerprint, err)) &&
        !(rc = write_tables(db, cfg->out_dir, err))) {
        snprintf(counts, sizeof counts, "rows=%lld force_months=%lld recounted_files=%ld", t.rows,
                 t.force_months, t.recounted);
        rc = store_run_finish(db, run_id, fingerprint, counts, 0, err);
    }
    rc = rc ? rc : store_commit(db, err);
    if (rc)
        store_rollback(db);
    else if (!cli->quiet)
        printf("counted %lld rows over %lld force-months into %s/csv\n", t.rows,
               t.force_months, cfg->out_dir);
    return rc;
}

int main(int argc, char **argv)
{
    return cli_stage_main(argc, argv, "sio-transform", usage, transform);
}
