/*
 * catalogue.h — reading the catalogue sio-measures wrote, and the charts
 * sio-charts drew (lib/store/schema/30-catalogue.sql).
 *
 * The catalogue is the one place later stages learn what a measure is
 * (label, noun, priority, source, chart file stem), which periods its
 * figures were compared over, and which chart files exist: sio-charts and
 * sio-statement read these and never work them out again from the
 * configuration.  A store whose results were made before the catalogue
 * existed has none: the readers then fail with SIO_EDATA saying to run
 * sio-measures again.  Months are MONTH_NONE where the store has NULL.
 */
#ifndef SIO_STORE_CATALOGUE_H
#define SIO_STORE_CATALOGUE_H

#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>
#include <stddef.h>

struct catalogue_measure {
    char key[64];                /* measures.ini section name */
    int position;                /* its place in measures.ini, from 1 */
    char label[128];
    char noun[64];               /* "crimes"; "" = a plain number */
    char unit[64];               /* "%", the noun, or "count" */
    char priority[64];           /* the national priority served (or a local key) */
    char role[16];               /* headline | context | activity | focus */
    int precedence;              /* 1 = first headline choice; 0 = not a candidate */
    char source_kind[64];        /* "Home Office recorded crime" ... */
    char source_description[128];/* "Home Office police recorded crime, by financial quarter" */
    char definition[1024];       /* exactly what is counted */
    char source_file[256];       /* what to load to get it */
    char source_note[256];       /* the charts' "Source: ..." line */
    int source_loaded;           /* the store holds rows of this source */
    int better;                  /* -1: a fall is an improvement; +1: a rise is */
    char better_reason[512];     /* why, where a reader could doubt it; "" = none given */
    int proportion;              /* statistic = proportion */
    double target;               /* NAN: none */
    char stem[64];               /* chart file stem */
};

/* The periods of one force x measure (catalogue measure_windows). */
struct catalogue_windows {
    int found;                   /* the store has the row */
    char frequency[16];          /* month | quarter | year | rolling year; "" = no data */
    month_t first, last;         /* months with data */
    month_t quarter[2];          /* latest complete financial quarter: start, end */
    month_t r12[2];              /* latest 12 months */
    month_t baseline[2];
    month_t year_earlier[2];     /* the 12 months before r12 */
    month_t quarter_last_year[2];
    double confidence;           /* e.g. 0.95 */
};

/* A national priority as sio-measures stored it. */
struct catalogue_priority {
    char key[64];
    int position;                /* 1..6 */
    char title[160];
    int applicable;
    char reason[512];            /* "" when the configuration gives none */
};

/* One chart sio-charts drew. */
struct catalogue_chart {
    char kind[16];               /* quarterly | spc | peers | overview */
    char name[512];              /* relative to the output folder, no extension */
    char formats[32];            /* "png svg pdf" */
    char alt[8192];
};

/* The measure with key into out: SIO_OK, SIO_EDATA when the catalogue does
 * not have it (results older than the catalogue: run sio-measures). */
int catalogue_measure_get(sqlite3 *db, const char *key, struct catalogue_measure *out,
                          struct sio_error *err);

/* Every measure in measures.ini order: *out is malloc'd (free it), *n set. */
int catalogue_measures(sqlite3 *db, struct catalogue_measure **out, int *n,
                       struct sio_error *err);

/* force x key's windows into out (out->found = 0 when there is no row). */
int catalogue_windows_get(sqlite3 *db, const char *force, const char *key,
                          struct catalogue_windows *out, struct sio_error *err);

/* The six priorities in the order's order into out[0..5]; *n gets how many
 * the store has (0: results older than the catalogue). */
int catalogue_priorities(sqlite3 *db, struct catalogue_priority out[6], int *n,
                         struct sio_error *err);

/* Forget every chart (sio-charts, before drawing). */
int catalogue_charts_clear(sqlite3 *db, struct sio_error *err);

/* Record a chart drawn for force x measure (measure "" for a force-wide
 * chart); position orders the kinds on a page. */
int catalogue_chart_put(sqlite3 *db, const char *force, const char *measure, int position,
                        const struct catalogue_chart *c, struct sio_error *err);

/* The charts of force x measure in position order: *out malloc'd, *n set. */
int catalogue_charts(sqlite3 *db, const char *force, const char *measure,
                     struct catalogue_chart **out, int *n, struct sio_error *err);

#endif
