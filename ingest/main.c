/*
 * sio-ingest — load police.uk CSV files into the sio store.
 *
 * Files are loaded one transaction each, in name order.  A file that cannot
 * be loaded (unreadable, header not recognised) is reported once on stderr
 * and left out whole; the others still load, and the exit status is that of
 * the worst failure (OpenBSD style: warn, remember, carry on).
 */
#include "cli.h"
#include "ingest.h"
#include "atomic.h"
#include "store.h"

#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

static const char usage[] =
    "usage: sio-ingest [--config FILE] [--store PATH] [--kind KIND] [--quiet] PATH...\n"
    "\n"
    "Load police.uk CSV files into the sio store.  Each PATH is a file or a folder\n"
    "(such as the police.uk archive's YYYY-MM/ folders), searched for *.csv files.\n"
    "The kind of each file (street, outcomes, stop-and-search) is read from its\n"
    "header.  Loading the same bytes twice changes nothing; a different file for\n"
    "the same kind, force and month replaces the older one.  Rows that cannot be\n"
    "read go to the store's rejects table with file, line and reason.\n"
    "\n"
    "Prints one line per file: read, loaded, rejected and duplicate rows\n"
    "(read = loaded + rejected + duplicate), then a total.\n"
    "\n"
    "  --config FILE   configuration (default config/sio.ini)\n"
    "  --store PATH    the store to load into, overriding the configuration\n"
    "  --kind KIND     treat files whose header is not recognised as KIND\n"
    "  --quiet         print nothing unless something goes wrong\n"
    "  --help          show this help and exit\n"
    "  --version       show the version and exit\n"
    "\n"
    "Exit status: 0 success; 64 usage; 65 a file's header is not recognised;\n"
    "66 a path does not exist or cannot be read; 70 internal error; 73 the store\n"
    "cannot be created; 74 read or write error; 75 the store is busy; 78 bad\n"
    "configuration.  See sio-ingest(1).\n";

enum { OPT_KIND = 256 };

struct options {
    enum file_kind kind;
};

static int on_option(int opt, const char *arg, void *ctx)
{
    struct options *o = ctx;
    if (opt == OPT_KIND && (o->kind = kind_parse(arg)) == KIND_UNKNOWN) {
        fprintf(stderr, "sio-ingest: --kind must be street, outcomes or stop-and-search\n");
        return 1;
    }
    return 0;
}

struct totals {
    struct ingest_counts n;
    long files, unchanged, failed;
    int worst;
};

static void add_totals(struct totals *t, const struct ingest_result *r)
{
    t->files++;
    t->unchanged += r->already;
    t->n.read += r->n.read;
    t->n.loaded += r->n.loaded;
    t->n.rejected += r->n.rejected;
    t->n.duplicate += r->n.duplicate;
}

static void report_file(const char *path, const struct ingest_result *r, int quiet)
{
    if (quiet)
        return;
    if (r->already)
        printf("%s: already loaded (same SHA-256), nothing to do\n", path);
    else
        printf("%s: %s, read %ld, loaded %ld, rejected %ld, duplicate %ld%s\n", path,
               kind_name(r->kind), r->n.read, r->n.loaded, r->n.rejected, r->n.duplicate,
               r->replaced ? " (replaces an earlier file)" : "");
}

static void load_all(sqlite3 *db, const struct path_list *files, const struct options *o,
                     const struct cli *cli, struct totals *t)
{
    for (size_t i = 0; i < files->n; i++) {
        struct ingest_result r;
        struct sio_error err;
        int rc = ingest_file(db, files->path[i], o->kind, &r, &err);
        if (rc) {
            sio_error_print(cli->prog, &err);
            t->failed++;
            if (sio_exit_code(rc) > sio_exit_code(t->worst))
                t->worst = rc;
            continue;
        }
        add_totals(t, &r);
        report_file(files->path[i], &r, cli->quiet);
    }
}

static int collect(const struct cli *cli, int argc, char **argv, struct path_list *files,
                   struct totals *t)
{
    for (int i = cli->first_arg; i < argc; i++) {
        struct sio_error err;
        int rc = paths_collect(argv[i], files, &err);
        if (rc) {
            sio_error_print(cli->prog, &err);
            t->failed++;
            t->worst = rc;
        }
    }
    return files->n > 0 || t->failed;
}

static int open_store(const char *path, sqlite3 **db, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    int rc = atomic_mkdirs(dirname(dir), err);
    return rc ? rc : store_open(path, db, err);
}

static int run(const struct cli *cli, const struct sio_config *cfg, int argc, char **argv,
               const struct options *o, struct sio_error *err)
{
    struct path_list files = { 0 };
    struct totals t = { 0 };
    sqlite3 *db = NULL;
    long long run_id;
    char counts[256];
    int rc;

    if (!collect(cli, argc, argv, &files, &t))
        return sio_fail(err, SIO_ENOINPUT, NULL, 0, "no CSV files found in the paths given");
    if ((rc = open_store(cfg->store_path, &db, err)) ||
        (rc = store_run_start(db, "ingest", &run_id, err))) {
        paths_free(&files);
        store_close(db);
        return rc;
    }
    load_all(db, &files, o, cli, &t);
    snprintf(counts, sizeof counts, "files=%ld unchanged=%ld failed=%ld read=%ld loaded=%ld "
             "rejected=%ld duplicate=%ld", t.files, t.unchanged, t.failed, t.n.read,
             t.n.loaded, t.n.rejected, t.n.duplicate);
    if (!cli->quiet)
        printf("total: %ld files (%ld unchanged, %ld failed), read %ld, loaded %ld, "
               "rejected %ld, duplicate %ld\n", t.files, t.unchanged, t.failed, t.n.read,
               t.n.loaded, t.n.rejected, t.n.duplicate);
    rc = store_run_finish(db, run_id, NULL, counts, sio_exit_code(t.worst), err);
    paths_free(&files);
    store_close(db);
    if (rc)
        return rc;
    if (t.worst)
        return sio_fail(err, t.worst, NULL, 0, "%ld of %ld files could not be loaded",
                        t.failed, t.failed + t.files);
    return SIO_OK;
}

int main(int argc, char **argv)
{
    static const struct option extra[] = {
        { "kind", required_argument, NULL, OPT_KIND },
        { NULL, 0, NULL, 0 },
    };
    struct options o = { KIND_UNKNOWN };
    struct sio_config cfg;
    struct sio_error err;
    struct cli cli;

    switch (cli_parse(&cli, argc, argv, "sio-ingest", usage, extra, on_option, &o)) {
    case CLI_EXIT: return EX_OK;
    case CLI_USAGE: return EX_USAGE;
    }
    if (cli.first_arg >= argc) {
        fprintf(stderr, "sio-ingest: no files or folders given\n"
                        "Try 'sio-ingest --help' for more information.\n");
        return EX_USAGE;
    }
    int rc = cli_load_config(&cli, &cfg, &err);
    if (!rc)
        rc = run(&cli, &cfg, argc, argv, &o, &err);
    if (rc)
        sio_error_print(cli.prog, &err);
    config_free(&cfg);
    return sio_exit_code(rc);
}
