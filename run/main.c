/*
 * sio-run — the whole pipeline for cron: lock, every stage in order, the
 * manifest, and the output folder replaced whole or not at all.
 *
 * Invariants: two runs on one store never overlap (lib/lock); the output
 * folder holds either the previous run's complete outputs or this run's
 * (run/publish); the first stage that fails stops the run and its exit
 * status becomes sio-run's.  One log line per step goes to the log file and,
 * unless --quiet, to stderr.
 */
#include "sys/atomic.h"
#include "check.h"
#include "sys/cli.h"
#include "counts.h"
#include "fingerprint.h"
#include "sys/lock.h"
#include "log.h"
#include "sys/manifest.h"
#include "plan.h"
#include "publish.h"
#include "stage.h"
#include "store/store.h"

#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static const char usage[] =
    "usage: sio-run [--config FILE] [--store PATH] [--out DIR] [--quiet] [--dry-run]\n"
    "               [--always] [PATH...]\n"
    "\n"
    "Run the whole pipeline for one configuration, as a cron job would: sio-ingest\n"
    "on PATH... (or on the [run] inputs of the configuration), then sio-transform,\n"
    "sio-measures, sio-workbook, sio-charts and, when it is built, sio-statement.\n"
    "The stages are the programs beside sio-run.  The run holds a lock beside the\n"
    "store, so two runs never overlap; logs one line per step (time, stage, status,\n"
    "duration, counts) to stderr and to the [run] log file; and has the stages\n"
    "write into a staging folder that replaces the output folder, with\n"
    "DIR/manifest.json, only when every stage has succeeded.  A failed or killed\n"
    "run leaves DIR as it was.  When nothing it depends on has changed since the\n"
    "run that made DIR (inputs, configuration, programs, store), it says so and\n"
    "leaves DIR as it is.\n"
    "\n"
    "  --config FILE   configuration (default: $SIO_CONFIG, ./config/sio.ini,\n"
    "                  /etc/sio/sio.ini, the first that is set or exists)\n"
    "  --verbose       say which configuration is used (on stderr)\n"
    "  --store PATH    the store, overriding the configuration\n"
    "  --out DIR       output folder, overriding the configuration\n"
    "  --quiet         print nothing on success (the log file is still written)\n"
    "  --dry-run       say what would be run, run nothing\n"
    "  --always        run every stage even when nothing has changed\n"
    "  --help          show this help and exit\n"
    "  --version       show the version and exit\n"
    "\n"
    "Exit status: 0 success; the exit status of the first stage that failed;\n"
    "64 usage or no inputs; 65 the store is damaged (PRAGMA quick_check);\n"
    "70 a stage is missing or was killed by a signal;\n"
    "73 the lock, log, staging folder or manifest cannot be created; 75 another\n"
    "run holds the lock; 78 bad configuration.  See sio-run(1).\n";

enum { OPT_DRY_RUN = 256, OPT_ALWAYS };

struct run {
    struct cli cli;
    struct sio_config cfg;
    int dry_run;
    int always;                /* --always: run even when nothing changed */
    char before[SHA256_HEX_LEN + 1]; /* the fingerprint's part the stages cannot change */
    char fingerprint[SHA256_HEX_LEN + 1]; /* the whole, for the manifest */
    char *const *inputs;       /* operands, else [run] inputs */
    int n_inputs;
    struct plan plan;
    struct publish pub;
    struct sio_lock lock;
    struct run_log log;
    struct manifest_step steps[PLAN_MAX_STEPS];
    char counts[PLAN_MAX_STEPS][512];
    int n_steps;
    char started[32];
};

static int on_option(int opt, const char *arg, void *ctx)
{
    (void)arg;
    if (opt == OPT_DRY_RUN)
        ((struct run *)ctx)->dry_run = 1;
    if (opt == OPT_ALWAYS)
        ((struct run *)ctx)->always = 1;
    return 0;
}

static struct plan_args args_of(const struct run *r)
{
    return (struct plan_args){ r->cli.config_path, r->cfg.store_path, r->pub.staging,
                               r->pub.out, r->inputs, r->n_inputs,
                               r->cfg.run_statement_force };
}

static void print_dry_run(const struct run *r, const char *lock_path)
{
    struct plan_args a = args_of(r);
    printf("sio-run: would take the lock %s\n", lock_path);
    printf("sio-run: would log to %s\n", r->cfg.run_log);
    for (int i = 0; i < r->plan.n; i++) {
        char **argv = plan_argv(&r->plan.step[i], &a);
        printf("sio-run: would run");
        for (int j = 0; argv && argv[j]; j++)
            printf(" %s", argv[j]);
        printf("\n");
        free(argv);
    }
    printf("sio-run: would write %s/manifest.json and replace %s with %s\n",
           r->pub.staging, r->pub.out, r->pub.staging);
}

/* Run step i; 0 when it succeeded, else the exit status to end with. */
static int run_step(struct run *r, int i, struct sio_error *err)
{
    const struct plan_step *s = &r->plan.step[i];
    struct plan_args a = args_of(r);
    struct stage_outcome o;
    char **argv = plan_argv(s, &a);
    long long before = counts_last_run(r->cfg.store_path);
    int rc = argv ? stage_run(argv, &r->log, &o, err)
                  : sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    free(argv);
    if (rc) {
        runlog_error(&r->log, err);
        return sio_exit_code(rc);
    }
    counts_of(r->cfg.store_path, s->stage, before, r->counts[i], sizeof r->counts[i]);
    r->steps[r->n_steps++] = (struct manifest_step){ s->stage, o.exit_code, o.seconds, r->counts[i] };
    if (o.signal)
        runlog_say(&r->log, 1, "%s killed by signal %d (%s) after %.2f s", s->stage, o.signal,
                   strsignal(o.signal), o.seconds);
    else
        runlog_say(&r->log, o.exit_code != 0, "%s %s (exit %d) %.2f s %s", s->stage,
                   o.exit_code ? "FAILED" : "ok", o.exit_code, o.seconds, r->counts[i]);
    return o.exit_code;
}

static int write_manifest(struct run *r, struct sio_error *err)
{
    struct manifest_run m = { r->started, "", r->pub.staging, r->steps, r->n_steps,
                              r->fingerprint };
    char ended[32];
    sqlite3 *db;
    fingerprint_with_store(r->before, r->cfg.store_path, r->fingerprint);
    int rc = store_open_existing(r->cfg.store_path, &db, err);
    m.ended_at = store_now(ended);
    if (!rc)
        rc = manifest_write(db, &r->cfg, &m, err);
    store_close(db);
    return rc;
}

/* The manifest, then the swap: 0, or the exit status after logging why. */
static int finish(struct run *r, struct sio_error *err)
{
    int rc = write_manifest(r, err);
    if (!rc)
        rc = publish_commit(&r->pub, err);
    if (rc)
        runlog_error(&r->log, err);
    return sio_exit_code(rc);
}

/* Whether the published outputs were made from what this run would read:
 * then there is nothing to do.  Leaves r->before for the manifest. */
static int nothing_changed(struct run *r)
{
    struct fingerprint_inputs in = { &r->cfg, r->cli.config_path, &r->plan, r->inputs,
                                     r->n_inputs };
    struct sio_error ignored; /* an input that is missing: ingest will say so */
    char now[SHA256_HEX_LEN + 1];
    if (fingerprint_before(&in, r->before, &ignored) != SIO_OK)
        r->before[0] = '\0';
    if (r->always || !r->before[0])
        return 0;
    fingerprint_with_store(r->before, r->cfg.store_path, now);
    return fingerprint_published(r->pub.out, now);
}

/* Every step, the manifest and the swap, under the lock: the exit status. */
static int run_locked(struct run *r, struct sio_error *err)
{
    int code = 0, rc;
    if ((rc = runlog_open(&r->log, r->cfg.run_log, r->cli.quiet, err))) {
        runlog_error(&r->log, err);
        return sio_exit_code(rc);
    }
    if (nothing_changed(r)) {
        runlog_say(&r->log, 0, "nothing changed since the run that made %s: left as it is"
                   " (--always runs every stage anyway)", r->pub.out);
        return 0;
    }
    if ((rc = check_store(r->cfg.store_path, err)) ||
        (rc = publish_prepare(&r->pub, err))) {
        runlog_error(&r->log, err);
        return sio_exit_code(rc);
    }
    runlog_say(&r->log, 0, "start: config %s, store %s, output %s, %d input path(s)",
               r->cli.config_path, r->cfg.store_path, r->pub.out, r->n_inputs);
    for (int i = 0; i < r->plan.n && code == 0; i++)
        code = run_step(r, i, err);
    if (code == 0)
        code = finish(r, err);
    if (code) {
        publish_discard(&r->pub);
        runlog_say(&r->log, 1, "run FAILED (exit %d): %s left as it was", code, r->pub.out);
    } else
        runlog_say(&r->log, 0, "done: %s replaced, %s/manifest.json written", r->pub.out,
                   r->pub.out);
    return code;
}

static int prepare(struct run *r, int argc, char **argv, struct sio_error *err)
{
    int rc = cli_load_config(&r->cli, &r->cfg, err);
    if (rc)
        return rc;
    r->inputs = r->cfg.run_inputs;
    r->n_inputs = r->cfg.n_run_inputs;
    if (r->cli.first_arg < argc) {
        r->inputs = argv + r->cli.first_arg;
        r->n_inputs = argc - r->cli.first_arg;
    }
    if (r->n_inputs == 0)
        return sio_fail(err, SIO_EUSAGE, r->cli.config_path, 0,
                        "nothing to ingest: give paths, or set [run] inputs");
    if ((rc = publish_init(&r->pub, r->cfg.out_dir, err)))
        return rc;
    return plan_find(&r->plan, err);
}

/* Take the lock beside the store (creating the store's folder). */
static int take_lock(struct run *r, char *path, size_t size, struct sio_error *err)
{
    char dir[CONFIG_PATH_MAX];
    if (lock_path_for(r->cfg.store_path, path, size) != 0)
        return sio_fail(err, SIO_ECANTCREAT, r->cfg.store_path, 0, "store path too long");
    snprintf(dir, sizeof dir, "%s", r->cfg.store_path);
    int rc = atomic_mkdirs(dirname(dir), err);
    return rc ? rc : lock_acquire(&r->lock, path, err);
}

int main(int argc, char **argv)
{
    static const struct option extra[] = {
        { "dry-run", no_argument, NULL, OPT_DRY_RUN },
        { "always", no_argument, NULL, OPT_ALWAYS },
        { NULL, 0, NULL, 0 },
    };
    static struct run r = { .lock = { .fd = -1 }, .log = { .fd = -1 } };
    struct sio_error err;
    char lock_path[1100];
    int code;

    sio_error_clear(&err);
    switch (cli_parse(&r.cli, argc, argv, "sio-run", usage, extra, on_option, &r)) {
    case CLI_EXIT: return EX_OK;
    case CLI_USAGE: return EX_USAGE;
    }
    signal(SIGPIPE, SIG_IGN); /* a closed stderr must not kill the run half-way */
    store_now(r.started);
    int rc = prepare(&r, argc, argv, &err);
    if (!rc && r.dry_run) {
        lock_path_for(r.cfg.store_path, lock_path, sizeof lock_path);
        print_dry_run(&r, lock_path);
    } else if (!rc)
        rc = take_lock(&r, lock_path, sizeof lock_path, &err);
    if (rc)
        sio_error_print("sio-run", &err);
    code = rc || r.dry_run ? sio_exit_code(rc) : run_locked(&r, &err);
    runlog_close(&r.log);
    lock_release(&r.lock);
    config_free(&r.cfg);
    return code;
}
