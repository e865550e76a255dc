/*
 * catalogue.c — writing the catalogue tables (catalogue.h).
 *
 * A force's reporting quarter is the latest complete financial quarter any
 * of its measures has data for; a priority's headline is the first of its
 * headline candidates, in precedence order, whose data reach the end of that
 * quarter, else the first with any data (older, and said so).  Each
 * candidate's row says why it was or was not chosen, in words the statement
 * prints as they are.
 */
#include "catalogue.h"
#include "describe.h"
#include "source.h"
#include "store/store.h"
#include "store/stmts.h"

#include <stdio.h>
#include <string.h>

static const char clear_sql[] =
    "DELETE FROM priorities; DELETE FROM measure_catalogue; DELETE FROM measure_windows;"
    " DELETE FROM force_quarters; DELETE FROM priority_sources;";

static const char priority_sql[] =
    "INSERT INTO priorities(priority, position, title, applicable, reason)"
    " VALUES (?1,?2,?3,?4,?5)";

static const char measure_sql[] =
    "INSERT INTO measure_catalogue(measure, position, label, noun, unit, priority, role,"
    " precedence, source_kind, source_description, definition, source_file, source_note,"
    " source_loaded, better, statistic, target, chart_stem, better_reason)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)";

/* Whether the store holds any rows of m's source, for any force. */
static const char *loaded_sql(const struct measure_def *m)
{
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK: return "SELECT EXISTS(SELECT 1 FROM coverage) OR ?1 IS NULL";
    case MEASURE_SRC_HOME_OFFICE:
        return "SELECT EXISTS(SELECT 1 FROM ho_crime WHERE period_type = 'fq') OR ?1 IS NULL";
    case MEASURE_SRC_HO_ROLLING:
        return "SELECT EXISTS(SELECT 1 FROM ho_crime WHERE period_type = 'r12') OR ?1 IS NULL";
    case MEASURE_SRC_INDICATOR:
        return "SELECT EXISTS(SELECT 1 FROM indicators WHERE indicator = ?1)";
    case MEASURE_SRC_STOP_SEARCH:
        return "SELECT EXISTS(SELECT 1 FROM files WHERE kind = 'stop-and-search'"
               " AND superseded_by IS NULL) OR ?1 IS NULL";
    default:
        return "SELECT EXISTS(SELECT 1 FROM files WHERE kind = 'outcomes'"
               " AND superseded_by IS NULL) OR ?1 IS NULL";
    }
}

static int source_loaded(sqlite3 *db, const struct measure_def *m, int *loaded,
                         struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, loaded_sql(m), &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, m->indicator, -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_ROW ? SIO_OK : store_fail(db, err, "reading the sources");
    *loaded = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc;
}

static int step_reset(sqlite3 *db, sqlite3_stmt *st, struct sio_error *err)
{
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok ? SIO_OK : store_fail(db, err, "cannot write the catalogue");
}

static int priorities_put(sqlite3 *db, const struct sio_config *cfg, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, priority_sql, &st, err);
    for (int i = 0; i < CONFIG_PRIORITIES && !rc; i++) {
        const struct priority_def *p = &cfg->priorities[i];
        sqlite3_bind_text(st, 1, p->key, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, i + 1);
        sqlite3_bind_text(st, 3, p->title, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, p->applicable);
        sqlite3_bind_text(st, 5, p->reason, -1, SQLITE_STATIC);
        rc = step_reset(db, st, err);
    }
    sqlite3_finalize(st);
    return rc;
}

static int measure_put(sqlite3 *db, sqlite3_stmt *st, const struct measure_def *m, int position,
                       struct sio_error *err)
{
    char definition[1024], file[256];
    int loaded, rc = source_loaded(db, m, &loaded, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, m->key, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, position);
    sqlite3_bind_text(st, 3, m->label, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, m->noun, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, config_measure_unit(m), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, m->national, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, config_role_name(m->role), -1, SQLITE_STATIC);
    if (m->rank > 0)
        sqlite3_bind_int(st, 8, m->rank);
    else
        sqlite3_bind_null(st, 8);
    sqlite3_bind_text(st, 9, source_name(m), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, describe_source(m), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, describe_definition(m, definition, sizeof definition), -1,
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 12, describe_file(m, file, sizeof file), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 13, m->source_note, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 14, loaded);
    sqlite3_bind_int(st, 15, m->better);
    sqlite3_bind_text(st, 16, m->proportion ? "proportion" : "count", -1, SQLITE_STATIC);
    store_bind_real(st, 17, m->target);
    sqlite3_bind_text(st, 18, m->stem, -1, SQLITE_STATIC);
    if (m->better_reason[0])
        sqlite3_bind_text(st, 19, m->better_reason, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 19);
    return step_reset(db, st, err);
}

int catalogue_measures_put(sqlite3 *db, const struct sio_config *cfg, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_exec(db, clear_sql, err);
    if (rc || (rc = priorities_put(db, cfg, err)) || (rc = store_prepare(db, measure_sql, &st, err)))
        return rc;
    for (int i = 0; i < cfg->n_measures && !rc; i++)
        rc = measure_put(db, st, &cfg->measures[i], i + 1, err);
    sqlite3_finalize(st);
    return rc;
}

/* ---- windows ------------------------------------------------------------ */

void catalogue_collect_start(struct catalogue_collect *w)
{
    memset(w, 0, sizeof *w);
    w->first = w->last = MONTH_NONE;
}

void catalogue_collect_span(struct catalogue_collect *w, const char *frequency,
                            month_t first, month_t last)
{
    w->frequency = frequency;
    w->first = first;
    w->last = last;
}

void catalogue_collect_take(struct catalogue_collect *w, const struct comparison *c)
{
    if (!w || !c->has_data)
        return;
    w->latest[c->kind] = c->latest;
    w->base[c->kind] = c->base;
    w->taken[c->kind] = 1;
}

static const char windows_sql[] =
    "INSERT INTO measure_windows(force, measure, frequency, first_month, last_month,"
    " quarter_start, quarter_end, r12_start, r12_end, baseline_start, baseline_end,"
    " year_earlier_start, year_earlier_end, quarter_last_year_start, quarter_last_year_end,"
    " confidence) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)";

static void bind_month(sqlite3_stmt *st, int i, int has, month_t m)
{
    char buf[8];
    if (has && m != MONTH_NONE)
        sqlite3_bind_text(st, i, month_format(m, buf), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void bind_window(sqlite3_stmt *st, int i, int has, const struct window *win)
{
    bind_month(st, i, has, win->start);
    bind_month(st, i + 1, has, win->end);
}

int catalogue_windows_put(struct emitter *e, const struct catalogue_collect *w,
                          struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = stmts_get(e->stmts, e->db, windows_sql, &st, err), data = w->frequency != NULL;
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->m->key, -1, SQLITE_STATIC);
    if (data)
        sqlite3_bind_text(st, 3, w->frequency, -1, SQLITE_STATIC);
    bind_month(st, 4, data, w->first);
    bind_month(st, 5, data, w->last);
    bind_window(st, 6, data && w->taken[COMPARE_QUARTER], &w->latest[COMPARE_QUARTER]);
    bind_window(st, 8, data && w->taken[COMPARE_BASELINE], &w->latest[COMPARE_BASELINE]);
    /* The baseline is the configured one whether or not there are data. */
    bind_month(st, 10, 1, e->cfg->baseline_start);
    bind_month(st, 11, 1, e->cfg->baseline_end);
    bind_window(st, 12, data && w->taken[COMPARE_YEAR_EARLIER], &w->base[COMPARE_YEAR_EARLIER]);
    bind_window(st, 14, data && w->taken[COMPARE_QUARTER], &w->base[COMPARE_QUARTER]);
    sqlite3_bind_double(st, 16, e->cfg->confidence);
    rc = step_reset(e->db, st, err);
    stmts_put(e->stmts, st);
    return rc;
}

/* ---- the force's quarter and headlines ------------------------------------ */

/* The last month of the latest complete financial quarter at or before m. */
static month_t quarter_end_at(month_t m)
{
    month_t end = month_fq_start(m) + 2;
    return end > m ? end - 3 : end;
}

static month_t text_month(sqlite3_stmt *st, int i)
{
    const char *t = store_col_text(st, i);
    return t[0] ? month_parse(t, strlen(t)) : MONTH_NONE;
}

/* The end of the force's reporting quarter, MONTH_NONE when it has no data. */
static int force_quarter_end(sqlite3 *db, const char *force, month_t *end, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT last_month FROM measure_windows WHERE force = ?1"
                               " AND last_month IS NOT NULL", &st, err), step;
    *end = MONTH_NONE;
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        month_t m = text_month(st, 0);
        if (m != MONTH_NONE && quarter_end_at(m) > *end)
            *end = quarter_end_at(m);
    }
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading measure_windows");
}

static int force_quarter_put(sqlite3 *db, const char *force, month_t end, struct sio_error *err)
{
    sqlite3_stmt *st;
    char label[16], a[8], b[8];
    int rc = store_prepare(db, "INSERT INTO force_quarters(force, quarter, quarter_start,"
                               " quarter_end) VALUES (?1,?2,?3,?4)", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, month_fq_label(end, label), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, month_format(end - 2, a), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, month_format(end, b), -1, SQLITE_STATIC);
    rc = step_reset(db, st, err);
    sqlite3_finalize(st);
    return rc;
}

/* A headline candidate's standing for the force. */
struct candidate {
    const struct measure_def *m;
    month_t last;            /* last month with data, MONTH_NONE when none */
    int loaded;              /* the store holds any rows of its source */
    const char *status;      /* current | older | no rows for the force | not loaded */
};

static int candidate_read(struct emitter *e, struct candidate *c, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = stmts_get(e->stmts, e->db, "SELECT (SELECT last_month FROM measure_windows"
                       " WHERE force = ?1 AND measure = ?2), source_loaded"
                       " FROM measure_catalogue WHERE measure = ?2", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, c->m->key, -1, SQLITE_STATIC);
    c->last = MONTH_NONE;
    c->loaded = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        c->last = text_month(st, 0);
        c->loaded = sqlite3_column_int(st, 1);
    }
    stmts_put(e->stmts, st);
    return SIO_OK;
}

/* The short name of a source, for "no ... loaded". */
static const char *source_short(const struct measure_def *m, char *buf, size_t size)
{
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK: return "police.uk street-level crime file";
    case MEASURE_SRC_HOME_OFFICE: return "Home Office open data table";
    case MEASURE_SRC_HO_ROLLING: return "Home Office rolling-year file (rec-crime-pfa.csv)";
    case MEASURE_SRC_STOP_SEARCH: return "police.uk stop-and-search file";
    case MEASURE_SRC_OUTCOMES: return "police.uk outcomes file";
    default:
        snprintf(buf, size, "indicator series '%s'", m->indicator);
        return buf;
    }
}

static void candidate_reason(const struct candidate *c, int chosen, month_t q_end,
                             char *buf, size_t size)
{
    char name[128], when[24], q[16];
    const char *src = source_short(c->m, name, sizeof name);

    month_fq_label(q_end, q);
    if (!c->loaded)
        snprintf(buf, size, "no %s loaded", src);
    else if (c->last == MONTH_NONE)
        snprintf(buf, size, "the %s loaded has no figures for this force", src);
    else if (chosen && c->last >= q_end)
        snprintf(buf, size, "the first source in this priority's precedence with figures "
                            "for %s", q);
    else if (chosen)
        snprintf(buf, size, "the first source in this priority's precedence with any figures, "
                            "though they end in %s: no source has figures for %s",
                 compare_month_name(c->last, when), q);
    else if (c->last >= q_end)
        snprintf(buf, size, "a source further down this priority's precedence");
    else
        snprintf(buf, size, "its latest figures end in %s, before the end of %s",
                 compare_month_name(c->last, when), q);
}

static int candidate_put(struct emitter *e, const struct candidate *c, int chosen,
                         month_t q_end, struct sio_error *err)
{
    sqlite3_stmt *st;
    char reason[512];
    int rc = stmts_get(e->stmts, e->db, "INSERT INTO priority_sources(force, priority,"
                       " measure, precedence, chosen, status, reason)"
                       " VALUES (?1,?2,?3,?4,?5,?6,?7)", &st, err);
    if (rc)
        return rc;
    candidate_reason(c, chosen, q_end, reason, sizeof reason);
    sqlite3_bind_text(st, 1, e->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, c->m->national, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, c->m->key, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, c->m->rank);
    sqlite3_bind_int(st, 5, chosen);
    sqlite3_bind_text(st, 6, c->status, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, reason, -1, SQLITE_TRANSIENT);
    rc = step_reset(e->db, st, err);
    stmts_put(e->stmts, st);
    return rc;
}

/* The candidates of one priority in precedence order; returns how many. */
static int candidates_of(const struct sio_config *cfg, const char *priority,
                         struct candidate *c)
{
    int n = 0;
    for (int rank = 1; rank <= cfg->n_measures; rank++)
        for (int i = 0; i < cfg->n_measures; i++)
            if (cfg->measures[i].rank == rank && !strcmp(cfg->measures[i].national, priority))
                c[n++].m = &cfg->measures[i];
    return n;
}

static int priority_put(struct emitter *e, const char *priority, month_t q_end,
                        struct sio_error *err)
{
    struct candidate c[CONFIG_MAX_MEASURES];
    int n = candidates_of(e->cfg, priority, c), chosen = -1, rc = SIO_OK;

    for (int i = 0; i < n && !rc; i++) {
        rc = candidate_read(e, &c[i], err);
        c[i].status = !c[i].loaded ? "not loaded"
                    : c[i].last == MONTH_NONE ? "no rows for the force"
                    : c[i].last >= q_end ? "current" : "older";
        if (chosen < 0 && !strcmp(c[i].status, "current"))
            chosen = i;
    }
    for (int i = 0; i < n && chosen < 0; i++)
        if (!strcmp(c[i].status, "older"))
            chosen = i;
    for (int i = 0; i < n && !rc; i++)
        rc = candidate_put(e, &c[i], i == chosen, q_end, err);
    return rc;
}

int catalogue_force_put(struct emitter *e, struct sio_error *err)
{
    const struct sio_config *cfg = e->cfg;
    month_t end;
    int rc = force_quarter_end(e->db, e->force, &end, err);
    if (rc || end == MONTH_NONE)
        return rc;
    if ((rc = force_quarter_put(e->db, e->force, end, err)))
        return rc;
    for (int i = 0; i < cfg->n_measures && !rc; i++) {
        const struct measure_def *m = &cfg->measures[i];
        int first = 1;
        for (int j = 0; j < i && first; j++)
            first = strcmp(cfg->measures[j].national, m->national) != 0;
        if (first)
            rc = priority_put(e, m->national, end, err);
    }
    return rc;
}
