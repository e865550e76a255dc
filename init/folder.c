/*
 * folder.c — building the working folder beside its name, then renaming it.
 */
#include "folder.h"

#include "config/forces.h"
#include "share.h"
#include "sys/atomic.h"
#include "sys/sourcedate.h"
#include "template.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_INPUTS 16

struct build {
    const struct folder_request *req;
    struct folder_result *res;
    char staging[PATH_MAX + 32];
    char force_slug[64];
    char peer_name[FOLDER_MAX_PEERS][128];
    char inputs[MAX_INPUTS][64];         /* inputs/ folder names, sorted */
    int n_inputs;
    struct template_values v;
    char sio_run[PATH_MAX + 16];
    char date[16];
};

/* ---- the force and its peers ---- */

static int resolve(const struct forces *f, const char *spelling, char *slug, size_t slug_size,
                   char *name, size_t name_size, struct sio_error *err)
{
    const char *s = forces_slug(f, spelling, strlen(spelling));
    if (!s)
        return sio_fail(err, SIO_EUSAGE, NULL, 0, "no force is called '%s' in forces.csv: give "
                        "its police.uk name or slug ('Warwickshire Police', warwickshire)",
                        spelling);
    if (slug)
        snprintf(slug, slug_size, "%s", s);
    snprintf(name, name_size, "%s", forces_name(f, spelling, strlen(spelling)));
    return SIO_OK;
}

static int resolve_forces(struct build *b, struct sio_error *err)
{
    char path[PATH_MAX + 16];
    struct forces *f;
    snprintf(path, sizeof path, "%s/forces.csv", b->res->share);
    int rc = forces_load(path, &f, err);
    if (!rc)
        rc = resolve(f, b->req->force, b->force_slug, sizeof b->force_slug, b->res->force_name,
                     sizeof b->res->force_name, err);
    for (int i = 0; !rc && i < b->req->n_peers; i++)
        rc = resolve(f, b->req->peer[i], NULL, 0, b->peer_name[i], sizeof b->peer_name[i], err);
    forces_free(f);
    return rc;
}

/* ---- where the folder goes ---- */

static int is_empty_dir(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int empty = d != NULL;
    while (d && empty && (e = readdir(d)))
        empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return empty;
}

/* The folder's absolute name (its parent made if need be), checked to be
 * new or empty. */
static int place(struct build *b, struct sio_error *err)
{
    char parent[PATH_MAX], base[PATH_MAX], real[PATH_MAX];
    struct stat sb;
    int rc;
    snprintf(parent, sizeof parent, "%s", b->req->dir);
    snprintf(base, sizeof base, "%s", b->req->dir);
    const char *name = basename(base), *up = dirname(parent);
    if (!*name || !strcmp(name, "/") || !strcmp(name, ".") || !strcmp(name, ".."))
        return sio_fail(err, SIO_EUSAGE, b->req->dir, 0, "give a new folder's name");
    if ((rc = atomic_mkdirs(up, err)))
        return rc;
    if (!realpath(up, real))
        return sio_fail(err, SIO_ECANTCREAT, up, 0, "cannot find the folder: %s", strerror(errno));
    size_t rl = strcmp(real, "/") ? strlen(real) : 0, nl = strlen(name);
    if (rl + nl + 2 > sizeof b->res->path - 32)
        return sio_fail(err, SIO_ECANTCREAT, b->req->dir, 0, "folder name too long");
    memcpy(b->res->path, real, rl);
    b->res->path[rl] = '/';
    memcpy(b->res->path + rl + 1, name, nl + 1);
    if (lstat(b->res->path, &sb) == 0 && (!S_ISDIR(sb.st_mode) || !is_empty_dir(b->res->path)))
        return sio_fail(err, SIO_ECANTCREAT, b->res->path, 0, "already exists and is not an "
                        "empty folder: sio-init makes a new one and never changes an old one");
    snprintf(b->staging, sizeof b->staging, "%s.sio-init-new", b->res->path);
    return SIO_OK;
}

/* ---- what goes in it ---- */

static int by_name(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The inputs/ folders: one per template <share>/init/inputs/<name>.txt. */
static int list_inputs(struct build *b, struct sio_error *err)
{
    char dir[PATH_MAX + 16];
    struct dirent *e;
    snprintf(dir, sizeof dir, "%s/init/inputs", b->res->share);
    DIR *d = opendir(dir);
    if (!d)
        return sio_fail(err, SIO_ENOINPUT, dir, 0, "cannot list the input folder templates: %m");
    while ((e = readdir(d)) && b->n_inputs < MAX_INPUTS) {
        size_t n = strlen(e->d_name);
        if (n > 4 && n < sizeof b->inputs[0] + 4 && !strcmp(e->d_name + n - 4, ".txt"))
            snprintf(b->inputs[b->n_inputs++], sizeof b->inputs[0], "%.*s", (int)(n - 4),
                     e->d_name);
    }
    closedir(d);
    qsort(b->inputs, (size_t)b->n_inputs, sizeof b->inputs[0], by_name);
    return SIO_OK;
}

static int mkdir_in(const struct build *b, const char *rel, struct sio_error *err)
{
    char path[2 * PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", b->staging, rel);
    return atomic_mkdirs(path, err);
}

/* share/<from> to staging/<to>, marks filled in (verbatim when v is NULL). */
static int copy(const struct build *b, const char *from, const char *to,
                const struct template_values *v, struct sio_error *err)
{
    char src[2 * PATH_MAX], dst[2 * PATH_MAX];
    snprintf(src, sizeof src, "%s/%s", b->res->share, from);
    snprintf(dst, sizeof dst, "%s/%s", b->staging, to);
    return template_copy(src, dst, v, err);
}

/* The shipped sio.ini, then what makes it this force's. */
static int write_ini(const struct build *b, struct sio_error *err)
{
    char src[PATH_MAX + 16], dst[PATH_MAX + 64];
    struct atomic_file af;
    snprintf(src, sizeof src, "%s/sio.ini", b->res->share);
    snprintf(dst, sizeof dst, "%s/config/sio.ini", b->staging);
    int rc = atomic_open(&af, dst, err);
    if (rc || (rc = template_write(af.fp, src, NULL, err)))
        goto done;
    fprintf(af.fp, "\n; ---- Set by sio-init %s on %s for %s ----\n"
                   "; A key set again here wins over the same key above.\n[run]\n"
                   "; The force the draft statement and the charts are for:\nstatement_force = %s\n"
                   "; What sio-run reads when no path is given (see inputs/*/ABOUT.txt):\n",
            SIO_VERSION, b->date, b->res->force_name, b->force_slug);
    for (int i = 0; i < b->n_inputs; i++)
        fprintf(af.fp, "inputs = inputs/%s\n", b->inputs[i]);
    return atomic_commit(&af, err);
done:
    atomic_abort(&af);
    return rc;
}

static int write_peers(const struct build *b, struct sio_error *err)
{
    char dst[PATH_MAX + 64];
    struct atomic_file af;
    snprintf(dst, sizeof dst, "%s/config/peers.ini", b->staging);
    int rc = atomic_open(&af, dst, err);
    if (rc)
        return rc;
    fprintf(af.fp, "; Peer groups for sio-measures: one section per group, with where the list\n"
                   "; came from, its date, and one member line per force.  A force in no group\n"
                   "; is compared with the forces of its region (forces.csv), and with\n"
                   "; England and Wales when every force's files are loaded.\n");
    if (b->req->n_peers) {
        fprintf(af.fp, "\n[%s and peers]\n"
                       "source = given to sio-init on %s: say where the group comes from "
                       "(iQuanta's most similar group, its date)\n"
                       "date = %.7s\nmember = %s\n",
                b->res->force_name, b->date, b->date, b->res->force_name);
        for (int i = 0; i < b->req->n_peers; i++)
            fprintf(af.fp, "member = %s\n", b->peer_name[i]);
    }
    return atomic_commit(&af, err);
}

static int write_inputs(const struct build *b, struct sio_error *err)
{
    char from[128], to[128];
    int rc = SIO_OK;
    for (int i = 0; !rc && i < b->n_inputs; i++) {
        snprintf(to, sizeof to, "inputs/%s", b->inputs[i]);
        if (!(rc = mkdir_in(b, to, err))) {
            snprintf(from, sizeof from, "init/inputs/%s.txt", b->inputs[i]);
            snprintf(to, sizeof to, "inputs/%s/ABOUT.txt", b->inputs[i]);
            rc = copy(b, from, to, &b->v, err);
        }
    }
    return rc;
}

static int write_schedule(const struct build *b, struct sio_error *err)
{
    char unit[128];
    int rc = mkdir_in(b, "schedule", err);
    rc = rc ? rc : copy(b, "init/crontab", "schedule/crontab", &b->v, err);
    snprintf(unit, sizeof unit, "schedule/sio-%s.service", b->force_slug);
    rc = rc ? rc : copy(b, "init/sio.service", unit, &b->v, err);
    snprintf(unit, sizeof unit, "schedule/sio-%s.timer", b->force_slug);
    return rc ? rc : copy(b, "init/sio.timer", unit, &b->v, err);
}

static int fill_staging(struct build *b, struct sio_error *err)
{
    static const char *const verbatim[] = { "measures.ini", "forces.csv", "annotations.csv",
                                            "reference.docx", "statement-print.css" };
    char from[PATH_MAX + 64], to[PATH_MAX + 64];
    int rc = mkdir_in(b, "config", err);
    for (size_t i = 0; !rc && i < sizeof verbatim / sizeof verbatim[0]; i++) {
        snprintf(from, sizeof from, "%s/%s", b->res->share, verbatim[i]);
        snprintf(to, sizeof to, "%s/config/%s", b->staging, verbatim[i]);
        rc = atomic_copy(from, to, err);
    }
    rc = rc ? rc : write_ini(b, err);
    rc = rc ? rc : write_peers(b, err);
    rc = rc ? rc : copy(b, "init/statement-text.md", "config/statement-text.md", &b->v, err);
    rc = rc ? rc : write_inputs(b, err);
    rc = rc ? rc : write_schedule(b, err);
    return rc ? rc : copy(b, "init/README.md", "README.md", &b->v, err);
}

/* Staging into place: rename replaces an empty folder in one step. */
static int commit(const struct build *b, struct sio_error *err)
{
    if (rename(b->staging, b->res->path) != 0)
        return sio_fail(err, SIO_ECANTCREAT, b->res->path, 0, "cannot move the new folder into "
                        "place: %s", strerror(errno));
    return SIO_OK;
}

int folder_create(const struct folder_request *req, struct folder_result *res,
                  struct sio_error *err)
{
    static struct build b;
    char bindir[PATH_MAX];
    memset(&b, 0, sizeof b);
    memset(res, 0, sizeof *res);
    b.req = req;
    b.res = res;
    int rc = share_find(res->share, sizeof res->share, bindir, sizeof bindir, err);
    rc = rc ? rc : resolve_forces(&b, err);
    rc = rc ? rc : place(&b, err);
    rc = rc ? rc : list_inputs(&b, err);
    if (rc)
        return rc;
    snprintf(b.sio_run, sizeof b.sio_run, "%s/sio-run", bindir);
    sourcedate_day(b.date);
    b.v = (struct template_values){ res->force_name, b.force_slug, res->path, b.sio_run, b.date };
    atomic_remove_tree(b.staging);
    if (mkdir(b.staging, 0777) != 0)
        return sio_fail(err, SIO_ECANTCREAT, b.staging, 0, "cannot create: %s", strerror(errno));
    if ((rc = fill_staging(&b, err)) || (rc = commit(&b, err)))
        atomic_remove_tree(b.staging);
    return rc;
}
