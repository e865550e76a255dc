/*
 * main.c — sio-charts: every chart of every force x measure in the store.
 *
 * Options and config (lib/cli), the store (lib/store), then per force and
 * measure the quarterly chart, the SPC chart and the peer chart, and per
 * force the overview page, each in every configured format, size and (for
 * PNG) resolution, each with an alt-text sidecar (.txt), under
 * <out>/charts/<force-slug>/ (file names in render.h).  A chart type whose
 * table has no rows for a force and measure is skipped quietly and counted
 * in the run's record.  The first failure stops the run: charts already
 * written stay (each is whole), and the status becomes the exit code.
 */
#include "chart.h"
#include "sys/cli.h"
#include "overview.h"
#include "peerchart.h"
#include "quarterly.h"
#include "render.h"
#include "results.h"
#include "series.h"
#include "spcchart.h"
#include "store/catalogue.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static const char usage[] =
    "usage: sio-charts [--config FILE] [--store PATH] [--out DIR] [--quiet]\n"
    "                  [--help] [--version]\n"
    "\n"
    "Draw the charts of every force and measure in the store (written by\n"
    "sio-measures): the quarterly chart, the SPC chart, the peer chart, and\n"
    "an overview page per force.\n"
    "\n"
    "  --config FILE  read FILE instead of config/sio.ini\n"
    "  --store PATH   use the store at PATH instead of [store] path\n"
    "  --out DIR      write under DIR instead of [output] dir\n"
    "  --quiet        print nothing on success\n"
    "  --help         print this help and exit\n"
    "  --version      print the version and exit\n"
    "\n"
    "FILES (under DIR/charts/FORCE/, FORCE the force's key and MEASURE the\n"
    "measure's stem as the catalogue has it: lower case, '-' for spaces and\n"
    "punctuation; each chart drawn is recorded in the store's chart_files)\n"
    "  MEASURE.EXT           quarterly chart, EXT from [charts] formats\n"
    "  MEASURE-spc.EXT       SPC chart (when spc_points has rows)\n"
    "  MEASURE-peers.EXT     peer chart (when peer_results has rows)\n"
    "  overview.EXT          every measure on one page\n"
    "  NAME.txt              alt text for chart NAME\n"
    "  NAME-SIZE.EXT         each [charts] sizes after the first\n"
    "  NAME-NNNdpi.png       each [charts] dpi after the first\n"
    "\n"
    "ENVIRONMENT\n"
    "  SOURCE_DATE_EPOCH  date written into PDF files, for reproducible output\n"
    "\n"
    "EXIT STATUS\n"
    "  0 success, 64 usage, 65 bad data in the store, 66 store missing,\n"
    "  70 internal or PLplot error, 73 output cannot be created, 74 I/O error,\n"
    "  78 bad configuration.\n";

struct charts_run {
    struct render r;                /* formats, sizes, style, file counts */
    sqlite3 *db;
    struct overview ov;             /* the current force's measures */
    struct annotation_list notes;   /* the current force's annotations */
    char notes_force[128];          /* whose annotations notes holds */
    int n_spc, n_peers, n_overview; /* charts drawn, every variant counted once */
    int no_spc, no_peers;           /* force x measure with no rows (or rates) for them */
    char ov_source[256];            /* the overview's measures' source line ("": none yet) ... */
    int ov_sources_differ;          /* ... unless they have different ones */
};

/* One force x measure while its charts are drawn. */
struct measure_draw {
    struct quarter_series s;        /* the quarterly series, with notes and target */
    struct spc_series spc;          /* its SPC points (n = 0: none) */
};

/* Draw chart name (every variant) and record it in the store's chart_files,
 * where sio-statement finds it. */
static int draw_chart(struct charts_run *run, const char *force, const char *measure,
                      const char *kind, int position, const char *name, chart_draw_fn draw,
                      const void *data, const char *alt, struct sio_error *err)
{
    struct catalogue_chart *c = calloc(1, sizeof *c);
    int rc;

    if (!c)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    rc = render_chart(&run->r, force, name, draw, data, alt, err);
    snprintf(c->kind, sizeof c->kind, "%s", kind);
    render_chart_name(force, name, c->name, sizeof c->name);
    render_formats(&run->r, c->formats, sizeof c->formats);
    snprintf(c->alt, sizeof c->alt, "%s", alt);
    if (rc == SIO_OK)
        rc = catalogue_chart_put(run->db, force, measure, position, c, err);
    free(c);
    return rc;
}

static int draw_overview(struct charts_run *run, struct sio_error *err)
{
    char alt[8192];
    int rc = SIO_OK;

    if (run->ov.n == 0)
        return SIO_OK;
    run->r.style.source_note = run->ov_sources_differ
                                   ? "Sources: each measure's own chart names its source"
                                   : run->ov_source;
    rc = draw_chart(run, run->ov.force, "", "overview", 0, "overview", overview_draw, &run->ov,
                    overview_alt_text(&run->ov, alt, sizeof alt), err);
    run->n_overview += rc == SIO_OK;
    run->ov_source[0] = '\0';
    run->ov_sources_differ = 0;
    overview_clear(&run->ov);
    return rc;
}

/* A new force: the previous one's overview, then this one's annotations. */
static int next_force(struct charts_run *run, const char *force, struct sio_error *err)
{
    int rc;

    if (strcmp(run->notes_force, force) == 0)
        return SIO_OK;
    if ((rc = draw_overview(run, err)) != SIO_OK)
        return rc;
    results_annotations_free(&run->notes);
    snprintf(run->notes_force, sizeof run->notes_force, "%s", force);
    return results_annotations(run->db, force, &run->notes, err);
}

/* ---- the chart kinds of a measure: one row and a drawing function each ---- */

typedef int (*kind_fn)(struct charts_run *run, struct measure_draw *d, const char *kind,
                       int position, const char *name, struct sio_error *err);

static int kind_quarterly(struct charts_run *run, struct measure_draw *d, const char *kind,
                          int position, const char *name, struct sio_error *err)
{
    char alt[2048];
    return draw_chart(run, d->s.force, d->s.measure_key, kind, position, name, quarterly_draw,
                      &d->s, quarterly_alt_text(&d->s, alt, sizeof alt), err);
}

static int kind_spc(struct charts_run *run, struct measure_draw *d, const char *kind,
                    int position, const char *name, struct sio_error *err)
{
    char alt[2048];
    int rc;

    if (d->spc.n == 0) {
        run->no_spc++;
        return SIO_OK;
    }
    rc = draw_chart(run, d->s.force, d->s.measure_key, kind, position, name, spcchart_draw,
                    &d->spc, spcchart_alt_text(&d->spc, alt, sizeof alt), err);
    run->n_spc += rc == SIO_OK;
    return rc;
}

static int kind_peers(struct charts_run *run, struct measure_draw *d, const char *kind,
                      int position, const char *name, struct sio_error *err)
{
    const struct quarter_series *s = &d->s;
    struct peer_series ps;
    char alt[2048];
    int rc = results_peers(run->db, s->force, s->measure_key, &ps, err);

    if (rc == SIO_OK && peerchart_rated(&ps) == 0)
        run->no_peers++; /* no rows, or no rates (no population) */
    else if (rc == SIO_OK) {
        snprintf(ps.measure_label, sizeof ps.measure_label, "%s", s->measure_label);
        snprintf(ps.noun, sizeof ps.noun, "%s", s->noun);
        rc = draw_chart(run, s->force, s->measure_key, kind, position, name, peerchart_draw,
                        &ps, peerchart_alt_text(&ps, alt, sizeof alt), err);
        run->n_peers += rc == SIO_OK;
    }
    results_peers_free(&ps);
    return rc;
}

/* In the order sio-statement shows them; the file is the stem and suffix. */
static const struct chart_kind {
    const char *kind, *suffix;
    kind_fn draw;
} kinds[] = {
    {"quarterly", "", kind_quarterly},
    {"spc", "-spc", kind_spc},
    {"peers", "-peers", kind_peers},
};

/* Every chart kind of one force x measure, then its overview panel. */
static int draw_measure(const struct quarter_series *s0, void *ctx, struct sio_error *err)
{
    struct charts_run *run = ctx;
    struct measure_draw d = {.s = *s0};
    char name[160];
    int rc = next_force(run, d.s.force, err);

    if (rc != SIO_OK || (rc = results_spc(run->db, d.s.force, d.s.measure_key, &d.spc, err)))
        return rc;
    snprintf(d.spc.measure_label, sizeof d.spc.measure_label, "%s", d.s.measure_label);
    snprintf(d.spc.noun, sizeof d.spc.noun, "%s", d.s.noun);
    run->r.style.source_note = d.s.source_note;
    if (run->ov_source[0] && strcmp(run->ov_source, d.s.source_note) != 0)
        run->ov_sources_differ = 1;
    snprintf(run->ov_source, sizeof run->ov_source, "%s", d.s.source_note);
    d.spc.notes = d.s.notes = &run->notes;
    d.s.target = d.spc.target;
    results_missing_words(&d.spc, d.s.missing, sizeof d.s.missing);
    for (size_t k = 0; rc == SIO_OK && k < sizeof kinds / sizeof *kinds; k++) {
        snprintf(name, sizeof name, "%s%s", d.s.stem, kinds[k].suffix);
        rc = kinds[k].draw(run, &d, kinds[k].kind, (int)k + 1, name, err);
    }
    if (rc == SIO_OK)
        rc = overview_add(&run->ov, &d.s, d.s.better, err);
    results_spc_free(&d.spc);
    return rc;
}

static void run_counts(const struct charts_run *run, int n, char *buf, size_t size)
{
    snprintf(buf, size, "series=%d files=%d quarterly=%d spc=%d peers=%d overview=%d"
                        " spc_skipped_no_rows=%d peers_skipped_no_rates=%d",
             n, run->r.files, n, run->n_spc, run->n_peers, run->n_overview, run->no_spc,
             run->no_peers);
}

static int walk_store(struct charts_run *run, int *n, char *counts, size_t size,
                      struct sio_error *err)
{
    long long run_id = 0;
    struct sio_error ignored;
    int rc = store_run_start(run->db, "charts", &run_id, err);

    if (rc != SIO_OK)
        return rc;
    rc = catalogue_charts_clear(run->db, err);
    if (rc == SIO_OK)
        rc = series_each(run->db, draw_measure, run, n, err);
    if (rc == SIO_OK)
        rc = draw_overview(run, err);
    run_counts(run, *n, counts, size);
    /* the run's own error matters more than failing to record it */
    store_run_finish(run->db, run_id, NULL, counts, sio_exit_code(rc), &ignored);
    return rc;
}

static void report(const struct charts_run *run, int n, const char *top)
{
    printf("sio-charts: %d series, %d files under %s (%d SPC, %d peer, %d overview charts)\n",
           n, run->r.files, top, run->n_spc, run->n_peers, run->n_overview);
    if (run->no_spc)
        printf("sio-charts: no SPC chart for %d series: spc_points has no rows for them\n", run->no_spc);
    if (run->no_peers)
        printf("sio-charts: no peer chart for %d series: peer_results has no rates for them\n", run->no_peers);
}

static int run_charts(const struct sio_config *cfg, int quiet, struct sio_error *err)
{
    struct charts_run run = {0};
    char top[CONFIG_PATH_MAX + 16], counts[256];
    int n = 0, rc;

    render_init(&run.r, cfg, SIO_VERSION);
    snprintf(top, sizeof top, "%s/charts", cfg->out_dir);
    if ((rc = chart_make_dir(top, err)) != SIO_OK)
        return rc;
    if (access(cfg->store_path, F_OK) != 0) /* store_open would create it */
        return sio_fail(err, SIO_ENOINPUT, cfg->store_path, 0,
                        "no store here: run sio-ingest first");
    if ((rc = store_open(cfg->store_path, &run.db, err)) != SIO_OK)
        return rc;
    rc = walk_store(&run, &n, counts, sizeof counts, err);
    store_close(run.db);
    overview_clear(&run.ov);
    free(run.ov.p);
    results_annotations_free(&run.notes);
    if (rc == SIO_OK && n == 0)
        rc = sio_fail(err, SIO_ENOINPUT, cfg->store_path, 0,
                      "measure_quarters is empty: run sio-measures first");
    if (rc == SIO_OK && !quiet)
        report(&run, n, top);
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
