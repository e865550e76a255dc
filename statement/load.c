/*
 * load.c — gathering the statement from the store, the config, the chart
 * files and the analyst's text.
 *
 * The force must have a reporting quarter in the catalogue (force_quarters),
 * which is also the default quarter.  Charts are the ones sio-charts
 * recorded in chart_files, each as its SVG when drawn (sharp in print), else
 * its PNG, under the output folder.
 */
#include "statement.h"

#include "store/store.h"
#include "text/stem.h"

#include <math.h>
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

    if (force) {
        char key[128];
        if ((rc = store_force_key(db, force, key, sizeof key, err)))
            return rc;
        rc = one_text(db, "SELECT force FROM force_quarters WHERE force = ?1", key,
                      NULL, s->force, sizeof s->force, err);
        if (rc == SIO_OK && !s->force[0])
            rc = sio_fail(err, SIO_EUSAGE, NULL, 0, "no figures for force '%s' in the store", force);
        return rc;
    }
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
    int rc;

    if (quarter == MONTH_NONE) {
        rc = one_text(db, "SELECT quarter_start FROM force_quarters WHERE force = ?1", s->force,
                      NULL, q, sizeof q, err);
        if (rc != SIO_OK)
            return rc;
        quarter = month_parse(q, strlen(q));
    }
    if (quarter == MONTH_NONE)
        return sio_fail(err, SIO_EDATA, NULL, 0, "no quarter with data for %s", s->force);
    s->quarter = quarter;
    month_fq_label(quarter, s->quarter_label);
    rc = one_text(db, "SELECT count(*) FROM measure_results WHERE force = ?1"
                      " AND period_type IN ('month', 'fq', 'r12') AND value IS NOT NULL"
                      " AND period_end BETWEEN ?2 AND date(?2 || '-01', '+2 months')",
                  s->force, month_format(quarter, w), q, sizeof q, err);
    if (rc == SIO_OK && atoi(q) == 0)
        rc = sio_fail(err, SIO_EDATA, NULL, 0, "no figures for %s in %s", s->force, s->quarter_label);
    return rc;
}

static int load_figures(sqlite3 *db, const struct statement *s, struct statement_measure *m,
                        struct sio_error *err)
{
    sqlite3_stmt *st;
    char w[16];
    int rc = store_prepare(db, "SELECT count, months_covered, r12_count, r12_months, baseline_count,"
                               " baseline_months, change_pct, ci_low_pct, ci_high_pct, verdict"
                               " FROM measure_quarters WHERE force = ?1 AND measure = ?2"
                               " AND quarter_start = ?3", &st, err), step;
    struct statement_figures *f = &m->fig;

    if (rc != SIO_OK)
        return rc;
    sqlite3_bind_text(st, 1, s->force, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, m->def.key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, month_format(s->quarter, w), -1, SQLITE_TRANSIENT);
    if ((step = sqlite3_step(st)) == SQLITE_ROW) {
        f->found = 1;
        f->count = (long)sqlite3_column_int64(st, 0);
        f->months_covered = sqlite3_column_int(st, 1);
        f->r12_count = (long)sqlite3_column_int64(st, 2);
        f->r12_months = sqlite3_column_int(st, 3);
        f->baseline_count = (long)sqlite3_column_int64(st, 4);
        f->baseline_months = sqlite3_column_int(st, 5);
        f->change_pct = store_col_real(st, 6);
        f->ci_low_pct = store_col_real(st, 7);
        f->ci_high_pct = store_col_real(st, 8);
        snprintf(f->verdict, sizeof f->verdict, "%s", store_col_text(st, 9));
    }
    sqlite3_finalize(st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading measure_quarters");
}

/* c's file under the output folder, SVG when drawn, else PNG, with its
 * alt text from the store. */
static void chart_take(const struct statement *s, const struct catalogue_chart *c,
                       struct statement_chart *out)
{
    const char *ext = strstr(c->formats, "svg") ? "svg" : strstr(c->formats, "png") ? "png" : NULL;

    out->path[0] = out->rel[0] = '\0';
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

/* Why the analyst's words need a look, into m->text_flag ("" if fine). */
static void flag_text(const struct statement *s, struct statement_measure *m)
{
    const struct analyst_section *t = m->text;
    char q[16];

    m->text_flag[0] = '\0';
    if (!t || !t->body || !t->body[0])
        snprintf(m->text_flag, sizeof m->text_flag,
                 "The analyst's text for this measure is missing: add a '## %s' section to %s.",
                 m->def.key, s->analyst.path);
    else if (t->quarter == MONTH_NONE)
        snprintf(m->text_flag, sizeof m->text_flag,
                 "The analyst's text has no 'Quarter:' line, so it may not match these figures.");
    else if (t->quarter < s->quarter)
        snprintf(m->text_flag, sizeof m->text_flag,
                 "The analyst's text was written for %s, but these figures are for %s.",
                 month_fq_label(t->quarter, q), s->quarter_label);
    else if (t->written[0] && s->data_loaded[0] && strncmp(t->written, s->data_loaded, 10) < 0)
        snprintf(m->text_flag, sizeof m->text_flag,
                 "The analyst's text was written on %s, before the data were last loaded (%.10s).",
                 t->written, s->data_loaded);
}

static const struct catalogue_priority *priority_of(const struct statement *s, const char *key)
{
    for (int i = 0; i < s->n_priorities; i++)
        if (!strcmp(s->priorities[i].key, key))
            return &s->priorities[i];
    return NULL;
}

static int load_measure(sqlite3 *db, struct statement *s, struct statement_measure *m,
                        struct sio_error *err)
{
    const char *key = m->def.key;
    int rc = catalogue_windows_get(db, s->force, key, &m->win, err);

    m->priority = priority_of(s, m->def.priority);
    if (rc == SIO_OK)
        rc = load_figures(db, s, m, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT sentence FROM measure_verdicts WHERE force = ?1 AND measure = ?2"
                          " AND comparison = 'baseline'", s->force, key, m->sentence,
                      sizeof m->sentence, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT variation FROM spc_summary WHERE force = ?1 AND measure = ?2",
                      s->force, key, m->variation, sizeof m->variation, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT coalesce(assurance, '') FROM spc_summary WHERE force = ?1 AND measure = ?2",
                      s->force, key, m->assurance, sizeof m->assurance, err);
    if (rc == SIO_OK)
        rc = charts_load(db, s, key, &m->charts, &m->n_charts, err);
    if (rc != SIO_OK)
        return rc;
    if (!m->sentence[0] && m->fig.found)
        statement_sentence(s, m, m->sentence, sizeof m->sentence);
    m->text = analyst_find(&s->analyst, key);
    flag_text(s, m);
    return SIO_OK;
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
        s->m[s->n].def = cat[i];
        rc = load_measure(db, s, &s->m[s->n++], err);
        if (rc == SIO_OK && s->confidence == 0 && s->m[s->n - 1].win.found) {
            s->baseline_start = s->m[s->n - 1].win.baseline[0];
            s->baseline_end = s->m[s->n - 1].win.baseline[1];
            s->confidence = s->m[s->n - 1].win.confidence;
        }
    }
    free(cat);
    return rc;
}

int statement_load(sqlite3 *db, const struct sio_config *cfg, const char *force,
                   month_t quarter, const char *version, struct statement *s,
                   struct sio_error *err)
{
    int rc;

    memset(s, 0, sizeof *s);
    s->cfg = cfg;
    s->version = version;
    if ((rc = pick_force(db, force, s, err)) != SIO_OK || (rc = pick_quarter(db, quarter, s, err)) != SIO_OK)
        return rc;
    stem_make(s->force, s->force_slug, sizeof s->force_slug);
    if ((rc = store_force_name(db, s->force, s->force_name, sizeof s->force_name, err)))
        return rc;
    if ((rc = one_text(db, "SELECT coalesce(max(loaded_at), '') FROM files WHERE ?1 = ?1", "", NULL,
                       s->data_loaded, sizeof s->data_loaded, err)) != SIO_OK)
        return rc;
    if ((rc = analyst_load(cfg->statement_text, &s->analyst, err)) != SIO_OK ||
        (rc = catalogue_priorities(db, s->priorities, &s->n_priorities, err)) != SIO_OK)
        return rc;
    int n_overview = 0;
    if ((rc = charts_load(db, s, "", &s->overview, &n_overview, err)) != SIO_OK)
        return rc;
    return load_measures(db, s, err);
}

void statement_free(struct statement *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->m[i].charts);
    free(s->m);
    free(s->overview);
    s->m = NULL;
    s->overview = NULL;
    s->n = 0;
    analyst_free(&s->analyst);
}

int statement_flag_count(const struct statement *s)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        n += s->m[i].text_flag[0] != '\0';
    return n;
}
