/*
 * spc.h — XmR (individuals) control charts and the NHS "Making Data Count"
 * (MDC) special-cause rules, as NHS-R's NHSRplotthedots implements them
 * (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R,
 * R/ptd_calculate_assurance_type.R, R/geom_ptd_icon.R).
 *
 * A series is monthly values with NaN for a missing month.  A missing month
 * is never zero: it is left out of the mean, no moving range is taken across
 * it, it has no side and no flags, and because every rule speaks of
 * consecutive months it breaks every run and every three-point window.
 * The series is cut into segments at each rebase index.  Each segment has
 * its own limits, calculated from all its present points, except the
 * segment holding the baseline, whose limits come from [baseline_start,
 * baseline_end) only and apply to every point of the segment (Making Data
 * Count fixes the limits on a baseline period and judges later points
 * against them, rather than letting a change move its own limits).  Rules
 * never look across a segment boundary.
 *
 * Limits resting on fewer than min_points present points (Making Data
 * Count asks for at least 15) are provisional: drawn, but no point of the
 * segment is flagged and the summary gives no verdict.
 *
 * With trials set the chart is a p-chart for proportions whose denominators
 * vary: values are per cent, the centre line is the pooled proportion p of
 * the limits period (successes over trials), and each point has its own
 * limits p +/- 3 sqrt(p (1 - p) / n_i) (2 sigma likewise), clamped to
 * neither 0 nor 100 (the caller shows them so); the rules are the same.
 */
#ifndef SIO_SPC_H
#define SIO_SPC_H

#include <stddef.h>

#include "sys/error.h"

#define SPC_LIMIT 2.66          /* 3 sigma = 2.66 mean moving ranges */
#define SPC_SHIFT_DEFAULT 7     /* NHSRplotthedots and MDC */
#define SPC_TREND_DEFAULT 6     /* the sio brief; NHSRplotthedots uses 7 */
#define SPC_MIN_POINTS 15       /* Making Data Count: limits from at least 15 */

enum spc_flag {
    SPC_BEYOND = 1 << 0,       /* (a) outside the 3-sigma limits */
    SPC_SHIFT = 1 << 1,        /* (b) part of a run on one side of the mean */
    SPC_TREND = 1 << 2,        /* (c) part of a run of rises or falls */
    SPC_TWO_OF_THREE = 1 << 3, /* (d) beyond 2 sigma, 2 of 3 on one side */
};

enum spc_variation {
    SPC_NO_DATA,            /* no present point to judge */
    SPC_COMMON_CAUSE,       /* latest point has no flag */
    SPC_SPECIAL_IMPROVING,  /* latest point flagged, on the better side */
    SPC_SPECIAL_CONCERNING, /* latest point flagged, not on the better side */
    SPC_SPECIAL_HIGH,       /* flagged above the mean, no direction given */
    SPC_SPECIAL_LOW,        /* flagged, not above the mean, no direction */
    SPC_TOO_FEW_POINTS,     /* the latest point's limits are provisional */
};

enum spc_assurance {
    SPC_ASSURANCE_NONE,  /* no target, or no improvement direction */
    SPC_PASSING,         /* consistently passing: target beyond the limits */
    SPC_FAILING,         /* consistently failing: target beyond the limits */
    SPC_HIT_AND_MISS,    /* target within the limits (inclusive) */
};

struct spc_rules {
    int beyond_limits; /* (a) on when non-zero */
    int shift_run;     /* (b) points in a one-sided run; 0 turns it off */
    int trend_run;     /* (c) points in a monotone run (N points, N-1
                        *     rises); 0 turns it off */
    int two_of_three;  /* (d) on when non-zero */
};

struct spc_options {
    struct spc_rules rules;
    size_t baseline_start; /* limits fixed on [baseline_start, */
    size_t baseline_end;   /*   baseline_end); both 0 when not fixed */
    const size_t *rebase;  /* ascending indices starting new segments */
    size_t n_rebase;       /* entries in rebase; 0 when none */
    int improvement;       /* +1 higher is better, -1 lower, 0 neutral */
    double target;         /* NaN when there is no target */
    size_t min_points;     /* fewer points make limits provisional; 0: no minimum */
    const double *trials;  /* p-chart: trials per point (values in per cent);
                            * NULL: XmR */
};

struct spc_limits {
    double mean;     /* centre line: mean of present points (p-chart: pooled %) */
    double mr_mean;  /* mean of moving ranges between consecutive present;
                      * NaN for a p-chart */
    double lower;    /* mean - 2.66 mr_mean (3 sigma); may be below 0 */
    double upper;    /* mean + 2.66 mr_mean */
    double lower2;   /* mean - (2/3) 2.66 mr_mean (2 sigma) */
    double upper2;   /* mean + (2/3) 2.66 mr_mean */
    size_t n_points; /* present points used */
    size_t n_ranges; /* moving ranges used (0 for a p-chart) */
    int provisional; /* n_points < min_points: no flags, no verdict */
};

struct spc_point {
    struct spc_limits limits; /* the limits of this point's segment */
    int side;       /* +1 above the mean, -1 below, 0 on it or missing */
    unsigned flags; /* enum spc_flag bits, 0 for a missing month */
};

struct spc_summary {
    enum spc_variation variation; /* judged on the latest present point */
    enum spc_assurance assurance; /* judged on the last segment's limits */
    size_t latest;                /* index of that point; n when none */
};

/* Rules with every rule on, shift 7 and trend 6 (the brief's choice). */
struct spc_rules spc_rules_default(void);

/* Options with default rules, no baseline, no rebase, neutral direction,
 * no target, SPC_MIN_POINTS and an XmR chart. */
struct spc_options spc_options_default(void);

/* Limits from values[from..to); SIO_EDATA when fewer than two consecutive
 * present months give no moving range. */
int spc_limits(const double *values, size_t from, size_t to,
               struct spc_limits *out, struct sio_error *err);

/* Fill out[0..n) with each point's limits, side and flags, and *sum (may
 * be NULL) with the summary; SIO_EDATA for a bad baseline or rebase list or
 * a segment without a moving range (XmR) or without trials (p-chart),
 * SIO_EUSAGE for a negative rule length or an improvement other than -1, 0,
 * +1. */
int spc_xmr(const double *values, size_t n, const struct spc_options *opt,
            struct spc_point *out, struct spc_summary *sum,
            struct sio_error *err);

/* The MDC wording of a variation or assurance value, e.g. "special cause
 * improving" ("no verdict" for SPC_TOO_FEW_POINTS); a static string. */
const char *spc_variation_name(enum spc_variation v);
const char *spc_assurance_name(enum spc_assurance a);

#endif
