/*
 * sio-workbook — the run's CSV tables as one Excel workbook,
 * out/sio-<date>.xlsx, with a first sheet saying what it holds.
 */
#include "book.h"
#include "store/store.h"
#include "sys/cli.h"

#include <stdio.h>

static const char usage[] =
    "usage: sio-workbook [--config FILE] [--store PATH] [--out DIR] [--quiet]\n"
    "\n"
    "Write DIR/sio-<date>.xlsx: a first sheet with the classification, what each\n"
    "sheet holds, the sources, the methods and a summary of the run; one sheet per\n"
    "CSV table in DIR/csv (as sio-transform and sio-measures wrote them, value for\n"
    "value: counts as whole numbers, percentages, intervals and rates with their\n"
    "number formats, the header row frozen and filtered); and a sheet of the input\n"
    "files in the store.  The date is today's (UTC), or SOURCE_DATE_EPOCH's when\n"
    "that is set, so two runs on the same inputs write the same file.\n"
    "\n"
    CLI_COMMON_HELP
    "\n"
    "Exit status: 0 success; 64 usage; 65 a table does not fit its header;\n"
    "66 the store or the tables do not exist; 70 internal error; 73 the workbook\n"
    "cannot be created; 74 write error; 78 bad configuration.\n"
    "See sio-workbook(1).\n";

static int workbook(sqlite3 *db, const struct sio_config *cfg, const struct cli *cli,
                    struct sio_error *err)
{
    struct book_result res;
    char counts[96];
    long long run_id;
    int rc = store_run_start(db, "workbook", &run_id, err);
    rc = rc ? rc : book_write(db, cfg, &res, err);
    if (rc)
        return rc;
    snprintf(counts, sizeof counts, "sheets=%d rows=%lld", res.sheets, res.rows);
    rc = store_run_finish(db, run_id, "", counts, 0, err);
    if (!rc && !cli->quiet)
        printf("sio-workbook: %d sheets, %lld table rows: %s\n", res.sheets, res.rows, res.path);
    return rc;
}

int main(int argc, char **argv)
{
    return cli_stage_main(argc, argv, "sio-workbook", usage, workbook);
}
