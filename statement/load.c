/*
 * load.c — gathering the statement from the store and the analyst's text.
 *
 * The force must have a reporting quarter in the catalogue (force_quarters),
 * which is also the default quarter.  Measures are grouped into the six
 * priorities in the order's order (and a last section for any local
 * measure), each priority's members in the order the draft shows them: its
 * headline candidates by precedence, then context, then activity.  Charts
 * are the ones sio-charts recorded in chart_files, each as its SVG when
 * drawn (sharp in print), else its PNG, under the output folder.
 */
#include "statement.h"

#include "figures.h"
#include "quality.h"
#include "revisions.h"
#include "store/store.h"
#include "text/stem.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Run sql binding a, b (b may be NULL) and copy the first row's first
 * column into buf ("" when there is no row). */
static int one_text(sqlite3 *db, const char *sql, const char *a, const char *b, char *buf,
                    size_t size, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, sql, &st, err), step;

    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    buf[0] = '\0';
    if ((step = sqlite3_step(st)) == SQLITE_ROW)
        snprintf(buf, size, "%s", store_col_text(st, 0));
    sqlite3_finalize(st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading the store");
}

/* The force: as given (it must have figures), or the only one. */
static int pick_force(sqlite3 *db, const char *force, struct statement *s, struct sio_error *err)
{
    char n[32];
    int rc;

    if (force)
        return store_force_with_figures(db, force, s->force, sizeof s->force, err);
    rc = one_text(db, "SELECT count(*) FROM force_quarters WHERE ?1 = ?1", "", NULL,
                  n, sizeof n, err);
    if (rc == SIO_OK && atoi(n) != 1)
        return sio_fail(err, SIO_EUSAGE, NULL, 0,
                        "the store has figures for %s forces: name one with --force", n);
    return rc != SIO_OK ? rc
                        : one_text(db, "SELECT force FROM force_quarters WHERE ?1 = ?1", "",
                                   NULL, s->force, sizeof s->force, err);
}

/* The quarter: as asked for (it must hold some figure), else the force's
 * reporting quarter as sio-measures chose it. */
static int pick_quarter(sqlite3 *db, month_t quarter, struct statement *s, struct sio_error *err)
{
    char q[16], w[16];
    int rc = one_text(db, "SELECT quarter_start FROM force_quarters WHERE force = ?1", s->force,
                      NULL, q, sizeof q, err);
    month_t reporting = month_parse(q, strlen(q));

    if (rc != SIO_OK)
        return rc;
    if (quarter == MONTH_NONE)
        quarter = reporting;
    if (quarter == MONTH_NONE)
        return sio_fail(err, SIO_EDATA, NULL, 0, "no quarter with data for %s", s->force);
    s->quarter = quarter;
    s->reporting_quarter = quarter == reporting;
    month_fq_label(quarter, s->quarter_label);
    rc = one_text(db, "SELECT count(*) FROM measure_results WHERE force = ?1"
                      " AND period_type IN ('month', 'fq', 'r12') AND value IS NOT NULL"
                      " AND period_end BETWEEN ?2 AND strftime('%Y-%m', ?2 || '-01', '+2 months')",
                  s->force, month_format(quarter, w), q, sizeof q, err);
    if (rc == SIO_OK && atoi(q) == 0)
        rc = sio_fail(err, SIO_EDATA, NULL, 0, "no figures for %s in %s", s->force, s->quarter_label);
    return rc;
}

/* c's file under the output folder, SVG when drawn, else PNG, with its
 * alt text from the store. */
static void chart_take(const struct statement *s, const struct catalogue_chart *c,
                       struct statement_chart *out)
{
    const char *ext = strstr(c->formats, "svg") ? "svg" : strstr(c->formats, "png") ? "png" : NULL;

    out->path[0] = out->rel[0] = '\0';
    snprintf(out->kind, sizeof out->kind, "%s", c->kind);
    snprintf(out->alt, sizeof out->alt, "%s", c->alt);
    /* The store keeps the sidecar's text, line end and all; a line end in
     * the Markdown's ![alt](file) would split the image over two lines. */
    for (size_t n = strlen(out->alt); n > 0 && isspace((unsigned char)out->alt[n - 1]); n--)
        out->alt[n - 1] = '\0';
    if (!ext)
        return; /* PDF only: nothing a web page can show */
    snprintf(out->path, sizeof out->path, "%s/%s.%s", s->cfg->out_dir, c->name, ext);
    snprintf(out->rel, sizeof out->rel, "../%s.%s", c->name, ext);
    if (access(out->path, R_OK) != 0)
        out->path[0] = out->rel[0] = '\0';
}

/* The charts of force x measure ("" for the force's own) that sio-charts
 * recorded, into *out (malloc'd). */
static int charts_load(sqlite3 *db, const struct statement *s, const char *measure,
                       struct statement_chart **out, int *n, struct sio_error *err)
{
    struct catalogue_chart *c;
    int rc = catalogue_charts(db, s->force, measure, &c, n, err);

    *out = NULL;
    if (rc == SIO_OK && *n > 0 && !(*out = calloc((size_t)*n, sizeof **out)))
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    for (int i = 0; rc == SIO_OK && i < *n; i++)
        chart_take(s, &c[i], &(*out)[i]);
    free(c);
    return rc;
}

/* Whether and why the measure is its priority's headline (priority_sources). */
static int source_load(sqlite3 *db, const struct statement *s, struct statement_measure *m,
                       struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT chosen, status, reason FROM priority_sources"
                               " WHERE force = ?1 AND measure = ?2", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, s->force, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->def.key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        m->chosen = sqlite3_column_int(st, 0);
        snprintf(m->status, sizeof m->status, "%s", store_col_text(st, 1));
        snprintf(m->reason, sizeof m->reason, "%s", store_col_text(st, 2));
    }
    sqlite3_finalize(st);
    return SIO_OK;
}

static int load_measure(sqlite3 *db, struct statement *s, struct statement_measure *m,
                        struct sio_error *err)
{
    const char *key = m->def.key;
    int rc = catalogue_windows_get(db, s->force, key, &m->win, err);

    if (rc == SIO_OK)
        rc = figures_load(db, s, m, err);
    if (rc == SIO_OK)
        rc = source_load(db, s, m, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT variation FROM spc_summary WHERE force = ?1 AND measure = ?2",
                      s->force, key, m->variation, sizeof m->variation, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT coalesce(assurance, '') FROM spc_summary WHERE force = ?1 AND measure = ?2",
                      s->force, key, m->assurance, sizeof m->assurance, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT coalesce(why_no_verdict, '') FROM spc_summary WHERE force = ?1"
                      " AND measure = ?2", s->force, key, m->why_no_verdict,
                      sizeof m->why_no_verdict, err);
    return rc == SIO_OK ? charts_load(db, s, key, &m->charts, &m->n_charts, err) : rc;
}

/* Every measure of the catalogue, in measures.ini order. */
static int load_measures(sqlite3 *db, struct statement *s, struct sio_error *err)
{
    struct catalogue_measure *cat;
    int n, rc = catalogue_measures(db, &cat, &n, err);

    if (rc == SIO_OK && n == 0)
        rc = sio_fail(err, SIO_EDATA, "measure_catalogue", 0, "the store has no catalogue of"
                      " measures: run sio-measures again");
    if (rc == SIO_OK && !(s->m = calloc((size_t)n, sizeof *s->m)))
        rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    for (int i = 0; rc == SIO_OK && i < n; i++) {
        struct statement_measure *m = &s->m[s->n++];
        m->def = cat[i];
        rc = load_measure(db, s, m, err);
        if (rc == SIO_OK && s->confidence == 0 && m->win.found) {
            s->baseline_start = m->win.baseline[0];
            s->baseline_end = m->win.baseline[1];
            s->confidence = m->win.confidence;
        }
    }
    free(cat);
    return rc;
}

/* The draft's order within a priority: headline candidates by precedence,
 * then the priority's focus (part of the measure), then context, then
 * activity, each in measures.ini order. */
static int member_order(const struct statement_measure *m)
{
    if (m->def.precedence > 0)
        return m->def.precedence;
    return !strcmp(m->def.role, "focus") ? 500 : !strcmp(m->def.role, "context") ? 1000 : 2000;
}

static void add_members(struct statement *s, struct statement_section *sec)
{
    sec->headline = -1;
    for (int i = 0; i < s->n && sec->n_members < CONFIG_MAX_MEASURES; i++) {
        const struct statement_measure *m = &s->m[i];
        int j = sec->n_members;
        if (sec->p.key[0] ? strcmp(m->def.priority, sec->p.key) != 0 : !m->local)
            continue;
        /* insertion by order; measures.ini order (i rises) breaks ties */
        while (j > 0 && member_order(&s->m[sec->member[j - 1]]) > member_order(m)) {
            sec->member[j] = sec->member[j - 1];
            j--;
        }
        sec->member[j] = i;
        sec->n_members++;
        if (m->chosen)
            sec->headline = i;
    }
}

/* A measure serving none of the six priorities. */
static int is_local(const struct statement *s, const struct statement_measure *m)
{
    for (int i = 0; i < s->n_sec; i++)
        if (!strcmp(s->sec[i].p.key, m->def.priority))
            return 0;
    return 1;
}

static int load_sections(sqlite3 *db, struct statement *s, struct sio_error *err)
{
    struct catalogue_priority p[CONFIG_PRIORITIES];
    int n, rc = catalogue_priorities(db, p, &n, err), local = 0;

    for (int i = 0; rc == SIO_OK && i < n; i++) {
        s->sec[s->n_sec].p = p[i];
        add_members(s, &s->sec[s->n_sec++]);
    }
    for (int i = 0; i < s->n; i++)
        local |= s->m[i].local = is_local(s, &s->m[i]);
    if (local) {
        struct statement_section *sec = &s->sec[s->n_sec++];
        memset(&sec->p, 0, sizeof sec->p);
        snprintf(sec->p.title, sizeof sec->p.title, "Other local measures");
        add_members(s, sec);
    }
    return rc;
}

/* Why the office's words for a section need a look, into flag; *withhold
 * is set when they were written for another quarter and must not appear
 * under these figures. */
static void flag_text(const struct statement *s, const struct analyst_section *t, const char *key,
                      char *out, size_t size, int *withhold)
{
    char q[16], flag[sizeof s->sec[0].text_flag] = "";

    *withhold = 0;
    if (!t || !t->body || !t->body[0])
        snprintf(flag, sizeof flag, "The office's words for this section are missing: add a '## %s' "
                             "section to %s.", key, s->analyst.path);
    else if (t->quarter == MONTH_NONE)
        snprintf(flag, sizeof flag, "The office's words have no 'Quarter:' line, so they may not match "
                             "these figures: they are not printed until it says %s.",
                 s->quarter_label), *withhold = 1;
    else if (t->quarter != s->quarter)
        snprintf(flag, sizeof flag, "The office's words were written for %s, but these figures are for "
                             "%s: they are not printed under them.",
                 month_fq_label(t->quarter, q), s->quarter_label), *withhold = 1;
    else if (t->written[0] && s->data_loaded[0] && strncmp(t->written, s->data_loaded, 10) < 0)
        snprintf(flag, sizeof flag, "The office's words were written on %s, before the data were last "
                             "loaded (%.10s).", t->written, s->data_loaded);
    /* made apart and copied: the statement holds both the words and out */
    snprintf(out, size, "%s", flag);
}

static const char *const part_keys[PART_N] = {"introduction", "order", "contribution"};

static void load_words(struct statement *s)
{
    for (int i = 0; i < s->n_sec; i++) {
        struct statement_section *sec = &s->sec[i];
        if (!sec->p.key[0])
            continue;
        sec->text = analyst_find(&s->analyst, sec->p.key);
        flag_text(s, sec->text, sec->p.key, sec->text_flag, sizeof sec->text_flag,
                  &sec->text_withheld);
    }
    for (int i = 0; i < PART_N; i++)
        s->part[i] = analyst_find(&s->analyst, part_keys[i]);
}

int statement_load(sqlite3 *db, const struct sio_config *cfg, const char *force,
                   month_t quarter, const char *version, struct statement *s,
                   struct sio_error *err)
{
    int rc, n_overview = 0;

    memset(s, 0, sizeof *s);
    s->cfg = cfg;
    s->version = version;
    if ((rc = pick_force(db, force, s, err)) != SIO_OK || (rc = pick_quarter(db, quarter, s, err)) != SIO_OK)
        return rc;
    stem_make(s->force, s->force_slug, sizeof s->force_slug);
    if ((rc = store_force_name(db, s->force, s->force_name, sizeof s->force_name, err)) ||
        (rc = one_text(db, "SELECT coalesce(region, '') FROM forces WHERE slug = ?1", s->force,
                       NULL, s->region, sizeof s->region, err)) ||
        (rc = one_text(db, "SELECT coalesce(max(loaded_at), '') FROM files WHERE ?1 = ?1", "", NULL,
                       s->data_loaded, sizeof s->data_loaded, err)) ||
        (rc = analyst_load(cfg->statement_text, &s->analyst, err)) ||
        (rc = charts_load(db, s, "", &s->overview, &n_overview, err)) ||
        (rc = load_measures(db, s, err)) || (rc = load_sections(db, s, err)))
        return rc;
    load_words(s);
    if ((rc = quality_load(db, s, err)) != SIO_OK)
        return rc;
    return revisions_load(db, s, err);
}

void statement_free(struct statement *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->m[i].charts);
    free(s->m);
    free(s->overview);
    free(s->rev);
    s->m = NULL;
    s->overview = NULL;
    s->rev = NULL;
    s->n = s->n_rev = 0;
    analyst_free(&s->analyst);
}

int statement_forces(sqlite3 *db, char ***forces, struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t n = 0;
    int rc = store_prepare(db, "SELECT force FROM force_quarters ORDER BY force", &st, err), oom;

    if (rc)
        return rc;
    oom = !(*forces = calloc(1, sizeof **forces));
    while (!oom && sqlite3_step(st) == SQLITE_ROW) {
        char **more = realloc(*forces, (n + 2) * sizeof *more);
        oom = !more;
        if (more) {
            *forces = more;
            oom = !(more[n] = strdup(store_col_text(st, 0)));
            more[n + !oom] = NULL;
            n += !oom;
        }
    }
    sqlite3_finalize(st);
    if (oom) {
        statement_forces_free(*forces);
        *forces = NULL;
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
    }
    return SIO_OK;
}

void statement_forces_free(char **forces)
{
    for (char **f = forces; f && *f; f++)
        free(*f);
    free(forces);
}

int statement_flag_count(const struct statement *s)
{
    int n = 0;
    for (int i = 0; i < s->n_sec; i++)
        n += s->sec[i].text_flag[0] != '\0' || (s->sec[i].p.key[0] && !s->sec[i].p.reason[0]);
    for (int i = 0; i < PART_N; i++)
        n += i != PART_ORDER && !s->part[i];
    return n;
}
