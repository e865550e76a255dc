/*
 * main.c — sio-charts: the charts of every force x measure in the store.
 *
 * Options and config (lib/cli), the store (lib/store), then one quarterly
 * chart per force x measure in every configured format, each with an
 * alt-text sidecar, under <out>/charts/<force-slug>/<measure-key>.<ext>.
 * The first failure stops the run: charts already written stay (each is
 * whole), and the status becomes the exit code.
 */
#include "chart.h"
#include "cli.h"
#include "quarterly.h"
#include "series.h"
#include "store.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef SIO_VERSION
#define SIO_VERSION "0.0.0"
#endif

static const char usage[] =
    "usage: sio-charts [--config FILE] [--store PATH] [--out DIR] [--quiet]\n"
    "                  [--help] [--version]\n"
    "\n"
    "Draw the quarterly chart of every force and measure in the store's\n"
    "measure_quarters table (written by sio-measures).\n"
    "\n"
    "  --config FILE  read FILE instead of config/sio.ini\n"
    "  --store PATH   use the store at PATH instead of [store] path\n"
    "  --out DIR      write under DIR instead of [output] dir\n"
    "  --quiet        print nothing on success\n"
    "  --help         print this help and exit\n"
    "  --version      print the version and exit\n"
    "\n"
    "FILES\n"
    "  DIR/charts/FORCE/MEASURE.png, .svg, .pdf   as [charts] formats says\n"
    "  DIR/charts/FORCE/MEASURE.txt               alt text for the chart\n"
    "  FORCE is the force name in lower case with '-' for other characters.\n"
    "\n"
    "ENVIRONMENT\n"
    "  SOURCE_DATE_EPOCH  date written into PDF files, for reproducible output\n"
    "\n"
    "EXIT STATUS\n"
    "  0 success, 64 usage, 65 bad data in the store, 66 store missing,\n"
    "  70 internal or PLplot error, 73 output cannot be created, 74 I/O error,\n"
    "  78 bad configuration.\n";

struct charts_run {
    const struct sio_config *cfg;
    const char *out_dir;
    struct chart_style style;
    int files;                 /* files written */
};

/* <out>/charts/<force-slug>, created. */
static int force_dir(const struct charts_run *run, const char *force, char *dir,
                     size_t size, struct sio_error *err)
{
    char slug[160];
    chart_slug(force, slug, sizeof slug);
    if (!slug[0])
        snprintf(slug, sizeof slug, "unnamed-force");
    if (snprintf(dir, size, "%s/charts/%s", run->out_dir, slug) >= (int)size)
        return sio_fail(err, SIO_ECANTCREAT, run->out_dir, 0, "output path too long");
    return chart_make_dir(dir, err);
}

/* The measure key as a file name: kept as it is except characters that are
 * not letters, digits, '_' or '-' ("/" above all), which become '-'. */
static void key_file_name(const char *key, char *buf, size_t size)
{
    size_t n = 0;
    for (; *key && n + 1 < size; key++)
        buf[n++] = isalnum((unsigned char)*key) || *key == '_' || *key == '-' ? *key : '-';
    buf[n] = '\0';
    if (n == 0)
        snprintf(buf, size, "measure");
    else if (buf[0] == '-') /* not to be read as an option */
        buf[0] = '_';
}

/* Every format of one series' chart, then its alt text. */
static int draw_series(const struct quarter_series *s, void *ctx, struct sio_error *err)
{
    struct charts_run *run = ctx;
    char dir[CONFIG_PATH_MAX], key[80], path[CONFIG_PATH_MAX + 96], alt[2048];
    int rc = force_dir(run, s->force, dir, sizeof dir, err);

    key_file_name(s->measure_key, key, sizeof key);
    for (int bit = CHART_PNG; rc == SIO_OK && bit <= CHART_PDF; bit <<= 1) {
        if (!(run->cfg->chart_formats & bit))
            continue;
        snprintf(path, sizeof path, "%s/%s.%s", dir, key, chart_format_ext(bit));
        rc = chart_render(path, bit, quarterly_draw, s, &run->style, err);
        run->files += rc == SIO_OK;
    }
    if (rc != SIO_OK)
        return rc;
    snprintf(path, sizeof path, "%s/%s.txt", dir, key);
    rc = chart_write_text(path, quarterly_alt_text(s, alt, sizeof alt), err);
    run->files += rc == SIO_OK;
    return rc;
}

static int run_charts(const struct sio_config *cfg, int quiet, struct sio_error *err)
{
    struct charts_run run = {cfg, cfg->out_dir, {cfg->classification, cfg->source_note, SIO_VERSION}, 0};
    char top[CONFIG_PATH_MAX + 16];
    sqlite3 *db = NULL;
    int n = 0, rc;

    snprintf(top, sizeof top, "%s/charts", cfg->out_dir);
    if ((rc = chart_make_dir(top, err)) != SIO_OK)
        return rc;
    if (access(cfg->store_path, F_OK) != 0) /* store_open would create it */
        return sio_fail(err, SIO_ENOINPUT, cfg->store_path, 0,
                        "no store here: run sio-ingest first");
    if ((rc = store_open(cfg->store_path, &db, err)) != SIO_OK)
        return rc;
    long long run_id = 0;
    char counts[64];
    struct sio_error ignored;
    if ((rc = store_run_start(db, "charts", &run_id, err)) == SIO_OK) {
        rc = series_each(db, cfg, draw_series, &run, &n, err);
        snprintf(counts, sizeof counts, "series=%d files=%d", n, run.files);
        /* the run's own error matters more than failing to record it */
        store_run_finish(db, run_id, NULL, counts, sio_exit_code(rc), &ignored);
    }
    store_close(db);
    if (rc == SIO_OK && n == 0)
        rc = sio_fail(err, SIO_ENOINPUT, cfg->store_path, 0,
                      "measure_quarters is empty: run sio-measures first");
    if (rc == SIO_OK && !quiet)
        printf("sio-charts: %d series, %d files under %s\n", n, run.files, top);
    return rc;
}

int main(int argc, char **argv)
{
    struct cli cli;
    struct sio_config cfg;
    struct sio_error err;
    int rc;

    sio_error_clear(&err);
    switch (cli_parse(&cli, argc, argv, "sio-charts", usage, NULL, NULL, NULL)) {
    case CLI_EXIT: return 0;
    case CLI_USAGE: return sio_exit_code(SIO_EUSAGE);
    default: break;
    }
    config_defaults(&cfg);
    rc = cli_load_config(&cli, &cfg, &err);
    if (rc == SIO_OK)
        rc = run_charts(&cfg, cli.quiet, &err);
    if (rc != SIO_OK)
        sio_error_print(cli.prog, &err);
    config_free(&cfg);
    return sio_exit_code(rc);
}
