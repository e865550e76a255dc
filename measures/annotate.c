/*
 * annotate.c — reading and using the annotations file.
 */
#include "annotate.h"
#include "csv/csvin.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int header_ok(const struct csvin_row *r)
{
    return r->nfields >= 2 && !strcmp(r->field[0], "date") && !strcmp(r->field[1], "label") &&
           (r->nfields == 2 || (r->nfields == 3 && !strcmp(r->field[2], "force")));
}

static int add_row(struct annotations *a, const struct csvin_row *r, const char *path,
                   struct sio_error *err)
{
    size_t dlen = r->len[0];
    month_t m = (dlen == 7 || dlen == 10) ? month_parse(r->field[0], 7) : MONTH_NONE;
    if (r->problem || r->nfields < 2 || r->nfields > 3 || m == MONTH_NONE || !r->len[1] ||
        r->len[1] >= sizeof a->items->label || (r->nfields == 3 && r->len[2] >= 128))
        return sio_fail(err, SIO_ECONFIG, path, r->line, "%s", r->problem ? r->problem
                        : "want date (YYYY-MM),label[,force]");
    struct annotation *more = realloc(a->items, (a->n + 1) * sizeof *more);
    if (!more)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    a->items = more;
    struct annotation *n = &a->items[a->n++];
    n->month = m;
    snprintf(n->label, sizeof n->label, "%s", r->field[1]);
    snprintf(n->force, sizeof n->force, "%s", r->nfields == 3 ? r->field[2] : "");
    return SIO_OK;
}

int annotations_load(const char *path, struct annotations *a, struct sio_error *err)
{
    struct csvin *in;
    struct csvin_row row;
    int rc, got;
    memset(a, 0, sizeof *a);
    if (!path[0])
        return SIO_OK;
    if ((rc = csvin_open(&in, path, err)))
        return rc;
    got = csvin_next(in, &row, err);
    if (got == 1 && !header_ok(&row))
        rc = sio_fail(err, SIO_ECONFIG, path, row.line, "want the header date,label[,force]");
    while (!rc && got == 1 && (got = csvin_next(in, &row, err)) == 1)
        rc = add_row(a, &row, path, err);
    if (!rc && got < 0)
        rc = -got;
    csvin_close(in);
    if (rc)
        annotations_free(a);
    return rc;
}

void annotations_free(struct annotations *a)
{
    free(a->items);
    memset(a, 0, sizeof *a);
}

size_t annotations_describe(const struct annotations *a, const char *force, month_t from,
                            month_t to, char *buf, size_t size)
{
    size_t found = 0, used = 0;
    char mon[8];
    buf[0] = '\0';
    for (size_t i = 0; a && i < a->n; i++) {
        const struct annotation *n = &a->items[i];
        if (n->month < from || n->month > to || (n->force[0] && strcasecmp(n->force, force)))
            continue;
        int w = snprintf(buf + used, size - used, "%s%s (%s)", found ? "; " : "", n->label,
                         month_format(n->month, mon));
        found++;
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
    return found;
}

int annotations_store(sqlite3 *db, const struct annotations *a, struct sio_error *err)
{
    sqlite3_stmt *st;
    char mon[8];
    int rc = store_exec(db, "DELETE FROM annotations", err);
    if (rc || (rc = store_prepare(db, "INSERT INTO annotations(force, month, label)"
                                      " VALUES (?, ?, ?)", &st, err)))
        return rc;
    for (size_t i = 0; i < a->n && !rc; i++) {
        sqlite3_bind_text(st, 1, a->items[i].force, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, month_format(a->items[i].month, mon), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, a->items[i].label, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = store_fail(db, err, "cannot store annotations");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}
