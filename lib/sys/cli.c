/*
 * cli.c — the shared command line: one getopt_long table for the options
 * every stage takes, with each stage's own options appended, and where the
 * configuration is found when --config is not given.
 */
#include "sys/cli.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

enum { OPT_CONFIG = 1000, OPT_STORE, OPT_OUT, OPT_HELP, OPT_VERSION, OPT_QUIET, OPT_VERBOSE };

#define CLI_LOCAL_CONFIG "config/sio.ini"
#define CLI_SYSTEM_CONFIG "/etc/sio/sio.ini"

static const struct option common[] = {
    { "config", required_argument, NULL, OPT_CONFIG },
    { "store", required_argument, NULL, OPT_STORE },
    { "out", required_argument, NULL, OPT_OUT },
    { "quiet", no_argument, NULL, OPT_QUIET },
    { "verbose", no_argument, NULL, OPT_VERBOSE },
    { "help", no_argument, NULL, OPT_HELP },
    { "version", no_argument, NULL, OPT_VERSION },
};
#define N_COMMON (sizeof common / sizeof common[0])
#define MAX_EXTRA 24

void cli_print_version(const char *prog)
{
    printf("%s (sio) %s\n", prog, SIO_VERSION);
}

static size_t build_table(struct option *table, const struct option *extra)
{
    size_t n = 0;
    memcpy(table, common, sizeof common);
    n = N_COMMON;
    for (; extra && extra->name && n < N_COMMON + MAX_EXTRA; extra++)
        table[n++] = *extra;
    memset(&table[n], 0, sizeof table[n]);
    return n;
}

static int common_option(struct cli *cli, int opt, const char *usage)
{
    switch (opt) {
    case OPT_CONFIG: cli->config_path = optarg; cli->config_from = "--config"; return CLI_RUN;
    case OPT_STORE: cli->store_path = optarg; return CLI_RUN;
    case OPT_OUT: cli->out_dir = optarg; return CLI_RUN;
    case OPT_QUIET: cli->quiet = 1; return CLI_RUN;
    case OPT_VERBOSE: cli->verbose = 1; return CLI_RUN;
    case OPT_HELP: fputs(usage, stdout); return CLI_EXIT;
    case OPT_VERSION: cli_print_version(cli->prog); return CLI_EXIT;
    }
    return -1;
}

/* The first of $SIO_CONFIG, ./config/sio.ini and /etc/sio/sio.ini that is
 * set or exists; ./config/sio.ini when none does (loading it then fails
 * with a message naming every place looked). */
static void find_config(struct cli *cli)
{
    const char *env = getenv("SIO_CONFIG");
    if (env && *env) {
        cli->config_path = env;
        cli->config_from = "$SIO_CONFIG";
    } else if (access(CLI_LOCAL_CONFIG, F_OK) == 0 || access(CLI_SYSTEM_CONFIG, F_OK) != 0) {
        cli->config_path = CLI_LOCAL_CONFIG;
        cli->config_from = "./" CLI_LOCAL_CONFIG;
    } else {
        cli->config_path = CLI_SYSTEM_CONFIG;
        cli->config_from = CLI_SYSTEM_CONFIG;
    }
}

int cli_parse(struct cli *cli, int argc, char **argv, const char *prog,
              const char *usage, const struct option *extra, cli_extra_fn fn,
              void *ctx)
{
    struct option table[N_COMMON + MAX_EXTRA + 1];
    int opt, rc;

    memset(cli, 0, sizeof *cli);
    cli->prog = prog;
    build_table(table, extra);
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "+", table, NULL)) != -1) {
        if ((rc = common_option(cli, opt, usage)) >= 0) {
            if (rc != CLI_RUN)
                return rc;
        } else if (opt >= 256 && fn) {
            if (fn(opt, optarg, ctx))
                return CLI_USAGE;
        } else {
            fprintf(stderr, "%s: unknown or incomplete option '%s'\n"
                            "Try '%s --help' for more information.\n",
                    prog, argv[optind - 1], prog);
            return CLI_USAGE;
        }
    }
    cli->first_arg = optind;
    if (!cli->config_path)
        find_config(cli);
    return CLI_RUN;
}

int cli_load_config(const struct cli *cli, struct sio_config *cfg,
                    struct sio_error *err)
{
    config_defaults(cfg);
    if (cli->verbose)
        fprintf(stderr, "%s: configuration %s (from %s; looked for in the order --config, "
                        "$SIO_CONFIG, ./" CLI_LOCAL_CONFIG ", " CLI_SYSTEM_CONFIG ")\n",
                cli->prog, cli->config_path, cli->config_from);
    int rc = config_load(cli->config_path, cfg, err);
    if (rc == SIO_ENOINPUT && !strcmp(cli->config_from, "./" CLI_LOCAL_CONFIG))
        return sio_fail(err, SIO_ENOINPUT, NULL, 0, "no configuration: none given with --config "
                        "or $SIO_CONFIG, and neither ./" CLI_LOCAL_CONFIG " nor "
                        CLI_SYSTEM_CONFIG " exists (sio-init DIR makes a working folder)");
    if (rc)
        return rc;
    if (cli->store_path)
        snprintf(cfg->store_path, sizeof cfg->store_path, "%s", cli->store_path);
    if (cli->out_dir)
        snprintf(cfg->out_dir, sizeof cfg->out_dir, "%s", cli->out_dir);
    return SIO_OK;
}

int cli_stage_main(int argc, char **argv, const char *prog, const char *usage,
                   cli_stage_fn fn)
{
    struct sio_config cfg;
    struct sio_error err;
    struct cli cli;
    sqlite3 *db = NULL;

    switch (cli_parse(&cli, argc, argv, prog, usage, NULL, NULL, NULL)) {
    case CLI_EXIT: return EX_OK;
    case CLI_USAGE: return EX_USAGE;
    }
    if (cli.first_arg < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", prog, argv[cli.first_arg]);
        return EX_USAGE;
    }
    int rc = cli_load_config(&cli, &cfg, &err);
    if (!rc)
        rc = store_open_existing(cfg.store_path, &db, &err);
    if (!rc)
        rc = fn(db, &cfg, &cli, &err);
    if (rc)
        sio_error_print(prog, &err);
    store_close(db);
    config_free(&cfg);
    return sio_exit_code(rc);
}
