/*
 * forces.c — the forces file, and looking a force up by any of its names.
 *
 * Every spelling (slug, name, ONS code, each alias) becomes one entry keyed by
 * its normalised form; the entries are sorted so a lookup is a binary search.
 * Sources repeat the same spelling on every row, so callers cache the last
 * answer; this file stays simple.
 */
#include "config/forces.h"
#include "csv/csvin.h"
#include "store/store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct force_row {
    char slug[64];        /* police.uk slug */
    char name[128];       /* police.uk name */
    char ons_code[16];    /* E23000017, or "" */
    char region[64];      /* "West Midlands", or "" (no region column, or BTP) */
    char *aliases;        /* the file's aliases field, ';' between names (owned) */
};

struct alias_entry {
    char *key;            /* normalised spelling (owned) */
    int force;            /* index into forces.row */
};

struct forces {
    struct force_row *row;
    int n, cap;
    struct alias_entry *alias;
    size_t n_alias, cap_alias;
};

size_t forces_normalise(const char *name, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    int space = 1; /* at the start, a space is dropped */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        char one[2] = { (char)tolower(c), 0 };
        const char *put = one;
        if (c == '&')
            put = space ? "and " : " and ";
        else if (c == '-' || c == '_' || isspace(c))
            put = space ? "" : " ";
        for (; *put; put++) {
            if (n + 1 >= cap)
                return cap;
            out[n++] = *put;
        }
        space = n == 0 || out[n - 1] == ' ';
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return n;
}

void forces_free(struct forces *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->n; i++)
        free(f->row[i].aliases);
    for (size_t i = 0; i < f->n_alias; i++)
        free(f->alias[i].key);
    free(f->row);
    free(f->alias);
    free(f);
}

static int add_alias(struct forces *f, const char *name, size_t len, int force)
{
    char key[256];
    if (len == 0)
        return 0;
    if (forces_normalise(name, len, key, sizeof key) >= sizeof key)
        return -1;
    if (f->n_alias == f->cap_alias) {
        size_t cap = f->cap_alias ? f->cap_alias * 2 : 256;
        struct alias_entry *a = realloc(f->alias, cap * sizeof *a);
        if (!a)
            return -1;
        f->alias = a;
        f->cap_alias = cap;
    }
    if (!(f->alias[f->n_alias].key = strdup(key)))
        return -1;
    f->alias[f->n_alias++].force = force;
    return 0;
}

/* slug, name, ONS code and every ';'-separated alias of row i. */
static int add_names(struct forces *f, int i)
{
    const struct force_row *r = &f->row[i];
    if (add_alias(f, r->slug, strlen(r->slug), i) || add_alias(f, r->name, strlen(r->name), i) ||
        add_alias(f, r->ons_code, strlen(r->ons_code), i))
        return -1;
    for (const char *a = r->aliases; *a;) {
        size_t n = strcspn(a, ";");
        if (add_alias(f, a, n, i))
            return -1;
        a += n + (a[n] == ';');
    }
    return 0;
}

static int copy_field(char *dst, size_t cap, const struct csvin_row *r, int col)
{
    if (col >= r->nfields || r->len[col] >= cap)
        return 0;
    memcpy(dst, r->field[col], r->len[col] + 1);
    return 1;
}

/* with_region: the file has the region column (slug,name,ons_code,region,aliases). */
static int add_row(struct forces *f, const struct csvin_row *r, int with_region)
{
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 64;
        struct force_row *p = realloc(f->row, (size_t)cap * sizeof *p);
        if (!p)
            return -1;
        f->row = p;
        f->cap = cap;
    }
    struct force_row *fr = &f->row[f->n];
    fr->region[0] = '\0';
    if (r->nfields != 4 + with_region || !copy_field(fr->slug, sizeof fr->slug, r, 0) ||
        !r->len[0] || !copy_field(fr->name, sizeof fr->name, r, 1) || !r->len[1] ||
        !copy_field(fr->ons_code, sizeof fr->ons_code, r, 2) ||
        (with_region && !copy_field(fr->region, sizeof fr->region, r, 3)))
        return 1;
    if (!(fr->aliases = strdup(r->field[3 + with_region])))
        return -1;
    f->n++;
    return add_names(f, f->n - 1);
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct alias_entry *)a)->key, ((const struct alias_entry *)b)->key);
}

/* Sort the aliases; the same spelling for two forces is an error. */
static int index_aliases(struct forces *f, const char *path, struct sio_error *err)
{
    if (f->n_alias)
        qsort(f->alias, f->n_alias, sizeof *f->alias, by_key);
    for (size_t i = 1; i < f->n_alias; i++)
        if (!strcmp(f->alias[i].key, f->alias[i - 1].key) &&
            f->alias[i].force != f->alias[i - 1].force)
            return sio_fail(err, SIO_ECONFIG, path, 0, "'%s' names both %s and %s",
                            f->alias[i].key, f->row[f->alias[i - 1].force].slug,
                            f->row[f->alias[i].force].slug);
    return SIO_OK;
}

static int read_rows(struct csvin *in, struct forces *f, const char *path,
                     struct sio_error *err)
{
    struct csvin_row r;
    int got, header = 0, bad, with_region = 0;
    while ((got = csvin_next(in, &r, err)) > 0) {
        if (r.problem)
            return sio_fail(err, SIO_ECONFIG, path, r.line, "%s", r.problem);
        if (r.nfields >= 1 && r.field[0][0] == '#')
            continue;
        if (!header++) {
            with_region = r.nfields == 5 && !strcmp(r.field[3], "region");
            if ((r.nfields != 4 && !with_region) || strcmp(r.field[0], "slug"))
                return sio_fail(err, SIO_ECONFIG, path, r.line,
                                "header must be slug,name,ons_code,region,aliases "
                                "(region optional)");
            continue;
        }
        if ((bad = add_row(f, &r, with_region)) < 0)
            return sio_fail(err, SIO_ESOFTWARE, path, r.line, "out of memory");
        if (bad)
            return sio_fail(err, SIO_ECONFIG, path, r.line,
                            "want %d fields: slug,name,ons_code,%saliases (slug and name "
                            "not empty)", 4 + with_region, with_region ? "region," : "");
    }
    return got < 0 ? -got : SIO_OK;
}

int forces_load(const char *path, struct forces **out, struct sio_error *err)
{
    struct forces *f = calloc(1, sizeof *f);
    struct csvin *in;
    int rc;
    *out = NULL;
    if (!f)
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    if ((rc = csvin_open(&in, path, err))) {
        free(f);
        return rc;
    }
    rc = read_rows(in, f, path, err);
    csvin_close(in);
    if (!rc && f->n == 0)
        rc = sio_fail(err, SIO_ECONFIG, path, 0, "no forces listed");
    if (!rc)
        rc = index_aliases(f, path, err);
    if (rc)
        forces_free(f);
    else
        *out = f;
    return rc;
}

static const struct force_row *find(const struct forces *f, const char *name, size_t len)
{
    char key[256];
    if (!f || forces_normalise(name, len, key, sizeof key) >= sizeof key)
        return NULL;
    struct alias_entry probe = { key, 0 };
    const struct alias_entry *hit = bsearch(&probe, f->alias, f->n_alias, sizeof *f->alias, by_key);
    return hit ? &f->row[hit->force] : NULL;
}

const char *forces_slug(const struct forces *f, const char *name, size_t len)
{
    const struct force_row *r = find(f, name, len);
    return r ? r->slug : NULL;
}

const char *forces_name(const struct forces *f, const char *name, size_t len)
{
    const struct force_row *r = find(f, name, len);
    return r ? r->name : NULL;
}

int forces_count(const struct forces *f)
{
    return f ? f->n : 0;
}

static int step_text(sqlite3_stmt *st, const char *a, const char *b, size_t blen)
{
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, b, (int)blen, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? 0 : -1;
}

/* Every spelling of row i as written, into force_aliases. */
static int store_aliases(const struct force_row *r, sqlite3_stmt *st)
{
    if (step_text(st, r->slug, r->slug, strlen(r->slug)) ||
        step_text(st, r->name, r->slug, strlen(r->slug)) ||
        (r->ons_code[0] && step_text(st, r->ons_code, r->slug, strlen(r->slug))))
        return -1;
    for (const char *a = r->aliases; *a;) {
        size_t n = strcspn(a, ";");
        char one[256];
        snprintf(one, sizeof one, "%.*s", (int)n, a);
        if (n && step_text(st, one, r->slug, strlen(r->slug)))
            return -1;
        a += n + (a[n] == ';');
    }
    return 0;
}

static int store_rows(const struct forces *f, sqlite3_stmt *force, sqlite3_stmt *alias)
{
    for (int i = 0; i < f->n; i++) {
        const struct force_row *r = &f->row[i];
        sqlite3_bind_text(force, 3, r->ons_code, -1, SQLITE_STATIC);
        if (!r->ons_code[0])
            sqlite3_bind_null(force, 3);
        sqlite3_bind_text(force, 4, r->region, -1, SQLITE_STATIC);
        if (!r->region[0])
            sqlite3_bind_null(force, 4);
        if (step_text(force, r->slug, r->name, strlen(r->name)) || store_aliases(r, alias))
            return -1;
    }
    return 0;
}

int forces_store(const struct forces *f, sqlite3 *db, struct sio_error *err)
{
    sqlite3_stmt *force = NULL, *alias = NULL;
    int rc;
    if ((rc = store_exec(db, "DELETE FROM force_aliases; DELETE FROM forces;", err)) ||
        (rc = store_prepare(db, "INSERT INTO forces(slug, name, ons_code, region) VALUES (?1,?2,?3,?4)",
                            &force, err)) ||
        (rc = store_prepare(db, "INSERT INTO force_aliases(alias, slug) VALUES (?1,?2)"
                                " ON CONFLICT(alias) DO NOTHING", &alias, err)))
        goto done;
    if (store_rows(f, force, alias))
        rc = store_fail(db, err, "cannot store the forces table");
done:
    sqlite3_finalize(force);
    sqlite3_finalize(alias);
    return rc;
}
