/*
 * results.h — what sio-measures wrote that the charts other than the
 * quarterly one need: SPC points and summary, peer comparisons, verdict
 * sentences and the analyst's annotations (lib/store/schema/20-results.sql).
 *
 * Each reader fills a caller-owned struct for one force (and measure), with
 * the digest of every row it read (digest_step), and leaves it empty (n = 0)
 * when the store has no rows for it: an empty table
 * is normal while a measure has no such result, and the caller skips that
 * chart.  Arrays are malloc'd; the matching _free() releases them and may be
 * called on a zeroed struct.  Months that do not parse are SIO_EDATA naming
 * the table.
 */
#ifndef SIO_CHARTS_RESULTS_H
#define SIO_CHARTS_RESULTS_H

#include "digest.h"
#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>
#include <stddef.h>

struct chart_annotation {
    month_t month;       /* the month it marks */
    char label[160];     /* the analyst's words */
};

struct annotation_list {
    struct chart_annotation *a; /* ascending by month */
    size_t n;
    struct digest digest;       /* of the rows read (digest.h) */
};

struct spc_point {
    month_t month;
    double value;        /* NAN: missing month (a gap) */
    double centre, lower, upper; /* NAN when not computed */
    int segment;         /* limits recalculated where this changes */
    char rules[64];      /* "" or comma list: beyond,shift,trend,two_of_three */
    char signal[16];     /* "" | improvement | concern | neutral */
};

struct spc_series {
    char force[128], measure_key[64], measure_label[128];
    char noun[64];         /* what is counted: "crimes"; "" = a plain number */
    char force_name[128];  /* shown to people; force is the results-table key */
    struct spc_point *p; /* ascending, consecutive periods (missing ones included) */
    size_t n;
    int step;            /* months per point: 1, 3 (quarters) or 12 */
    int p_chart;         /* a p-chart: each point has its own limits */
    int year_on_year;    /* each point is the change on the same month a year earlier */
    double lowest, highest; /* the range values can take: limits are shown inside it */
    char variation[64];  /* spc_summary.variation, "" if none */
    char why[200];       /* why there is no verdict, "" when there is one */
    char assurance[64];  /* spc_summary.assurance, "" if none */
    month_t limits_start, limits_end; /* what the first limits were fixed on; MONTH_NONE */
    int limits_points;   /* the points they rest on */
    char note[512];      /* spc_summary.note: the limits period, rebases, seasonality */
    double target;       /* NAN: no target */
    const struct annotation_list *notes; /* borrowed; may be NULL */
    struct digest digest;  /* of the rows read and the force's name (digest.h) */
};

struct peer_member {
    char name[128];                /* results-table key */
    char display[128];             /* shown to people */
    double rate, ci_low, ci_high; /* per 1,000; NAN if unknown */
    int rank;                     /* 1 = lowest; 0 unknown */
    int significant;              /* 1: differs from the others pooled; 0: not; -1: no test */
};

struct peer_series {
    char force[128], measure_key[64], measure_label[128];
    char noun[64];         /* what is counted: "crimes"; "" = a plain number */
    char force_name[128];  /* shown to people; force is the results-table key */
    char period[64];     /* '12 months to 2022-03' */
    char group[128];     /* the most similar group's name */
    struct peer_member *m; /* ascending by rate */
    size_t n;
    double peer_mean;    /* the group's mean rate */
    double national;     /* England and Wales rate for the period; NAN if none */
    int population_year; /* the force's population estimate's year; 0 unknown */
    char population_source[160]; /* its basis and file, "" unknown */
    struct digest digest;  /* of the rows read and the names shown (digest.h) */
};

/* Annotations for force (its own and those with force ''). */
int results_annotations(sqlite3 *db, const char *force, struct annotation_list *out,
                        struct sio_error *err);
void results_annotations_free(struct annotation_list *l);

/* SPC points and summary of force x measure; labels are the caller's.  The
 * summary is read first, and the series' frequency from the catalogue
 * (measure_windows; monthly when it has none): points one step apart that
 * sio-measures left out become gaps. */
int results_spc(sqlite3 *db, const char *force, const char *measure,
                struct spc_series *out, struct sio_error *err);
void results_spc_free(struct spc_series *s);

/* The lower and upper limits of p as shown: inside [s->lowest, s->highest]
 * (a count cannot fall below 0 nor a share pass 100), NAN when none. */
double results_spc_lower_shown(const struct spc_series *s, const struct spc_point *p);
double results_spc_upper_shown(const struct spc_series *s, const struct spc_point *p);

/* The period of point i in words: "Apr 2020", or "2020/21 Q1" for quarters
 * (buf at least 16 bytes). */
const char *results_spc_period_words(const struct spc_series *s, month_t m, char *buf);

/* The latest period's most similar group comparison for force x measure. */
int results_peers(sqlite3 *db, const char *force, const char *measure,
                  struct peer_series *out, struct sio_error *err);
void results_peers_free(struct peer_series *s);

/* The baseline verdict sentence for force x measure into buf ("" if none). */
int results_sentence(sqlite3 *db, const char *force, const char *measure,
                     char *buf, size_t size, struct sio_error *err);

/* Periods of s with no value, written "Apr 2020, May 2020" (quarters
 * "2019/20 Q1") into buf ("" if none; "and N more" past
 * RESULTS_MISSING_NAMED, which keeps the charts' footnote on one line).
 * Returns the count. */
#define RESULTS_MISSING_NAMED 8
int results_missing_words(const struct spc_series *s, char *buf, size_t size);


#endif
