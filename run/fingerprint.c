/*
 * fingerprint.c — the text a run depends on, line by line, then its SHA-256.
 *
 * Every line is "what value": a file's bytes by their SHA-256, a path by its
 * stat fields.  The input paths are walked without following symbolic links
 * and their entries sorted, so the order a folder lists them in does not
 * matter.  Nothing here writes anything.
 */
#define _GNU_SOURCE /* nftw, as publish.c */
#include "fingerprint.h"

#include <ftw.h>
#include <jansson.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct text {
    char *s;
    size_t n, cap;
    int failed;   /* out of memory */
};

static void text_add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->failed || k < 0)
        return;
    if (t->n + (size_t)k + 1 > t->cap) {
        size_t cap = (t->cap ? t->cap * 2 : 4096) + (size_t)k;
        char *more = realloc(t->s, cap);
        if (!more) {
            t->failed = 1;
            return;
        }
        t->s = more;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    t->n += (size_t)k;
}

/* A file by its bytes ("absent" when it cannot be read). */
static void text_file(struct text *t, const char *what, const char *path)
{
    char hex[SHA256_HEX_LEN + 1];
    long long bytes;
    struct sio_error ignored;
    if (!path[0])
        text_add(t, "%s none\n", what);
    else if (sha256_file(path, hex, &bytes, &ignored) == SIO_OK)
        text_add(t, "%s %s %s\n", what, path, hex);
    else
        text_add(t, "%s %s absent\n", what, path);
}

/* A path by its stat fields: a file written again has new times. */
static void text_stat(struct text *t, const char *path, const struct stat *sb)
{
    text_add(t, "%s %o %lld %lld.%09ld %lld.%09ld %llu %llu\n", path, (unsigned)sb->st_mode,
             (long long)sb->st_size, (long long)sb->st_mtim.tv_sec, sb->st_mtim.tv_nsec,
             (long long)sb->st_ctim.tv_sec, sb->st_ctim.tv_nsec,
             (unsigned long long)sb->st_ino, (unsigned long long)sb->st_dev);
}

/* ---- the input paths: every entry under them, sorted ---- */

static struct text *walk_text; /* nftw has no context pointer */

static int walk_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)flag, (void)ftw;
    text_stat(walk_text, path, sb);
    text_add(walk_text, "%c", '\0'); /* lines end in NUL until sorted */
    return walk_text->failed;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of t (NUL-separated) sorted into out, one a line. */
static void text_sorted(struct text *out, const struct text *t)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < t->n; i++)
        n += t->s[i] == '\0';
    char **line = malloc((n + 1) * sizeof *line);
    if (!line) {
        out->failed = 1;
        return;
    }
    for (size_t i = 0; i < t->n; i += strlen(t->s + i) + 1)
        line[k++] = t->s + i;
    qsort(line, k, sizeof *line, by_text);
    for (size_t i = 0; i < k; i++)
        text_add(out, "%s", line[i]);
    free(line);
}

static int text_inputs(struct text *out, char *const *inputs, int n, struct sio_error *err)
{
    struct text entries = {0};
    struct stat sb;
    int rc = SIO_OK;
    walk_text = &entries;
    for (int i = 0; i < n && rc == SIO_OK; i++) {
        if (lstat(inputs[i], &sb) != 0)
            rc = sio_fail(err, SIO_ENOINPUT, inputs[i], 0, "no such input");
        else if (nftw(inputs[i], walk_one, 16, FTW_PHYS) != 0)
            rc = sio_fail(err, entries.failed ? SIO_ESOFTWARE : SIO_ENOINPUT, inputs[i], 0,
                          "cannot list the input");
    }
    walk_text = NULL;
    if (rc == SIO_OK)
        text_sorted(out, &entries);
    free(entries.s);
    return rc;
}

/* ---- the parts ---- */

/* [ingest] forces is relative to sio.ini's folder. */
static void forces_path(const struct sio_config *cfg, char *buf, size_t size)
{
    char dir[CONFIG_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", cfg->path);
    if (cfg->ingest.forces[0] == '/' || !cfg->ingest.forces[0])
        snprintf(buf, size, "%s", cfg->ingest.forces);
    else
        snprintf(buf, size, "%s/%s", dirname(dir), cfg->ingest.forces);
}

static void text_config(struct text *t, const struct fingerprint_inputs *in)
{
    const struct sio_config *cfg = in->cfg;
    char forces[2 * CONFIG_PATH_MAX + 2];
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    text_add(t, "sio %s\nconfig %s\nstore %s\noutput %s\nforce %s\nsource-date %s\n",
             SIO_VERSION, in->config_path, cfg->store_path, cfg->out_dir,
             cfg->run_statement_force, sde ? sde : "(unset)");
    text_file(t, "sio.ini", cfg->path);
    text_file(t, "measures", cfg->measures_path);
    text_file(t, "peers", cfg->peers_path);
    text_file(t, "annotations", cfg->annotations_path);
    text_file(t, "statement-text", cfg->statement_text);
    forces_path(cfg, forces, sizeof forces);
    text_file(t, "forces", forces);
}

static void text_programs(struct text *t, const struct plan *plan)
{
    struct stat sb;
    if (stat("/proc/self/exe", &sb) == 0)
        text_stat(t, "sio-run", &sb);
    for (int i = 0; i < plan->n; i++)
        if (stat(plan->step[i].prog, &sb) == 0)
            text_stat(t, plan->step[i].prog, &sb);
}

int fingerprint_before(const struct fingerprint_inputs *in, char hex[SHA256_HEX_LEN + 1],
                       struct sio_error *err)
{
    struct text t = {0};
    text_config(&t, in);
    text_programs(&t, in->plan);
    int rc = text_inputs(&t, in->inputs, in->n_inputs, err);
    if (rc == SIO_OK && t.failed)
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    if (rc == SIO_OK)
        sha256_buffer(t.s, t.n, hex);
    free(t.s);
    return rc;
}

void fingerprint_with_store(const char *before_hex, const char *store_path,
                            char hex[SHA256_HEX_LEN + 1])
{
    struct text t = {0};
    struct stat sb;
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    text_add(&t, "before %s\n", before_hex);
    if (before_hex[0] && stat(store_path, &sb) == 0 &&
        sqlite3_open_v2(store_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT id, stage, ended_at, status FROM runs"
                               " ORDER BY id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        text_add(&t, "store %llu %llu run %lld %s %s %d\n", (unsigned long long)sb.st_ino,
                 (unsigned long long)sb.st_dev, (long long)sqlite3_column_int64(st, 0),
                 (const char *)sqlite3_column_text(st, 1),
                 sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "",
                 sqlite3_column_int(st, 3));
    else
        t.failed = 1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (t.failed) /* unreadable: no fingerprint, so no run is skipped for it */
        hex[0] = '\0';
    else
        sha256_buffer(t.s, t.n, hex);
    free(t.s);
}

int fingerprint_published(const char *out_dir, const char *hex)
{
    char path[CONFIG_PATH_MAX + 32];
    struct stat sb;
    json_t *root, *outputs = NULL, *o;
    size_t i;
    snprintf(path, sizeof path, "%s/manifest.json", out_dir);
    if (!hex[0] || !(root = json_load_file(path, 0, NULL)))
        return 0;
    const char *recorded = json_string_value(json_object_get(root, "fingerprint"));
    int same = recorded && !strcmp(recorded, hex) &&
               json_is_array(outputs = json_object_get(root, "outputs"));
    json_array_foreach(same ? outputs : NULL, i, o) {
        const char *p = json_string_value(json_object_get(o, "path"));
        snprintf(path, sizeof path, "%s/%s", out_dir, p ? p : "");
        if (!p || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
            sb.st_size != json_integer_value(json_object_get(o, "bytes"))) {
            same = 0;
            break;
        }
    }
    json_decref(root);
    return same;
}
