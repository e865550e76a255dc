/*
 * spc.c — XmR limits, the four MDC special-cause rules and the MDC
 * variation and assurance summary.
 *
 * Sources, all in GitHub nhs-r-community/NHSRplotthedots:
 *  - limits: R/ptd_spc_standard.R (mean ± 2.66 mean mR; "close to limits"
 *    beyond mean ± (2/3) 2.66 mean mR; a point is outside when strictly
 *    beyond a limit);
 *  - rules: R/ptd_calculate_point_type.R.  Shift: N consecutive points with
 *    the same sign of (y - mean), so a point on the mean breaks the run.
 *    Trend: ptd_seven_point_trend takes the 7 points y[i-6..i] and asks that
 *    all 6 differences have one sign, so a trend of N is N points forming
 *    N-1 rises (or falls) and an unchanged value breaks it.  Every point of a
 *    qualifying run is flagged (ptd_part_of_seven_trend), including points
 *    that extend it.  Two of three: any window of three consecutive points
 *    all on one side of the mean with at least two beyond 2 sigma flags those
 *    beyond-2-sigma points (ptd_part_of_two_in_three).  Points beyond 3 sigma
 *    count towards it, per the MDC change of November 2023 (issue #194);
 *    the older code counted only points between 2 and 3 sigma;
 *  - summary: R/geom_ptd_icon.R judges variation on the latest point's
 *    point_type, which is improvement when the point's side of the mean
 *    equals the improvement direction and concern otherwise (so a flagged
 *    point exactly on the mean is concern); R/ptd_calculate_assurance_type.R
 *    compares the target with the latest point's limits.
 * Rules run within one segment; no moving range or run crosses a missing
 * month, because a gap means the months either side are not consecutive.
 * The p-chart (limits p +/- 3 sqrt(p (1 - p) / n_i) about the pooled
 * proportion p) is the standard attribute chart for proportions with
 * varying denominators (Montgomery, Introduction to Statistical Quality
 * Control, 6.2; NHSRplotthedots has none).
 */
#include "stats/spc.h"

#include <math.h>

struct spc_rules spc_rules_default(void)
{
    return (struct spc_rules){1, SPC_SHIFT_DEFAULT, SPC_TREND_DEFAULT, 1};
}

struct spc_options spc_options_default(void)
{
    struct spc_options o = {0};
    o.rules = spc_rules_default();
    o.target = NAN;
    o.min_points = SPC_MIN_POINTS;
    return o;
}

static int spc_present(const double *v, size_t i)
{
    return !isnan(v[i]);
}

int spc_limits(const double *values, size_t from, size_t to,
               struct spc_limits *out, struct sio_error *err)
{
    double sum = 0.0, mr_sum = 0.0;
    size_t np = 0, nr = 0;
    for (size_t i = from; i < to; i++) {
        if (!spc_present(values, i))
            continue;
        if (isinf(values[i]))
            return sio_fail(err, SIO_EDATA, NULL, 0,
                            "SPC value at index %zu is infinite", i);
        sum += values[i];
        np++;
        if (i > from && spc_present(values, i - 1)) {
            mr_sum += fabs(values[i] - values[i - 1]);
            nr++;
        }
    }
    if (nr == 0)
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "SPC limits for months %zu to %zu need two "
                        "consecutive months with values", from, to);
    double mean = sum / (double)np, mr = mr_sum / (double)nr;
    double w3 = SPC_LIMIT * mr, w2 = 2.0 / 3.0 * SPC_LIMIT * mr;
    *out = (struct spc_limits){mean, mr, mean - w3, mean + w3,
                               mean - w2, mean + w2, np, nr, 0};
    return SIO_OK;
}

/* A p-chart point: a value in per cent with trials behind it. */
static int spc_p_present(const double *v, const double *n, size_t i)
{
    return !isnan(v[i]) && n[i] > 0;
}

/* The pooled proportion (per cent) of values[from..to) with their trials. */
static int spc_p_centre(const double *v, const double *n, size_t from, size_t to,
                        struct spc_limits *out, struct sio_error *err)
{
    double x = 0, trials = 0;
    size_t np = 0;
    for (size_t i = from; i < to; i++)
        if (spc_p_present(v, n, i)) {
            x += v[i] / 100.0 * n[i];
            trials += n[i];
            np++;
        }
    if (np == 0)
        return sio_fail(err, SIO_EDATA, NULL, 0, "p-chart limits for points %zu to %zu"
                        " need a point with trials", from, to);
    *out = (struct spc_limits){100.0 * x / trials, NAN, NAN, NAN, NAN, NAN, np, 0, 0};
    return SIO_OK;
}

/* Point i's own limits about the pooled centre: p +/- k sqrt(p(1-p)/n_i). */
static void spc_p_point(const struct spc_limits *c, double n, struct spc_limits *out)
{
    double p = c->mean / 100.0, sd = 100.0 * sqrt(p * (1.0 - p) / n);
    *out = *c;
    out->lower = c->mean - 3.0 * sd;
    out->upper = c->mean + 3.0 * sd;
    out->lower2 = c->mean - 2.0 * sd;
    out->upper2 = c->mean + 2.0 * sd;
}

static int spc_check_rules(const struct spc_options *o, struct sio_error *err)
{
    const struct spc_rules *r = &o->rules;
    if (r->shift_run < 0 || r->shift_run == 1 || r->trend_run < 0 ||
        r->trend_run == 1)
        return sio_fail(err, SIO_EUSAGE, NULL, 0,
                        "SPC run lengths must be 0 (off) or at least 2, got "
                        "shift %d and trend %d", r->shift_run, r->trend_run);
    if (o->improvement < -1 || o->improvement > 1)
        return sio_fail(err, SIO_EUSAGE, NULL, 0,
                        "improvement direction must be -1, 0 or +1, got %d",
                        o->improvement);
    return SIO_OK;
}

static int spc_has_baseline(const struct spc_options *o)
{
    return o->baseline_start != 0 || o->baseline_end != 0;
}

static int spc_check_segments(const struct spc_options *o, size_t n,
                              struct sio_error *err)
{
    size_t b0 = o->baseline_start, b1 = o->baseline_end;
    if (spc_has_baseline(o) && !(b0 < b1 && b1 <= n))
        return sio_fail(err, SIO_EDATA, NULL, 0,
                        "SPC baseline [%zu, %zu) is not a window of the %zu "
                        "months", b0, b1, n);
    for (size_t k = 0; k < o->n_rebase; k++) {
        size_t r = o->rebase[k];
        if (r == 0 || r >= n || (k > 0 && r <= o->rebase[k - 1]))
            return sio_fail(err, SIO_EDATA, NULL, 0,
                            "SPC rebase index %zu is not ascending within "
                            "1 to %zu", r, n - 1);
        if (spc_has_baseline(o) && r > b0 && r < b1)
            return sio_fail(err, SIO_EDATA, NULL, 0,
                            "SPC rebase index %zu falls inside the baseline "
                            "[%zu, %zu)", r, b0, b1);
    }
    return SIO_OK;
}

/* The first rebase after `after`, or n. */
static size_t spc_next_boundary(const struct spc_options *o, size_t after,
                                size_t n)
{
    size_t next = n;
    for (size_t k = 0; k < o->n_rebase; k++)
        if (o->rebase[k] > after && o->rebase[k] < next)
            next = o->rebase[k];
    return next;
}

static int spc_sign(double d)
{
    return (d > 0.0) - (d < 0.0);
}

/* Side of the mean for point i; 0 when missing, so it joins no run. */
static int spc_key_side(const double *v, const struct spc_point *p, size_t i,
                        size_t s)
{
    (void)s;
    return spc_present(v, i) ? spc_sign(v[i] - p[i].limits.mean) : 0;
}

/* Direction of the step into point i; 0 at a segment start or a gap. */
static int spc_key_step(const double *v, const struct spc_point *p, size_t i,
                        size_t s)
{
    (void)p;
    if (i == s || !spc_present(v, i) || !spc_present(v, i - 1))
        return 0;
    return spc_sign(v[i] - v[i - 1]);
}

typedef int spc_key_fn(const double *, const struct spc_point *, size_t,
                       size_t);

/* Flag every point of each maximal run of equal non-zero keys in [s, e)
 * that is at least min_len keys long; `back` more points before the run
 * are flagged too, because a run of N-1 steps spans N points. */
static void spc_flag_runs(const double *v, struct spc_point *p, size_t s,
                          size_t e, spc_key_fn *key, size_t min_len,
                          size_t back, unsigned flag)
{
    size_t start = s;
    int prev = 0;
    for (size_t i = s; i < e; i++) {
        int k = key(v, p, i, s);
        if (k == 0 || k != prev)
            start = i;
        prev = k;
        if (k == 0 || i - start + 1 < min_len)
            continue;
        for (size_t j = start - back; j <= i; j++)
            p[j].flags |= flag;
    }
}

static int spc_beyond2(const double *v, const struct spc_point *p, size_t i)
{
    return v[i] > p[i].limits.upper2 || v[i] < p[i].limits.lower2;
}

static void spc_flag_two_of_three(const double *v, struct spc_point *p,
                                  size_t s, size_t e)
{
    for (size_t w = s; w + 3 <= e; w++) {
        int side = p[w].side, beyond = 0;
        for (size_t i = w; i < w + 3; i++) {
            if (!spc_present(v, i) || p[i].side != side)
                side = 0;
            else
                beyond += spc_beyond2(v, p, i);
        }
        if (side == 0 || beyond < 2)
            continue;
        for (size_t i = w; i < w + 3; i++)
            if (spc_beyond2(v, p, i))
                p[i].flags |= SPC_TWO_OF_THREE;
    }
}

static void spc_flag_beyond(const double *v, struct spc_point *p, size_t s,
                            size_t e)
{
    for (size_t i = s; i < e; i++)
        if (v[i] > p[i].limits.upper || v[i] < p[i].limits.lower)
            p[i].flags |= SPC_BEYOND;
}

static void spc_apply_rules(const double *v, struct spc_point *p, size_t s,
                            size_t e, const struct spc_rules *r)
{
    if (r->beyond_limits)
        spc_flag_beyond(v, p, s, e);
    if (r->shift_run > 0)
        spc_flag_runs(v, p, s, e, spc_key_side, (size_t)r->shift_run, 0,
                      SPC_SHIFT);
    if (r->trend_run > 0)
        spc_flag_runs(v, p, s, e, spc_key_step, (size_t)r->trend_run - 1, 1,
                      SPC_TREND);
    if (r->two_of_three)
        spc_flag_two_of_three(v, p, s, e);
}

/* The limits period of segment [s, e): the baseline when it lies there. */
static void spc_limits_period(const struct spc_options *o, size_t s, size_t e,
                              size_t *from, size_t *to)
{
    int fixed = spc_has_baseline(o) && o->baseline_start >= s && o->baseline_end <= e;
    *from = fixed ? o->baseline_start : s;
    *to = fixed ? o->baseline_end : e;
}

static int spc_segment(const double *v, size_t s, size_t e,
                       const struct spc_options *o, struct spc_point *p,
                       struct sio_error *err)
{
    struct spc_limits lim;
    size_t from, to;
    spc_limits_period(o, s, e, &from, &to);
    int rc = o->trials ? spc_p_centre(v, o->trials, from, to, &lim, err)
                       : spc_limits(v, from, to, &lim, err);
    if (rc != SIO_OK)
        return rc;
    lim.provisional = lim.n_points < o->min_points;
    for (size_t i = s; i < e; i++) {
        p[i].limits = lim;
        if (o->trials && o->trials[i] > 0)
            spc_p_point(&lim, o->trials[i], &p[i].limits);
        p[i].flags = 0;
        p[i].side = spc_key_side(v, p, i, s);
    }
    if (!lim.provisional)
        spc_apply_rules(v, p, s, e, &o->rules);
    return SIO_OK;
}

static enum spc_variation spc_variation_of(const struct spc_point *p,
                                           int improvement)
{
    if (p->flags == 0)
        return SPC_COMMON_CAUSE;
    if (improvement == 0)
        return p->side > 0 ? SPC_SPECIAL_HIGH : SPC_SPECIAL_LOW;
    return p->side == improvement ? SPC_SPECIAL_IMPROVING
                                  : SPC_SPECIAL_CONCERNING;
}

static enum spc_assurance spc_assurance_of(const struct spc_point *p,
                                           const struct spc_options *o)
{
    if (isnan(o->target) || o->improvement == 0)
        return SPC_ASSURANCE_NONE;
    /* A target beyond the limits is met or missed by every likely month. */
    if (o->target > p->limits.upper)
        return o->improvement > 0 ? SPC_FAILING : SPC_PASSING;
    if (o->target < p->limits.lower)
        return o->improvement > 0 ? SPC_PASSING : SPC_FAILING;
    return SPC_HIT_AND_MISS;
}

static void spc_summarise(const double *v, size_t n, const struct spc_point *p,
                          const struct spc_options *o, struct spc_summary *sum)
{
    size_t i = n;
    while (i > 0 && !spc_present(v, i - 1))
        i--;
    if (i == 0) {
        *sum = (struct spc_summary){SPC_NO_DATA, SPC_ASSURANCE_NONE, n};
        return;
    }
    sum->latest = i - 1;
    if (p[i - 1].limits.provisional) {
        sum->variation = SPC_TOO_FEW_POINTS;
        sum->assurance = SPC_ASSURANCE_NONE;
        return;
    }
    sum->variation = spc_variation_of(&p[i - 1], o->improvement);
    sum->assurance = spc_assurance_of(&p[i - 1], o);
}

int spc_xmr(const double *values, size_t n, const struct spc_options *opt,
            struct spc_point *out, struct spc_summary *sum,
            struct sio_error *err)
{
    if (n == 0)
        return sio_fail(err, SIO_EDATA, NULL, 0, "SPC series is empty");
    int rc = spc_check_rules(opt, err);
    if (rc == SIO_OK)
        rc = spc_check_segments(opt, n, err);
    for (size_t s = 0; rc == SIO_OK && s < n;) {
        size_t e = spc_next_boundary(opt, s, n);
        rc = spc_segment(values, s, e, opt, out, err);
        s = e;
    }
    if (rc != SIO_OK)
        return rc;
    if (sum)
        spc_summarise(values, n, out, opt, sum);
    return SIO_OK;
}

const char *spc_variation_name(enum spc_variation v)
{
    switch (v) {
    case SPC_NO_DATA: return "no data";
    case SPC_COMMON_CAUSE: return "common cause";
    case SPC_SPECIAL_IMPROVING: return "special cause improving";
    case SPC_SPECIAL_CONCERNING: return "special cause concerning";
    case SPC_SPECIAL_HIGH: return "special cause high";
    case SPC_SPECIAL_LOW: return "special cause low";
    case SPC_TOO_FEW_POINTS: return "no verdict";
    }
    return "unknown";
}

const char *spc_assurance_name(enum spc_assurance a)
{
    switch (a) {
    case SPC_ASSURANCE_NONE: return "no target";
    case SPC_PASSING: return "consistently passing";
    case SPC_FAILING: return "consistently failing";
    case SPC_HIT_AND_MISS: return "hit and miss";
    }
    return "unknown";
}
