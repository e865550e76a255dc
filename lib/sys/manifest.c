/*
 * manifest.c — building manifest.json with jansson and writing it atomically.
 *
 * Keys keep insertion order (jansson's default), output paths are sorted and
 * nothing in the document comes from the clock except started_at, ended_at
 * and the store's loaded_at, so two runs on the same inputs differ only there.
 */
#include "sys/manifest.h"

#include "sys/atomic.h"
#include "sys/sha256.h"
#include "sys/versions.h"
#include "store/store.h"

#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A JSON string that is never NULL: jansson refuses invalid UTF-8. */
static json_t *jstr(const char *s)
{
    json_t *j = json_string(s ? s : "");
    return j ? j : json_string("(not valid UTF-8)");
}

int manifest_is_temporary(const char *name)
{
    return strstr(name, ".tmp.") != NULL;
}

/* ---- inputs: the store's files table ---- */

static json_t *column_json(sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, i));
    case SQLITE_NULL: return json_null();
    default: return jstr((const char *)sqlite3_column_text(st, i));
    }
}

static int inputs_json(sqlite3 *db, json_t *list, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT id, path, sha256, kind, force, month, bytes, rows_read,"
                               " rows_loaded, rows_rejected, rows_duplicate, superseded_by,"
                               " loaded_at FROM files ORDER BY id", &st, err);
    if (rc)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *row = json_object();
        for (int i = 0; i < sqlite3_column_count(st); i++)
            json_object_set_new(row, sqlite3_column_name(st, i), column_json(st, i));
        json_array_append_new(list, row);
    }
    rc = rc == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot list input files");
    sqlite3_finalize(st);
    return rc;
}

/* ---- outputs: every finished file under the output folder ---- */

struct name_list {
    char **name;
    size_t n, cap;
};

static int names_add(struct name_list *l, const char *name)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        char **grown = realloc(l->name, cap * sizeof *grown);
        if (!grown)
            return -1;
        l->name = grown;
        l->cap = cap;
    }
    if (!(l->name[l->n] = strdup(name)))
        return -1;
    l->n++;
    return 0;
}

static void names_free(struct name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->name[i]);
    free(l->name);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the regular files under top/rel (rel "" for top itself) to l, as
 * paths relative to top. */
static int walk(const char *top, const char *rel, struct name_list *l, struct sio_error *err)
{
    char dir[4200], child[2048];
    struct dirent *e;
    struct stat sb;
    snprintf(dir, sizeof dir, "%s%s%s", top, *rel ? "/" : "", rel);
    DIR *d = opendir(dir);
    if (!d)
        return sio_fail(err, SIO_EIO, dir, 0, "cannot list outputs: %m");
    int rc = SIO_OK;
    while (!rc && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || manifest_is_temporary(e->d_name))
            continue;
        snprintf(child, sizeof child, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        if (!*rel && !strcmp(e->d_name, "manifest.json"))
            continue;
        snprintf(dir, sizeof dir, "%s/%s", top, child);
        if (lstat(dir, &sb) != 0)
            rc = sio_fail(err, SIO_EIO, dir, 0, "cannot read: %m");
        else if (S_ISDIR(sb.st_mode))
            rc = walk(top, child, l, err);
        else if (S_ISREG(sb.st_mode) && names_add(l, child))
            rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    closedir(d);
    return rc;
}

static int outputs_json(const char *top, json_t *list, struct sio_error *err)
{
    struct name_list l = { 0 };
    char path[2048], hex[SHA256_HEX_LEN + 1];
    long long bytes;
    int rc = walk(top, "", &l, err);
    if (!rc)
        qsort(l.name, l.n, sizeof *l.name, by_name);
    for (size_t i = 0; !rc && i < l.n; i++) {
        snprintf(path, sizeof path, "%s/%s", top, l.name[i]);
        if ((rc = sha256_file(path, hex, &bytes, err)))
            break;
        json_t *o = json_object();
        json_object_set_new(o, "path", jstr(l.name[i]));
        json_object_set_new(o, "sha256", jstr(hex));
        json_object_set_new(o, "bytes", json_integer(bytes));
        json_array_append_new(list, o);
    }
    names_free(&l);
    return rc;
}

/* ---- configuration ---- */

static int file_json(const char *path, json_t *obj, struct sio_error *err)
{
    char hex[SHA256_HEX_LEN + 1];
    long long bytes;
    int rc = sha256_file(path, hex, &bytes, err);
    if (rc)
        return rc;
    json_object_set_new(obj, "path", jstr(path));
    json_object_set_new(obj, "sha256", jstr(hex));
    return SIO_OK;
}

static json_t *strings_json(char *const *s, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, jstr(s[i]));
    return a;
}

static json_t *measures_json(const struct sio_config *cfg)
{
    json_t *a = json_array();
    for (int i = 0; i < cfg->n_measures; i++) {
        const struct measure_def *m = &cfg->measures[i];
        json_t *o = json_object();
        json_object_set_new(o, "key", jstr(m->key));
        json_object_set_new(o, "label", jstr(m->label));
        json_object_set_new(o, "better", jstr(m->better > 0 ? "up" : "down"));
        json_object_set_new(o, "crime_types", strings_json(m->crime_types, m->n_crime_types));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *formats_json(int bits)
{
    json_t *a = json_array();
    if (bits & CHART_PNG) json_array_append_new(a, jstr("png"));
    if (bits & CHART_SVG) json_array_append_new(a, jstr("svg"));
    if (bits & CHART_PDF) json_array_append_new(a, jstr("pdf"));
    return a;
}

/* The values the run used, after defaults, the files and --store/--out. */
static json_t *resolved_json(const struct sio_config *cfg)
{
    char start[16], end[16];
    json_t *o = json_object();
    json_object_set_new(o, "store", jstr(cfg->store_path));
    json_object_set_new(o, "output", jstr(cfg->out_dir));
    json_object_set_new(o, "baseline_start", jstr(month_format(cfg->baseline_start, start)));
    json_object_set_new(o, "baseline_end", jstr(month_format(cfg->baseline_end, end)));
    json_object_set_new(o, "confidence", json_real(cfg->confidence));
    json_object_set_new(o, "chart_formats", formats_json(cfg->chart_formats));
    json_object_set_new(o, "classification", jstr(cfg->classification));
    json_object_set_new(o, "source", jstr(cfg->source_note));
    json_object_set_new(o, "run_log", jstr(cfg->run_log));
    json_object_set_new(o, "run_inputs", strings_json(cfg->run_inputs, cfg->n_run_inputs));
    json_object_set_new(o, "run_statement_force", jstr(cfg->run_statement_force));
    json_object_set_new(o, "measures", measures_json(cfg));
    return o;
}

static int config_json(const struct sio_config *cfg, json_t *o, struct sio_error *err)
{
    json_t *measures_file = json_object();
    int rc = file_json(cfg->path, o, err);
    json_object_set_new(o, "measures_file", measures_file);
    json_object_set_new(o, "resolved", resolved_json(cfg));
    return rc ? rc : file_json(cfg->measures_path, measures_file, err);
}

/* ---- versions ---- */

static json_t *versions_json(void)
{
    struct sio_version v[VERSIONS_N];
    json_t *o = json_object();
    versions_list(v);
    for (int i = 0; i < VERSIONS_N; i++)
        json_object_set_new(o, v[i].name, jstr(v[i].value));
    return o;
}

static json_t *steps_json(const struct manifest_run *run)
{
    json_t *a = json_array();
    for (int i = 0; i < run->n_steps; i++) {
        const struct manifest_step *s = &run->steps[i];
        json_t *o = json_object();
        json_object_set_new(o, "stage", jstr(s->stage));
        json_object_set_new(o, "status", json_integer(s->status));
        json_object_set_new(o, "seconds", json_real(s->seconds));
        json_object_set_new(o, "counts", jstr(s->counts));
        json_array_append_new(a, o);
    }
    return a;
}

static int build(sqlite3 *db, const struct sio_config *cfg, const struct manifest_run *run,
                 json_t *root, struct sio_error *err)
{
    json_t *config = json_object(), *inputs = json_array(), *outputs = json_array();
    json_object_set_new(root, "started_at", jstr(run->started_at));
    json_object_set_new(root, "ended_at", jstr(run->ended_at));
    json_object_set_new(root, "fingerprint", jstr(run->fingerprint ? run->fingerprint : ""));
    json_object_set_new(root, "versions", versions_json());
    json_object_set_new(root, "config", config);
    json_object_set_new(root, "steps", steps_json(run));
    json_object_set_new(root, "inputs", inputs);
    json_object_set_new(root, "outputs", outputs);
    int rc = config_json(cfg, config, err);
    rc = rc ? rc : inputs_json(db, inputs, err);
    return rc ? rc : outputs_json(run->out_dir, outputs, err);
}

int manifest_write(sqlite3 *db, const struct sio_config *cfg,
                   const struct manifest_run *run, struct sio_error *err)
{
    struct atomic_file af;
    char path[CONFIG_PATH_MAX + 32];
    json_t *root = json_object();
    int rc = root ? build(db, cfg, run, root, err)
                  : sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    snprintf(path, sizeof path, "%s/manifest.json", run->out_dir);
    if (!rc && !(rc = atomic_open(&af, path, err))) {
        if (json_dumpf(root, af.fp, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) != 0 || fputc('\n', af.fp) == EOF) {
            atomic_abort(&af);
            rc = sio_fail(err, SIO_EIO, path, 0, "cannot write the manifest: %m");
        } else
            rc = atomic_commit(&af, err);
    }
    json_decref(root);
    return rc;
}
