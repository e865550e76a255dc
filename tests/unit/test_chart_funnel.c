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

TEST(a_lone_name_sits_right_of_its_point_at_its_height)
{
    struct funnel_label l = {.x = 0.3, .y = 0.5, .w = 0.2, .h = 0.02, .gap = 0.01};
    double px[1] = {0.3}, py[1] = {0.5};
    funnel_layout_place(&l, 1, px, py, 1, 0.1, 0.9, 0.2, 0.8);
    CHECK_INT(l.left, 0);
    CHECK_NEAR(l.lx, 0.31, 1e-12);
    CHECK_NEAR(l.ly, 0.5, 1e-12);
}

TEST(a_name_with_no_room_on_the_right_goes_left)
{
    struct funnel_label l = {.x = 0.8, .y = 0.5, .w = 0.2, .h = 0.02, .gap = 0.01};
    double px[1] = {0.8}, py[1] = {0.5};
    funnel_layout_place(&l, 1, px, py, 1, 0.1, 0.9, 0.2, 0.8);
    CHECK_INT(l.left, 1);
    CHECK_NEAR(l.lx, 0.59, 1e-12); /* 0.8 - 0.01 - 0.2 */
}

TEST(a_name_goes_to_the_side_with_fewer_other_points)
{
    struct funnel_label l = {.x = 0.5, .y = 0.5, .w = 0.1, .h = 0.02, .gap = 0.01};
    double px[3] = {0.5, 0.55, 0.58}, py[3] = {0.5, 0.5, 0.505}; /* two to the right */
    funnel_layout_place(&l, 1, px, py, 3, 0.1, 0.9, 0.2, 0.8);
    CHECK_INT(l.left, 1);
}

/* Two 0.2-wide names for points at height 0.5, x a and b, placed in the
 * box 0.1..0.9 x 0.2..0.8. */
static void place_two(struct funnel_label l[2], double a, double b)
{
    double px[2] = {a, b}, py[2] = {0.5, 0.5};
    for (int i = 0; i < 2; i++)
        l[i] = (struct funnel_label){.x = px[i], .y = 0.5, .w = 0.2, .h = 0.02, .gap = 0.01};
    funnel_layout_place(l, 2, px, py, 2, 0.1, 0.9, 0.2, 0.8);
}

TEST(two_names_at_one_height_move_apart_equally)
{
    struct funnel_label l[2];
    place_two(l, 0.3, 0.32);
    CHECK_NEAR(l[0].ly, 0.49, 1e-12); /* by hand: a block of two 0.02-high names centred on 0.5 */
    CHECK_NEAR(l[1].ly, 0.51, 1e-12);
}

TEST(names_apart_across_the_page_do_not_move)
{
    struct funnel_label l[2];
    place_two(l, 0.15, 0.6); /* 0.16..0.36 and 0.61..0.81 */
    CHECK_NEAR(l[0].ly, 0.5, 1e-12);
    CHECK_NEAR(l[1].ly, 0.5, 1e-12);
}

TEST(names_near_the_top_are_held_inside_the_plot)
{
    /* three at the top edge, 0.8: stacked down from it, 0.79, 0.77, 0.75 */
    struct funnel_label l[3];
    double px[3], py[3];
    for (int i = 0; i < 3; i++) {
        l[i] = (struct funnel_label){.x = 0.3 + 0.01 * i, .y = 0.8, .w = 0.2, .h = 0.02,
                                     .gap = 0.01};
        px[i] = l[i].x, py[i] = l[i].y;
    }
    funnel_layout_place(l, 3, px, py, 3, 0.1, 0.9, 0.2, 0.8);
    CHECK_NEAR(l[0].ly, 0.75, 1e-12);
    CHECK_NEAR(l[1].ly, 0.77, 1e-12);
    CHECK_NEAR(l[2].ly, 0.79, 1e-12);
}

/* The national crowd: nine names for points within a small patch of the
 * page, as the 43 forces' cluster between 0.5 and 3 million people gives,
 * of widths from a short name to a long one: no two boxes overlap, and
 * every box is inside the plot. */
TEST(crowded_names_never_overlap)
{
    struct funnel_label l[9];
    double px[40], py[40];
    for (int i = 0; i < 40; i++) { /* a deterministic scatter */
        px[i] = 0.55 + 0.006 * ((i * 7) % 40);
        py[i] = 0.40 + 0.004 * ((i * 13) % 40);
    }
    for (int i = 0; i < 9; i++)
        l[i] = (struct funnel_label){.x = px[i * 4], .y = py[i * 4], .w = 0.08 + 0.02 * (i % 5),
                                     .h = 0.0225, .gap = 0.012};
    funnel_layout_place(l, 9, px, py, 40, 0.085, 0.965, 0.255, 0.765);
    for (int i = 0; i < 9; i++) {
        CHECK(l[i].lx >= 0.085 - 1e-12 && l[i].lx + l[i].w <= 0.965 + 1e-12);
        CHECK(l[i].ly - l[i].h / 2 >= 0.255 - 1e-12 && l[i].ly + l[i].h / 2 <= 0.765 + 1e-12);
        for (int j = i + 1; j < 9; j++)
            if (boxes_overlap(&l[i], &l[j])) {
                printf("  names %d and %d overlap\n", i, j);
                CHECK(0);
            }
    }
}

TEST(placing_twice_gives_the_same_places)
{
    struct funnel_label a[5], b[5];
    double px[5], py[5];
    for (int i = 0; i < 5; i++) {
        a[i] = (struct funnel_label){.x = 0.5 + 0.01 * i, .y = 0.5 + 0.001 * (i % 2), .w = 0.15,
                                     .h = 0.02, .gap = 0.01};
        px[i] = a[i].x, py[i] = a[i].y;
    }
    memcpy(b, a, sizeof a);
    funnel_layout_place(a, 5, px, py, 5, 0.1, 0.9, 0.2, 0.8);
    funnel_layout_place(b, 5, px, py, 5, 0.1, 0.9, 0.2, 0.8);
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
    RUN(a_name_goes_to_the_side_with_fewer_other_points);
    RUN(two_names_at_one_height_move_apart_equally);
    RUN(names_apart_across_the_page_do_not_move);
    RUN(names_near_the_top_are_held_inside_the_plot);
    RUN(crowded_names_never_overlap);
    RUN(placing_twice_gives_the_same_places);
    return TESTING_DONE();
}
