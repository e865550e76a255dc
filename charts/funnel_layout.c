/*
 * funnel_layout.c — the funnel plot's window, the forces it names and
 * where their names go (see funnel_layout.h for the rules and why).
 *
 * The names are pushed apart one column at a time: names whose boxes share
 * some x are one column (transitively), and a column is laid out as the
 * least-squares fit of its names to their points' heights with no two
 * overlapping: taken from the bottom up, each name starts as a block of
 * its own, and a block that overlaps the one below is merged with it into
 * one block placed where its names' mean displacement is zero, held inside
 * the plot (pool-adjacent-violators, as a 1-D label "distribute" does).
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

/* Points other than (ox, oy) within the box x0..x1, y0..y1. */
static int points_in(double x0, double x1, double y0, double y1, const double *px,
                     const double *py, size_t n, double ox, double oy)
{
    int k = 0;
    for (size_t i = 0; i < n; i++)
        k += !(px[i] == ox && py[i] == oy) && px[i] >= x0 && px[i] <= x1 && py[i] >= y0 &&
             py[i] <= y1;
    return k;
}

/* Right of the point where the name fits there, left where only that fits
 * or where fewer other points lie under it (within a disc's radius, about
 * half a name's height). */
static void choose_side(struct funnel_label *l, const double *px, const double *py,
                        size_t n_points, double x0, double x1)
{
    double right = l->x + l->gap, left = l->x - l->gap - l->w, r = l->h / 2;
    int fits_right = right + l->w <= x1, fits_left = left >= x0;
    if (fits_right && fits_left)
        l->left = points_in(left - r, left + l->w + r, l->y - l->h, l->y + l->h, px, py,
                            n_points, l->x, l->y) <
                  points_in(right - r, right + l->w + r, l->y - l->h, l->y + l->h, px, py,
                            n_points, l->x, l->y);
    else
        l->left = !fits_right && (fits_left || l->x - x0 > x1 - l->x);
    l->lx = l->left ? left : right;
    l->ly = l->y;
}

static int share_x(const struct funnel_label *a, const struct funnel_label *b)
{
    return a->lx < b->lx + b->w && b->lx < a->lx + a->w;
}

/* A block of consecutive names of a column, bottom up. */
struct block {
    size_t first, count;
    double bottom, height;
};

/* Where block b of column m (names by height) sits: its names stacked from
 * bottom, the mean of their displacements zero, inside y0..y1. */
static void block_fit(struct block *b, const size_t *m, const struct funnel_label *l, double y0,
                      double y1)
{
    double below = 0, sum = 0;
    for (size_t j = b->first; j < b->first + b->count; j++) {
        const struct funnel_label *e = &l[m[j]];
        sum += e->y - (below + e->h / 2);
        below += e->h;
    }
    b->height = below;
    b->bottom = fmax(y0, fmin(sum / (double)b->count, y1 - below));
}

/* Sort a column's members by their points' heights, the index breaking
 * ties (insertion sort: a column holds a handful of names). */
static void column_sort(size_t *m, size_t k, const struct funnel_label *l)
{
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && (l[m[j]].y < l[m[j - 1]].y ||
                                     (l[m[j]].y == l[m[j - 1]].y && m[j] < m[j - 1])); j--) {
            size_t t = m[j];
            m[j] = m[j - 1];
            m[j - 1] = t;
        }
}

static void column_place(struct funnel_label *l, size_t *m, size_t k, struct block *blk,
                         double y0, double y1)
{
    size_t nb = 0;
    column_sort(m, k, l);
    for (size_t j = 0; j < k; j++) {
        blk[nb] = (struct block){.first = j, .count = 1};
        block_fit(&blk[nb], m, l, y0, y1);
        nb++;
        while (nb > 1 && blk[nb - 2].bottom + blk[nb - 2].height > blk[nb - 1].bottom) {
            blk[nb - 2].count += blk[nb - 1].count;
            block_fit(&blk[nb - 2], m, l, y0, y1);
            nb--;
        }
    }
    for (size_t b = 0; b < nb; b++) {
        double below = blk[b].bottom;
        for (size_t j = blk[b].first; j < blk[b].first + blk[b].count; j++) {
            l[m[j]].ly = below + l[m[j]].h / 2;
            below += l[m[j]].h;
        }
    }
}

void funnel_layout_place(struct funnel_label *l, size_t n, const double *px, const double *py,
                         size_t n_points, double x0, double x1, double y0, double y1)
{
    size_t *column = malloc(n * sizeof *column), *m = malloc(n * sizeof *m);
    struct block *blk = malloc(n * sizeof *blk);

    for (size_t i = 0; i < n; i++)
        choose_side(&l[i], px, py, n_points, x0, x1);
    if (!column || !m || !blk) { /* out of memory: names beside their points */
        free(column), free(m), free(blk);
        return;
    }
    /* columns: names sharing some x, transitively; numbered by first member */
    for (size_t i = 0; i < n; i++)
        column[i] = i;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (column[j] != column[i] && share_x(&l[i], &l[j])) {
                size_t from = column[j] > column[i] ? column[j] : column[i];
                size_t to = column[j] > column[i] ? column[i] : column[j];
                for (size_t q = 0; q < n; q++)
                    if (column[q] == from)
                        column[q] = to;
            }
    for (size_t c = 0; c < n; c++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (column[i] == c)
                m[k++] = i;
        if (k > 1)
            column_place(l, m, k, blk, y0, y1);
        else if (k == 1)
            l[m[0]].ly = fmax(y0 + l[m[0]].h / 2, fmin(l[m[0]].ly, y1 - l[m[0]].h / 2));
    }
    free(column), free(m), free(blk);
}
