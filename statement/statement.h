/*
 * statement.h — the statement draft for one force and one quarter, as data.
 *
 * statement_load() gathers everything the draft prints; compose.c turns it
 * into the blocks of a struct doc that each writer lays out.  What each
 * measure is, which measure heads each priority and why, and the windows
 * of its figures come from the store's catalogue (lib/store/catalogue.h);
 * figures from measure_results, verdicts and their sentences from
 * measure_verdicts, England and Wales beside the force from
 * national_picture, the charts from chart_files, and what changed since
 * the last statement from statement_figures.  The analyst's words come
 * from the statement text file.  Nothing in the draft is typed by hand and
 * nothing is worked out again from the configuration.
 *
 * The draft follows a published PCC quarterly page (measures.md §7): an
 * introduction, the order, the statement of contribution (the office's
 * words, with headings to fill), then one section per national priority in
 * the order's order, then what changed, then methods and sources.
 */
#ifndef SIO_STATEMENT_H
#define SIO_STATEMENT_H

#include "analyst.h"
#include "config/config.h"
#include "store/catalogue.h"
#include "sys/error.h"
#include "text/words.h"

#include <sqlite3.h>
#include <stddef.h>

/* Small counts are told as counts (WORDS_SMALL_COUNT, text/words.h). */
#define STATEMENT_SMALL_COUNT WORDS_SMALL_COUNT

struct statement_chart {
    char path[CONFIG_PATH_MAX + 600]; /* the chart file (SVG if drawn, else PNG); "" if none */
    char rel[600];                    /* the same, relative to the statement folder */
    char kind[16];                    /* quarterly | spc | peers | overview */
    char alt[8192];                   /* from chart_files */
};

/* One figure of measure_results: a count, or a percentage with its base. */
struct statement_value {
    int found;                 /* the store has it, with a value */
    double value, low, high;   /* low/high: its interval; NAN when none */
    double denominator;        /* proportions: the respondents or cases; NAN */
    int covered, expected;     /* months with data, months in the period */
    month_t start, end;
    char period_type[12];      /* fq | r12 */
    char period[48];           /* '2021/22 Q4', '12 months to 2022-03' */
};

enum statement_cmp { CMP_QUARTER, CMP_YEAR, CMP_BASELINE, CMP_N };

/* One comparison as measure_verdicts has it. */
struct statement_compare {
    int found;
    char verdict[32];          /* improvement | deterioration | no significant change |
                                  not comparable | no data */
    double change, low, high;  /* NAN when not comparable */
    int points;                /* the change is in percentage points (a proportion) */
    char sentence[1024];
};

/* England and Wales, or the force's region, over the force's windows. */
struct statement_national {
    int found;
    char area[64];             /* "England and Wales", "West Midlands" */
    double latest, base;       /* the area's totals */
    double change, low, high;  /* % change and interval; NAN when none */
    char verdict[32];
    int forces;                /* forces summed */
};

struct statement_measure {
    struct catalogue_measure def;      /* key, label, noun, priority, source */
    struct catalogue_windows win;      /* the periods its figures cover */
    int current;                       /* its windows are the statement's: verdicts apply */
    int older;                         /* its latest data end before the quarter does */
    struct statement_value quarter, quarter_before, r12, r12_before, baseline;
    struct statement_compare cmp[CMP_N];
    struct statement_national nat[2];  /* [0] England and Wales, [1] the region */
    int nat_forces, nat_expected;      /* forces of E&W with the figures, of how many */
    char extreme[160];                 /* "the lowest of 16 quarters since 2018/19 Q1" or "" */
    char variation[64], assurance[64]; /* spc_summary; "" if none */
    char why_no_verdict[200];          /* spc_summary: why variation is "no verdict", or "" */
    char status[32];                   /* priority_sources: current | older | ... */
    char reason[512];                  /* why it was or was not the headline */
    int chosen;                        /* the priority's headline */
    int local;                         /* serves none of the six priorities */
    struct statement_chart *charts;    /* as chart_files lists them (owned) */
    int n_charts;
};

/* One national priority's section (or, last, the local measures). */
struct statement_section {
    struct catalogue_priority p;       /* key "" for local measures */
    int headline;                      /* index into m, -1 when no source has data */
    int member[CONFIG_MAX_MEASURES];   /* indices into m: headline candidates by
                                          precedence, then context, then activity */
    int n_members;
    const struct analyst_section *text; /* the office's words; NULL if none */
    char text_flag[1400];              /* why they need attention; "" if fine */
    int text_withheld;                 /* written for another quarter: not printed */
};

/* A figure published in the last statement that has since changed. */
struct statement_revision {
    char label[128];                   /* the measure's label */
    char period[48];                   /* '2021/22 Q3' */
    double before, now;                /* NAN now: no longer in the store */
    int proportion;
    char files[512];                   /* files loaded since that changed it */
};

/* A remark on the force's rows: a note they were loaded with, or the
 * reason they were rejected. */
struct statement_remark {
    char text[160];
    long rows, files;
};

#define QUALITY_MAX_REMARKS 6

/* What sio-ingest made of the force's police.uk files (quality.h). */
struct statement_quality {
    long files, read, loaded, rejected, duplicate;
    struct statement_remark note[QUALITY_MAX_REMARKS], reject[QUALITY_MAX_REMARKS];
    int n_note, n_reject;
};

/* The front matter's three parts, in order. */
enum statement_part { PART_INTRODUCTION, PART_ORDER, PART_CONTRIBUTION, PART_N };

struct statement {
    char force[128];                   /* results-table key, e.g. 'warwickshire' */
    char force_name[128];              /* shown to people: 'Warwickshire Police' */
    char force_slug[160];
    char region[64];                   /* forces.region, "" if unknown */
    month_t quarter;                   /* first month of the quarter */
    char quarter_label[16];            /* "2021/22 Q4" */
    int reporting_quarter;             /* quarter is the force's reporting quarter */
    char data_loaded[32];              /* latest files.loaded_at, "" if unknown */
    month_t baseline_start, baseline_end; /* the baseline sio-measures compared with */
    double confidence;                 /* the level of its intervals */
    struct statement_chart *overview;  /* NULL when sio-charts drew none (owned) */
    struct statement_measure *m;       /* owned */
    int n;
    struct statement_section sec[CONFIG_PRIORITIES + 1];
    int n_sec;
    const struct analyst_section *part[PART_N]; /* the office's front matter, or NULL */
    char last_statement[64];           /* when the last draft for this force was written; "" */
    char last_quarter[16];             /* its quarter */
    struct statement_revision *rev;    /* figures changed since (owned) */
    int n_rev;
    struct statement_quality quality;  /* the data-quality line */
    struct analyst_text analyst;       /* owns the sections */
    const struct sio_config *cfg;
    const char *version;
};

/* Gather the draft for force (a key or any spelling of its name) and
 * quarter (MONTH_NONE: the force's reporting quarter, from force_quarters).
 * SIO_EUSAGE when the force is not in the store, SIO_EDATA when the quarter
 * has no figures or the results predate the catalogue, SIO_ENOINPUT or
 * SIO_EDATA from the analyst file, SIO_ESOFTWARE on a store error.  Free
 * with statement_free(). */
int statement_load(sqlite3 *db, const struct sio_config *cfg, const char *force,
                   month_t quarter, const char *version, struct statement *s,
                   struct sio_error *err);

void statement_free(struct statement *s);

/* Every force with a reporting quarter, in key order: a NULL-terminated
 * malloc'd array of malloc'd keys (free with statement_forces_free). */
int statement_forces(sqlite3 *db, char ***forces, struct sio_error *err);
void statement_forces_free(char **forces);

/* Record the figures this draft printed (statement_figures), so the next
 * draft can say which have changed since. */
int statement_record(sqlite3 *db, const struct statement *s, const char *path,
                     struct sio_error *err);

/* How many things the draft asks to be put right before publishing. */
int statement_flag_count(const struct statement *s);

#endif
