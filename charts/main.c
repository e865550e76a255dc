/*
 * main.c — sio-charts: every chart of every force x measure in the store.
 *
 * Options and config (lib/cli), the store (lib/store), then per force, on
 * worker processes (pool.h, one force an item): per measure the quarterly
 * chart, the SPC chart and the peer chart, and the force's overview page,
 * each in every configured format, size and (for PNG) resolution, each with
 * an alt-text sidecar (.txt), under <out>/charts/<force-stem>/ (file names
 * in render.h), each recorded in the store's chart_files (one transaction a
 * force).  A chart whose digest an earlier run's output lists is kept from
 * it instead of drawn (reuse.h).  A chart type whose table has no rows for a
 * force and measure is skipped quietly and counted in the run's record.  The
 * first failure stops the run: charts already written stay (each is whole),
 * and the status becomes the exit code.  With --force, one force's charts
 * only: what they compare it with (peers, England and Wales, funnel limits)
 * is read from the whole store all the same, so its files are those a run
 * over every force draws.
 */
#include "chart.h"
#include "funnel.h"
#include "sys/cli.h"
#include "overview.h"
#include "peerchart.h"
#include "pool.h"
#include "quarterly.h"
#include "render.h"
#include "results.h"
#include "series.h"
#include "spcchart.h"
#include "store/catalogue.h"
#include "stats/poisson.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static const char usage[] =
    "usage: sio-charts [--force NAME] [--config FILE] [--store PATH] [--out DIR]\n"
    "                  [--jobs N] [--reuse DIR | --redraw] [--quiet] [--help]\n"
    "                  [--version]\n"
    "\n"
    "Draw the charts of every force and measure in the store (written by\n"
    "sio-measures): the quarterly chart, the SPC chart, the peer chart, the\n"
    "funnel plot, and an overview page per force.  A chart whose figures, words and settings\n"
    "are those an earlier run drew (a digest of them is kept beside the\n"
    "charts) is kept, not drawn again.\n"
    "\n"
    "  --force NAME   draw that force's charts only (any spelling of its name),\n"
    "                 still compared with every force in the store; the store's\n"
    "                 chart_files then lists that force's charts only\n"
    "  --config FILE  read FILE (else $SIO_CONFIG, ./config/sio.ini or\n"
    "                 /etc/sio/sio.ini, the first that is set or exists)\n"
    "  --verbose      say which configuration is used (on stderr)\n"
    "  --store PATH   use the store at PATH instead of [store] path\n"
    "  --out DIR      write under DIR instead of [output] dir\n"
    "  --jobs N       draw on N worker processes (default: one a processor)\n"
    "  --reuse DIR    keep unchanged charts from DIR, the output folder of an\n"
    "                 earlier run, linking them into DIR (default: --out)\n"
    "  --redraw       draw every chart, keeping none\n"
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
    "  MEASURE-funnel.EXT    funnel plot (when funnel_points has the force)\n"
    "  overview.EXT          the six national priorities on one page\n"
    "  NAME.txt              alt text for chart NAME\n"
    "  NAME-SIZE.EXT         each [charts] sizes after the first\n"
    "  NAME-NNNdpi.png       each [charts] dpi after the first\n"
    "  .digests              the digest of each chart drawn\n"
    "\n"
    "ENVIRONMENT\n"
    "  SOURCE_DATE_EPOCH  date written into PDF files, for reproducible output\n"
    "\n"
    "EXIT STATUS\n"
    "  0 success, 64 usage (unknown force), 65 bad data in the store, 66 store missing,\n"
    "  70 internal or PLplot error, 73 output cannot be created, 74 I/O error,\n"
    "  78 bad configuration.\n";

/* What one force's charts came to. */
struct force_counts {
    int series, files, drawn;       /* files written or kept; of which drawn */
    int n_spc, n_peers, n_funnel, n_overview; /* charts made, every variant counted once */
    int no_spc, no_peers, no_funnel; /* force x measure with no rows (or rates) for them */
};

/* A chart made for the current force, to record in chart_files. */
struct chart_record {
    char measure[64];               /* "" for the overview */
    int position;
    struct catalogue_chart c;
};

struct charts_run {
    struct render r;                /* formats, sizes, style, the current force */
    const char *store_path;
    char **forces;                  /* the forces with series, in order */
    int n_forces;
    sqlite3 *db;                    /* a worker's own connection */
    struct overview ov;             /* the current force's six priorities */
    struct annotation_list notes;   /* the current force's annotations */
    struct force_counts c;          /* the current force's */
    struct chart_record *made;      /* the current force's charts */
    size_t n_made, cap_made;
};

/* One force x measure while its charts are drawn. */
struct measure_draw {
    struct quarter_series s;        /* the quarterly series, with notes and target */
    struct spc_series spc;          /* its SPC points (n = 0: none) */
};

/* Room for one more chart record; NULL when out of memory. */
static struct chart_record *record_new(struct charts_run *run)
{
    if (run->n_made == run->cap_made) {
        size_t cap = run->cap_made ? run->cap_made * 2 : 64;
        struct chart_record *more = realloc(run->made, cap * sizeof *more);
        if (!more)
            return NULL;
        run->made = more;
        run->cap_made = cap;
    }
    struct chart_record *r = &run->made[run->n_made++];
    memset(r, 0, sizeof *r);
    return r;
}

/* Draw (or keep) chart name, every variant, and note it for chart_files,
 * where sio-statement finds it. */
static int draw_chart(struct charts_run *run, const char *force, const char *measure,
                      const char *kind, int position, const char *name, chart_draw_fn draw,
                      const void *data, const struct digest *d, const char *alt,
                      struct sio_error *err)
{
    int rc = render_chart(&run->r, name, draw, data, d, alt, err);
    if (rc != SIO_OK)
        return rc;
    struct chart_record *r = record_new(run);
    if (!r)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    snprintf(r->measure, sizeof r->measure, "%s", measure);
    r->position = position;
    snprintf(r->c.kind, sizeof r->c.kind, "%s", kind);
    render_chart_name(force, name, r->c.name, sizeof r->c.name);
    render_formats(&run->r, r->c.formats, sizeof r->c.formats);
    snprintf(r->c.alt, sizeof r->c.alt, "%s", alt);
    return SIO_OK;
}

/* The force's charts into chart_files, in one transaction. */
static int record_charts(struct charts_run *run, const char *force, struct sio_error *err)
{
    int rc = store_begin(run->db, err);
    for (size_t i = 0; rc == SIO_OK && i < run->n_made; i++)
        rc = catalogue_chart_put(run->db, force, run->made[i].measure, run->made[i].position,
                                 &run->made[i].c, err);
    rc = rc == SIO_OK ? store_commit(run->db, err) : rc;
    if (rc != SIO_OK)
        store_rollback(run->db);
    return rc;
}

/* Two digests as one: what a chart drawn from both depends on. */
static struct digest both(const struct digest *a, const struct digest *b)
{
    struct digest_acc acc;
    struct digest d;
    digest_begin(&acc);
    digest_add_digest(&acc, a);
    digest_add_digest(&acc, b);
    digest_end(&acc, &d);
    return d;
}

/* The force's six priorities on one page, read from the store (the digest
 * covers every row the panels were drawn from). */
static int draw_overview(struct charts_run *run, const char *force, struct sio_error *err)
{
    char alt[8192];
    int rc = overview_load(run->db, force, &run->ov, err);

    if (rc != SIO_OK || run->ov.n == 0)
        return rc;
    run->r.style.source_note = "Sources: each priority's own charts name theirs";
    rc = draw_chart(run, force, "", "overview", 0, "overview", overview_draw, &run->ov,
                    &run->ov.digest, overview_alt_text(&run->ov, alt, sizeof alt), err);
    run->c.n_overview += rc == SIO_OK;
    return rc;
}

/* ---- the chart kinds of a measure: one row and a drawing function each ---- */

typedef int (*kind_fn)(struct charts_run *run, struct measure_draw *d, const char *kind,
                       int position, const char *name, struct sio_error *err);

static int kind_quarterly(struct charts_run *run, struct measure_draw *d, const char *kind,
                          int position, const char *name, struct sio_error *err)
{
    char alt[2048];
    return draw_chart(run, d->s.force, d->s.measure_key, kind, position, name, quarterly_draw,
                      &d->s, &d->s.digest, quarterly_alt_text(&d->s, alt, sizeof alt), err);
}

static int kind_spc(struct charts_run *run, struct measure_draw *d, const char *kind,
                    int position, const char *name, struct sio_error *err)
{
    char alt[2048];
    int rc;

    if (d->spc.n == 0) {
        run->c.no_spc++;
        return SIO_OK;
    }
    struct digest dg = both(&d->spc.digest, &run->notes.digest);
    rc = draw_chart(run, d->s.force, d->s.measure_key, kind, position, name, spcchart_draw,
                    &d->spc, &dg, spcchart_alt_text(&d->spc, alt, sizeof alt), err);
    run->c.n_spc += rc == SIO_OK;
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
        run->c.no_peers++; /* no rows, or no rates (no population) */
    else if (rc == SIO_OK) {
        snprintf(ps.measure_label, sizeof ps.measure_label, "%s", s->measure_label);
        snprintf(ps.noun, sizeof ps.noun, "%s", s->noun);
        /* the labels come from the catalogue row in the series' own digest */
        struct digest dg = both(&ps.digest, &s->digest);
        rc = draw_chart(run, s->force, s->measure_key, kind, position, name, peerchart_draw,
                        &ps, &dg, peerchart_alt_text(&ps, alt, sizeof alt), err);
        run->c.n_peers += rc == SIO_OK;
    }
    results_peers_free(&ps);
    return rc;
}

static int kind_funnel(struct charts_run *run, struct measure_draw *d, const char *kind,
                       int position, const char *name, struct sio_error *err)
{
    const struct quarter_series *s = &d->s;
    struct funnel_series fs;
    char alt[4096];
    int rc = funnel_load(run->db, s->force, s->measure_key, &fs, err);

    if (rc == SIO_OK && !fs.self)
        run->c.no_funnel++; /* no funnel for the measure, or the force not in it */
    else if (rc == SIO_OK) {
        snprintf(fs.measure_label, sizeof fs.measure_label, "%s", s->measure_label);
        snprintf(fs.noun, sizeof fs.noun, "%s", s->noun);
        struct digest dg = both(&fs.digest, &s->digest);
        rc = draw_chart(run, s->force, s->measure_key, kind, position, name, funnel_draw, &fs,
                        &dg, funnel_alt_text(&fs, alt, sizeof alt), err);
        run->c.n_funnel += rc == SIO_OK;
    }
    funnel_free(&fs);
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
    {"funnel", "-funnel", kind_funnel},
};

/* Every chart kind of one force x measure, then its overview panel. */
static int draw_measure(const struct quarter_series *s0, void *ctx, struct sio_error *err)
{
    struct charts_run *run = ctx;
    struct measure_draw d = {.s = *s0};
    char name[160];
    int rc = results_spc(run->db, d.s.force, d.s.measure_key, &d.spc, err);

    if (rc != SIO_OK)
        return rc;
    snprintf(d.spc.measure_label, sizeof d.spc.measure_label, "%s", d.s.measure_label);
    snprintf(d.spc.noun, sizeof d.spc.noun, "%s", d.s.noun);
    run->r.style.source_note = d.s.source_note;
    d.spc.notes = d.s.notes = &run->notes;
    d.s.target = d.spc.target;
    results_missing_words(&d.spc, d.s.missing, sizeof d.s.missing);
    /* the quarterly chart (and the overview panel) shows the SPC target
     * and missing months, and the annotations */
    d.s.digest = both(&d.s.digest, &d.spc.digest);
    d.s.digest = both(&d.s.digest, &run->notes.digest);
    for (size_t k = 0; rc == SIO_OK && k < sizeof kinds / sizeof *kinds; k++) {
        snprintf(name, sizeof name, "%s%s", d.s.stem, kinds[k].suffix);
        rc = kinds[k].draw(run, &d, kinds[k].kind, (int)k + 1, name, err);
    }
    results_spc_free(&d.spc);
    return rc;
}

/* SPC charts of the force's measures with no quarterly rows (shares:
 * victim satisfaction, the drugs outcome shares), which the walk over
 * measure_quarters does not meet. */
static const char spc_only_sql[] =
    "SELECT measure FROM spc_summary s WHERE force = ?1 AND NOT EXISTS (SELECT 1 FROM"
    " measure_quarters q WHERE q.force = s.force AND q.measure = s.measure)"
    " ORDER BY measure";

static int draw_spc_only_one(struct charts_run *run, const char *force, const char *key,
                             struct sio_error *err)
{
    struct measure_draw d = {0};
    struct catalogue_measure m;
    struct digest_acc acc;
    char name[160];
    int rc = catalogue_measure_get(run->db, key, &m, err);
    if (rc == SIO_OK)
        rc = results_spc(run->db, force, key, &d.spc, err);
    if (rc != SIO_OK)
        return rc;
    snprintf(d.s.force, sizeof d.s.force, "%s", force);
    snprintf(d.s.measure_key, sizeof d.s.measure_key, "%s", key);
    snprintf(d.spc.measure_label, sizeof d.spc.measure_label, "%s", m.label);
    snprintf(d.spc.noun, sizeof d.spc.noun, "%s", m.noun);
    d.spc.notes = &run->notes;
    run->r.style.source_note = m.source_note;
    /* the words from the catalogue are part of what the chart shows */
    digest_begin(&acc);
    digest_add_digest(&acc, &d.spc.digest);
    digest_add_str(&acc, m.label);
    digest_add_str(&acc, m.noun);
    digest_add_str(&acc, m.source_note);
    digest_end(&acc, &d.spc.digest);
    snprintf(name, sizeof name, "%s-spc", m.stem);
    rc = kind_spc(run, &d, "spc", 2, name, err);
    results_spc_free(&d.spc);
    return rc;
}

static int draw_spc_only(struct charts_run *run, const char *force, struct sio_error *err)
{
    sqlite3_stmt *st;
    char key[64];
    int rc = store_prepare(run->db, spc_only_sql, &st, err), step = SQLITE_DONE;
    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_TRANSIENT);
    while (rc == SIO_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(key, sizeof key, "%s", store_col_text(st, 0));
        rc = draw_spc_only_one(run, force, key, err);
    }
    if (rc == SIO_OK && step != SQLITE_DONE)
        rc = store_fail(run->db, err, "reading spc_summary");
    sqlite3_finalize(st);
    return rc;
}

/* ---- one force: a pool item ---------------------------------------------- */

static int force_charts(struct charts_run *run, const char *force, struct sio_error *err)
{
    int rc = results_annotations(run->db, force, &run->notes, err);
    if (rc == SIO_OK)
        rc = series_each(run->db, force, draw_measure, run, &run->c.series, err);
    if (rc == SIO_OK)
        rc = draw_spc_only(run, force, err);
    if (rc == SIO_OK)
        rc = draw_overview(run, force, err);
    return rc;
}

static int force_item(void *ctx, int i, void *result, struct sio_error *err)
{
    struct charts_run *run = ctx;
    int rc = render_force_begin(&run->r, run->forces[i], err);

    memset(&run->c, 0, sizeof run->c);
    run->r.files = run->r.drawn = 0;
    run->n_made = 0;
    if (rc != SIO_OK)
        return rc;
    rc = force_charts(run, run->forces[i], err);
    int end = render_force_end(&run->r, rc == SIO_OK, err);
    rc = rc != SIO_OK ? rc : end;
    if (rc == SIO_OK)
        rc = record_charts(run, run->forces[i], err);
    overview_clear(&run->ov);
    results_annotations_free(&run->notes);
    run->c.files = run->r.files;
    run->c.drawn = run->r.drawn;
    memcpy(result, &run->c, sizeof run->c);
    return rc;
}

/* A worker's own connection: SQLite connections do not cross a fork. */
static int worker_start(void *ctx, struct sio_error *err)
{
    struct charts_run *run = ctx;
    return store_open_again(run->store_path, &run->db, err);
}

static void worker_stop(void *ctx)
{
    struct charts_run *run = ctx;
    store_close(run->db);
    run->db = NULL;
    overview_clear(&run->ov);
    free(run->made);
    run->made = NULL;
    run->cap_made = 0;
}

static const char *force_name(void *ctx, int i)
{
    return ((struct charts_run *)ctx)->forces[i];
}

/* ---- the run --------------------------------------------------------------- */

static void add_counts(struct force_counts *t, const struct force_counts *c)
{
    t->series += c->series, t->files += c->files, t->drawn += c->drawn;
    t->n_spc += c->n_spc, t->n_peers += c->n_peers, t->n_overview += c->n_overview;
    t->no_spc += c->no_spc, t->no_peers += c->no_peers;
    t->n_funnel += c->n_funnel, t->no_funnel += c->no_funnel;
}

static void run_counts(const struct force_counts *t, char *buf, size_t size)
{
    snprintf(buf, size, "series=%d files=%d drawn=%d kept=%d quarterly=%d spc=%d peers=%d"
                        " funnel=%d overview=%d spc_skipped_no_rows=%d peers_skipped_no_rates=%d"
                        " funnel_skipped=%d",
             t->series, t->files, t->drawn, t->files - t->drawn, t->series, t->n_spc,
             t->n_peers, t->n_funnel, t->n_overview, t->no_spc, t->no_peers, t->no_funnel);
}

/* Every force's charts on the pool; the totals into t. */
static int draw_forces(struct charts_run *run, int jobs, struct force_counts *t,
                       struct sio_error *err)
{
    struct force_counts *each = calloc((size_t)run->n_forces + 1, sizeof *each);
    struct pool_job job = {run->n_forces, sizeof *each, worker_start, force_item,
                           worker_stop, force_name, run};
    if (!each)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    int rc = pool_run(&job, jobs, each, NULL, err);
    for (int i = 0; i < run->n_forces; i++)
        add_counts(t, &each[i]);
    free(each);
    return rc;
}

/* The forces to draw: the one named (any spelling; it must have figures,
 * as sio-statement --force requires), else every force with series. */
static int pick_forces(struct charts_run *run, sqlite3 *db, const char *spelling,
                       struct sio_error *err)
{
    char key[128];
    if (!spelling)
        return series_forces(db, &run->forces, &run->n_forces, err);
    int rc = store_force_with_figures(db, spelling, key, sizeof key, err);
    if (rc != SIO_OK)
        return rc;
    run->forces = malloc(sizeof *run->forces);
    if (!run->forces || !(run->forces[0] = strdup(key))) {
        free(run->forces);
        run->forces = NULL;
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    run->n_forces = 1;
    return SIO_OK;
}

static int walk_store(struct charts_run *run, sqlite3 *db, const char *force, int jobs,
                      struct force_counts *t, struct sio_error *err)
{
    long long run_id = 0;
    struct sio_error ignored;
    char counts[320];
    int rc = store_run_start(db, "charts", &run_id, err);

    if (rc != SIO_OK)
        return rc;
    /* an unknown force leaves the charts recorded as they were */
    rc = pick_forces(run, db, force, err);
    if (rc == SIO_OK)
        rc = catalogue_charts_clear(db, err);
    if (rc == SIO_OK && run->n_forces > 0)
        rc = draw_forces(run, jobs, t, err);
    run_counts(t, counts, sizeof counts);
    /* a reader of runs must see that these counts are one force's */
    if (force && run->n_forces == 1)
        snprintf(counts + strlen(counts), sizeof counts - strlen(counts), " force=%s",
                 run->forces[0]);
    /* the run's own error matters more than failing to record it */
    store_run_finish(db, run_id, NULL, counts, sio_exit_code(rc), &ignored);
    series_forces_free(run->forces, run->n_forces);
    return rc;
}

static void report(const struct force_counts *t, const char *top)
{
    printf("sio-charts: %d series, %d files under %s (%d SPC, %d peer, %d funnel, %d overview"
           " charts; %d files drawn, %d kept)\n", t->series, t->files, top, t->n_spc,
           t->n_peers, t->n_funnel, t->n_overview, t->drawn, t->files - t->drawn);
    if (t->no_spc)
        printf("sio-charts: no SPC chart for %d series: spc_points has no rows for them\n", t->no_spc);
    if (t->no_peers)
        printf("sio-charts: no peer chart for %d series: peer_results has no rates for them\n", t->no_peers);
}

struct options {
    const char *force; /* --force; NULL: every force */
    int jobs;          /* --jobs; 0: one a processor */
    const char *reuse; /* --reuse; NULL: the output folder */
    int redraw;        /* --redraw */
};

static int run_charts(const struct sio_config *cfg, const struct options *o, int quiet,
                      struct sio_error *err)
{
    struct charts_run run = {0};
    struct force_counts t = {0};
    char top[CONFIG_PATH_MAX + 16];
    sqlite3 *db;
    int rc;

    render_init(&run.r, cfg, SIO_VERSION, o->redraw ? NULL : o->reuse ? o->reuse : cfg->out_dir);
    run.store_path = cfg->store_path;
    snprintf(top, sizeof top, "%s/charts", cfg->out_dir);
    if ((rc = chart_make_dir(top, err)) != SIO_OK)
        return rc;
    if (access(cfg->store_path, F_OK) != 0) /* store_open would create it */
        return sio_fail(err, SIO_ENOINPUT, cfg->store_path, 0,
                        "no store here: run sio-ingest first");
    if ((rc = store_open(cfg->store_path, &db, err)) != SIO_OK)
        return rc;
    rc = walk_store(&run, db, o->force, o->jobs > 0 ? o->jobs : pool_cpus(), &t, err);
    store_close(db);
    if (rc == SIO_OK && t.series == 0)
        rc = sio_fail(err, SIO_ENOINPUT, cfg->store_path, 0, "measure_quarters is empty%s%s:"
                      " run sio-measures first", o->force ? " for " : "",
                      o->force ? o->force : "");
    if (rc == SIO_OK && !quiet)
        report(&t, top);
    return rc;
}

enum { OPT_JOBS = 256, OPT_REUSE, OPT_REDRAW, OPT_FORCE };

static int on_option(int opt, const char *arg, void *ctx)
{
    struct options *o = ctx;
    char *end;
    if (opt == OPT_REDRAW) {
        o->redraw = 1;
        return 0;
    }
    if (opt == OPT_REUSE || opt == OPT_FORCE) {
        *(opt == OPT_REUSE ? &o->reuse : &o->force) = arg;
        return 0;
    }
    long n = strtol(arg, &end, 10);
    if (*end || end == arg || n < 1 || n > 64) {
        fprintf(stderr, "sio-charts: --jobs wants a number from 1 to 64, not '%s'\n", arg);
        return 1;
    }
    o->jobs = (int)n;
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option extra[] = {
        {"jobs", required_argument, NULL, OPT_JOBS},
        {"reuse", required_argument, NULL, OPT_REUSE},
        {"redraw", no_argument, NULL, OPT_REDRAW},
        {"force", required_argument, NULL, OPT_FORCE},
        {NULL, 0, NULL, 0},
    };
    struct options o = {NULL, 0, NULL, 0};
    struct cli cli;
    struct sio_config cfg;
    struct sio_error err;
    int rc;

    sio_error_clear(&err);
    poisson_gsl_init(); /* the funnel's limit curves: GSL reports, never aborts */
    switch (cli_parse(&cli, argc, argv, "sio-charts", usage, extra, on_option, &o)) {
    case CLI_EXIT: return 0;
    case CLI_USAGE: return sio_exit_code(SIO_EUSAGE);
    default: break;
    }
    if (o.redraw && o.reuse) {
        fprintf(stderr, "sio-charts: --reuse and --redraw contradict each other\n");
        return sio_exit_code(SIO_EUSAGE);
    }
    config_defaults(&cfg);
    rc = cli_load_config(&cli, &cfg, &err);
    if (rc == SIO_OK)
        rc = run_charts(&cfg, &o, cli.quiet, &err);
    if (rc != SIO_OK)
        sio_error_print(cli.prog, &err);
    config_free(&cfg);
    return sio_exit_code(rc);
}
