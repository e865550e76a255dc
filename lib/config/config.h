/*
 * config.h — sio.ini and the measures file it names.
 *
 * config_load() reads sio.ini (paths, baseline, chart settings) and then the
 * measures file named in its [measures] section (default measures.ini beside
 * sio.ini).  Relative paths in sio.ini are taken relative to the current
 * directory, as analysts run sio from their project folder; the measures file
 * is relative to sio.ini's folder.  An unknown section or key, or a value that
 * does not parse, fails with SIO_ECONFIG naming file and line.  A repeated
 * key in a [measure] section appends (one crime type per line).
 */
#ifndef SIO_CONFIG_H
#define SIO_CONFIG_H

#include "sys/error.h"
#include "sys/month.h"

#define CONFIG_PATH_MAX 1024
#define CONFIG_MAX_MEASURES 32
#define CONFIG_MAX_TYPES 32
#define CONFIG_PALETTE_N 6     /* [charts] palette: series colours */
#define CONFIG_MAX_SIZES 4     /* [charts] sizes */
#define CONFIG_MAX_DPI 4       /* [charts] dpi */

enum chart_format {
    CHART_PNG = 1 << 0,
    CHART_SVG = 1 << 1,
    CHART_PDF = 1 << 2,
};

/* The statement's copies beside its Markdown and HTML: [statement] formats. */
enum statement_format {
    STATEMENT_DOCX = 1 << 0,
    STATEMENT_PDF = 1 << 1,
};

/* Where a measure's figures come from: exactly one source per measure. */
enum measure_source {
    MEASURE_SRC_NONE = 0,                 /* not set yet (a config error at the end) */
    MEASURE_SRC_POLICE_UK,                /* crime_type: street rows, via measure_counts */
    MEASURE_SRC_HOME_OFFICE,              /* ho_offence_code: ho_crime 'fq' rows */
    MEASURE_SRC_INDICATOR,                /* indicator: the indicators table */
    MEASURE_SRC_STOP_SEARCH,              /* stop_search_object: stop_search rows */
    MEASURE_SRC_OUTCOMES,                 /* outcome_crime_type: outcomes joined to street */
    MEASURE_SRC_HO_ROLLING,               /* ho_offence_group: ho_crime 'r12' rows */
};

/* What a measure is for within its priority (measures.ini role =). */
enum measure_role {
    MEASURE_ROLE_HEADLINE = 0,            /* may be the priority's headline figure */
    MEASURE_ROLE_CONTEXT,                 /* a related series, shown beneath, never the headline */
    MEASURE_ROLE_ACTIVITY,                /* police activity: searches, charges, closures */
    MEASURE_ROLE_FOCUS,                   /* the group the priority singles out (victims of
                                             domestic abuse): part of the measure, shown
                                             straight after the headline, never the headline */
};

struct measure_def {
    char key[64];                         /* section name, e.g. neighbourhood_crime */
    char label[128];                      /* "Neighbourhood crime" */
    char *crime_types[CONFIG_MAX_TYPES];  /* police.uk Crime type strings (owned) */
    int n_crime_types;
    int better;                           /* -1: down is better; +1: up is better */
    char national[64];                    /* national priority it serves; default key */
    int role;                             /* enum measure_role */
    int precedence;                       /* precedence = N as given; 0: from the source */
    int rank;                             /* headline candidates: 1 = first in its priority
                                             (config_load works it out); 0 otherwise */
    char stem[64];                        /* chart file stem (stem_make of key) */
    int source;                           /* enum measure_source */
    char *ho_codes[CONFIG_MAX_TYPES];     /* Home Office offence codes (owned) */
    int n_ho_codes;
    char *ho_groups[CONFIG_MAX_TYPES];    /* Home Office rolling-year offence groups (owned) */
    int n_ho_groups;
    char *outcome_types[CONFIG_MAX_TYPES];/* outcome_type: the numerator's outcomes (owned) */
    int n_outcome_types;
    char indicator[64];                   /* indicators.indicator, e.g. victim_satisfaction_pct */
    char source_filter[128];              /* stop_search_object, or outcome_crime_type */
    int proportion;                       /* statistic = proportion (1) or count (0) */
    double target;                        /* NaN when no target */
    char noun[64];                        /* what is counted, plural: "crimes", "searches";
                                             "" for an indicator with no noun ("Number") */
    char source_note[256];                /* the charts' "Source: ..." line for this measure */
    char better_reason[512];              /* why the better direction is better, where a
                                             reader could doubt it ("" when plain) */
};

#define CONFIG_MAX_REBASE 16
#define CONFIG_PRIORITIES 6

/* One of the six national priorities, in the order's order ([priority KEY]
 * sections of measures.ini say whether it applies locally and why). */
struct priority_def {
    const char *key;                      /* "homicide" */
    const char *title;                    /* "Reduce murder and other homicide" */
    int applicable;                       /* applicable = yes (1, default) | no (0) */
    char reason[512];                     /* reason = ...; "" when not given */
};

/* A date from which SPC limits are recalculated, and why (never automatic). */
struct config_rebase {
    month_t month;                        /* first month of the new limits */
    char force[128];                      /* force=SLUG or name: only that force; "" = all */
    char reason[160];                     /* "recording practice change" */
};

/* A chart page size: [charts] sizes. */
struct chart_size {
    char name[32];                        /* "a4-column", "slide" or "170x106mm" */
    double width_mm, height_mm;
};

#define CONFIG_MAX_RANGES 32   /* [ingest] indicator_range */

/* An indicator's plausible values: [ingest] indicator_range NAME MIN MAX. */
struct indicator_range {
    char name[64];                        /* indicators.indicator */
    double min, max;                      /* inclusive */
};

/* sio-ingest's settings; "" means not set. */
struct ingest_settings {
    char forces[CONFIG_PATH_MAX];         /* [ingest] forces: slug,name,ons_code,aliases file;
                                             relative to sio.ini's folder, as given */
    char extract_date[128];               /* [extract] date: header of the date column */
    char extract_offence[128];            /* [extract] offence */
    char extract_force[128];              /* [extract] force: the force's column ... */
    char extract_force_name[128];         /* [extract] force_name: ... or one force for all rows */
    char extract_area[128];               /* [extract] area (optional) */
    char extract_reference[128];          /* [extract] reference (optional) */
    long long zip_member_max;             /* [ingest] zip_member_max: bytes a member may unpack to */
    struct indicator_range indicator_ranges[CONFIG_MAX_RANGES]; /* [ingest] indicator_range */
    int n_indicator_ranges;
};

struct sio_config {
    char path[CONFIG_PATH_MAX];           /* the sio.ini read */
    char store_path[CONFIG_PATH_MAX];     /* [store] path */
    char out_dir[CONFIG_PATH_MAX];        /* [output] dir */
    char measures_path[CONFIG_PATH_MAX];  /* [measures] file, resolved */
    month_t baseline_start;               /* [baseline] start, first month */
    month_t baseline_end;                 /* [baseline] end, last month, inclusive */
    double confidence;                    /* [baseline] confidence, e.g. 0.95 */
    int chart_formats;                    /* [charts] formats, enum chart_format bits */
    char classification[64];              /* [charts] classification, e.g. OFFICIAL */
    char source_note[256];                /* [charts] source */
    unsigned chart_palette[CONFIG_PALETTE_N]; /* [charts] palette, 0xRRGGBB in order */
    struct chart_size chart_sizes[CONFIG_MAX_SIZES]; /* [charts] sizes; [0] has the plain file names */
    int n_chart_sizes;
    int chart_dpi[CONFIG_MAX_DPI];        /* [charts] dpi of PNG files; [0] has the plain names */
    int n_chart_dpi;
    char statement_text[CONFIG_PATH_MAX]; /* [statement] text: the analyst's words, resolved */
    int statement_formats;                /* [statement] formats: enum statement_format bits */
    char statement_reference[CONFIG_PATH_MAX]; /* [statement] reference_docx, resolved */
    char statement_css[CONFIG_PATH_MAX];  /* [statement] print_css, resolved */
    int statement_print_timeout;          /* [statement] print_timeout: seconds, > 0 */
    int statement_print_tabs;             /* [statement] print_tabs: 1 to 8, 0 one a processor */
    int statement_print_tab_pages;        /* [statement] print_tab_pages: 1 to 1000 */
    struct measure_def measures[CONFIG_MAX_MEASURES];
    int n_measures;
    struct priority_def priorities[CONFIG_PRIORITIES]; /* in the order's order */
    int allow_missing;                    /* [comparison] allow_missing: verdicts despite gaps */
    int spc_shift;                        /* [spc] shift: run length on one side, 0 off */
    int spc_trend;                        /* [spc] trend: rising/falling run length, 0 off */
    month_t spc_limits_start;             /* [spc] limits_start; MONTH_NONE: not fixed */
    month_t spc_limits_end;               /* [spc] limits_end, inclusive */
    int spc_min_points;                   /* [spc] min_points: fewer make limits provisional */
    int spc_year_on_year;                 /* [spc] seasonal = year_on_year (else note) */
    struct config_rebase rebase[CONFIG_MAX_REBASE]; /* [spc] rebase, ascending */
    int n_rebase;
    char peers_path[CONFIG_PATH_MAX];     /* [peers] file, resolved; "" when none */
    char annotations_path[CONFIG_PATH_MAX]; /* [annotations] file, resolved; "" when none */
    char run_log[CONFIG_PATH_MAX];        /* [run] log: sio-run's log file */
    char **run_inputs;                    /* [run] inputs, one per line (owned) */
    int n_run_inputs;
    char run_statement_force[128];        /* [run] statement_force: sio-statement --force */
    struct ingest_settings ingest;        /* [ingest] and [extract]: sio-ingest */
};

/* Defaults that hold before any file is read (store var/sio.db, out dir out,
 * baseline 2018-07..2019-06, 95%, all three chart formats, OFFICIAL). */
void config_defaults(struct sio_config *cfg);

/* Load path into cfg (which config_defaults() has set up).  Returns SIO_OK,
 * SIO_ENOINPUT when a file cannot be opened, or SIO_ECONFIG with file:line. */
/* The unit of m's counts or proportions in the tables: "%", its noun, or
 * "count" for an indicator without one. */
const char *config_measure_unit(const struct measure_def *m);

int config_load(const char *path, struct sio_config *cfg, struct sio_error *err);

/* Free what config_load() allocated. */
void config_free(struct sio_config *cfg);

/* The measure with this key, or NULL. */
const struct measure_def *config_measure(const struct sio_config *cfg, const char *key);

/* The national priority with this key, or NULL (a local measure's own key). */
const struct priority_def *config_priority(const struct sio_config *cfg, const char *key);

/* "headline", "context", "activity" or "focus". */
const char *config_role_name(int role);

#endif
