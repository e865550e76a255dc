/*
 * main.c — sio-statement: the statement draft for a force and quarter.
 *
 * Options and config (lib/cli), the store, statement_load() and
 * compose_statement(), then the Markdown and the HTML written whole through
 * lib/atomic under <out>/statement/<force-stem>-<quarter-stem>.{md,html},
 * and the draft's figures recorded in the store for the next draft's "what
 * changed".  Without --force, a draft for every force with figures.  Run
 * sio-charts first so the charts are there to embed; a chart not drawn is
 * left out.
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

static int write_one(const struct statement *s, const struct doc *d, const char *path,
                     int (*fn)(const struct statement *, const struct doc *, FILE *,
                               struct sio_error *),
                     struct sio_error *err)
{
    struct atomic_file af;
    int rc = atomic_open(&af, path, err);

    if (rc != SIO_OK)
        return rc;
    if ((rc = fn(s, d, af.fp, err)) != SIO_OK) {
        atomic_abort(&af);
        return rc;
    }
    return atomic_commit(&af, err);
}

/* Both files of one draft, then its figures into the store. */
static int write_all(sqlite3 *db, const struct statement *s, int quiet, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX + 16], md[CONFIG_PATH_MAX + 256], html[CONFIG_PATH_MAX + 256];
    static struct office_written office;
    struct doc d = {0};
    int rc;

    snprintf(dir, sizeof dir, "%s/statement", s->cfg->out_dir);
    if ((rc = atomic_mkdirs(dir, err)) != SIO_OK || (rc = compose_statement(s, &d, err)) != SIO_OK)
        return rc;
    out_path(s, dir, "md", md, sizeof md);
    out_path(s, dir, "html", html, sizeof html);
    if ((rc = write_one(s, &d, md, write_markdown, err)) == SIO_OK &&
        (rc = write_one(s, &d, html, write_html, err)) == SIO_OK &&
        (rc = office_write(s->cfg, md, html, &office, err)) == SIO_OK)
        rc = statement_record(db, s, md, err);
    doc_free(&d);
    if (rc == SIO_OK && !quiet) {
        const char *names[] = { md, html, office.docx, office.pdf };
        int n = 0;
        printf("sio-statement: %s, %s:", s->force_name, s->quarter_label);
        for (int i = 0; i < 4; i++)
            n += names[i][0] != '\0';
        for (int i = 0, k = 0; i < 4; i++)
            if (names[i][0])
                printf("%s %s", k++ == 0 ? "" : k == n ? " and" : ",", names[i]);
        printf("\n");
        if (statement_flag_count(s))
            printf("sio-statement: %d things to put right before publishing (flagged in the "
                   "draft)\n", statement_flag_count(s));
    }
    return rc;
}

/* One force's draft. */
static int run_force(sqlite3 *db, const struct sio_config *cfg, const char *force,
                     month_t quarter, int quiet, struct sio_error *err)
{
    struct statement *s = calloc(1, sizeof *s);
    int rc;

    if (!s)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    rc = statement_load(db, cfg, force, quarter, SIO_VERSION, s, err);
    if (rc == SIO_OK)
        rc = write_all(db, s, quiet, err);
    statement_free(s);
    free(s);
    return rc;
}

/* A draft for every force with figures; with --quarter, a force without
 * figures for it is passed over and said so, and none at all is an error. */
static int run_every_force(sqlite3 *db, const struct sio_config *cfg, month_t quarter,
                           int quiet, struct sio_error *err)
{
    char **forces;
    int rc = statement_forces(db, &forces, err), written = 0;

    for (char **f = forces; rc == SIO_OK && f && *f; f++) {
        rc = run_force(db, cfg, *f, quarter, quiet, err);
        if (rc == SIO_EDATA && quarter != MONTH_NONE) {
            if (!quiet)
                printf("sio-statement: %s: %s (passed over)\n", *f, err->msg);
            sio_error_clear(err);
            rc = SIO_OK;
        } else
            written += rc == SIO_OK;
    }
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
        rc = o->force ? run_force(db, cfg, o->force, o->quarter, quiet, err)
                      : run_every_force(db, cfg, o->quarter, quiet, err);
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
