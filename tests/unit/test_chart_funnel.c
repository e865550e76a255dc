/*
 * test_chart_funnel.c — the funnel plot at national scale: which forces it
 * names, the y range that one extreme rate cannot stretch, the off-scale
 * marker and its words, and name boxes that never overlap
 * (charts/funnel_layout.h), against in-memory series.
 *
 * The expected values are worked out by hand beside each case, or with R
 * 4.2 where R is quoted.
 */
#include "../../charts/funnel.h"
#include "../../charts/funnel_layout.h"

#include "stats/poisson.h"
#include "testing.h"

static struct funnel_point pts[32];

static void series(struct funnel_series *s, double target)
{
    memset(s, 0, sizeof *s);
    memset(pts, 0, sizeof pts);
    snprintf(s->force, sizeof s->force, "warwickshire");
    snprintf(s->force_name, sizeof s->force_name, "Warwickshire Police");
    snprintf(s->measure_label, sizeof s->measure_label, "Drug trafficking offences");
    snprintf(s->noun, sizeof s->noun, "offences");
    snprintf(s->start, sizeof s->start, "2021-04");
    snprintf(s->end, sizeof s->end, "2022-03");
    snprintf(s->area, sizeof s->area, "England and Wales");
    s->target = target;
    s->p = pts;
}

/* A force with the same 99.8% limits as every other (8 to 12 around a
 * target of 10, so "how far out" is |rate - 10| / 2 by hand); points are
 * added in population order, as funnel_load reads them. */
static struct funnel_point *add(struct funnel_series *s, const char *key, long population,
                                double rate, const char *position)
{
    struct funnel_point *p = &pts[s->n++];
    snprintf(p->key, sizeof p->key, "%s", key);
    snprintf(p->display, sizeof p->display, "%s Police", key);
    p->population = population;
    p->count = lround(rate * (double)population / 1000);
    p->rate = rate;
    p->low_95 = 8.5, p->high_95 = 11.5, p->low_998 = 8, p->high_998 = 12;
    snprintf(p->position, sizeof p->position, "%s", position);
    if (!strcmp(key, s->force))
        s->self = p;
    return p;
}

static void mark(struct funnel_series *s)
{
    struct funnel_frame f;
    funnel_layout_frame(s, &f);
    funnel_layout_mark(s, &f);
}

/* ---- which forces are named --------------------------------------------- */

TEST(named_are_the_force_and_the_forces_outside_the_99_8_percent_limits)
{
    struct funnel_series s;
    series(&s, 10);
    add(&s, "a", 500000, 10.2, "within");
    add(&s, "b", 600000, 11.8, "above 95%");     /* outside 95% only: not named */
    add(&s, "warwickshire", 700000, 10.1, "within"); /* the force: always named */
    add(&s, "c", 800000, 12.6, "above 99.8%");
    add(&s, "d", 900000, 7.0, "below 99.8%");
    add(&s, "e", 950000, 8.3, "below 95%");
    mark(&s);
    CHECK_INT(pts[0].named, 0);
    CHECK_INT(pts[1].named, 0);
    CHECK_INT(pts[2].named, 1);
    CHECK_INT(pts[3].named, 1);
    CHECK_INT(pts[4].named, 1);
    CHECK_INT(pts[5].named, 0);
    CHECK_INT(s.n_out998, 2);
    CHECK_INT(s.n_out95, 2);
    CHECK_INT(s.n_named998, 2);
    CHECK_INT(s.n_off, 0);
}

TEST(how_far_out_is_a_multiple_of_the_distance_to_the_limit)
{
    struct funnel_point p = {.rate = 13, .low_998 = 8, .high_998 = 12};
    CHECK_NEAR(funnel_layout_beyond(&p, 10), 1.5, 1e-12); /* (13 - 10) / (12 - 10) */
    p.rate = 5;
    CHECK_NEAR(funnel_layout_beyond(&p, 10), 2.5, 1e-12); /* (10 - 5) / (10 - 8) */
    p.rate = 11;
    CHECK_NEAR(funnel_layout_beyond(&p, 10), 0.5, 1e-12);
}

/* Twelve forces outside the 99.8% limits, how far out by hand
 * (|rate - 10| / 2): a 1.30, b 1.60, c 1.90, d 2.20, e 2.50, f 2.80 above;
 * g 1.25, h 1.50, i 1.75, j 2.00, k 2.25, l 3.50 below (rates 7.5 ... 3.0).
 * The 8 furthest: l 3.50, f 2.80, e 2.50, k 2.25, d 2.20, j 2.00, c 1.90,
 * i 1.75; a, b, g and h are not named. */
TEST(named_are_at_most_the_eight_furthest_outside)
{
    static const struct {
        const char *key;
        double rate;
        int named;
    } f[] = {{"a", 12.6, 0}, {"b", 13.2, 0}, {"c", 13.8, 1}, {"d", 14.4, 1},
             {"e", 15.0, 1}, {"f", 15.6, 1}, {"g", 7.5, 0},  {"h", 7.0, 0},
             {"i", 6.5, 1},  {"j", 6.0, 1},  {"k", 5.5, 1},  {"l", 3.0, 1}};
    struct funnel_series s;
    series(&s, 10);
    add(&s, "warwickshire", 400000, 10.0, "within");
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        add(&s, f[i].key, 500000 + 10000 * (long)i, f[i].rate,
            f[i].rate > 10 ? "above 99.8%" : "below 99.8%");
    mark(&s);
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        if (pts[i + 1].named != f[i].named || pts[i + 1].off_scale) {
            printf("  %s: named %d off_scale %d\n", f[i].key, pts[i + 1].named,
                   pts[i + 1].off_scale);
            CHECK(0);
        }
    CHECK_INT(pts[0].named, 1);
    CHECK_INT(s.n_out998, 12);
    CHECK_INT(s.n_named998, FUNNEL_NAMED_MAX);
}

/* ---- the y range ---------------------------------------------------------- */

/* Twenty forces of about a million people with rates 4.00, 4.15 ... 6.85
 * per 1,000 around an England and Wales rate of 5, and one force of 8,600
 * residents with rate `extreme`.  R 4.2:
 *
 *   r <- c(40, 4 + 0.15 * (0:19)); quantile(r, c(0.05, 0.95))   # 4.15 6.85
 *   e <- 5 / 1000 * 1010000   # the middle (11th) force's population
 *   qchisq(0.001, 2*e)/2 / 1010000 * 1000     # 4.7853905142902
 *   qchisq(0.999, 2*e + 2)/2 / 1010000 * 1000 # 5.22126421172117
 *
 * so the bulk spans 4.15 to 6.85 (span 2.7, the limits and target inside
 * it) and a rate is on the scale from 4.15 - 1.35 = 2.8 to 6.85 + 1.35 =
 * 8.2; the quantiles are the same for any extreme above 6.85. */
static void national(struct funnel_series *s, double extreme)
{
    series(s, 5);
    snprintf(s->force, sizeof s->force, "f10");
    struct funnel_point *p = add(s, "city-of-london", 8600, extreme, "above 99.8%");
    snprintf(p->display, sizeof p->display, "City of London Police");
    p->low_998 = 0.9, p->high_998 = 9.9; /* near enough: only the ranking reads them */
    for (int i = 0; i < 20; i++) {
        char key[16];
        snprintf(key, sizeof key, "f%02d", i);
        add(s, key, 1000000 + 1000 * (i + 1), 4 + 0.15 * i, "within");
    }
    s->self = &pts[11]; /* f10, rate 5.5 */
}

TEST(the_y_range_is_the_bulk_and_the_limits_not_an_extreme_rate)
{
    struct funnel_series s;
    double lo, hi;
    national(&s, 40);
    funnel_layout_y_span(&s, &lo, &hi);
    CHECK_NEAR(lo, 4.0, 1e-12); /* the lowest rate, 4.00, is within reach (2.8) */
    CHECK_NEAR(hi, 6.85, 1e-12); /* 40 is beyond 8.2 */
}

TEST(a_rate_within_half_the_bulk_span_stays_on_the_scale)
{
    struct funnel_series s;
    double lo, hi;
    national(&s, 8.0); /* within 8.2 */
    funnel_layout_y_span(&s, &lo, &hi);
    CHECK_NEAR(hi, 8.0, 1e-12);
    national(&s, 8.3); /* beyond 8.2 */
    funnel_layout_y_span(&s, &lo, &hi);
    CHECK_NEAR(hi, 6.85, 1e-12);
}

TEST(a_force_beyond_the_y_range_is_off_the_scale_and_named)
{
    struct funnel_series s;
    struct funnel_frame f;
    national(&s, 40);
    funnel_layout_frame(&s, &f);
    funnel_layout_mark(&s, &f);
    CHECK(f.y1 < 40);
    CHECK(f.y1 >= 6.85 && f.y0 <= 4.0); /* every other force on it */
    CHECK_INT(pts[0].off_scale, 1);
    CHECK_INT(pts[0].named, 1);
    CHECK_INT(s.n_off, 1);
    for (size_t i = 1; i < s.n; i++)
        CHECK_INT(pts[i].off_scale, 0);
}

TEST(the_force_itself_off_the_scale_is_counted_and_its_alt_text_says_so)
{
    struct funnel_series s;
    char alt[4096];
    national(&s, 40);
    snprintf(s.force, sizeof s.force, "city-of-london");
    s.self = &pts[0];
    mark(&s);
    funnel_alt_text(&s, alt, sizeof alt);
    CHECK_INT(s.n_off, 1);
    CHECK_INT(s.n_out998, 0); /* of the others */
    CHECK(strstr(alt, " 1 force is off the scale, drawn at the edge of the chart: City of London "
                      "Police (40.0 per 1,000).") != NULL);
}

TEST(with_four_forces_none_is_off_the_scale)
{
    /* R: quantile(c(6.4, 6.6, 6.7, 9.9), c(0.05, 0.95)) is 6.43, 9.42:
     * every rate is within the bulk's own range, however far 9.9 is. */
    struct funnel_series s;
    struct funnel_frame f;
    series(&s, 7);
    add(&s, "warwickshire", 588000, 6.6, "within");
    add(&s, "northamptonshire", 768000, 9.9, "above 99.8%");
    add(&s, "leicestershire", 1122000, 6.4, "below 95%");
    add(&s, "west-mercia", 1311000, 6.7, "within");
    funnel_layout_frame(&s, &f);
    funnel_layout_mark(&s, &f);
    CHECK_INT(s.n_off, 0);
    CHECK(f.y1 >= 9.9);
}

TEST(alt_text_counts_the_forces_off_the_scale_and_outside_the_limits)
{
    struct funnel_series s;
    char alt[4096];
    national(&s, 40);
    pts[1].rate = 4.0, snprintf(pts[1].position, sizeof pts[1].position, "%s", "below 99.8%");
    pts[20].rate = 6.85, snprintf(pts[20].position, sizeof pts[20].position, "%s", "above 95%");
    mark(&s);
    funnel_alt_text(&s, alt, sizeof alt);
    /* the 20 others besides f10: City of London and f00 outside 99.8%,
     * f19 outside 95% only */
    CHECK(strstr(alt, "Of the other 20 forces, 2 are outside the 99.8% limits (1 above, 1 below) "
                      "and 1 outside the 95% limits only.") != NULL);
    CHECK(strstr(alt, " Named: City of London Police (above), f00 Police (below).") != NULL);
    CHECK(strstr(alt, " 1 force is off the scale, drawn at the edge of the chart: City of London "
                      "Police (40.0 per 1,000).") != NULL);
    CHECK(strstr(alt, "City of London Police's rate is per resident: its daytime population "
                      "is many times its 8,600 residents.") != NULL);
    CHECK(strstr(alt, "not named") == NULL);
}

TEST(alt_text_says_how_many_outside_are_not_named)
{
    struct funnel_series s;
    char alt[4096];
    series(&s, 10);
    add(&s, "warwickshire", 400000, 10.0, "within");
    for (int i = 0; i < 11; i++) { /* 11 above 99.8%, 8 named */
        char key[16];
        snprintf(key, sizeof key, "k%02d", i);
        add(&s, key, 500000 + 1000 * i, 12.5 + 0.1 * i, "above 99.8%");
    }
    mark(&s);
    funnel_alt_text(&s, alt, sizeof alt);
    CHECK(strstr(alt, "Of the other 11 forces, 11 are outside the 99.8% limits (11 above, 0 "
                      "below) and 0 outside the 95% limits only.") != NULL);
    CHECK(strstr(alt, " 3 more outside the 99.8% limits are not named.") != NULL);
    CHECK(strstr(alt, "off the scale") == NULL);
}

/* ---- where the names go --------------------------------------------------- */

static int boxes_overlap(const struct funnel_label *a, const struct funnel_label *b)
{
    const double eps = 1e-12;
    return a->lx < b->lx + b->w - eps && b->lx < a->lx + a->w - eps &&
           a->ly - a->h / 2 < b->ly + b->h / 2 - eps && b->ly - b->h / 2 < a->ly + a->h / 2 - eps;
}

static int covers_dot(const struct funnel_label *a, const struct funnel_dot *d)
{
    const double eps = 1e-12;
    return a->lx < d->x + d->rx - eps && d->x - d->rx < a->lx + a->w - eps &&
           a->ly - a->h / 2 < d->y + d->ry - eps && d->y - d->ry < a->ly + a->h / 2 - eps;
}

/* A mark at x, y the size of another force's disc on the chart (about
 * 0.024 of the page's height across, the page 1.6 times as wide as high). */
static struct funnel_dot dot(double x, double y)
{
    return (struct funnel_dot){.x = x, .y = y, .rx = 0.0075, .ry = 0.012};
}

/* The name of mark d, w wide, 0.02 high, 0.01 from its point beside it. */
static struct funnel_label name_of(const struct funnel_dot *d, double w)
{
    return (struct funnel_label){.x = d->x, .y = d->y, .rx = d->rx, .ry = d->ry, .w = w,
                                 .h = 0.02, .gap = 0.01};
}

/* The name of mark which of d[0..n-1], alone, placed in the box 0.1..0.9 x
 * 0.2..0.8. */
static struct funnel_label placed_alone(const struct funnel_dot *d, size_t n, size_t which,
                                        double w)
{
    struct funnel_label l = name_of(&d[which], w);
    funnel_layout_place(&l, 1, d, n, 0.1, 0.9, 0.2, 0.8);
    return l;
}

TEST(a_lone_name_sits_right_of_its_point_at_its_height)
{
    struct funnel_dot d[1] = {dot(0.3, 0.5)};
    struct funnel_label l = placed_alone(d, 1, 0, 0.2);
    CHECK_INT(l.side, FUNNEL_RIGHT);
    CHECK_INT(l.leader, 0);
    CHECK_NEAR(l.lx, 0.31, 1e-12);
    CHECK_NEAR(l.ly, 0.5, 1e-12);
}

TEST(a_name_with_no_room_on_the_right_goes_left)
{
    struct funnel_dot d[1] = {dot(0.8, 0.5)};
    struct funnel_label l = placed_alone(d, 1, 0, 0.2);
    CHECK_INT(l.side, FUNNEL_LEFT);
    CHECK_NEAR(l.lx, 0.59, 1e-12); /* 0.8 - 0.01 - 0.2 */
}

TEST(a_name_that_would_cover_a_mark_on_the_right_goes_left)
{
    struct funnel_dot d[2] = {dot(0.5, 0.5), dot(0.58, 0.505)}; /* right: 0.51..0.61 */
    struct funnel_label l = placed_alone(d, 2, 0, 0.1);
    CHECK_INT(l.side, FUNNEL_LEFT);
    CHECK_NEAR(l.lx, 0.39, 1e-12);
}

TEST(a_name_with_marks_on_both_sides_goes_above)
{
    /* left 0.39..0.49 meets the mark at 0.45, right 0.51..0.61 the one at
     * 0.55; above: centred on 0.5, its middle 0.012 + 0.15 x 0.02 + 0.01 up */
    struct funnel_dot d[3] = {dot(0.45, 0.5), dot(0.5, 0.5), dot(0.55, 0.5)};
    struct funnel_label l = placed_alone(d, 3, 1, 0.1);
    CHECK_INT(l.side, FUNNEL_ABOVE);
    CHECK_INT(l.leader, 0);
    CHECK_NEAR(l.lx, 0.45, 1e-12);
    CHECK_NEAR(l.ly, 0.525, 1e-12);
}

/* A block of marks 5 deep and 21 wide, 0.02 apart: the middle one's name
 * has no free place beside, above or below it, so it goes up out of the
 * block with a leader from its point to its near edge. */
TEST(a_name_inside_a_block_of_marks_leaves_it_with_a_leader)
{
    struct funnel_dot d[105];
    for (int r = 0; r < 5; r++)
        for (int c = 0; c < 21; c++)
            d[r * 21 + c] = dot(0.3 + 0.02 * c, 0.46 + 0.02 * r);
    struct funnel_label l = name_of(&d[2 * 21 + 10], 0.1); /* 0.5, 0.5 */
    funnel_layout_place(&l, 1, d, 105, 0.1, 0.9, 0.2, 0.8);
    CHECK_INT(l.side, FUNNEL_RIGHT);
    CHECK_INT(l.leader, 1);
    /* the block's top marks reach 0.54 + 0.012 = 0.552; in steps of half a
     * name's height (0.01), up before down, the first middle whose box is
     * clear is 0.5 + 0.07 = 0.57 (0.56..0.58; 0.56 would reach down to 0.55) */
    CHECK_NEAR(l.ly, 0.57, 1e-12);
    CHECK_NEAR(l.lx, 0.52, 1e-12); /* twice the gap from the point */
    CHECK_NEAR(l.ax, 0.52, 1e-12);
    CHECK_NEAR(l.ay, 0.57, 1e-12);
    for (int i = 0; i < 105; i++)
        CHECK(!covers_dot(&l, &d[i]));
}

TEST(a_name_with_no_free_place_in_the_plot_is_dropped)
{
    struct funnel_dot d[1] = {dot(0.2, 0.5)};
    struct funnel_label l = name_of(&d[0], 0.3); /* wider than the plot, 0.1..0.3 */
    funnel_layout_place(&l, 1, d, 1, 0.1, 0.3, 0.2, 0.8);
    CHECK_INT(l.side, FUNNEL_DROPPED);
}

TEST(names_are_placed_in_the_order_given)
{
    /* two marks 0.06 apart, names 0.1 wide: the first takes its right,
     * which the second would need, so the second goes left of its own */
    struct funnel_dot d[2] = {dot(0.5, 0.5), dot(0.56, 0.52)};
    struct funnel_label l[2] = {name_of(&d[1], 0.1), name_of(&d[0], 0.1)};
    funnel_layout_place(l, 2, d, 2, 0.1, 0.9, 0.2, 0.8);
    CHECK_INT(l[0].side, FUNNEL_RIGHT);
    CHECK_INT(l[1].side, FUNNEL_LEFT);
}

/* The national crowd as the demo's drug trafficking funnel for
 * Warwickshire drew it: 40 marks in a patch of the page between 0.5 and 3
 * million people, nine names of widths from a short name to a long one
 * among them.  Names pushed apart from each other only (as before) landed
 * on other forces' marks ("Avon and Somerset Constabulary", "Humberside
 * Police"); now no name's box meets a mark, another name or another's
 * leader, and every box is inside the plot. */
TEST(crowded_names_cover_no_mark_and_no_other_name)
{
    struct funnel_label l[9];
    struct funnel_dot d[40];
    for (int i = 0; i < 40; i++) /* a deterministic scatter */
        d[i] = dot(0.55 + 0.006 * ((i * 7) % 40), 0.40 + 0.004 * ((i * 13) % 40));
    for (int i = 0; i < 9; i++)
        l[i] = name_of(&d[i * 4], 0.08 + 0.02 * (i % 5));
    for (int i = 0; i < 9; i++)
        l[i].h = 0.0225, l[i].gap = 0.012;
    funnel_layout_place(l, 9, d, 40, 0.085, 0.965, 0.255, 0.765);
    for (int i = 0; i < 9; i++) {
        CHECK(l[i].side != FUNNEL_DROPPED);
        CHECK(l[i].lx >= 0.085 - 1e-12 && l[i].lx + l[i].w <= 0.965 + 1e-12);
        CHECK(l[i].ly - l[i].h / 2 >= 0.255 - 1e-12 && l[i].ly + l[i].h / 2 <= 0.765 + 1e-12);
        for (int k = 0; k < 40; k++)
            if (covers_dot(&l[i], &d[k])) {
                printf("  name %d covers mark %d\n", i, k);
                CHECK(0);
            }
        for (int j = 0; j < 9; j++) {
            if (j > i && boxes_overlap(&l[i], &l[j])) {
                printf("  names %d and %d overlap\n", i, j);
                CHECK(0);
            }
            if (j != i && l[j].leader) {
                /* the leader, sampled finely, stays out of name i's box */
                for (int t = 0; t <= 200; t++) {
                    double x = l[j].x + (l[j].ax - l[j].x) * t / 200.0;
                    double y = l[j].y + (l[j].ay - l[j].y) * t / 200.0;
                    if (x > l[i].lx + 1e-9 && x < l[i].lx + l[i].w - 1e-9 &&
                        y > l[i].ly - l[i].h / 2 + 1e-9 && y < l[i].ly + l[i].h / 2 - 1e-9) {
                        printf("  the leader of name %d crosses name %d\n", j, i);
                        CHECK(0);
                        break;
                    }
                }
            }
        }
    }
}

TEST(placing_twice_gives_the_same_places)
{
    struct funnel_label a[5], b[5];
    struct funnel_dot d[5];
    for (int i = 0; i < 5; i++) {
        d[i] = dot(0.5 + 0.01 * i, 0.5 + 0.001 * (i % 2));
        a[i] = name_of(&d[i], 0.15);
    }
    memcpy(b, a, sizeof a);
    funnel_layout_place(a, 5, d, 5, 0.1, 0.9, 0.2, 0.8);
    funnel_layout_place(b, 5, d, 5, 0.1, 0.9, 0.2, 0.8);
    CHECK(memcmp(a, b, sizeof a) == 0);
}

int main(void)
{
    poisson_gsl_init();
    RUN(named_are_the_force_and_the_forces_outside_the_99_8_percent_limits);
    RUN(how_far_out_is_a_multiple_of_the_distance_to_the_limit);
    RUN(named_are_at_most_the_eight_furthest_outside);
    RUN(the_y_range_is_the_bulk_and_the_limits_not_an_extreme_rate);
    RUN(a_rate_within_half_the_bulk_span_stays_on_the_scale);
    RUN(a_force_beyond_the_y_range_is_off_the_scale_and_named);
    RUN(the_force_itself_off_the_scale_is_counted_and_its_alt_text_says_so);
    RUN(with_four_forces_none_is_off_the_scale);
    RUN(alt_text_counts_the_forces_off_the_scale_and_outside_the_limits);
    RUN(alt_text_says_how_many_outside_are_not_named);
    RUN(a_lone_name_sits_right_of_its_point_at_its_height);
    RUN(a_name_with_no_room_on_the_right_goes_left);
    RUN(a_name_that_would_cover_a_mark_on_the_right_goes_left);
    RUN(a_name_with_marks_on_both_sides_goes_above);
    RUN(a_name_inside_a_block_of_marks_leaves_it_with_a_leader);
    RUN(a_name_with_no_free_place_in_the_plot_is_dropped);
    RUN(names_are_placed_in_the_order_given);
    RUN(crowded_names_cover_no_mark_and_no_other_name);
    RUN(placing_twice_gives_the_same_places);
    return TESTING_DONE();
}
