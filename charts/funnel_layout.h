/*
 * funnel_layout.h — what a funnel plot shows at national scale, and where
 * its names go.
 *
 * With all 43 forces a funnel plot is unreadable drawn naively: the City of
 * London's rate per resident (a few thousand residents, a daytime
 * population a hundred times that) stretches the y axis until every other
 * force sits in a line at the bottom, and with counts in the thousands most
 * forces fall outside the 95% limits, so naming them all piles names on
 * names.  So:
 *
 *  - the y axis spans what matters: the rates of the bulk of the forces
 *    (the 5th to 95th percentile, R's type 7), the target and the 99.8%
 *    limits at the middle force's population, and any force within half
 *    that span again beyond them; a force further out is drawn off the
 *    scale, as a triangle at the edge with its rate beside its name;
 *  - the names are the force's own, those of the forces off the scale and
 *    of the forces furthest outside the 99.8% limits (measured as a
 *    multiple of the distance from the target to the limit on their side),
 *    FUNNEL_NAMED_MAX of them at most besides the force; the note counts
 *    the others;
 *  - each name goes beside its point where it covers no force's mark and
 *    no name already placed (funnel_layout_place): right of the point,
 *    left, above, below, then further up or down, beside or over it, with
 *    a leader line, the first place free in that order; a name with no
 *    free place anywhere in the plot is not drawn, and the chart's note
 *    names it instead.
 *
 * Everything here is plain arithmetic on the series (no PLplot), so tests
 * can check it directly.
 */
#ifndef SIO_CHARTS_FUNNEL_LAYOUT_H
#define SIO_CHARTS_FUNNEL_LAYOUT_H

#include "funnel.h"

#include <stddef.h>

/* Forces named besides the force itself, at most (more only when more are
 * off the scale: an off-scale force always carries its rate). */
#define FUNNEL_NAMED_MAX 8

/* A force further than this many times the bulk's span beyond it (see
 * above) is off the scale. */
#define FUNNEL_Y_MARGIN 0.5

struct funnel_frame {
    int log_x;                 /* x is log10 of the population in millions */
    double x0, x1, xstep;      /* world x range; the step of a linear axis */
    double y0, y1, ystep;
};

/* The y range before padding: [*lo, *hi] covers the bulk's rates, the
 * target, the middle force's 99.8% limits and every rate not more than
 * FUNNEL_Y_MARGIN spans beyond those.  s->n >= 1, s->p by population. */
void funnel_layout_y_span(const struct funnel_series *s, double *lo, double *hi);

/* The world window of the series: x every force, y funnel_layout_y_span
 * padded and rounded to its axis step. */
void funnel_layout_frame(const struct funnel_series *s, struct funnel_frame *f);

/* How far outside its 99.8% limits p's rate lies: the distance from the
 * target over the distance from the target to the 99.8% limit on its side
 * (over 1 outside them). */
double funnel_layout_beyond(const struct funnel_point *p, double target);

/* Set each point's off_scale and named, and the series' counts of the
 * other forces outside the limits and named, and of every force off the
 * scale (the force too), for the window f. */
void funnel_layout_mark(struct funnel_series *s, const struct funnel_frame *f);

/* A force's mark: its middle and half its width and height, in page
 * fractions (x of the page's width, y of its height, y upwards). */
struct funnel_dot {
    double x, y, rx, ry;
};

enum funnel_side { FUNNEL_RIGHT, FUNNEL_LEFT, FUNNEL_ABOVE, FUNNEL_BELOW, FUNNEL_DROPPED };

/* A name to place: its point, the point's mark and the name's size in page
 * fractions; on return, where it goes. */
struct funnel_label {
    double x, y;       /* the point */
    double rx, ry;     /* half the mark's width and height */
    double w, h;       /* the name's box */
    double gap;        /* from the point to a name beside it */
    double lx, ly;     /* out: the box's left edge and its middle */
    enum funnel_side side; /* out: where the box is; FUNNEL_DROPPED: nowhere */
    int leader;        /* out: a line joins the point to (ax, ay), the box's near edge */
    double ax, ay;
};

/* Place n names, in the order given (the first most wanted), inside the
 * box x0..x1, y0..y1, each where its box overlaps none of the n_dots marks
 * and no name placed before it, nor the leader line of one, and its own
 * leader line crosses no name placed before it.  Tried in order: right of
 * the point at its height, left, above, below (a name at the plot's edge
 * held inside it), then, half a name's height further up and down at a
 * time, right, left and centred over or under the point, with a leader.
 * A name left with no free place is tried again straight after the first
 * (the order dropping fewest names wins); one still without a place gets
 * side FUNNEL_DROPPED.  Deterministic: the same input, the same places. */
void funnel_layout_place(struct funnel_label *l, size_t n, const struct funnel_dot *dots,
                         size_t n_dots, double x0, double x1, double y0, double y1);

#endif
