/*
 * sio-init — a working folder for one force in one command: configuration,
 * the statement's words to write, input folders, a schedule and a README.
 */
#include "folder.h"
#include "sys/cli.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

static const char usage[] =
    "usage: sio-init --force NAME [--peer NAME]... [--quiet] DIR\n"
    "\n"
    "Make DIR, a working folder for one force: config/ (sio.ini naming the force\n"
    "and the input folders, the measures, the force's peer group when --peer is\n"
    "given, and statement-text.md with the six priorities' headings and the two\n"
    "paragraphs each needs), inputs/ (a folder per kind of file, as the archives\n"
    "come, each saying what goes in it), schedule/ (a crontab line, and a systemd\n"
    "service and timer) and a README for the office.  Then, in DIR, `sio-run`\n"
    "makes the pack.  DIR must be new or empty: sio-init never changes an existing\n"
    "folder.  The files come from sio's shared folder (make install puts them in\n"
    "PREFIX/share/sio; SIO_SHARE overrides).\n"
    "\n"
    "  --force NAME    the force, by its police.uk name, slug or any name in\n"
    "                  forces.csv ('Warwickshire Police', warwickshire)\n"
    "  --peer NAME     a force in its most similar group (repeat for each)\n"
    "  --quiet         print nothing unless something goes wrong\n"
    "  --help          show this help and exit\n"
    "  --version       show the version and exit\n"
    "\n"
    "Exit status: 0 success; 64 usage (no force, an unknown force or peer);\n"
    "66 sio's shared files are missing; 73 DIR exists and is not empty, or cannot\n"
    "be made; 74 write error; 78 a template is broken.  See sio-init(1).\n";

enum { OPT_FORCE = 256, OPT_PEER };

static int on_option(int opt, const char *arg, void *ctx)
{
    struct folder_request *req = ctx;
    if (opt == OPT_FORCE)
        req->force = arg;
    else if (req->n_peers < FOLDER_MAX_PEERS)
        req->peer[req->n_peers++] = arg;
    else {
        fprintf(stderr, "sio-init: at most %d peers\n", FOLDER_MAX_PEERS);
        return 1;
    }
    return 0;
}

/* 0 when the command line names a force and one folder, and nothing else. */
static int check_usage(const struct cli *cli, const struct folder_request *req, int argc)
{
    const char *why = !req->force                                  ? "name the force with --force"
                      : cli->first_arg != argc - 1                 ? "give one folder to make"
                      : cli->store_path || cli->out_dir ||
                                !strcmp(cli->config_from, "--config") ? "--config, --store and --out "
                                                                       "belong to the other programs"
                                                                     : NULL;
    if (why)
        fprintf(stderr, "sio-init: %s\nTry 'sio-init --help' for more information.\n", why);
    return why != NULL;
}

int main(int argc, char **argv)
{
    static const struct option extra[] = {
        { "force", required_argument, NULL, OPT_FORCE },
        { "peer", required_argument, NULL, OPT_PEER },
        { NULL, 0, NULL, 0 },
    };
    struct folder_request req = { 0 };
    struct folder_result res;
    struct sio_error err;
    struct cli cli;

    sio_error_clear(&err);
    switch (cli_parse(&cli, argc, argv, "sio-init", usage, extra, on_option, &req)) {
    case CLI_EXIT: return EX_OK;
    case CLI_USAGE: return EX_USAGE;
    }
    if (check_usage(&cli, &req, argc))
        return EX_USAGE;
    req.dir = argv[cli.first_arg];
    int rc = folder_create(&req, &res, &err);
    if (rc) {
        sio_error_print("sio-init", &err);
        return sio_exit_code(rc);
    }
    if (!cli.quiet)
        printf("sio-init: %s is ready for %s (shared files from %s).\n"
               "Put the data files in its inputs/ folders, then run sio-run there; "
               "its README.md says more.\n",
               res.path, res.force_name, res.share);
    return EX_OK;
}
