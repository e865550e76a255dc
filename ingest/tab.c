/*
 * tab.c — the shared machinery of the non-police.uk tables (see tab.h).
 */
#include "tab.h"
#include "config/forces.h"
#include "store/stmts.h"
#include "store/store.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int tab_header_copy(struct tab_header *hd, const struct csvin_row *h)
{
    memset(hd, 0, sizeof *hd);
    hd->n = h->nfields < CSVIN_MAX_FIELDS ? h->nfields : CSVIN_MAX_FIELDS;
    for (int i = 0; i < hd->n; i++)
        if (!(hd->name[i] = strdup(h->field[i])))
            return -1;
    return 0;
}

void tab_header_free(struct tab_header *hd)
{
    for (int i = 0; i < hd->n; i++)
        free(hd->name[i]);
    memset(hd, 0, sizeof *hd);
}

/* Header position of name (case and surrounding spaces ignored), or -1. */
static int find_col(const struct tab_header *h, const char *name)
{
    size_t want = strlen(name);
    for (int i = 0; i < h->n; i++) {
        const char *s = h->name[i];
        size_t n = strlen(s);
        while (n && isspace((unsigned char)*s))
            s++, n--;
        while (n && isspace((unsigned char)s[n - 1]))
            n--;
        if (n == want && !strncasecmp(s, name, n))
            return i;
    }
    return -1;
}

static int locate_cols(struct tab_sink *t, struct sio_error *err)
{
    for (int i = 0; t->ops->cols && t->ops->cols[i]; i++) {
        const char *name = t->ops->cols[i];
        int optional = name[0] == '?';
        t->col[i] = find_col(t->header, name + optional);
        if (t->col[i] < 0 && !optional)
            return sio_fail(err, SIO_EDATA, t->path, 1, "no column '%s', needed to read it as %s",
                            name, kind_name(t->ops->kind));
    }
    return SIO_OK;
}

int tab_open(struct tab_sink **out, sqlite3 *db, const struct kind_ops *ops, long long file_id,
             const struct tab_header *header, const struct ingest_env *env,
             const char *path, struct sio_error *err)
{
    struct tab_sink *t = calloc(1, sizeof *t);
    int rc;
    *out = NULL;
    if (!t)
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "out of memory");
    t->ops = ops;
    t->db = db;
    t->file_id = file_id;
    t->env = env;
    t->header = header;
    t->path = path;
    t->row_month = MONTH_NONE;
    for (int i = 0; i < TAB_MAX_COLS; i++)
        t->col[i] = -1;
    if (!ops->check)
        rc = sio_fail(err, SIO_ESOFTWARE, path, 0, "no loader for %s files", ops->name);
    else if (!(rc = t->ops->locate ? t->ops->locate(t, err) : locate_cols(t, err)) &&
             !(rc = stmts_get(env->stmts, db, t->ops->sql, &t->insert, err)) &&
             !(rc = stmts_get(env->stmts, db, "INSERT INTO duplicates(file_id, line, crime_id,"
                                              " raw) VALUES (?1,?2,?3,?4)", &t->duplicate, err)))
        rc = notes_open(&t->notes, db, env->stmts, file_id, err);
    if (rc)
        tab_close(t);
    else
        *out = t;
    return rc;
}

void tab_close(struct tab_sink *t)
{
    if (!t)
        return;
    stmts_put(t->env->stmts, t->insert);
    stmts_put(t->env->stmts, t->duplicate);
    notes_close(&t->notes);
    free(t);
}

const char *tab_refuse(struct tab_sink *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->why, sizeof t->why, fmt, ap);
    va_end(ap);
    return t->why;
}

const char *tab_after_run(struct tab_sink *t, month_t m, const char *field, const char *value)
{
    month_t run = t->env->run_month;
    char buf[8];
    if (run == MONTH_NONE || m <= run)
        return NULL;
    return tab_refuse(t, "%s '%.40s' is after this run's month, %s", field, value,
                      month_format(run, buf));
}

const char *tab_field(const struct tab_sink *t, const struct csvin_row *r, int i, size_t *len)
{
    int c = t->col[i];
    if (c < 0 || c >= r->nfields || c >= CSVIN_MAX_FIELDS) {
        *len = 0;
        return "";
    }
    *len = r->len[c];
    return r->field[c];
}

void tab_note(struct tab_sink *t, const char *note, const char *value, size_t len)
{
    if (t->n_pending == TAB_MAX_PENDING)
        return;
    struct pending_note *p = &t->pending[t->n_pending++];
    p->note = note;
    snprintf(p->value, sizeof p->value, "%.*s", (int)len, value);
}

const char *tab_force(struct tab_sink *t, const char *name, size_t len)
{
    if (len >= sizeof t->last_force || strlen(t->last_force) != len ||
        memcmp(t->last_force, name, len) != 0) {
        snprintf(t->last_force, sizeof t->last_force, "%.*s", (int)len, name);
        t->last_slug = forces_slug(t->env->forces, name, len);
    }
    if (!t->last_slug)
        tab_note(t, "unknown force", name, len);
    return t->last_slug;
}

void tab_bind_opt(sqlite3_stmt *st, int i, const char *s, size_t len)
{
    if (len)
        sqlite3_bind_text(st, i, s, (int)len, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

int tab_integer(const char *s, size_t len, long long *out)
{
    long long v = 0;
    size_t i = len && s[0] == '-', group = 0, digits = 0;
    int commas = 0;
    if (i == len)
        return 0;
    for (; i < len; i++) {
        if (s[i] == ',') {
            if (digits == 0 || (commas && group != 3) || (!commas && group > 3))
                return 0;
            commas = 1;
            group = 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9' || v > (long long)1e15)
            return 0;
        v = v * 10 + (s[i] - '0');
        group++, digits++;
    }
    if (commas && group != 3)
        return 0;
    *out = s[0] == '-' ? -v : v;
    return 1;
}


/* Whether the header's last column is an optional one ('value,denominator'
 * rows may leave the denominator off altogether: 'x,2022-01,y,10'). */
static int last_optional(const struct tab_sink *t)
{
    for (int i = 0; t->ops->cols && t->ops->cols[i]; i++)
        if (t->ops->cols[i][0] == '?' && t->col[i] == t->header->n - 1)
            return 1;
    return 0;
}

const char *tab_check(struct tab_sink *t, const struct csvin_row *r)
{
    t->n_pending = 0;
    t->key[0] = '\0';
    if (r->problem)
        return r->problem;
    if (r->nfields != t->header->n && !(r->nfields == t->header->n - 1 && last_optional(t)))
        return tab_refuse(t, "%d fields, the header has %d", r->nfields, t->header->n);
    sqlite3_clear_bindings(t->insert);
    return t->ops->check(t, r);
}

static int step_once(struct tab_sink *t, int *stored, struct sio_error *err)
{
    int ok = sqlite3_step(t->insert) == SQLITE_DONE;
    sqlite3_reset(t->insert);
    if (!ok)
        return store_fail(t->db, err, "cannot store row");
    *stored = sqlite3_changes(t->db) > 0;
    return SIO_OK;
}

static int record_duplicate(struct tab_sink *t, const struct csvin_row *r,
                            struct sio_error *err)
{
    sqlite3_stmt *st = t->duplicate;
    sqlite3_bind_int64(st, 1, t->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    sqlite3_bind_text(st, 3, t->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, r->raw, (int)r->raw_len, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? SIO_OK : store_fail(t->db, err, "cannot record duplicate");
}

int tab_insert(struct tab_sink *t, const struct csvin_row *r, int *duplicate,
               struct sio_error *err)
{
    int stored = 0, rc;
    sqlite3_bind_int64(t->insert, 1, t->file_id);
    sqlite3_bind_int64(t->insert, 2, r->line);
    rc = t->ops->insert ? t->ops->insert(t, r, &stored, err) : step_once(t, &stored, err);
    if (rc)
        return rc;
    *duplicate = !stored;
    if (!stored)
        return record_duplicate(t, r, err);
    for (int i = 0; i < t->n_pending && !rc; i++)
        rc = notes_add(&t->notes, t->pending[i].note, t->pending[i].value,
                       strlen(t->pending[i].value), r->line, err);
    return rc;
}

month_t tab_row_month(const struct tab_sink *t)
{
    return t->row_month;
}
