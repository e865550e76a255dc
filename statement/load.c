/*
 * load.c — gathering the statement from the store, the config, the chart
 * files and the analyst's text.
 *
 * The force must be in measure_quarters; the quarter defaults to the
 * force's latest.  Charts are looked for where sio-charts writes them
 * (<out>/charts/<force-slug>/), SVG first (sharp in print), then PNG.
 */
#include "statement.h"

#include "store/store.h"

#include <ctype.h>
#include <math.h>
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
        rc = one_text(db, "SELECT force FROM measure_quarters WHERE force = ?1 LIMIT 1", key,
                      NULL, s->force, sizeof s->force, err);
        if (rc == SIO_OK && !s->force[0])
            rc = sio_fail(err, SIO_EUSAGE, NULL, 0, "no figures for force '%s' in the store", force);
        return rc;
    }
    rc = one_text(db, "SELECT count(DISTINCT force) FROM measure_quarters WHERE ?1 = ?1", "", NULL,
                  n, sizeof n, err);
    if (rc == SIO_OK && atoi(n) != 1)
        return sio_fail(err, SIO_EUSAGE, NULL, 0,
                        "the store has figures for %s forces: name one with --force", n);
    return rc != SIO_OK ? rc
                        : one_text(db, "SELECT force FROM measure_quarters WHERE ?1 = ?1 LIMIT 1", "",
                                   NULL, s->force, sizeof s->force, err);
}

static int pick_quarter(sqlite3 *db, month_t quarter, struct statement *s, struct sio_error *err)
{
    char q[16], w[16];
    int rc;

    if (quarter == MONTH_NONE) {
        rc = one_text(db, "SELECT max(quarter_start) FROM measure_quarters WHERE force = ?1"
                          " AND months_covered > 0", s->force, NULL, q, sizeof q, err);
        if (rc != SIO_OK)
            return rc;
        quarter = month_parse(q, strlen(q));
    }
    if (quarter == MONTH_NONE)
        return sio_fail(err, SIO_EDATA, NULL, 0, "no quarter with data for %s", s->force);
    s->quarter = quarter;
    month_fq_label(quarter, s->quarter_label);
    rc = one_text(db, "SELECT quarter FROM measure_quarters WHERE force = ?1 AND quarter_start = ?2",
                  s->force, month_format(quarter, w), q, sizeof q, err);
    if (rc == SIO_OK && !q[0])
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
    sqlite3_bind_text(st, 2, m->def->key, -1, SQLITE_TRANSIENT);
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

/* The first of dir/name.svg, dir/name.png that exists, with its alt text. */
static void find_chart(const struct statement *s, const char *name, struct statement_chart *c)
{
    static const char *const exts[] = {"svg", "png"};
    char alt_path[CONFIG_PATH_MAX + 200];
    size_t len = 0;

    c->path[0] = c->rel[0] = c->alt[0] = '\0';
    for (int i = 0; i < 2 && !c->path[0]; i++) {
        snprintf(c->path, sizeof c->path, "%s/charts/%s/%s.%s", s->cfg->out_dir, s->force_slug, name, exts[i]);
        snprintf(c->rel, sizeof c->rel, "../charts/%s/%s.%s", s->force_slug, name, exts[i]);
        if (access(c->path, R_OK) != 0)
            c->path[0] = c->rel[0] = '\0';
    }
    snprintf(alt_path, sizeof alt_path, "%s/charts/%s/%s.txt", s->cfg->out_dir, s->force_slug, name);
    FILE *f = c->path[0] ? fopen(alt_path, "r") : NULL;
    if (f) {
        len = fread(c->alt, 1, sizeof c->alt - 1, f);
        fclose(f);
    }
    while (len && isspace((unsigned char)c->alt[len - 1]))
        len--;
    c->alt[len] = '\0';
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
                 m->def->key, s->analyst.path);
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

static int load_measure(sqlite3 *db, struct statement *s, struct statement_measure *m,
                        struct sio_error *err)
{
    char name[160];
    int rc = load_figures(db, s, m, err);

    if (rc == SIO_OK)
        rc = one_text(db, "SELECT sentence FROM measure_verdicts WHERE force = ?1 AND measure = ?2"
                          " AND comparison = 'baseline'", s->force, m->def->key, m->sentence,
                      sizeof m->sentence, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT variation FROM spc_summary WHERE force = ?1 AND measure = ?2",
                      s->force, m->def->key, m->variation, sizeof m->variation, err);
    if (rc == SIO_OK)
        rc = one_text(db, "SELECT coalesce(assurance, '') FROM spc_summary WHERE force = ?1 AND measure = ?2",
                      s->force, m->def->key, m->assurance, sizeof m->assurance, err);
    if (rc != SIO_OK)
        return rc;
    if (!m->sentence[0] && m->fig.found)
        statement_sentence(s, m, m->sentence, sizeof m->sentence);
    static const char *const suffix[SCHART_N] = {"", "-spc", "-peers"};
    for (int k = 0; k < SCHART_N; k++) {
        snprintf(name, sizeof name, "%s%s", m->def->key, suffix[k]);
        find_chart(s, name, &m->charts[k]);
    }
    m->text = analyst_find(&s->analyst, m->def->key);
    flag_text(s, m);
    return SIO_OK;
}

static void slug(const char *in, char *out, size_t size)
{
    size_t n = 0;
    int dash = 0;
    for (; *in && n + 2 < size; in++) {
        if (isalnum((unsigned char)*in)) {
            if (dash && n)
                out[n++] = '-';
            out[n++] = (char)tolower((unsigned char)*in);
            dash = 0;
        } else {
            dash = 1;
        }
    }
    out[n] = '\0';
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
    slug(s->force, s->force_slug, sizeof s->force_slug);
    if ((rc = store_force_name(db, s->force, s->force_name, sizeof s->force_name, err)))
        return rc;
    if ((rc = one_text(db, "SELECT coalesce(max(loaded_at), '') FROM files WHERE ?1 = ?1", "", NULL,
                       s->data_loaded, sizeof s->data_loaded, err)) != SIO_OK)
        return rc;
    if ((rc = analyst_load(cfg->statement_text, &s->analyst, err)) != SIO_OK)
        return rc;
    find_chart(s, "overview", &s->overview);
    for (int i = 0; rc == SIO_OK && i < cfg->n_measures; i++) {
        s->m[s->n].def = &cfg->measures[i];
        rc = load_measure(db, s, &s->m[s->n++], err);
    }
    return rc;
}

void statement_free(struct statement *s)
{
    analyst_free(&s->analyst);
}

int statement_flag_count(const struct statement *s)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        n += s->m[i].text_flag[0] != '\0';
    return n;
}
