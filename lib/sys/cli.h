/*
 * cli.h — the options every sio executable shares, parsed one way.
 *
 * Each stage's main() calls cli_parse() with its own name, usage text and any
 * extra long options.  Common options: --help, --version, --config FILE,
 * --store PATH, --out DIR, --quiet, --verbose.  --store and --out override
 * the config so that cron jobs and tests can point several runs at different
 * stores.  Without --config the configuration is the first of $SIO_CONFIG,
 * ./config/sio.ini and /etc/sio/sio.ini that is set or exists (installed
 * programs run from any folder); --verbose says on stderr which it was.
 * After cli_parse() returns CLI_RUN, argv[cli->first_arg..argc) are operands.
 */
#ifndef SIO_CLI_H
#define SIO_CLI_H

#include "config/config.h"

#include <sqlite3.h>

#include <getopt.h>

enum cli_outcome {
    CLI_RUN,   /* go on and do the work */
    CLI_EXIT,  /* --help or --version was printed: exit 0 */
    CLI_USAGE, /* bad option: a message was printed, exit EX_USAGE */
};

struct cli {
    const char *prog;        /* "sio-ingest" */
    const char *config_path; /* --config, else found (cli.c: find_config) */
    const char *config_from; /* where it came from: "--config", "$SIO_CONFIG" ... */
    const char *store_path;  /* --store, NULL if not given */
    const char *out_dir;     /* --out, NULL if not given */
    int quiet;               /* --quiet: nothing on stdout on success */
    int verbose;             /* --verbose: say which configuration is used */
    int first_arg;           /* index of the first operand */
};

/* The --help lines for the common options, for a stage's usage text. */
#define CLI_COMMON_HELP                                                      \
    "  --config FILE   configuration (default: $SIO_CONFIG, ./config/sio.ini,\n" \
    "                  /etc/sio/sio.ini, the first that is set or exists)\n"  \
    "  --store PATH    the store, overriding the configuration\n"            \
    "  --out DIR       output folder, overriding the configuration\n"        \
    "  --quiet         print nothing unless something goes wrong\n"         \
    "  --verbose       say which configuration is used (on stderr)\n"       \
    "  --help          show this help and exit\n"                           \
    "  --version       show the version and exit\n"

/* A stage-specific option: called with the option's value (or NULL).
 * Return 0 to accept, non-zero to reject (after printing why). */
typedef int (*cli_extra_fn)(int opt, const char *arg, void *ctx);

/* Parse argv.  usage is the full --help text (printed to stdout for --help).
 * extra/shortopts may be NULL; option codes of extra entries must be >= 256. */
int cli_parse(struct cli *cli, int argc, char **argv, const char *prog,
              const char *usage, const struct option *extra, cli_extra_fn fn,
              void *ctx);

/* Load the config named by cli and apply --store/--out over it. */
int cli_load_config(const struct cli *cli, struct sio_config *cfg,
                    struct sio_error *err);

/* The work of a stage that reads an existing store (transform, measures). */
typedef int (*cli_stage_fn)(sqlite3 *db, const struct sio_config *cfg,
                            const struct cli *cli, struct sio_error *err);

/* main() for such a stage: parse the common options (no operands), load the
 * configuration, open the existing store, run fn, print any error once on
 * stderr, close everything and return the sysexits.h exit code. */
int cli_stage_main(int argc, char **argv, const char *prog, const char *usage,
                   cli_stage_fn fn);

/* The program version line, e.g. "sio-ingest (sio) 0.1.0". */
void cli_print_version(const char *prog);

#endif
