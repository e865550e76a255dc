/*
 * funnel.c — reading, words and drawing of the funnel plot.
 *
 * World coordinates: x is the population in millions from zero, y the rate
 * per 1,000; the limit curves are drawn from a small population up, where
 * they are still inside the plot, so they do not swamp it near zero.
 */
#include "funnel.h"

#include "frame.h"
#include "funnel_layout.h"
#include "stats/funnel.h"
#include "store/store.h"

#include <plplot.h>

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading ---------------------------------------------------------- */

static int read_plot(sqlite3 *db, const char *measure, struct funnel_series *s,
                     struct digest_acc *a, struct sio_error *err)
{
    sqlite3_stmt *st;
    int step, rc = store_prepare(db, "SELECT period_start, period_end, area, rate_per_1000,"
                                     " population_year, population_source, left_out"
                                     " FROM funnel_plots WHERE measure = ?1", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, measure, -1, SQLITE_TRANSIENT);
    if ((step = digest_step(st, a)) == SQLITE_ROW) {
        snprintf(s->start, sizeof s->start, "%s", store_col_text(st, 0));
        snprintf(s->end, sizeof s->end, "%s", store_col_text(st, 1));
        snprintf(s->area, sizeof s->area, "%s", store_col_text(st, 2));
        s->target = sqlite3_column_double(st, 3);
        s->population_year = sqlite3_column_int(st, 4);
        snprintf(s->population_source, sizeof s->population_source, "%s", store_col_text(st, 5));
        s->left_out = sqlite3_column_int(st, 6);
        step = SQLITE_DONE;
        s->n = 1; /* there is a plot: points follow */
    }
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? SIO_OK : store_fail(db, err, "reading funnel_plots");
}

/* One funnel_points row, with the force's name joined on in the query. */
static void read_point(sqlite3_stmt *st, struct funnel_point *p)
{
    snprintf(p->key, sizeof p->key, "%s", store_col_text(st, 0));
    p->count = (long)sqlite3_column_int64(st, 1);
    p->population = (long)sqlite3_column_int64(st, 2);
    p->rate = sqlite3_column_double(st, 3);
    p->low_95 = sqlite3_column_double(st, 4);
    p->high_95 = sqlite3_column_double(st, 5);
    p->low_998 = sqlite3_column_double(st, 6);
    p->high_998 = sqlite3_column_double(st, 7);
    snprintf(p->position, sizeof p->position, "%s", store_col_text(st, 8));
    snprintf(p->display, sizeof p->display, "%s", store_col_text(st, 9));
}

static int read_points(sqlite3 *db, const char *measure, struct funnel_series *s,
                       struct digest_acc *a, struct sio_error *err)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    int step, rc = store_prepare(db, "SELECT force, count, population, rate_per_1000, low_95,"
                                     " high_95, low_998, high_998, position,"
                                     " COALESCE((SELECT name FROM forces WHERE slug = force), force)"
                                     " FROM funnel_points"
                                     " WHERE measure = ?1 ORDER BY population, force", &st, err);
    if (rc)
        return rc;
    s->n = 0;
    sqlite3_bind_text(st, 1, measure, -1, SQLITE_TRANSIENT);
    while (!rc && (step = digest_step(st, a)) == SQLITE_ROW) {
        if (s->n == cap) {
            struct funnel_point *p = realloc(s->p, (cap = cap ? 2 * cap : 64) * sizeof *p);
            if (!p) {
                rc = sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory");
                break;
            }
            s->p = p;
        }
        read_point(st, &s->p[s->n++]);
    }
    if (!rc && step != SQLITE_DONE)
        rc = store_fail(db, err, "reading funnel_points");
    sqlite3_finalize(st);
    return rc;
}

static void layout_of(struct funnel_series *s);

int funnel_load(sqlite3 *db, const char *force, const char *measure,
                struct funnel_series *out, struct sio_error *err)
{
    struct digest_acc a;
    memset(out, 0, sizeof *out);
    snprintf(out->force, sizeof out->force, "%s", force);
    snprintf(out->measure_key, sizeof out->measure_key, "%s", measure);
    digest_begin(&a);
    digest_add_str(&a, force);
    int rc = store_force_name(db, force, out->force_name, sizeof out->force_name, err);
    rc = rc ? rc : read_plot(db, measure, out, &a, err);
    if (!rc && out->n)
        rc = read_points(db, measure, out, &a, err);
    for (size_t i = 0; !rc && i < out->n; i++)
        if (!strcmp(out->p[i].key, force))
            out->self = &out->p[i];
    digest_add_str(&a, out->force_name);
    digest_end(&a, &out->digest);
    if (!rc && out->n)
        layout_of(out);
    return rc;
}

void funnel_free(struct funnel_series *s)
{
    free(s->p);
    s->p = NULL;
    s->n = 0;
    s->self = NULL;
}

/* ---- words ------------------------------------------------------------ */

static int rate_decimals(const struct funnel_series *s)
{
    double top = s->target;
    for (size_t i = 0; i < s->n; i++)
        top = fmax(top, s->p[i].rate);
    return top >= 10 ? 1 : top >= 1 ? 2 : 3;
}

/* "12 months to Mar 2022". */
static char *period_words(const struct funnel_series *s, char *buf, size_t size)
{
    char w[12];
    month_t end = month_parse(s->end, 7);
    snprintf(buf, size, "12 months to %s", end == MONTH_NONE ? s->end : month_words(end, w));
    return buf;
}

static const char *finding(const char *position)
{
    if (!strcmp(position, "above 99.8%"))
        return "is above the 99.8% limit: higher than chance explains";
    if (!strcmp(position, "above 95%"))
        return "is above the 95% limit";
    if (!strcmp(position, "below 99.8%"))
        return "is below the 99.8% limit: lower than chance explains";
    if (!strcmp(position, "below 95%"))
        return "is below the 95% limit";
    return "is within the range expected for its population";
}

char *funnel_title(const struct funnel_series *s, char *buf, size_t size)
{
    if (s->self)
        snprintf(buf, size, "%s: %s's rate %s", s->measure_label, s->force_name,
                 finding(s->self->position));
    else
        snprintf(buf, size, "%s: rates of %zu forces against their population",
                 s->measure_label, s->n);
    return buf;
}

/* "above" or "below" the limits, by the side of the target. */
static const char *side(const struct funnel_series *s, const struct funnel_point *p)
{
    return p->rate >= s->target ? "above" : "below";
}

/* The City of London's rate per resident is the classic misleading point of
 * a national funnel: about 8,600 residents, a daytime population many times
 * that (workers, visitors) among whom its crime happens. */
#define RESIDENT_ONLY "city-of-london"

static const struct funnel_point *resident_only(const struct funnel_series *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->p[i].key, RESIDENT_ONLY))
            return &s->p[i];
    return NULL;
}

/* "City of London Police's rate is per resident: its daytime population
 * is many times its 8,583 residents.", or "" when it is not plotted. */
static char *resident_words(const struct funnel_series *s, char *buf, size_t size)
{
    const struct funnel_point *p = resident_only(s);
    char residents[32];
    buf[0] = '\0';
    if (p)
        snprintf(buf, size, "%s's rate is per resident: its daytime population is many times "
                 "its %s residents.", p->display,
                 words_thousands(p->population, residents, sizeof residents));
    return buf;
}

/* Appends printf-style text to buf at *o, never past size. */
static void append(char *buf, size_t size, size_t *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void append(char *buf, size_t size, size_t *o, const char *fmt, ...)
{
    va_list ap;
    if (*o >= size)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *o, size - *o, fmt, ap);
    va_end(ap);
    *o = n < 0 || (size_t)n >= size - *o ? size : *o + (size_t)n;
}

/* Every other force in words: how many lie outside each limit, the names of
 * those the chart names (a force outside the 99.8% limits "(above)"), how
 * many more are not named, and which are off the scale, with their rates. */
static void others_words(const struct funnel_series *s, int d, char *buf, size_t size)
{
    int others = (int)s->n - (s->self != NULL), above = 0, o998;
    size_t o = 0, listed = 0;
    char resident[256];
    buf[0] = '\0';
    for (size_t i = 0; i < s->n; i++)
        above += &s->p[i] != s->self && !strcmp(s->p[i].position, "above 99.8%");
    o998 = s->n_out998;
    if (o998)
        append(buf, size, &o, "Of the other %d forces, %d %s outside the 99.8%% limits (%d above, "
               "%d below) and %d outside the 95%% limits only.", others, o998,
               o998 == 1 ? "is" : "are", above, o998 - above, s->n_out95);
    else
        append(buf, size, &o, "Of the other %d forces, none is outside the 99.8%% limits and %d "
               "%s outside the 95%% limits only.", others, s->n_out95,
               s->n_out95 == 1 ? "is" : "are");
    for (size_t i = 0; i < s->n; i++) {
        const struct funnel_point *p = &s->p[i];
        if (p == s->self || !p->named || !(strstr(p->position, "99.8%")))
            continue;
        append(buf, size, &o, "%s%s (%s)", listed++ ? ", " : " Named: ", p->display,
               side(s, p));
    }
    if (listed)
        append(buf, size, &o, ".");
    if (o998 > s->n_named998)
        append(buf, size, &o, " %d more outside the 99.8%% limits %s not named.",
               o998 - s->n_named998, o998 - s->n_named998 == 1 ? "is" : "are");
    listed = 0;
    for (size_t i = 0; i < s->n; i++) {
        const struct funnel_point *p = &s->p[i];
        if (!p->off_scale)
            continue;
        if (!listed++)
            append(buf, size, &o, " %d force%s off the scale, drawn at the edge of the chart: ",
                   s->n_off, s->n_off == 1 ? " is" : "s are");
        else
            append(buf, size, &o, ", ");
        append(buf, size, &o, "%s (%.*f per 1,000)", p->display, d, p->rate);
    }
    if (listed)
        append(buf, size, &o, ".");
    if (resident_words(s, resident, sizeof resident)[0])
        append(buf, size, &o, " %s", resident);
}

/* "the England and Wales rate", "the rate of the 4 forces with data". */
static char *target_words(const struct funnel_series *s, char *buf, size_t size)
{
    if (!strncmp(s->area, "the ", 4))
        snprintf(buf, size, "the rate of %s", s->area);
    else
        snprintf(buf, size, "the %s rate", s->area);
    return buf;
}

char *funnel_alt_text(const struct funnel_series *s, char *buf, size_t size)
{
    char label[128], period[48], others[2048];
    int d = rate_decimals(s);
    size_t o;
    snprintf(label, sizeof label, "%s", s->measure_label);
    if (isupper((unsigned char)label[0]) && !isupper((unsigned char)label[1]))
        label[0] = (char)tolower((unsigned char)label[0]);
    others_words(s, d, others, sizeof others);
    char target[96];
    o = (size_t)snprintf(buf, size, "Funnel plot of %s per 1,000 population against population "
                         "for %zu forces, %s, with %s (%.*f per 1,000) and exact Poisson 95%% "
                         "and 99.8%% control limits. ", label, s->n,
                         period_words(s, period, sizeof period),
                         target_words(s, target, sizeof target), d, s->target);
    char count[32], pop[32];
    if (o < size && s->self)
        o += (size_t)snprintf(buf + o, size - o, "%s: %.*f per 1,000 (%s over a population of "
                              "%s), %s (95%% limits %.*f to %.*f). ", s->force_name, d,
                              s->self->rate, words_thousands(s->self->count, count, sizeof count),
                              words_thousands(s->self->population, pop, sizeof pop),
                              !strcmp(s->self->position, "within") ? "within the limits"
                                  : s->self->position[0] == 'a' ? "above the limits"
                                  : "below the limits",
                              d, s->self->low_95, d, s->self->high_95);
    if (o < size && s->population_year && s->population_source[0])
        o += (size_t)snprintf(buf + o, size - o, "Population %d (%s). ", s->population_year,
                              s->population_source);
    if (o < size)
        snprintf(buf + o, size - o, "%s\n", others);
    return buf;
}

/* ---- drawing ---------------------------------------------------------- */

static double world_x(const struct funnel_frame *f, double pop)
{
    return f->log_x ? log10(pop / 1e6) : pop / 1e6;
}

/* A point of curve c at world x wx, unless its rate r is not a number. */
static void curve_add(struct funnel_curve *c, double wx, double r, const struct funnel_frame *f)
{
    if (!isfinite(r))
        return;
    c->x[c->n] = wx;
    c->y[c->n] = fmin(fmax(r, f->y0 - f->ystep), f->y1 + f->ystep); /* clipped by the window */
    c->n++;
}

/* Curves worked out before, with what they are a function of: the target
 * and the frame.  A measure's funnel is the same for every force but for
 * the point highlighted, so a worker drawing force after force works each
 * measure's curves out once, not once a force (640 gamma quantiles).  The
 * national set has 7 funnels; past CURVES_KEPT the oldest are replaced. */
#define CURVES_KEPT 16

static struct curves_kept {
    int valid;
    double target;
    struct funnel_frame f;
    struct funnel_curve curve[4];
} curves_kept[CURVES_KEPT];
static int curves_next; /* the entry to replace next */

static int same_frame(const struct funnel_frame *a, const struct funnel_frame *b)
{
    return a->log_x == b->log_x && a->x0 == b->x0 && a->x1 == b->x1 && a->xstep == b->xstep &&
           a->y0 == b->y0 && a->y1 == b->y1 && a->ystep == b->ystep;
}

/* The four control limits as curves over population, worked out once a
 * series (the same for every format drawn), or kept from an earlier series
 * with the same target and frame; each point two gamma quantiles a level. */
static void curves_of(struct funnel_series *s, const struct funnel_frame *f)
{
    for (int k = 0; k < CURVES_KEPT; k++)
        if (curves_kept[k].valid && curves_kept[k].target == s->target &&
            same_frame(&curves_kept[k].f, f)) {
            memcpy(s->curve, curves_kept[k].curve, sizeof s->curve);
            return;
        }
    for (int k = 0; k < 4; k++)
        s->curve[k].n = 0;
    for (int i = 0; i < FUNNEL_CURVE_POINTS; i++) {
        double t = (double)i / (FUNNEL_CURVE_POINTS - 1), wx, pop;
        if (f->log_x) {
            wx = f->x0 + (f->x1 - f->x0) * t;
            pop = pow(10, wx) * 1e6;
        } else {
            /* closer points where the curve bends, near zero */
            wx = f->x1 / 400 + (f->x1 - f->x1 / 400) * t * t;
            pop = wx * 1e6;
        }
        for (int level = 0; level < 2; level++) {
            double lo, hi;
            funnel_limits(s->target / 1000 * pop, level ? 0.998 : 0.95, &lo, &hi);
            curve_add(&s->curve[2 * level], wx, lo / pop * 1000, f);
            curve_add(&s->curve[2 * level + 1], wx, hi / pop * 1000, f);
        }
    }
    struct curves_kept *kept = &curves_kept[curves_next];
    curves_next = (curves_next + 1) % CURVES_KEPT;
    kept->valid = 1;
    kept->target = s->target;
    kept->f = *f;
    memcpy(kept->curve, s->curve, sizeof s->curve);
}

/* The window, which forces are named or off the scale, and the curves. */
static void layout_of(struct funnel_series *s)
{
    struct funnel_frame f;
    funnel_layout_frame(s, &f);
    funnel_layout_mark(s, &f);
    curves_of(s, &f);
}

/* One control limit as a curve over population: dashed at 95%. */
static void limit_curve(const struct funnel_curve *c, int dashed)
{
    PLINT mark[1] = {2500}, space[1] = {1500};
    plcol0(CHART_DARK_GREY);
    chart_pen(dashed ? 1.8 : 1.4);
    if (dashed)
        plstyl(1, mark, space);
    plline(c->n, c->x, c->y);
    plstyl(0, NULL, NULL);
    chart_pen(1.0);
}

static void x_label(PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
    (void)axis;
    frame_tick_label(value, *(const int *)data, label, (size_t)length);
}

/* A log axis's label: the population in millions, "0.01", "0.5", "2". */
static void log_label(PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
    (void)axis, (void)data;
    double v = pow(10, value);
    int decimals = v >= 1 ? 0 : (int)ceil(-log10(v) - 1e-9);
    frame_tick_label(v, decimals, label, (size_t)length);
}

static void axes(const struct funnel_series *s, const struct funnel_frame *f)
{
    char heading[96], title[160];
    int decimals = frame_step_decimals(f->xstep);
    snprintf(title, sizeof title, "%s per 1,000 population",
             words_noun_heading(s->noun, heading, sizeof heading));
    frame_y_axis(f->ystep, title);
    chart_text_size(FRAME_BODY);
    plcol0(CHART_DARK_GREY);
    plslabelfunc(f->log_x ? log_label : x_label, &decimals);
    plbox(f->log_x ? "bnlto" : "bnto", f->xstep, 0, "", 0, 0);
    plslabelfunc(NULL, NULL);
    plcol0(CHART_INK);
    plmtex("b", 3.2, 0.5, 0.5, f->log_x ? "Population (millions, log scale)"
                                        : "Population (millions)");
}

/* Where the drawing is on the page: the viewport (page fractions) and the
 * world window it shows. */
struct funnel_page {
    struct funnel_frame f;
    double vx0, vx1, vy0, vy1;
};

#define DISC "\xe2\x97\x8f"        /* U+25CF black circle */
#define UP "\xe2\x96\xb2"          /* U+25B2 black up-pointing triangle */
#define DOWN "\xe2\x96\xbc"        /* U+25BC black down-pointing triangle */
#define LABEL_H (FRAME_NOTE * 1.6)  /* a name's line, page height */
#define EDGE (FRAME_BODY * 0.55)    /* an off-scale marker's middle from the edge */
#define SELF_MARK (FRAME_TITLE * 1.1) /* the force's mark's text size */
#define OTHER_MARK (FRAME_BODY * 1.3) /* another force's */

/* A point's place on the page; an off-scale force's at the edge it is
 * beyond. */
static void page_xy(const struct funnel_page *g, const struct funnel_point *p, double *x,
                    double *y)
{
    const struct funnel_frame *f = &g->f;
    *x = g->vx0 + (world_x(f, (double)p->population) - f->x0) / (f->x1 - f->x0) * (g->vx1 - g->vx0);
    *y = p->off_scale > 0 ? g->vy1 - EDGE : p->off_scale < 0 ? g->vy0 + EDGE
         : g->vy0 + (p->rate - f->y0) / (f->y1 - f->y0) * (g->vy1 - g->vy0);
}

static double world_of_px(const struct funnel_page *g, double x)
{
    return g->f.x0 + (x - g->vx0) / (g->vx1 - g->vx0) * (g->f.x1 - g->f.x0);
}

static double world_of_py(const struct funnel_page *g, double y)
{
    return g->f.y0 + (y - g->vy0) / (g->vy1 - g->vy0) * (g->f.y1 - g->f.y0);
}

/* A force's mark: the force a large dark blue disc, one outside the 95%
 * limits an orange disc, the others pale blue; a triangle at the edge,
 * pointing off the chart, for a force off the scale. */
static void point(const struct funnel_series *s, const struct funnel_point *p,
                  const struct funnel_page *g)
{
    int self = p == s->self;
    double px, py;
    page_xy(g, p, &px, &py);
    PLFLT x[1] = {world_of_px(g, px)}, y[1] = {world_of_py(g, py)};
    plcol0(self ? CHART_DARK_BLUE : strcmp(p->position, "within") ? CHART_ORANGE
                                                                 : CHART_PALE_BLUE);
    chart_text_size(self ? SELF_MARK : OTHER_MARK);
    plstring(1, x, y, p->off_scale > 0 ? UP : p->off_scale < 0 ? DOWN : DISC);
}

/* The name drawn for p: an off-scale force's with its rate and an arrow,
 * "City of London Police 11.3 ↑". */
static char *label_text(const struct funnel_series *s, const struct funnel_point *p, char *buf,
                        size_t size)
{
    if (p->off_scale)
        snprintf(buf, size, "%s %.*f %s", p->display, rate_decimals(s), p->rate,
                 p->off_scale > 0 ? "\xe2\x86\x91" : "\xe2\x86\x93"); /* U+2191, U+2193 */
    else
        snprintf(buf, size, "%s", p->display);
    return buf;
}

/* Half a mark's height (page height): a disc is about as wide as the text
 * size it is drawn at. */
static double mark_half(const struct funnel_series *s, const struct funnel_point *p)
{
    return 0.5 * (p == s->self ? SELF_MARK : OTHER_MARK);
}

/* The names of the forces named and where they go (funnel_layout_place),
 * the force's own placed first. */
struct funnel_names {
    struct funnel_label *l;
    const struct funnel_point **who;
    struct funnel_dot *dots;
    size_t k;        /* names */
    int dropped;     /* names with no free place, not drawn */
};

static void names_free(struct funnel_names *nm)
{
    free(nm->l), free(nm->who), free(nm->dots);
    memset(nm, 0, sizeof *nm);
}

static void names_place(const struct funnel_series *s, const struct funnel_page *g,
                        struct funnel_names *nm)
{
    char text[200];
    memset(nm, 0, sizeof *nm);
    nm->l = calloc(s->n, sizeof *nm->l);
    nm->who = calloc(s->n, sizeof *nm->who);
    nm->dots = calloc(s->n, sizeof *nm->dots);
    if (!nm->l || !nm->who || !nm->dots) {
        names_free(nm);
        return;
    }
    for (size_t i = 0; i < s->n; i++) {
        const struct funnel_point *p = &s->p[i];
        struct funnel_dot *d = &nm->dots[i];
        page_xy(g, p, &d->x, &d->y);
        d->ry = mark_half(s, p);
        d->rx = d->ry / chart_aspect();
    }
    for (int own = 1; own >= 0; own--) /* the force's own name first */
        for (size_t i = 0; i < s->n; i++) {
            const struct funnel_point *p = &s->p[i];
            int self = p == s->self;
            if (!p->named || self != own)
                continue;
            nm->who[nm->k] = p;
            nm->l[nm->k] = (struct funnel_label){
                .x = nm->dots[i].x, .y = nm->dots[i].y, .rx = nm->dots[i].rx,
                .ry = nm->dots[i].ry, .h = LABEL_H,
                .w = chart_text_width(label_text(s, p, text, sizeof text), FRAME_NOTE, self),
                .gap = (g->vx1 - g->vx0) * (self ? 0.022 : 0.014)};
            nm->k++;
        }
    funnel_layout_place(nm->l, nm->k, nm->dots, s->n, g->vx0, g->vx1, g->vy0, g->vy1);
    for (size_t j = 0; j < nm->k; j++)
        nm->dropped += nm->l[j].side == FUNNEL_DROPPED;
}

/* The note naming the forces whose names found no free place, with their
 * population and rate so that their marks can be found: "Not named for
 * want of room: Humberside Police (0.93 million, 0.31)."  As many as fit
 * the page's width (the last in place of the count of the rest); the
 * others counted, with the table that has them. */
static char *dropped_words(const struct funnel_series *s, const struct funnel_names *nm,
                           char *buf, size_t size)
{
    char one[200];
    size_t o = 0;
    int d = rate_decimals(s), listed = 0, left = 0;
    double room = FRAME_X1 - 0.035 - chart_text_width("; and 9 more (funnel.csv).", FRAME_NOTE, 0);
    buf[0] = '\0';
    append(buf, size, &o, "Not named for want of room:");
    for (size_t j = 0; j < nm->k; j++) {
        const struct funnel_point *p = nm->who[j];
        if (nm->l[j].side != FUNNEL_DROPPED)
            continue;
        snprintf(one, sizeof one, "%s %s (%.2f million, %.*f)", listed ? ";" : "", p->display,
                 (double)p->population / 1e6, d, p->rate);
        double w = chart_text_width(buf, FRAME_NOTE, 0) + chart_text_width(one, FRAME_NOTE, 0);
        if (!left && (w < room || (w < FRAME_X1 - 0.035 && nm->dropped == listed + 1))) {
            append(buf, size, &o, "%s", one);
            listed++;
        } else
            left++;
    }
    if (left)
        append(buf, size, &o, "%s%d %s (funnel.csv)", listed ? "; and " : " ", left,
               listed ? "more" : "forces");
    append(buf, size, &o, ".");
    return buf;
}

/* The names as placed: beside the point, or above or below it, or off its
 * level with a thin leader from the point. */
static void names_draw(const struct funnel_series *s, const struct funnel_page *g,
                       const struct funnel_names *nm)
{
    char text[200];
    for (size_t j = 0; j < nm->k; j++) {
        const struct funnel_label *l = &nm->l[j];
        int self = nm->who[j] == s->self;
        double x = l->lx, just = 0.0;
        if (l->side == FUNNEL_DROPPED)
            continue;
        if (l->leader) {
            PLFLT lx[2] = {world_of_px(g, l->x), world_of_px(g, l->ax)};
            PLFLT ly[2] = {world_of_py(g, l->y), world_of_py(g, l->ay)};
            plcol0(CHART_DARK_GREY);
            chart_pen(0.8);
            plline(2, lx, ly);
            chart_pen(1.0);
        }
        /* the box is a generous estimate of the text: the text is set
         * against the side nearest the point */
        if (l->side == FUNNEL_LEFT)
            x = l->lx + l->w, just = 1.0;
        else if (l->side != FUNNEL_RIGHT) /* centred in its box, held inside the plot */
            x = l->lx + l->w / 2, just = 0.5;
        chart_text_size(FRAME_NOTE);
        plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, self ? PL_FCI_BOLD : PL_FCI_MEDIUM);
        plcol0(CHART_INK);
        plptex(world_of_px(g, x), world_of_py(g, l->ly), 1.0, 0.0, just,
               label_text(s, nm->who[j], text, sizeof text));
        plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
    }
}

/* The legend under the subtitle: what the discs, the line and the curves
 * are, with the target's value; returns the number of rows it took. */
static int legend(const struct funnel_series *s)
{
    char words[160], target[96];
    double x = FRAME_X0 - 0.004, y = FRAME_LEGEND_Y;
    int d = rate_decimals(s), outside = 0, others = 0;
    for (size_t i = 0; i < s->n; i++)
        if (&s->p[i] == s->self)
            continue;
        else if (strcmp(s->p[i].position, "within") != 0)
            outside++;
        else
            others++;

    if (s->self)
        frame_legend_item(&x, &y, "\xe2\x97\x8f", CHART_DARK_BLUE, 0, s->force_name);
    if (outside)
        frame_legend_item(&x, &y, "\xe2\x97\x8f", CHART_ORANGE, 0, "Outside the 95% limits");
    if (others)
        frame_legend_item(&x, &y, "\xe2\x97\x8f", CHART_PALE_BLUE, 0, "Other forces");
    if (s->n_off)
        frame_legend_item(&x, &y, UP, CHART_DARK_GREY, 0, "Off the scale");
    /* "England and Wales rate", "Rate of the 4 forces with data" */
    const char *t = target_words(s, target, sizeof target) + 4;
    snprintf(words, sizeof words, "%c%s, %.*f", toupper((unsigned char)t[0]), t + 1, d, s->target);
    frame_legend_item(&x, &y, "", CHART_DARK_PINK, 1, words);
    frame_legend_item(&x, &y, "", CHART_DARK_GREY, 2, "95% limits");
    frame_legend_item(&x, &y, "", CHART_DARK_GREY, 1, "99.8% limits");
    return y < FRAME_LEGEND_Y ? 2 : 1;
}

/* Which forces the chart names, and those off its scale: "Named: the 8
 * forces furthest outside the 99.8% limits; 28 more are outside them.
 * ▲ off the scale: its rate beside its name." */
static char *named_words(const struct funnel_series *s, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    if (!s->n_out998)
        append(buf, size, &o, "No other force is outside the 99.8%% limits.");
    else if (s->n_named998 == s->n_out998)
        append(buf, size, &o, "Named: the force%s outside the 99.8%% limits.",
               s->n_out998 == 1 ? "" : "s");
    else
        append(buf, size, &o, "Named: the %d forces furthest outside the 99.8%% limits; %d more "
               "are outside them.", s->n_named998, s->n_out998 - s->n_named998);
    if (s->n_off)
        append(buf, size, &o, " %s off the scale: the rate is beside the name.",
               s->n_off == 1 ? "One force is" : "Forces are");
    return buf;
}

void funnel_draw(const void *series, const struct chart_style *st)
{
    const struct funnel_series *s = series;
    struct funnel_page g;
    struct funnel_names nm;
    char title[256], subtitle[256], period[48], population[320], named[256], resident[256],
        left_out[96], dropped[1024];
    const char *notes[5] = {population, named};
    int n_notes = 2;

    funnel_title(s, title, sizeof title);
    snprintf(subtitle, sizeof subtitle, "%s. Rate per 1,000 population against population, "
             "%zu forces.", period_words(s, period, sizeof period), s->n);
    if (s->population_year && s->population_source[0])
        snprintf(population, sizeof population, "Population: %d (%s).", s->population_year,
                 s->population_source);
    else
        snprintf(population, sizeof population, "Population: each force's estimate for the year "
                 "nearest the middle of the 12 months.");
    named_words(s, named, sizeof named);
    if (resident_words(s, resident, sizeof resident)[0])
        notes[n_notes++] = resident;
    if (s->left_out) {
        snprintf(left_out, sizeof left_out, "Not plotted: %d force%s without all 12 months or a "
                 "population.", s->left_out, s->left_out == 1 ? "" : "s");
        notes[n_notes++] = left_out;
    }
    int rows = legend(s);
    funnel_layout_frame(s, &g.f);
    g.vx0 = FRAME_X0, g.vx1 = FRAME_X1;
    g.vy0 = frame_plot_bottom(n_notes), g.vy1 = FRAME_Y1 - FRAME_LEGEND_ROW * (rows - 1);
    names_place(s, &g, &nm);
    int shown = n_notes;
    if (nm.dropped) { /* a note names them, which shortens the plot: place again */
        names_free(&nm);
        g.vy0 = frame_plot_bottom(n_notes + 1);
        names_place(s, &g, &nm);
        if (nm.dropped) /* else the shorter plot had room for every name */
            notes[shown++] = dropped_words(s, &nm, dropped, sizeof dropped);
    }
    frame_words(title, subtitle, 0.0, notes, shown, st);
    plvpor(g.vx0, g.vx1, g.vy0, g.vy1);
    plwind(g.f.x0, g.f.x1, g.f.y0, g.f.y1);
    axes(s, &g.f);
    frame_hline(g.f.x0, g.f.x1, s->target, CHART_DARK_PINK, 2.0, 0);
    for (int k = 0; k < 4; k++)
        limit_curve(&s->curve[k], k < 2);
    for (size_t i = 0; i < s->n; i++)
        if (&s->p[i] != s->self)
            point(s, &s->p[i], &g);
    if (s->self)
        point(s, s->self, &g); /* on top */
    names_draw(s, &g, &nm);
    names_free(&nm);
}
