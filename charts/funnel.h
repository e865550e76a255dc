/*
 * funnel.h — the funnel plot of one measure with one force highlighted.
 *
 * Every force's rate per 1,000 over the same 12 months (y) against its
 * population (x, millions), the target rate (the pooled rate of the forces
 * plotted: England and Wales when every force is there) as a line, and the
 * exact Poisson 95% (dashed) and 99.8% (solid) control limits around it as
 * curves that narrow as populations grow (lib/stats/funnel.h).  The force
 * is drawn large in the first palette colour and named; the forces furthest
 * outside the 99.8% limits are named too, and a force whose rate would
 * squash the rest is drawn off the scale (funnel_layout.h).  The figures are sio-measures' (the
 * funnel_plots and funnel_points tables); the curves are drawn from the
 * same function that gave the stored limits.
 */
#ifndef SIO_CHARTS_FUNNEL_H
#define SIO_CHARTS_FUNNEL_H

#include "chart.h"
#include "digest.h"

#include <plplot.h>
#include <sqlite3.h>
#include <stddef.h>

struct funnel_point {
    char key[64];                 /* results-table force key */
    char display[128];            /* shown to people */
    long count, population;
    double rate, low_95, high_95, low_998, high_998; /* per 1,000 */
    char position[16];            /* above 99.8% | above 95% | within | below 95% | below 99.8% */
    int off_scale;                /* +1 above the y axis, -1 below it, 0 on it (funnel_layout.h) */
    int named;                    /* its name is drawn */
};

#define FUNNEL_CURVE_POINTS 160

struct funnel_curve {
    PLFLT x[FUNNEL_CURVE_POINTS], y[FUNNEL_CURVE_POINTS]; /* world coordinates */
    int n;
};

struct funnel_series {
    char force[128], force_name[128];
    char measure_key[64], measure_label[128], noun[64];
    char start[8], end[8];        /* the 12 months, YYYY-MM */
    char area[64];                /* 'England and Wales' or 'the 4 forces with data' */
    char population_source[256];  /* "" when the forces' differ */
    int population_year;          /* 0 when the forces' differ */
    int left_out;                 /* forces with figures not plotted */
    double target;                /* per 1,000 */
    struct funnel_point *p;       /* by population */
    size_t n;
    const struct funnel_point *self; /* the force's own point, NULL when not plotted */
    struct digest digest;         /* of the rows read and the names shown */
    struct funnel_curve curve[4]; /* the 95% limits, low and high, then the 99.8% */
    /* of the forces other than the force (funnel_layout_mark): */
    int n_out998, n_out95;        /* outside the 99.8% limits; outside the 95% only */
    int n_named998;               /* outside the 99.8% limits and named */
    int n_off;                    /* off the scale, the force too */
};

/* The funnel of measure with force highlighted; out->n = 0 when sio-measures
 * drew none for the measure.  Labels (measure_label, noun) are the caller's. */
int funnel_load(sqlite3 *db, const char *force, const char *measure,
                struct funnel_series *out, struct sio_error *err);
void funnel_free(struct funnel_series *s);

/* The title that states the finding: where the force's rate lies. */
char *funnel_title(const struct funnel_series *s, char *buf, size_t size);

/* The key numbers in a sentence or three, ending in a newline. */
char *funnel_alt_text(const struct funnel_series *s, char *buf, size_t size);

/* chart_draw_fn for a const struct funnel_series * with n > 0. */
void funnel_draw(const void *series, const struct chart_style *st);

#endif
