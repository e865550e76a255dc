/*
 * main.c — sio-statement: the statement draft for a force and quarter.
 *
 * Options and config (lib/cli), the store, statement_load() and
 * compose_statement(), then the Markdown and the HTML written whole through
 * lib/atomic under <out>/statement/<force-stem>-<quarter-stem>.{md,html},
 * and the draft's figures recorded in the store for the next draft's "what
 * changed".  Without --force, a draft for every force with figures, the
 * next composed while the copies of the last are made (statement/office.h),
 * by one Chromium for the run (statement/browser.h).  Run sio-charts first
 * so the charts are there to embed; a chart not drawn is left out.
 */
#include "compose.h"
#include "office.h"
#include "sys/atomic.h"
#include "sys/cli.h"
#include "statement.h"
#include "store/store.h"
#include "write.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Drafts under way at once, at most: one a tab and one being composed. */
#define MAX_IN_FLIGHT (BROWSER_TABS_MAX + 1)
/* Tabs by default, at most: each tab's renderer holds hundreds of MB, and
 * more with every page it prints (README, "Where sio-statement's time goes"). */
#define DEFAULT_TABS_MAX 2


static const char usage[] =
    "usage: sio-statement [--force NAME] [--quarter 'YYYY/YY QN'] [--config FILE]\n"
    "                     [--store PATH] [--out DIR] [--quiet] [--help] [--version]\n"
    "\n"
    "Assemble the draft statement on the national crime and policing measures\n"
    "for a force and financial quarter, as Markdown and as one self-contained\n"
    "HTML page: the introduction, the order and the statement of contribution\n"
    "(the office's words, or headings for them), then one section per national\n"
    "priority in the order's order (whether it applies locally and why, the\n"
    "headline figure from its proper source, the quarter itself, England and\n"
    "Wales beside it, the supporting figures, the charts drawn by sio-charts\n"
    "and the office's words from the [statement] text file), what changed since\n"
    "the last statement, and the methods.  Words that are missing, or written\n"
    "for another quarter, are flagged.\n"
    "\n"
    "  --force NAME     the force (any spelling of its name); default: a draft\n"
    "                   for every force with figures\n"
    "  --quarter Q      the financial quarter, e.g. '2021/22 Q4' (default: the\n"
    "                   latest complete quarter with data for the force)\n"
    "  --config FILE    read FILE (else $SIO_CONFIG, ./config/sio.ini or\n"
    "                   /etc/sio/sio.ini, the first that is set or exists)\n"
    "  --verbose        say which configuration is used (on stderr)\n"
    "  --store PATH     use the store at PATH instead of [store] path\n"
    "  --out DIR        read charts from and write under DIR instead of [output] dir\n"
    "  --quiet          print nothing on success\n"
    "  --help           print this help and exit\n"
    "  --version        print the version and exit\n"
    "\n"
    "FILES\n"
    "  DIR/statement/FORCE-QUARTER.md, .html   e.g. leicestershire-police-2021-22-q4\n"
    "\n"
    "EXIT STATUS\n"
    "  0 success, 64 usage (unknown force, bad quarter), 65 no figures for the\n"
    "  quarter or a malformed statement text file, 66 store missing,\n"
    "  70 internal error, 73 output cannot be created, 74 I/O error,\n"
    "  78 bad configuration.\n";

enum { OPT_FORCE = 256, OPT_QUARTER };

struct options {
    const char *force;
    month_t quarter;
};

static int on_option(int opt, const char *arg, void *ctx)
{
    struct options *o = ctx;

    if (opt == OPT_FORCE)
        o->force = arg;
    if (opt == OPT_QUARTER && (o->quarter = analyst_parse_quarter(arg)) == MONTH_NONE) {
        fprintf(stderr, "sio-statement: --quarter wants a financial quarter like '2021/22 Q4'\n");
        return 1;
    }
    return 0;
}

/* <out>/statement/<force-slug>-<quarter-slug>.<ext> */
static void out_path(const struct statement *s, const char *dir, const char *ext, char *buf,
                     size_t size)
{
    char q[16];
    size_t n = 0;

    for (const char *p = s->quarter_label; *p && n + 1 < sizeof q; p++)
        q[n++] = *p == '/' || *p == ' ' ? '-' : (char)tolower((unsigned char)*p);
    q[n] = '\0';
    snprintf(buf, size, "%s/%s-%s.%s", dir, s->force_slug, q, ext);
}

/* A force's draft on its way: written under temporary names, its Word and
 * PDF copies being made. */
struct draft {
    struct statement *s;          /* NULL when the slot is free */
    struct atomic_file md, html;
    struct office_job office;
    int office_started;
};

/* Write the composed draft to a new temporary file for path, flushed so
 * that the converters can read it. */
static int write_one(const struct statement *s, const struct doc *d, const char *path,
                     struct atomic_file *af,
                     int (*fn)(const struct statement *, const struct doc *, FILE *,
                               struct sio_error *),
                     struct sio_error *err)
{
    int rc = atomic_open(af, path, err);
    if (rc == SIO_OK && (rc = fn(s, d, af->fp, err)) == SIO_OK && fflush(af->fp) != 0)
        rc = sio_fail(err, SIO_EIO, path, 0, "cannot write: %m");
    return rc;
}

/* Load and compose one force's draft, write its Markdown and HTML, and
 * start its copies.  draft_end() must follow when dr->s is set. */
static int draft_begin(sqlite3 *db, const struct sio_config *cfg, const char *force,
                       month_t quarter, struct browser *b, struct draft *dr,
                       struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX + 16], md[CONFIG_PATH_MAX + 256], html[CONFIG_PATH_MAX + 256];
    struct doc d = {0};
    int rc;

    memset(dr, 0, sizeof *dr);
    if (!(dr->s = calloc(1, sizeof *dr->s)))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    if ((rc = statement_load(db, cfg, force, quarter, SIO_VERSION, dr->s, err)) != SIO_OK)
        return rc;
    snprintf(dir, sizeof dir, "%s/statement", cfg->out_dir);
    if ((rc = atomic_mkdirs(dir, err)) != SIO_OK || (rc = compose_statement(dr->s, &d, err)) != SIO_OK)
        return rc;
    out_path(dr->s, dir, "md", md, sizeof md);
    out_path(dr->s, dir, "html", html, sizeof html);
    if ((rc = write_one(dr->s, &d, md, &dr->md, write_markdown, err)) == SIO_OK &&
        (rc = write_one(dr->s, &d, html, &dr->html, write_html, err)) == SIO_OK) {
        dr->office_started = 1;
        rc = office_start(cfg, &dr->md, &dr->html, b, &dr->office, err);
    }
    doc_free(&d);
    return rc;
}

static void say_written(const struct draft *dr, const struct office_written *office)
{
    const char *names[] = { dr->md.path, dr->html.path, office->docx, office->pdf };
    int n = 0;
    printf("sio-statement: %s, %s:", dr->s->force_name, dr->s->quarter_label);
    for (int i = 0; i < 4; i++)
        n += names[i][0] != '\0';
    for (int i = 0, k = 0; i < 4; i++)
        if (names[i][0])
            printf("%s %s", k++ == 0 ? "" : k == n ? " and" : ",", names[i]);
    printf("\n");
    if (statement_flag_count(dr->s))
        printf("sio-statement: %d things to put right before publishing (flagged in the "
               "draft)\n", statement_flag_count(dr->s));
}

/* Wait for a draft's copies; when ok and they succeeded, put its four files
 * in place (together: a draft whose copy failed keeps its previous files)
 * and record its figures, else drop them.  Frees the slot; *written counts
 * the drafts put in place. */
static int draft_end(sqlite3 *db, struct draft *dr, int ok, int quiet, int *written,
                     struct sio_error *err)
{
    struct office_written office = {{0}, {0}};
    int rc = SIO_OK;
    if (!dr->s)
        return SIO_OK;
    if (dr->office_started)
        rc = office_finish(&dr->office, ok, &office, err);
    if (ok && rc == SIO_OK && (rc = atomic_commit(&dr->md, err)) == SIO_OK &&
        (rc = atomic_commit(&dr->html, err)) == SIO_OK &&
        (rc = statement_record(db, dr->s, dr->md.path, err)) == SIO_OK) {
        *written += 1;
        if (!quiet)
            say_written(dr, &office);
    }
    atomic_abort(&dr->md);
    atomic_abort(&dr->html);
    statement_free(dr->s);
    free(dr->s);
    dr->s = NULL;
    return ok ? rc : SIO_OK;
}

/* [statement] print_tabs, else one a processor up to DEFAULT_TABS_MAX. */
static int print_tabs(const struct sio_config *cfg)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cfg->statement_print_tabs > 0)
        return cfg->statement_print_tabs;
    return cpus < 1 ? 1 : cpus > DEFAULT_TABS_MAX ? DEFAULT_TABS_MAX : (int)cpus;
}

/* The drafts of forces (NULL-ended), each started while those before are
 * still being printed and converted: one a tab of Chromium's, and the next
 * being composed.  With pass_over, a force without figures for the quarter
 * is passed over and said so.  One Chromium prints every PDF. */
static int run_forces(sqlite3 *db, const struct sio_config *cfg, char *const *forces,
                      month_t quarter, int pass_over, int quiet, int *written,
                      struct sio_error *err)
{
    int tabs = print_tabs(cfg), depth = tabs + 1, k = 0, rc;
    struct draft ring[MAX_IN_FLIGHT];
    struct browser b;
    struct sio_error ignored;

    memset(ring, 0, sizeof ring);
    if ((rc = browser_init(&b, tabs, cfg->statement_print_tab_pages, cfg->statement_print_timeout,
                           err)) != SIO_OK)
        return rc;
    for (char *const *f = forces; rc == SIO_OK && *f; f++) {
        struct draft *dr = &ring[k % depth];
        if ((rc = draft_end(db, dr, 1, quiet, written, err)) != SIO_OK)
            break;
        rc = draft_begin(db, cfg, *f, quarter, &b, dr, err);
        if (rc == SIO_EDATA && pass_over) {
            if (!quiet)
                printf("sio-statement: %s: %s (passed over)\n", *f, err->msg);
            draft_end(db, dr, 0, quiet, written, &ignored);
            sio_error_clear(err);
            rc = SIO_OK;
        } else if (rc == SIO_OK)
            k++;
    }
    /* A run that has failed prints no more: the drafts under way are dropped. */
    if (rc != SIO_OK)
        browser_cancel(&b);
    for (int i = 0; i < depth; i++) {
        int ended = draft_end(db, &ring[(k + i) % depth], rc == SIO_OK, quiet, written,
                              rc == SIO_OK ? err : &ignored);
        if (rc == SIO_OK && ended != SIO_OK) {
            rc = ended;
            browser_cancel(&b);
        }
    }
    int stopped = browser_stop(&b, rc == SIO_OK ? err : &ignored);
    return rc != SIO_OK ? rc : stopped;
}

/* A draft for every force with figures; with --quarter, a force without
 * figures for it is passed over and said so, and none at all is an error. */
static int run_every_force(sqlite3 *db, const struct sio_config *cfg, month_t quarter,
                           int quiet, struct sio_error *err)
{
    char **forces;
    int written = 0, rc = statement_forces(db, &forces, err);

    if (rc == SIO_OK && forces)
        rc = run_forces(db, cfg, forces, quarter, quarter != MONTH_NONE, quiet, &written, err);
    statement_forces_free(forces);
    if (rc == SIO_OK && written == 0)
        rc = sio_fail(err, SIO_EDATA, cfg->store_path, 0, "no force has figures%s: run "
                      "sio-measures first", quarter != MONTH_NONE ? " for that quarter" : "");
    return rc;
}

static int run(const struct sio_config *cfg, const struct options *o, int quiet,
               struct sio_error *err)
{
    sqlite3 *db = NULL;
    int rc;

    if (access(cfg->store_path, F_OK) != 0)
        return sio_fail(err, SIO_ENOINPUT, cfg->store_path, 0, "no store here: run sio-ingest first");
    if ((rc = store_open(cfg->store_path, &db, err)) == SIO_OK)
    {
        char *one[] = { (char *)o->force, NULL };
        int written = 0;
        rc = o->force ? run_forces(db, cfg, one, o->quarter, 0, quiet, &written, err)
                      : run_every_force(db, cfg, o->quarter, quiet, err);
    }
    store_close(db);
    return rc;
}

int main(int argc, char **argv)
{
    static const struct option extra[] = {
        {"force", required_argument, NULL, OPT_FORCE},
        {"quarter", required_argument, NULL, OPT_QUARTER},
        {NULL, 0, NULL, 0},
    };
    struct options o = {NULL, MONTH_NONE};
    struct cli cli;
    struct sio_config cfg;
    struct sio_error err;
    int rc;

    sio_error_clear(&err);
    switch (cli_parse(&cli, argc, argv, "sio-statement", usage, extra, on_option, &o)) {
    case CLI_EXIT: return 0;
    case CLI_USAGE: return sio_exit_code(SIO_EUSAGE);
    default: break;
    }
    if (cli.first_arg < argc) {
        fprintf(stderr, "sio-statement: unexpected operand '%s'\n", argv[cli.first_arg]);
        return sio_exit_code(SIO_EUSAGE);
    }
    config_defaults(&cfg);
    rc = cli_load_config(&cli, &cfg, &err);
    if (rc == SIO_OK)
        rc = run(&cfg, &o, cli.quiet, &err);
    if (rc != SIO_OK)
        sio_error_print(cli.prog, &err);
    config_free(&cfg);
    return sio_exit_code(rc);
}
