/*
 * about.c — the first sheet (what, when, from what, how) and the inputs sheet.
 */
#include "about.h"

#include "sheet.h"
#include "store/store.h"
#include "sys/sha256.h"
#include "sys/versions.h"

#include <stdio.h>
#include <string.h>

/* What each table sio writes holds; a table not named here is listed
 * without a description. */
static const struct {
    const char *file, *what;
} known[] = {
    { "annotations.csv", "The analyst's dated notes and the SPC rebase dates" },
    { "funnel.csv", "The funnel plots: every force's 12-month rate per 1,000 against its population, with the target rate and the 95% and 99.8% control limits" },
    { "measure_counts.csv", "police.uk street crimes by force, measure and month" },
    { "measure_quarters.csv", "Counts by force, measure and financial quarter, as the quarterly charts draw them" },
    { "measures.csv", "Every figure by force, measure, period and statistic, with its interval, unit and method" },
    { "monthly_counts.csv", "police.uk street rows by force, crime type and month" },
    { "peer_proportions.csv", "Proportion measures in the peer group: shares with Wilson intervals, the group's pooled share, the test" },
    { "peer_results.csv", "Rates per 1,000 population in the peer group: rank, group mean, difference, significance" },
    { "spc_points.csv", "SPC (XmR) points and limits by month" },
    { "spc_signals.csv", "Each run of special cause variation with its rule and months" },
    { "spc_summary.csv", "Variation and assurance by force and measure" },
    { "verdicts.csv", "The comparisons by force and measure: change, interval, verdict and sentence" },
};

static const char *what_of(const char *file)
{
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (!strcmp(known[i].file, file))
            return known[i].what;
    return "";
}

static void heading(struct sheet *s, const char *text)
{
    sheet_next(s, 0);
    sheet_text(s, 0, text, s->f->header);
    sheet_next(s, 0);
}

static void opening(struct sheet *s, const struct about_context *a)
{
    char buf[256];
    sheet_text(s, 0, a->cfg->classification, s->f->marking);
    sheet_next(s, 0);
    sheet_text(s, 0, "Crime and policing measures: the tables", s->f->title);
    sheet_next(s, 0);
    snprintf(buf, sizeof buf, "Each sheet after this one is one CSV table of the run, value for value "
                              "(csv/ in the output folder); the last sheet lists the input files.");
    sheet_text(s, 0, buf, s->f->wrap);
    sheet_next(s, 1);
    sheet_pair(s, "Classification", a->cfg->classification);
    sheet_pair(s, "Date", a->date);
    snprintf(buf, sizeof buf, "sio %s (sio-workbook)", SIO_VERSION);
    sheet_pair(s, "Made by", buf);
}

static void tables(struct sheet *s, const struct about_context *a)
{
    char buf[360];
    heading(s, "Sheets");
    sheet_text(s, 0, "Sheet", s->f->label);
    sheet_text(s, 1, "CSV file", s->f->label);
    sheet_text(s, 2, "Rows", s->f->label);
    sheet_text(s, 3, "Columns", s->f->label);
    sheet_text(s, 4, "What it holds", s->f->label);
    sheet_next(s, 0);
    for (int i = 0; i < a->n_tables; i++) {
        const struct table *t = &a->tables[i];
        sheet_text(s, 0, t->sheet, NULL);
        sheet_text(s, 1, t->file, NULL);
        sheet_count(s, 2, t->rows);
        sheet_count(s, 3, t->ncols);
        sheet_text(s, 4, what_of(t->file), NULL);
        if (table_rows_kept(t) < t->rows) {
            snprintf(buf, sizeof buf, "cut at Excel's limit of %ld rows: the whole table is in csv/%s",
                     TABLE_ROW_LIMIT, t->file);
            sheet_text(s, 5, buf, NULL);
        }
        sheet_next(s, 0);
    }
    sheet_text(s, 0, a->inputs_sheet, NULL);
    sheet_text(s, 4, "Every input file in the store, with its SHA-256 and row counts", NULL);
    sheet_next(s, 0);
}

/* The data files in force, by kind. */
static int sources(struct sheet *s, const struct about_context *a, struct sio_error *err)
{
    sqlite3_stmt *st;
    int rc = store_prepare(a->db, "SELECT kind, count(*), min(month), max(month), sum(rows_loaded)"
                                  " FROM files WHERE superseded_by IS NULL GROUP BY kind ORDER BY kind",
                           &st, err);
    if (rc)
        return rc;
    heading(s, "Sources: the data files in the store (newest edition of each)");
    const char *head[] = { "Kind", "Files", "First month", "Last month", "Rows loaded" };
    for (int c = 0; c < 5; c++)
        sheet_text(s, c, head[c], s->f->label);
    sheet_next(s, 0);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sheet_text(s, 0, (const char *)sqlite3_column_text(st, 0), NULL);
        sheet_count(s, 1, sqlite3_column_int64(st, 1));
        sheet_text(s, 2, (const char *)sqlite3_column_text(st, 2), NULL);
        sheet_text(s, 3, (const char *)sqlite3_column_text(st, 3), NULL);
        sheet_count(s, 4, sqlite3_column_int64(st, 4));
        sheet_next(s, 0);
    }
    rc = rc == SQLITE_DONE ? SIO_OK : store_fail(a->db, err, "cannot list the input files");
    sqlite3_finalize(st);
    heading(s, "Measures and their sources");
    for (int i = 0; i < a->cfg->n_measures; i++) {
        const struct measure_def *m = &a->cfg->measures[i];
        sheet_text(s, 0, m->key, NULL);
        sheet_text(s, 1, m->label, NULL);
        sheet_text(s, 2, m->source_note, NULL);
        sheet_next(s, 0);
    }
    return rc;
}

static void methods(struct sheet *s, const struct about_context *a)
{
    char buf[96];
    heading(s, "Methods, as the tables name them");
    for (int i = 0; i < a->n_tables; i++) {
        const struct table *t = &a->tables[i];
        for (int j = 0; j < t->n_methods; j++) {
            sheet_text(s, 0, t->sheet, NULL);
            sheet_text(s, 1, t->method[j], NULL);
            sheet_next(s, 0);
        }
        if (t->more_methods) {
            sheet_text(s, 0, t->sheet, NULL);
            snprintf(buf, sizeof buf, "and %ld more: see its method column", t->more_methods);
            sheet_text(s, 1, buf, NULL);
            sheet_next(s, 0);
        }
    }
}

static int settings(struct sheet *s, const struct about_context *a, struct sio_error *err)
{
    char buf[160], start[16], end[16], hex[SHA256_HEX_LEN + 1];
    long long bytes;
    struct sio_version v[VERSIONS_N];
    heading(s, "The run (manifest.json in the output folder has it all, with times and outputs)");
    versions_list(v);
    for (int i = 0; i < VERSIONS_N; i++) {
        snprintf(buf, sizeof buf, "Version of %s", v[i].name);
        sheet_pair(s, buf, v[i].value);
    }
    sheet_pair(s, "Version of libxlsxwriter", LXW_VERSION);
    snprintf(buf, sizeof buf, "%s to %s", month_format(a->cfg->baseline_start, start),
             month_format(a->cfg->baseline_end, end));
    sheet_pair(s, "Baseline", buf);
    snprintf(buf, sizeof buf, "%g%%", a->cfg->confidence * 100);
    sheet_pair(s, "Confidence level", buf);
    int rc = sha256_file(a->cfg->measures_path, hex, &bytes, err);
    if (!rc)
        sheet_pair(s, "SHA-256 of the measures file", hex);
    return rc;
}

/* Totals over the files in the store.  Not the stages' own counts: a rerun
 * on the same store counts differently (every file "unchanged") and must
 * write the same workbook; manifest.json has them. */
static int input_totals(struct sheet *s, const struct about_context *a, struct sio_error *err)
{
    static const char *label[] = { "Input files in the store", "of them in force (not superseded)",
                                   "Rows read", "Rows loaded", "Rows rejected", "Rows duplicate" };
    sqlite3_stmt *st;
    int rc = store_prepare(a->db, "SELECT count(*), count(*) FILTER (WHERE superseded_by IS NULL),"
                                  " total(rows_read), total(rows_loaded), total(rows_rejected),"
                                  " total(rows_duplicate) FROM files", &st, err);
    if (rc)
        return rc;
    if (sqlite3_step(st) != SQLITE_ROW)
        rc = store_fail(a->db, err, "cannot total the input files");
    for (int c = 0; !rc && c < 6; c++) {
        sheet_text(s, 0, label[c], s->f->label);
        sheet_count(s, 1, sqlite3_column_int64(st, c));
        sheet_next(s, 0);
    }
    sqlite3_finalize(st);
    return rc;
}

int about_write(lxw_worksheet *ws, const struct sheet_formats *f,
                const struct about_context *a, struct sio_error *err)
{
    struct sheet s;
    int rc;
    sheet_init(&s, ws, f);
    opening(&s, a);
    tables(&s, a);
    if (!(rc = sources(&s, a, err))) {
        methods(&s, a);
        rc = settings(&s, a, err);
    }
    rc = rc ? rc : input_totals(&s, a, err);
    sheet_widths(&s, 70);
    return rc ? rc : s.e ? table_lxw_fail(err, s.e, "the first sheet") : SIO_OK;
}

int about_inputs(lxw_worksheet *ws, const struct sheet_formats *f, sqlite3 *db,
                 struct sio_error *err)
{
    struct sheet s;
    sqlite3_stmt *st;
    int rc = store_prepare(db, "SELECT id, path, sha256, kind, force, month, bytes, rows_read,"
                               " rows_loaded, rows_rejected, rows_duplicate, superseded_by"
                               " FROM files ORDER BY id", &st, err);
    if (rc)
        return rc;
    sheet_init(&s, ws, f);
    rc = sheet_query(&s, db, st, err);
    sheet_widths(&s, 70);
    return rc ? rc : s.e ? table_lxw_fail(err, s.e, "the inputs sheet") : SIO_OK;
}
