/*
 * quarterly.h — the quarterly chart of one measure for one force.
 *
 * A struct quarter_series holds what the chart shows, already read (from the
 * store by series.c, or built in memory by tests): one point per financial
 * quarter in ascending order.  Quarters may be missing altogether or present
 * with months_covered = 0; both are drawn as gaps, never as zero bars.  The
 * title, subtitle and alt text are built from the latest quarter with data,
 * whose change_pct compares its rolling 12 months with the baseline.
 */
#ifndef SIO_QUARTERLY_H
#define SIO_QUARTERLY_H

#include "chart.h"
#include "results.h"
#include "sys/month.h"

#include <stddef.h>

struct quarter_point {
    month_t start;          /* first month of the financial quarter */
    long count;             /* crimes in the covered months */
    long r12_count;         /* the 12 months ending with the quarter */
    int months_covered;     /* 0..3; < 3 is a partial quarter */
    double change_pct;      /* 12 months to this quarter vs baseline, %; NAN if none */
    double ci_low_pct;      /* confidence interval of change_pct; NAN if none */
    double ci_high_pct;
    char verdict[32];       /* sio-measures' word: improvement | deterioration | no
                             * significant change | not tested | not comparable */
};

struct quarter_series {
    char force[128];              /* results-table key: "thames-valley" (the folder name) */
    char force_name[128];         /* shown to people: "Thames Valley Police" */
    char measure_key[64];         /* "neighbourhood_crime" */
    char measure_label[128];      /* "Neighbourhood crime" */
    char noun[64];                /* what is counted: "crimes"; "" = a plain number */
    char stem[64];                /* chart file stem, from the catalogue */
    char source_note[256];        /* "Source: ..." for this measure, from the catalogue */
    int better;                   /* -1: a fall is an improvement; +1: a rise is */
    month_t baseline_start;       /* first baseline month */
    month_t baseline_end;         /* last baseline month, inclusive */
    long baseline_count;          /* crimes in the covered baseline months */
    int baseline_months;          /* covered baseline months; 0 = no baseline */
    struct quarter_point *q;      /* ascending by start; owned by whoever filled it */
    size_t n;
    const struct annotation_list *notes; /* analyst's annotations; borrowed, may be NULL */
    double target;                /* monthly target, drawn x3 a quarter; NAN: none */
    char missing[256];            /* months with no data in words ("Apr 2020, May 2020"); "" */
    struct digest digest;         /* of what the chart draws from the store (digest.h) */
};

/* Baseline average per quarter (baseline_count / baseline_months * 3), or
 * NAN when there is no baseline. */
double quarterly_baseline_level(const struct quarter_series *s);

/* The latest quarter with data (months_covered > 0), or NULL. */
const struct quarter_point *quarterly_latest(const struct quarter_series *s);

/* The latest quarter whose change against the baseline can be stated
 * (covered, finite change, verdict not "not comparable"), or NULL. */
const struct quarter_point *quarterly_finding(const struct quarter_series *s);

/* The title that states the finding, e.g.
 * "Neighbourhood crime: 12% lower than the baseline".  Returns buf. */
char *quarterly_title(const struct quarter_series *s, char *buf, size_t size);

/* Force and the periods compared, e.g. "Thames Valley Police. 12 months to
 * Dec 2023 compared with the baseline, Jul 2018 to Jun 2019".  Returns buf. */
char *quarterly_subtitle(const struct quarter_series *s, char *buf, size_t size);

/* One or two sentences describing the chart with its key numbers, ending in
 * a newline.  Returns buf. */
char *quarterly_alt_text(const struct quarter_series *s, char *buf, size_t size);

/* chart_draw_fn for a const struct quarter_series *. */
void quarterly_draw(const void *series, const struct chart_style *st);

#endif
