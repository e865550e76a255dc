/*
 * sio-ingest — load police data files into the sio store.
 *
 * Files are loaded one transaction each, in name order.  A file that cannot
 * be loaded (unreadable, header not recognised) is reported once on stderr
 * and left out whole; the others still load, and the exit status is that of
 * the worst failure (OpenBSD style: warn, remember, carry on).  The forces
 * file is loaded into the store first, in its own transaction, so every
 * run's force names are checked against the same list the store holds.
 */
#include "sys/cli.h"
#include "ingest.h"
#include "sys/atomic.h"
#include "checkpointer.h"
#include "crimeset.h"
#include "config/forces.h"
#include "dates.h"
#include "labels.h"
#include "prefetch.h"
#include "prehash.h"
#include "progress.h"
#include "report.h"
#include "store/stmts.h"
#include "store/store.h"

#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

static const char usage[] =
    "usage: sio-ingest [--config FILE] [--store PATH] [--kind KIND] [--report[=csv]]\n"
    "                  [--quiet] PATH...\n"
    "\n"
    "Load police data files into the sio store.  Each PATH is a file, a folder\n"
    "(such as the police.uk archive's YYYY-MM/ folders; *.csv and *.zip files are\n"
    "taken) or the police.uk archive's .zip, read without unpacking it.  The kind of\n"
    "each file is read from its header: police.uk street, outcomes and\n"
    "stop-and-search (and the 2011-12 street layout), Home Office recorded crime\n"
    "tables, force extracts ([extract] in sio.ini), indicator series, population\n"
    "tables, the ONS area lookup and force lists.  Loading the same bytes twice\n"
    "changes nothing; a newer file for the same kind, force and month (or a newer\n"
    "edition of the same table) replaces the older one.  Rows that cannot be read\n"
    "go to the store's rejects table with file, line and reason.\n"
    "\n"
    "Prints one line per file: read, loaded, rejected and duplicate rows\n"
    "(read = loaded + rejected + duplicate), then a total.\n"
    "\n"
    "  --config FILE   configuration (default: $SIO_CONFIG, ./config/sio.ini,\n"
    "                  /etc/sio/sio.ini, the first that is set or exists)\n"
    "  --verbose       say which configuration is used (on stderr)\n"
    "  --store PATH    the store to load into, overriding the configuration\n"
    "  --kind KIND     read every file as KIND, whatever its header: street,\n"
    "                  street-2011, outcomes, stop-and-search, ho-quarterly,\n"
    "                  ho-rolling-year, extract, indicators, population,\n"
    "                  population-wide, population-census, area-lookup, force-list\n"
    "  --report[=FMT]  after loading (PATH is then optional), report every file in\n"
    "                  the store: FMT text (default: counts, notes, reject reasons)\n"
    "                  or csv (file,kind,read,loaded,rejected,duplicate)\n"
    "  --quiet         print nothing unless something goes wrong\n"
    "  --help          show this help and exit\n"
    "  --version       show the version and exit\n"
    "\n"
    "Exit status: 0 success; 64 usage; 65 a file's header is not recognised;\n"
    "66 a path does not exist or cannot be read; 70 internal error; 73 the store\n"
    "cannot be created; 74 read or write error; 75 the store is busy; 78 bad\n"
    "configuration.  See sio-ingest(1).\n";

enum { OPT_KIND = 256, OPT_REPORT };

struct options {
    enum file_kind kind;
    enum report_format report;
};

static int on_option(int opt, const char *arg, void *ctx)
{
    struct options *o = ctx;
    if (opt == OPT_KIND && (o->kind = kind_parse(arg)) == KIND_UNKNOWN) {
        fprintf(stderr, "sio-ingest: --kind must be one of: %s\n", kind_list());
        return 1;
    }
    if (opt == OPT_REPORT) {
        o->report = !arg || !strcmp(arg, "text") ? REPORT_TEXT
                    : !strcmp(arg, "csv") ? REPORT_CSV : REPORT_NONE;
        if (o->report == REPORT_NONE) {
            fprintf(stderr, "sio-ingest: --report takes text or csv\n");
            return 1;
        }
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
    t->n.noted += r->n.noted;
}

/* What the per-file lines need besides the counts. */
struct loader {
    const struct cli *cli;
    const struct options *o;
    struct ingest_env env;
    struct progress progress;
    int lines;                  /* print a line per file (not --quiet, not --report) */
};

static void report_file(const char *name, const struct ingest_result *r)
{
    if (r->already)
        printf("%s: already loaded (same SHA-256), nothing to do\n", name);
    else
        printf("%s: %s, read %ld, loaded %ld, rejected %ld, duplicate %ld, notes %ld%s\n",
               name, kind_name(r->kind), r->n.read, r->n.loaded, r->n.rejected,
               r->n.duplicate, r->n.noted, r->replaced ? " (replaces an earlier file)" : "");
}

/* Write the Crime ID hashes held in memory (crimeset.h), all or only when
 * a batch is full.  A failure loses nothing (the next run catches up), but
 * is an error of the run. */
static void keys_written(struct loader *l, struct totals *t,
                         int (*write)(struct crimeset *, struct sio_error *))
{
    struct crimeset *cs = l->env.crime_ids;
    struct sio_error err;
    int rc = cs ? write(cs, &err) : SIO_OK;
    if (rc) {
        progress_clear(&l->progress);
        sio_error_print(l->cli->prog, &err);
        if (sio_exit_code(rc) > sio_exit_code(t->worst))
            t->worst = rc;
    }
}

/* Input i's fingerprint, from the hashing thread when there is one. */
static void fingerprint_of(struct prehash *ph, const struct path_list *files, size_t i,
                           struct fingerprint *fp)
{
    if (ph)
        prehash_next(ph, fp);
    else
        input_fingerprint(&files->item[i], fp);
}

static void load_all(sqlite3 *db, const struct path_list *files, struct loader *l,
                     struct totals *t)
{
    long long bytes = 0;
    struct prehash *ph;
    struct fingerprint fp, fp_next;
    struct prefetch ahead = { 0 };
    struct sio_error err;
    if (prehash_start(&ph, files, &err))
        ph = NULL; /* no second thread: hash each input just before loading it */
    if (files->n)
        fingerprint_of(ph, files, 0, &fp_next);
    for (size_t i = 0; i < files->n; i++) {
        struct ingest_result r;
        char name[2048];
        input_name(&files->item[i], name, sizeof name);
        /* this input's fingerprint, and the next's, so that it can be read
         * ahead while this one finishes (prefetch.h) */
        fp = fp_next;
        if (i + 1 < files->n)
            fingerprint_of(ph, files, i + 1, &fp_next);
        struct ingest_next next = { i + 1 < files->n ? &files->item[i + 1] : NULL, &fp_next,
                                    &ahead };
        int rc = ingest_hashed(db, &files->item[i], &fp, &l->env, &next, &r, &err);
        progress_clear(&l->progress);
        bytes += files->item[i].bytes;
        if (rc) {
            sio_error_print(l->cli->prog, &err);
            t->failed++;
            if (sio_exit_code(rc) > sio_exit_code(t->worst))
                t->worst = rc;
        } else {
            add_totals(t, &r);
            if (l->lines)
                report_file(name, &r);
        }
        progress_update(&l->progress, (long)i + 1, bytes, t->n.read);
        keys_written(l, t, crimeset_flush_full);
    }
    prefetch_stop(&ahead);
    keys_written(l, t, crimeset_flush);
    prehash_stop(ph);
    progress_clear(&l->progress);
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

/* Another sio-ingest may load into the same store at once: each file is
 * one transaction holding the store's write lock, so this one waits for the
 * other's file (seconds) rather than failing. */
#define INGEST_BUSY_MS 120000

static int open_store(const char *path, sqlite3 **db, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    int rc = atomic_mkdirs(dirname(dir), err);
    if (!rc && !(rc = store_open(path, db, err)))
        sqlite3_busy_timeout(*db, INGEST_BUSY_MS);
    return rc;
}

/* [ingest] forces, relative to sio.ini's folder, into memory and the store. */
static int load_forces(const struct sio_config *cfg, sqlite3 *db, struct forces **f,
                       struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX], path[2 * CONFIG_PATH_MAX + 2];
    const char *name = cfg->ingest.forces;
    int rc;
    snprintf(dir, sizeof dir, "%s", cfg->path);
    if (name[0] == '/')
        snprintf(path, sizeof path, "%s", name);
    else
        snprintf(path, sizeof path, "%s/%s", dirname(dir), name);
    if ((rc = forces_load(path, f, err)) || (rc = store_begin(db, err)))
        return rc;
    if ((rc = forces_store(*f, db, err)) || (rc = store_commit(db, err)))
        store_rollback(db);
    return rc;
}

static void print_total(const struct totals *t)
{
    printf("total: %ld files (%ld unchanged, %ld failed), read %ld, loaded %ld, "
           "rejected %ld, duplicate %ld, notes %ld\n", t->files, t->unchanged, t->failed,
           t->n.read, t->n.loaded, t->n.rejected, t->n.duplicate, t->n.noted);
}

static long long total_bytes(const struct path_list *files)
{
    long long n = 0;
    for (size_t i = 0; i < files->n; i++)
        n += files->item[i].bytes;
    return n;
}

static int load_and_report(sqlite3 *db, const struct path_list *files, struct loader *l,
                           const struct sio_config *cfg, struct totals *t,
                           struct sio_error *err)
{
    const struct extract_map x = {
        cfg->ingest.extract_date, cfg->ingest.extract_offence, cfg->ingest.extract_force,
        cfg->ingest.extract_force_name, cfg->ingest.extract_area,
        cfg->ingest.extract_reference,
    };
    struct forces *forces = NULL;
    struct labels_view *labels = NULL;
    int rc = load_forces(cfg, db, &forces, err);
    if (rc || (rc = labels_view_open(&labels, err))) {
        forces_free(forces);
        return rc;
    }
    l->env.forces = forces;
    l->env.extract = &x;
    l->env.labels = labels;
    /* Open the Crime ID set before the first file's transaction, so that
     * catching up a store written by an older sio can write as it goes. */
    if (files->n && ((rc = stmts_open(&l->env.stmts, db, err)) ||
                     (rc = crimeset_open(&l->env.crime_ids, db, CRIMESET_FILTER_BITS,
                                         CRIMESET_BATCH, err)))) {
        stmts_close(l->env.stmts);
        labels_view_close(labels);
        forces_free(forces);
        return rc;
    }
    progress_start(&l->progress, !l->cli->quiet, (long)files->n, total_bytes(files));
    load_all(db, files, l, t);
    if (l->lines && files->n)
        print_total(t);
    if (l->o->report)
        rc = report_print(db, stdout, l->o->report, err);
    crimeset_close(l->env.crime_ids);
    l->env.crime_ids = NULL;
    stmts_close(l->env.stmts);
    l->env.stmts = NULL;
    labels_view_close(labels);
    l->env.labels = NULL;
    forces_free(forces);
    return rc;
}

static int run(const struct cli *cli, const struct sio_config *cfg, int argc, char **argv,
               const struct options *o, struct sio_error *err)
{
    struct path_list files = { 0 };
    struct totals t = { 0 };
    struct loader l = { cli, o, { NULL, NULL, o->kind, NULL, NULL, MONTH_NONE, cfg, NULL }, { 0 },
                        !cli->quiet && !o->report };
    sqlite3 *db = NULL;
    long long run_id;
    char counts[256];
    int rc;

    if ((rc = dates_run_month(&l.env.run_month, err)))
        return rc;
    files.member_max = cfg->ingest.zip_member_max;
    if (!collect(cli, argc, argv, &files, &t) && !o->report)
        return sio_fail(err, SIO_ENOINPUT, NULL, 0, "no CSV files found in the paths given");
    if ((rc = open_store(cfg->store_path, &db, err)) ||
        (rc = store_run_start(db, "ingest", &run_id, err))) {
        paths_free(&files);
        store_close(db);
        return rc;
    }
    /* Without a checkpointer (no second connection or thread), SQLite
     * checkpoints in this thread as it always did: slower, no less safe. */
    struct checkpointer *cp = NULL;
    struct sio_error cp_err;
    if (checkpointer_start(&cp, db, cfg->store_path, &cp_err))
        cp = NULL;
    rc = load_and_report(db, &files, &l, cfg, &t, err);
    checkpointer_stop(cp);
    snprintf(counts, sizeof counts, "files=%ld unchanged=%ld failed=%ld read=%ld loaded=%ld "
             "rejected=%ld duplicate=%ld noted=%ld", t.files, t.unchanged, t.failed, t.n.read,
             t.n.loaded, t.n.rejected, t.n.duplicate, t.n.noted);
    struct sio_error finish_err;
    int frc = store_run_finish(db, run_id, NULL, counts,
                               sio_exit_code(rc ? rc : t.worst), &finish_err);
    paths_free(&files);
    store_close(db);
    if (rc)
        return rc;
    if (frc) {
        *err = finish_err;
        return frc;
    }
    if (t.worst)
        return sio_fail(err, t.worst, NULL, 0, "%ld of %ld files could not be loaded",
                        t.failed, t.failed + t.files);
    return SIO_OK;
}

int main(int argc, char **argv)
{
    static const struct option extra[] = {
        { "kind", required_argument, NULL, OPT_KIND },
        { "report", optional_argument, NULL, OPT_REPORT },
        { NULL, 0, NULL, 0 },
    };
    struct options o = { KIND_UNKNOWN, REPORT_NONE };
    struct sio_config cfg;
    struct sio_error err;
    struct cli cli;

    switch (cli_parse(&cli, argc, argv, "sio-ingest", usage, extra, on_option, &o)) {
    case CLI_EXIT: return EX_OK;
    case CLI_USAGE: return EX_USAGE;
    }
    if (cli.first_arg >= argc && !o.report) {
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
