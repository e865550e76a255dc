/*
 * funnel_layout.c — the funnel plot's window, the forces it names and
 * where their names go (see funnel_layout.h for the rules and why).
 *
 * The names are placed one at a time, greedily, each at the first of a
 * fixed list of candidate places that is free: a name pushed only apart
 * from other names (as this file did before) could land on another force's
 * mark in the national cluster, where the marks are what the reader looks
 * at.  Marks and names are treated as boxes, which errs on the side of room.
 */
#include "funnel_layout.h"

#include "frame.h"
#include "stats/funnel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the window ---------------------------------------------------------- */

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* R's quantile(v, p, type = 7) of v[0..n-1], sorted. */
static double quantile7(const double *v, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t i = (size_t)floor(h);
    return i + 1 < n ? v[i] + (h - (double)i) * (v[i + 1] - v[i]) : v[n - 1];
}

void funnel_layout_y_span(const struct funnel_series *s, double *lo, double *hi)
{
    double *r = malloc(s->n * sizeof *r), lo998, hi998;
    double mid = (double)s->p[s->n / 2].population; /* the points are by population */

    *lo = *hi = s->target;
    for (size_t i = 0; i < s->n && r; i++)
        r[i] = s->p[i].rate;
    if (r) {
        qsort(r, s->n, sizeof *r, by_value);
        *lo = fmin(*lo, quantile7(r, s->n, 0.05));
        *hi = fmax(*hi, quantile7(r, s->n, 0.95));
        free(r);
    }
    funnel_limits(s->target / 1000 * mid, 0.998, &lo998, &hi998);
    if (mid > 0 && isfinite(lo998) && isfinite(hi998)) {
        *lo = fmin(*lo, lo998 / mid * 1000);
        *hi = fmax(*hi, hi998 / mid * 1000);
    }
    double span = *hi - *lo, reach_lo, reach_hi;
    if (!(span > 0))
        span = fmax(s->target, 1e-3);
    reach_lo = *lo - FUNNEL_Y_MARGIN * span;
    reach_hi = *hi + FUNNEL_Y_MARGIN * span;
    for (size_t i = 0; i < s->n; i++) /* every rate, when out of memory */
        if (!r || (s->p[i].rate >= reach_lo && s->p[i].rate <= reach_hi)) {
            *lo = fmin(*lo, s->p[i].rate);
            *hi = fmax(*hi, s->p[i].rate);
        }
}

/* World x of a population: millions, or their log10 when forces' sizes
 * differ by more than LOG_RATIO (England and Wales: the City of London's
 * 10,000 residents beside the Met's nine million). */
#define LOG_RATIO 20.0

void funnel_layout_frame(const struct funnel_series *s, struct funnel_frame *f)
{
    double least = INFINITY, most = 0, lo, hi;
    for (size_t i = 0; i < s->n; i++) {
        least = fmin(least, (double)s->p[i].population);
        most = fmax(most, (double)s->p[i].population);
    }
    f->log_x = most > least * LOG_RATIO;
    if (f->log_x) {
        f->x0 = floor(log10(least / 1e6) * 2) / 2; /* to the half decade */
        f->x1 = ceil(log10(most / 1e6) * 2) / 2;
        f->xstep = 0;
    } else {
        f->xstep = frame_nice_step(most / 1e6 * 1.08, 0.1);
        f->x0 = 0;
        f->x1 = ceil(most / 1e6 * 1.08 / f->xstep) * f->xstep;
    }
    funnel_layout_y_span(s, &lo, &hi);
    if (!(hi > lo))
        hi = lo + fmax(s->target, 1e-3);
    double pad = (hi - lo) * 0.15;
    lo = fmax(0, lo - pad);
    hi += pad;
    f->ystep = frame_nice_step(hi - lo, 1e-4);
    f->y0 = floor(lo / f->ystep) * f->ystep;
    f->y1 = ceil(hi / f->ystep) * f->ystep;
}

/* ---- the names ---------------------------------------------------------- */

double funnel_layout_beyond(const struct funnel_point *p, double target)
{
    double limit = p->rate >= target ? p->high_998 : p->low_998;
    double reach = fabs(limit - target);
    return reach > 0 ? fabs(p->rate - target) / reach : p->rate == target ? 0 : INFINITY;
}

static int outside_998(const struct funnel_point *p)
{
    return !strcmp(p->position, "above 99.8%") || !strcmp(p->position, "below 99.8%");
}

void funnel_layout_mark(struct funnel_series *s, const struct funnel_frame *f)
{
    int named = 0;
    s->n_out998 = s->n_out95 = s->n_named998 = s->n_off = 0;
    for (size_t i = 0; i < s->n; i++) {
        struct funnel_point *p = &s->p[i];
        int self = p == s->self;
        p->off_scale = p->rate > f->y1 ? 1 : p->rate < f->y0 ? -1 : 0;
        p->named = self || p->off_scale; /* an off-scale force carries its rate */
        s->n_off += p->off_scale != 0;
        if (self)
            continue;
        named += p->named;
        if (outside_998(p))
            s->n_out998++;
        else if (strcmp(p->position, "within") != 0)
            s->n_out95++;
    }
    /* then the furthest outside the 99.8% limits, the key breaking ties */
    while (named < FUNNEL_NAMED_MAX) {
        struct funnel_point *best = NULL;
        double best_beyond = 0;
        for (size_t i = 0; i < s->n; i++) {
            struct funnel_point *p = &s->p[i];
            if (p->named || !outside_998(p))
                continue;
            double b = funnel_layout_beyond(p, s->target);
            if (!best || b > best_beyond || (b == best_beyond && strcmp(p->key, best->key) < 0))
                best = p, best_beyond = b;
        }
        if (!best)
            break;
        best->named = 1;
        named++;
    }
    for (size_t i = 0; i < s->n; i++)
        s->n_named998 += &s->p[i] != s->self && s->p[i].named && outside_998(&s->p[i]);
}

/* ---- where the names go ------------------------------------------------- */

/* A box: x0..x1 by y0..y1 (page fractions). */
struct box {
    double x0, x1, y0, y1;
};

static int boxes_meet(const struct box *a, const struct box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Whether the segment (ax, ay)-(bx, by) passes through the inside of box b
 * (Liang-Barsky: clip the segment's parameter t in 0..1 to each slab). */
static int segment_meets_box(double ax, double ay, double bx, double by, const struct box *b)
{
    double t0 = 0, t1 = 1, d[2] = {bx - ax, by - ay}, a[2] = {ax, ay};
    double lo[2] = {b->x0, b->y0}, hi[2] = {b->x1, b->y1};
    for (int k = 0; k < 2; k++) {
        if (d[k] == 0) {
            if (a[k] <= lo[k] || a[k] >= hi[k])
                return 0;
            continue;
        }
        double u = (lo[k] - a[k]) / d[k], v = (hi[k] - a[k]) / d[k];
        if (u > v) {
            double t = u;
            u = v, v = t;
        }
        t0 = fmax(t0, u), t1 = fmin(t1, v);
        if (t0 >= t1)
            return 0;
    }
    return 1;
}

/* Which side of the line through a and b the point c lies (the sign of the
 * cross product). */
static int turn(double ax, double ay, double bx, double by, double cx, double cy)
{
    double z = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    return (z > 0) - (z < 0);
}

/* Whether two leaders cross (touching at an end is not crossing). */
static int leaders_cross(const struct funnel_label *p, const struct funnel_label *q)
{
    return turn(p->x, p->y, p->ax, p->ay, q->x, q->y) *
                   turn(p->x, p->y, p->ax, p->ay, q->ax, q->ay) < 0 &&
           turn(q->x, q->y, q->ax, q->ay, p->x, p->y) *
                   turn(q->x, q->y, q->ax, q->ay, p->ax, p->ay) < 0;
}

static struct box label_box(const struct funnel_label *l)
{
    return (struct box){l->lx, l->lx + l->w, l->ly - l->h / 2, l->ly + l->h / 2};
}

/* Whether l, as now placed, is inside the plot, covers no mark, and meets
 * none of the names placed before it (done[0..n_done-1]) nor their leaders,
 * nor (unless crossing) crosses their leaders with its own. */
static int place_is_free(const struct funnel_label *l, const struct funnel_label *const *done,
                         size_t n_done, const struct funnel_dot *dots, size_t n_dots,
                         const struct box *plot, int crossing)
{
    struct box b = label_box(l);
    if (b.x0 < plot->x0 || b.x1 > plot->x1 || b.y0 < plot->y0 || b.y1 > plot->y1)
        return 0;
    for (size_t i = 0; i < n_dots; i++) {
        struct box d = {dots[i].x - dots[i].rx, dots[i].x + dots[i].rx, dots[i].y - dots[i].ry,
                        dots[i].y + dots[i].ry};
        if (boxes_meet(&b, &d))
            return 0;
    }
    for (size_t i = 0; i < n_done; i++) {
        struct box o = label_box(done[i]);
        if (boxes_meet(&b, &o) ||
            (done[i]->leader && segment_meets_box(done[i]->x, done[i]->y, done[i]->ax,
                                                  done[i]->ay, &b)) ||
            (l->leader && segment_meets_box(l->x, l->y, l->ax, l->ay, &o)) ||
            (!crossing && l->leader && done[i]->leader && leaders_cross(l, done[i])))
            return 0;
    }
    return 1;
}

/* Put l on side, its middle dy above the point (a leader when dy is not 0),
 * held inside y0..y1 when held. */
static void put(struct funnel_label *l, enum funnel_side side, double dy, double far,
                const struct box *plot, int held)
{
    double x0 = plot->x0, x1 = plot->x1, lift = l->ry + l->h * 0.15 + l->h / 2; /* a name above or below: clear of its mark */
    l->side = side;
    l->leader = dy != 0;
    switch (side) {
    case FUNNEL_LEFT:
        l->lx = l->x - l->gap * (dy != 0 ? 2 : 1) - far - l->w;
        l->ly = l->y + dy;
        break;
    case FUNNEL_ABOVE:
    case FUNNEL_BELOW: /* centred on the point, or as near as the plot allows */
        l->lx = fmax(x0, fmin(l->x - l->w / 2, x1 - l->w));
        l->ly = l->y + (dy != 0 ? dy : side == FUNNEL_ABOVE ? lift : -lift);
        break;
    default:
        l->lx = l->x + l->gap * (dy != 0 ? 2 : 1) + far;
        l->ly = l->y + dy;
        break;
    }
    if (held)
        l->ly = fmax(plot->y0 + l->h / 2, fmin(l->ly, plot->y1 - l->h / 2));
    l->ax = side == FUNNEL_LEFT ? l->lx + l->w : side == FUNNEL_RIGHT ? l->lx : l->x;
    l->ay = side == FUNNEL_ABOVE ? l->ly - l->h / 2 : side == FUNNEL_BELOW ? l->ly + l->h / 2
                                                                           : l->ly;
}

/* The first free place for l among those k half-heights from its point in
 * the order funnel_layout_place gives (k = 0: beside, above, below it). */
static int place_at(struct funnel_label *l, int k, int far, const struct funnel_label *const *done,
                    size_t n_done, const struct funnel_dot *dots, size_t n_dots,
                    const struct box *plot, int crossing)
{
    static const enum funnel_side near[4] = {FUNNEL_RIGHT, FUNNEL_LEFT, FUNNEL_ABOVE,
                                             FUNNEL_BELOW};
    if (k == 0) {
        for (int c = 0; c < 4 && !far; c++) {
            put(l, near[c], 0, 0, plot, 1);
            if (place_is_free(l, done, n_done, dots, n_dots, plot, crossing))
                return 1;
        }
        return 0;
    }
    for (int up = 1; up >= 0; up--)
        for (int c = far ? 3 : 0; c < (far ? 5 : 3); c++) {
            /* right, left, centred over (or under) the point; far: right and
             * left a name's length further out */
            static const enum funnel_side side[5] = {FUNNEL_RIGHT, FUNNEL_LEFT, FUNNEL_ABOVE,
                                                     FUNNEL_RIGHT, FUNNEL_LEFT};
            double dy = (up ? 1 : -1) * l->h / 2 * k;
            if (l->y + dy - l->h / 2 < plot->y0 || l->y + dy + l->h / 2 > plot->y1)
                continue;
            put(l, side[c] == FUNNEL_ABOVE && !up ? FUNNEL_BELOW : side[c], dy, far ? l->w : 0,
                plot, 0);
            if (place_is_free(l, done, n_done, dots, n_dots, plot, crossing))
                return 1;
        }
    return 0;
}

/* The first free place for l, nearest first, where its leader crosses no
 * other, else where it crosses one; 0 when there is none. */
static int place_one(struct funnel_label *l, const struct funnel_label *const *done,
                     size_t n_done, const struct funnel_dot *dots, size_t n_dots,
                     const struct box *plot)
{
    int most = l->h > 0 ? (int)ceil((plot->y1 - plot->y0) / (l->h / 2)) : 0;
    /* near the point with no leader crossed; a name's length further out;
     * then the same crossing another leader */
    for (int tier = 0; tier < 4; tier++)
        for (int k = 0; k <= most; k++)
            if (place_at(l, k, tier % 2, done, n_done, dots, n_dots, plot, tier / 2))
                return 1;
    return 0;
}

/* Place the names in the order given by order[0..n-1]; returns how many
 * found no place. */
static size_t place_in_order(struct funnel_label *l, const size_t *order, size_t n,
                             const struct funnel_label **done, const struct funnel_dot *dots,
                             size_t n_dots, const struct box *plot)
{
    size_t n_done = 0, dropped = 0;
    for (size_t o = 0; o < n; o++) {
        struct funnel_label *e = &l[order[o]];
        if (place_one(e, done, n_done, dots, n_dots, plot))
            done[n_done++] = e;
        else {
            e->side = FUNNEL_DROPPED;
            e->leader = 0;
            dropped++;
        }
    }
    return dropped;
}

void funnel_layout_place(struct funnel_label *l, size_t n, const struct funnel_dot *dots,
                         size_t n_dots, double x0, double x1, double y0, double y1)
{
    if (n == 0)
        return;
    const struct funnel_label **done = malloc(n * sizeof *done);
    size_t *order = malloc(n * sizeof *order), *next = malloc(n * sizeof *next);
    struct funnel_label *best = malloc(n * sizeof *best);
    struct box plot = {x0, x1, y0, y1};

    if (!done || !order || !next || !best) { /* out of memory: names beside their points */
        for (size_t i = 0; i < n; i++)
            put(&l[i], FUNNEL_RIGHT, 0, 0, &plot, 1);
        free(done), free(order), free(next), free(best);
        return;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    size_t fewest = place_in_order(l, order, n, done, dots, n_dots, &plot);
    memcpy(best, l, n * sizeof *l);
    /* A name dropped is tried again earlier, straight after the first name
     * (the most wanted keeps its place): the order dropping fewest wins. */
    for (size_t attempt = 1; attempt < n && fewest > 0; attempt++) {
        size_t k = 0;
        next[k++] = order[0];
        for (size_t o = 1; o < n; o++)
            if (l[order[o]].side == FUNNEL_DROPPED)
                next[k++] = order[o];
        for (size_t o = 1; o < n; o++)
            if (l[order[o]].side != FUNNEL_DROPPED)
                next[k++] = order[o];
        if (!memcmp(next, order, n * sizeof *order))
            break; /* the same order again: the same places */
        memcpy(order, next, n * sizeof *order);
        size_t dropped = place_in_order(l, order, n, done, dots, n_dots, &plot);
        if (dropped < fewest) {
            fewest = dropped;
            memcpy(best, l, n * sizeof *l);
        }
    }
    memcpy(l, best, n * sizeof *l);
    free(done), free(order), free(next), free(best);
}
