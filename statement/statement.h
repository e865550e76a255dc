/*
 * statement.h — the statement draft for one force and one quarter, as data.
 *
 * statement_load() gathers everything the draft prints, so the writers
 * (write_md.c, write_html.c) only lay it out: what each measure is and the
 * windows of its figures from the store's catalogue (lib/store/catalogue.h),
 * figures from measure_quarters, verdict sentences from measure_verdicts,
 * the SPC summary, the charts sio-charts recorded in chart_files (with their
 * alt text), each priority's applicability, and the analyst's words from the
 * statement text file.  Nothing in the draft is typed by hand and nothing is
 * worked out again from the configuration: every name, window and number
 * comes from the store.  Measures appear in measures.ini order as
 * sio-measures read it.
 */
#ifndef SIO_STATEMENT_H
#define SIO_STATEMENT_H

#include "analyst.h"
#include "config/config.h"
#include "store/catalogue.h"
#include "sys/error.h"

#include <sqlite3.h>
#include <stddef.h>

struct statement_chart {
    char path[CONFIG_PATH_MAX + 600]; /* the chart file (SVG if drawn, else PNG) */
    char rel[600];                    /* the same, relative to the statement folder */
    char alt[8192];                   /* from chart_files */
};

struct statement_figures {
    int found;                 /* measure_quarters has the quarter */
    long count;                /* crimes in the quarter's covered months */
    int months_covered;
    long r12_count;            /* the 12 months to the quarter's end */
    int r12_months;
    long baseline_count;
    int baseline_months;
    double change_pct, ci_low_pct, ci_high_pct; /* NAN when not comparable */
    char verdict[32];
};

struct statement_measure {
    struct catalogue_measure def;      /* key, label, noun, priority, source */
    struct catalogue_windows win;      /* the periods its figures cover */
    const struct catalogue_priority *priority; /* its priority; NULL for a local measure */
    struct statement_figures fig;
    char sentence[1024];               /* the verdict in words */
    char variation[64], assurance[64]; /* spc_summary; "" if none */
    struct statement_chart *charts;    /* as chart_files lists them (owned) */
    int n_charts;
    const struct analyst_section *text; /* the analyst's words; NULL if none */
    char text_flag[400];               /* why the words need attention; "" if fine */
};

struct statement {
    char force[128];                   /* results-table key, e.g. 'warwickshire' */
    char force_name[128];              /* shown to people: 'Warwickshire Police' */
    char force_slug[160];
    month_t quarter;                   /* first month of the quarter */
    char quarter_label[16];            /* "2021/22 Q4" */
    char data_loaded[32];              /* latest files.loaded_at, "" if unknown */
    month_t baseline_start, baseline_end; /* the baseline sio-measures compared with */
    double confidence;                 /* the level of its intervals */
    struct statement_chart *overview;  /* NULL when sio-charts drew none (owned) */
    struct catalogue_priority priorities[CONFIG_PRIORITIES];
    int n_priorities;
    struct statement_measure *m;       /* owned */
    int n;
    struct analyst_text analyst;       /* owns the sections */
    const struct sio_config *cfg;
    const char *version;
};

/* Gather the draft for force (NULL: the store's only force) and quarter
 * (MONTH_NONE: the force's latest complete quarter, from force_quarters).  SIO_EUSAGE when the force is not in the
 * store or is ambiguous, SIO_EDATA when the quarter has no figures,
 * SIO_ENOINPUT/SIO_ECONFIG from the analyst file, SIO_ESOFTWARE on a store
 * error.  Free with statement_free(). */
int statement_load(sqlite3 *db, const struct sio_config *cfg, const char *force,
                   month_t quarter, const char *version, struct statement *s,
                   struct sio_error *err);

void statement_free(struct statement *s);

/* The measures whose analyst text needs attention (text_flag set). */
int statement_flag_count(const struct statement *s);


/* The verdict sentence built from the figures, for a measure that
 * measure_verdicts has no sentence for.  Returns buf. */
char *statement_sentence(const struct statement *s, const struct statement_measure *m,
                         char *buf, size_t size);

/* The rows of the figures table: label and value of row i (0..), or 0
 * when there is no row i.  Both writers print exactly these. */
int statement_figure_row(const struct statement *s, const struct statement_measure *m, int i,
                         char *label, size_t lsize, char *value, size_t vsize);

/* Whether m's priority applies locally, and why, into buf.  Returns buf. */
char *statement_applicability(const struct statement_measure *m, char *buf, size_t size);

/* The methods and data sources section as paragraphs: paragraph i into
 * buf, 0 when there is none. */
int statement_method(const struct statement *s, int i, char *buf, size_t size);

#endif
