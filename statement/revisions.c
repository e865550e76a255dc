/*
 * revisions.c — recording a draft's figures, and what changed since the
 * last one (revisions.h).
 *
 * A figure is identified by the measure_results row it was read from
 * (measure, period type, first and last month, statistic), so a republished
 * month shows as the same figure with a new value.  The files that changed
 * it are those loaded after the last statement (files.id above the one it
 * recorded) of the kind that feeds the measure's source; police.uk files
 * also by month, within the figure's period (a Home Office table or an
 * indicator file covers many periods, so any of them counts).
 */
#include "revisions.h"

#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The files kind that feeds a source kind (measure_catalogue.source_kind). */
static const char *file_kind(const char *source_kind)
{
    static const struct { const char *source, *kind; } map[] = {
        {"police.uk street", "street"},
        {"Home Office recorded crime", "ho-quarterly"},
        {"Home Office recorded crime, rolling year", "ho-rolling-year"},
        {"indicator", "indicators"},
        {"police.uk stop and search", "stop-and-search"},
        {"police.uk outcomes", "outcomes"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(map[i].source, source_kind))
            return map[i].kind;
    return "";
}

/* The files since last_file that feed kind over [start, end], "a; b". */
static int files_since(sqlite3 *db, long long last_file, const char *kind, const char *start,
                       const char *end, char *buf, size_t size, struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t o = 0;
    int rc = store_prepare(db, "SELECT path, month, EXISTS(SELECT 1 FROM files o"
                               " WHERE o.superseded_by = f.id) FROM files f WHERE id > ?1"
                               " AND kind = ?2 AND (kind NOT IN ('street', 'outcomes', 'stop-and-search')"
                               " OR month BETWEEN ?3 AND ?4)"
                               " ORDER BY id", &st, err);
    buf[0] = '\0';
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, last_file);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, start, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, end, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW && o < size) {
        const char *path = store_col_text(st, 0), *base = strrchr(path, '/');
        o += (size_t)snprintf(buf + o, size - o, "%s%s%s", o ? "; " : "", base ? base + 1 : path,
                              sqlite3_column_int(st, 2) ? " (replacing an earlier file)" : "");
    }
    sqlite3_finalize(st);
    return SIO_OK;
}

static const char changed_sql[] =
    "SELECT f.label, f.period_type, f.period_start, f.period_end, f.value, f.statistic,"
    " (SELECT r.value FROM measure_results r WHERE r.force = s.force AND r.measure = f.measure"
    "  AND r.period_type = f.period_type AND r.period_start = f.period_start"
    "  AND r.period_end = f.period_end AND r.statistic = f.statistic),"
    " (SELECT r.period FROM measure_results r WHERE r.force = s.force AND r.measure = f.measure"
    "  AND r.period_type = f.period_type AND r.period_start = f.period_start"
    "  AND r.period_end = f.period_end AND r.statistic = f.statistic), f.source_kind"
    " FROM statement_figures f JOIN statements s ON s.id = f.statement_id"
    " WHERE f.statement_id = ?1 ORDER BY f.rowid";

static int revision_add(sqlite3 *db, struct statement *s, sqlite3_stmt *st, long long last_file,
                        struct sio_error *err)
{
    struct statement_revision *r, *more;
    double before = sqlite3_column_double(st, 4), now = store_col_real(st, 6);

    if (isfinite(now) && fabs(now - before) < 1e-9)
        return SIO_OK;
    if (!(more = realloc(s->rev, (size_t)(s->n_rev + 1) * sizeof *more)))
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    s->rev = more;
    r = &more[s->n_rev++];
    memset(r, 0, sizeof *r);
    snprintf(r->label, sizeof r->label, "%s", store_col_text(st, 0));
    if (*store_col_text(st, 7))
        snprintf(r->period, sizeof r->period, "%s", store_col_text(st, 7));
    else
        snprintf(r->period, sizeof r->period, "%s to %s", store_col_text(st, 2),
                 store_col_text(st, 3));
    r->before = before;
    r->now = now;
    r->proportion = strcmp(store_col_text(st, 5), "proportion_pct") == 0;
    return files_since(db, last_file, file_kind(store_col_text(st, 8)), store_col_text(st, 2),
                       store_col_text(st, 3), r->files, sizeof r->files, err);
}

int revisions_load(sqlite3 *db, struct statement *s, struct sio_error *err)
{
    sqlite3_stmt *st;
    long long id = 0, last_file = 0;
    int rc = store_prepare(db, "SELECT id, written_at, quarter, last_file FROM statements"
                               " WHERE force = ?1 AND quarter <> ?2 ORDER BY id DESC LIMIT 1",
                           &st, err), step;
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, s->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->quarter_label, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        snprintf(s->last_statement, sizeof s->last_statement, "%s", store_col_text(st, 1));
        snprintf(s->last_quarter, sizeof s->last_quarter, "%s", store_col_text(st, 2));
        last_file = sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    if (!id || (rc = store_prepare(db, changed_sql, &st, err)))
        return rc;
    sqlite3_bind_int64(st, 1, id);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = revision_add(db, s, st, last_file, err);
    sqlite3_finalize(st);
    return rc;
}

/* ---- recording ------------------------------------------------------------ */

static int record_value(sqlite3 *db, sqlite3_stmt *st, long long id,
                        const struct statement_measure *m, const struct statement_value *v,
                        struct sio_error *err)
{
    char a[8], b[8];
    if (!v->found)
        return SIO_OK;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, m->def.key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->def.label, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, v->period_type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, month_format(v->start, a), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, month_format(v->end, b), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, m->def.proportion ? "proportion_pct" : "count", -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 8, v->value);
    sqlite3_bind_text(st, 9, m->def.source_kind, -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? SIO_OK : store_fail(db, err, "cannot record the statement's figures");
}

static int record_figures(sqlite3 *db, const struct statement *s, long long id,
                          struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "INSERT OR IGNORE INTO statement_figures(statement_id, measure,"
                               " label, period_type, period_start, period_end, statistic, value,"
                               " source_kind) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)", &st, err);
    for (int i = 0; i < s->n && !rc; i++) {
        const struct statement_measure *m = &s->m[i];
        const struct statement_value *v[] = {&m->quarter, &m->quarter_before, &m->r12,
                                             &m->r12_before, &m->baseline};
        for (size_t k = 0; k < sizeof v / sizeof *v && !rc; k++)
            rc = record_value(db, st, id, m, v[k], err);
    }
    sqlite3_finalize(st);
    return rc;
}

int statement_record(sqlite3 *db, const struct statement *s, const char *path,
                     struct sio_error *err)
{
    sqlite3_stmt *st;
    char now[32];
    int rc = store_begin(db, err);

    if (rc || (rc = store_prepare(db, "INSERT INTO statements(force, quarter, written_at, path,"
                                      " last_file) VALUES (?1,?2,?3,?4,"
                                      " (SELECT coalesce(max(id), 0) FROM files))", &st, err))) {
        store_rollback(db);
        return rc;
    }
    sqlite3_bind_text(st, 1, s->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->quarter_label, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, store_now(now), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, path, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK : store_fail(db, err, "cannot record the statement");
    sqlite3_finalize(st);
    if (!rc)
        rc = record_figures(db, s, sqlite3_last_insert_rowid(db), err);
    if (!rc)
        rc = store_commit(db, err);
    if (rc)
        store_rollback(db);
    return rc;
}
