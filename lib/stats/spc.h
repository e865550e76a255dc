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
 * The series is cut into segments: at 0, at the baseline start if it is set,
 * and at each rebase index.  Each segment has its own limits, calculated from
 * all its present points, except the segment starting at the baseline start,
 * whose limits come from [baseline_start, baseline_end) only and are applied
 * forward to the segment's end.  Rules never look across a segment boundary.
 */
#ifndef SIO_SPC_H
#define SIO_SPC_H

#include <stddef.h>

#include "sys/error.h"

#define SPC_LIMIT 2.66          /* 3 sigma = 2.66 mean moving ranges */
#define SPC_SHIFT_DEFAULT 7     /* NHSRplotthedots and MDC */
#define SPC_TREND_DEFAULT 6     /* the sio brief; NHSRplotthedots uses 7 */

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
};

struct spc_limits {
    double mean;     /* centre line: mean of present points */
    double mr_mean;  /* mean of moving ranges between consecutive present */
    double lower;    /* mean - 2.66 mr_mean (3 sigma) */
    double upper;    /* mean + 2.66 mr_mean */
    double lower2;   /* mean - (2/3) 2.66 mr_mean (2 sigma) */
    double upper2;   /* mean + (2/3) 2.66 mr_mean */
    size_t n_points; /* present points used */
    size_t n_ranges; /* moving ranges used */
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

/* Options with default rules, no baseline, no rebase, neutral direction
 * and no target. */
struct spc_options spc_options_default(void);

/* Limits from values[from..to); SIO_EDATA when fewer than two consecutive
 * present months give no moving range. */
int spc_limits(const double *values, size_t from, size_t to,
               struct spc_limits *out, struct sio_error *err);

/* Fill out[0..n) with each point's limits, side and flags, and *sum (may
 * be NULL) with the summary; SIO_EDATA for a bad baseline or rebase list or
 * a segment without a moving range, SIO_EUSAGE for a negative rule length
 * or an improvement other than -1, 0, +1. */
int spc_xmr(const double *values, size_t n, const struct spc_options *opt,
            struct spc_point *out, struct spc_summary *sum,
            struct sio_error *err);

/* The MDC wording of a variation or assurance value, e.g. "special cause
 * improving"; a static string. */
const char *spc_variation_name(enum spc_variation v);
const char *spc_assurance_name(enum spc_assurance a);

#endif
