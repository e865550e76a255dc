/*
 * test_spc.c — XmR limits, the four special-cause rules and the summary.
 *
 * Expected values are hand calculations written out beside each test; the
 * limits of the first series were also checked in R 4.2.2 with
 * mean(x), mean(abs(diff(x))) and the 2.66 and (2/3) 2.66 multipliers.
 * Rule behaviour follows NHSRplotthedots R/ptd_calculate_point_type.R, as
 * cited in lib/stats/spc.c.
 */
#include "stats/spc.h"
#include "testing.h"

#define REL 1e-12
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static struct spc_point pts[32];
static struct spc_summary sum;

/* Default options without the 15-point minimum, so that the rules can be
 * shown on short series (the minimum has tests of its own). */
static struct spc_options opts(void)
{
    struct spc_options o = spc_options_default();
    o.min_points = 0;
    return o;
}

static int run(const double *v, size_t n, struct spc_options o)
{
    struct sio_error err;
    return spc_xmr(v, n, &o, pts, &sum, &err);
}

/* Which points have `flag`, as a bit mask over indices 0..n-1. */
static unsigned flagged(size_t n, unsigned flag)
{
    unsigned m = 0;
    for (size_t i = 0; i < n; i++)
        if (pts[i].flags & flag)
            m |= 1u << i;
    return m;
}

/* x = 10 14 12 16 13 11 15 12 14 13
 * sum = 130, mean = 13
 * moving ranges 4 2 4 3 2 4 3 2 1, sum 25, mean mR = 25/9 = 2.7777...
 * limits 13 -+ 2.66 * 25/9 = 13 -+ 7.38888... = 5.61111..., 20.38888...
 * 2 sigma 13 -+ (2/3)(2.66)(25/9) = 13 -+ 4.92592... = 8.07407..., 17.92592...
 * R 4.2.2: 13 2.77777777778 5.61111111111 20.38888888889 8.07407407407
 *          17.92592592593 */
static const double calm[] = {10, 14, 12, 16, 13, 11, 15, 12, 14, 13};

TEST(test_limits_of_ten_points_match_hand_calculation)
{
    CHECK_INT(run(calm, 10, opts()), SIO_OK);
    struct spc_limits *l = &pts[9].limits;
    CHECK_NEAR(l->mean, 13.0, REL);
    CHECK_NEAR(l->mr_mean, 25.0 / 9.0, REL);
    CHECK_NEAR(l->lower, 5.61111111111, 1e-11);
    CHECK_NEAR(l->upper, 20.38888888889, 1e-11);
    CHECK_NEAR(l->lower2, 8.07407407407, 1e-11);
    CHECK_NEAR(l->upper2, 17.92592592593, 1e-11);
    CHECK_INT(l->n_points, 10);
    CHECK_INT(l->n_ranges, 9);
}

TEST(test_calm_series_has_no_flags_and_common_cause)
{
    /* sides - + - + 0 - + - + 0: no run; steps change sign often. */
    CHECK_INT(run(calm, 10, opts()), SIO_OK);
    CHECK_INT(flagged(10, ~0u), 0);
    CHECK_INT(sum.variation, SPC_COMMON_CAUSE);
    CHECK_INT(pts[4].side, 0); /* 13 is exactly the mean */
}

TEST(test_missing_month_is_skipped_not_zero)
{
    /* 10 14 NaN 16 13: mean (10+14+16+13)/4 = 53/4 = 13.25 (as zero: 10.6)
     * ranges only 14-10 = 4 and 16-13 = 3 (none across the gap): mR 3.5
     * upper 13.25 + 2.66*3.5 = 22.56, lower 13.25 - 9.31 = 3.94 */
    const double v[] = {10, 14, NAN, 16, 13};
    CHECK_INT(run(v, 5, opts()), SIO_OK);
    CHECK_NEAR(pts[0].limits.mean, 13.25, REL);
    CHECK_NEAR(pts[0].limits.mr_mean, 3.5, REL);
    CHECK_NEAR(pts[0].limits.upper, 22.56, REL);
    CHECK_NEAR(pts[0].limits.lower, 3.94, REL);
    CHECK_INT(pts[2].side, 0);
    CHECK_INT(pts[2].flags, 0);
}

/* 6 3 3 3 3 3 3 3 9 9: sum 45, mean 4.5; ranges 3 0 0 0 0 0 0 6 0, mR 1
 * limits 4.5 -+ 2.66 = 1.84, 7.16; sides + - - - - - - - + +
 * indices 1..7 are 7 points below the mean; 9 > 7.16 at 8 and 9. */
static const double shift7[] = {6, 3, 3, 3, 3, 3, 3, 3, 9, 9};

TEST(test_shift_of_seven_below_mean_is_flagged)
{
    CHECK_INT(run(shift7, 10, opts()), SIO_OK);
    CHECK_NEAR(pts[0].limits.mean, 4.5, REL);
    CHECK_INT(flagged(10, SPC_SHIFT), 0xFE); /* indices 1..7 */
}

TEST(test_shift_of_seven_is_not_flagged_when_rule_needs_eight)
{
    struct spc_options o = opts();
    o.rules.shift_run = 8;
    CHECK_INT(run(shift7, 10, o), SIO_OK);
    CHECK_INT(flagged(10, SPC_SHIFT), 0);
}

TEST(test_point_beyond_upper_limit_is_flagged)
{
    /* 9 > upper 7.16 (shift7 hand calculation) at indices 8 and 9 */
    CHECK_INT(run(shift7, 10, opts()), SIO_OK);
    CHECK_NEAR(pts[8].limits.upper, 7.16, REL);
    CHECK_INT(flagged(10, SPC_BEYOND), (1u << 8) | (1u << 9));
}

TEST(test_point_on_mean_breaks_a_shift)
{
    /* 6 3 3 3 4 3 3 3 6 6: sum 40, mean 4; sides + - - - 0 - - - + +
     * with shift 6, the six points below would count only if the point on
     * the mean (index 4) did not break the run */
    const double v[] = {6, 3, 3, 3, 4, 3, 3, 3, 6, 6};
    struct spc_options o = opts();
    o.rules.shift_run = 6;
    CHECK_INT(run(v, 10, o), SIO_OK);
    CHECK_NEAR(pts[0].limits.mean, 4.0, REL);
    CHECK_INT(flagged(10, SPC_SHIFT), 0);
}

TEST(test_missing_month_breaks_a_shift)
{
    /* shift7 with index 4 missing: below-mean runs of 3 and 3 */
    double v[10];
    memcpy(v, shift7, sizeof v);
    v[4] = NAN;
    CHECK_INT(run(v, 10, opts()), SIO_OK);
    CHECK_INT(flagged(10, SPC_SHIFT), 0);
}

/* 5 1 2 3 4 5 6 3 4 2: indices 1..6 are 6 points with 5 rises */
static const double rise6[] = {5, 1, 2, 3, 4, 5, 6, 3, 4, 2};

TEST(test_trend_of_six_points_five_rises_is_flagged_by_default)
{
    CHECK_INT(run(rise6, 10, opts()), SIO_OK);
    CHECK_INT(flagged(10, SPC_TREND), 0x7E); /* indices 1..6 */
}

TEST(test_trend_of_six_points_is_not_flagged_at_nhsrplotthedots_seven)
{
    struct spc_options o = opts();
    o.rules.trend_run = 7;
    CHECK_INT(run(rise6, 10, o), SIO_OK);
    CHECK_INT(flagged(10, SPC_TREND), 0);
}

TEST(test_falling_trend_over_whole_short_series_is_flagged)
{
    /* 10 9 8 7 6 5: 6 points, 5 falls */
    const double v[] = {10, 9, 8, 7, 6, 5};
    CHECK_INT(run(v, 6, opts()), SIO_OK);
    CHECK_INT(flagged(6, SPC_TREND), 0x3F);
}

TEST(test_unchanged_value_breaks_a_trend)
{
    /* 1 2 3 3 4 5 6: steps + + 0 + + +, longest run 4 points */
    const double v[] = {1, 2, 3, 3, 4, 5, 6};
    CHECK_INT(run(v, 7, opts()), SIO_OK);
    CHECK_INT(flagged(7, SPC_TREND), 0);
}

TEST(test_series_shorter_than_rule_lengths_has_no_run_flags)
{
    /* 1 2 3 4 5: 5 points, fewer than trend 6 and shift 7 */
    const double v[] = {1, 2, 3, 4, 5};
    CHECK_INT(run(v, 5, opts()), SIO_OK);
    CHECK_INT(flagged(5, SPC_TREND | SPC_SHIFT), 0);
}

/* Baseline [0, 6) = 10 12 10 12 10 12: mean 11, ranges all 2, mR 2
 * limits 11 -+ 5.32 = 5.68, 16.32; 2 sigma 11 -+ 3.54666... = 7.45333...,
 * 14.54666...  (R 4.2.2: 5.68 16.32 7.45333333333 14.54666666667) */
static const double base2of3[] = {10, 12, 10, 12, 10, 12, 15, 12, 15, 10};

static struct spc_options baseline_0_6(void)
{
    struct spc_options o = opts();
    o.baseline_start = 0;
    o.baseline_end = 6;
    return o;
}

TEST(test_baseline_limits_are_applied_forward)
{
    CHECK_INT(run(base2of3, 10, baseline_0_6()), SIO_OK);
    CHECK_NEAR(pts[9].limits.mean, 11.0, REL);
    CHECK_NEAR(pts[9].limits.upper, 16.32, REL);
    CHECK_NEAR(pts[9].limits.upper2, 14.54666666667, 1e-11);
    CHECK_INT(pts[9].limits.n_points, 6);
}

TEST(test_two_of_three_beyond_two_sigma_flags_those_two)
{
    /* window 6..8 = 15 12 15, all above 11, 15 > 14.5466 twice: flag 6, 8;
     * 12 is not beyond 2 sigma so stays unflagged */
    CHECK_INT(run(base2of3, 10, baseline_0_6()), SIO_OK);
    CHECK_INT(flagged(10, SPC_TWO_OF_THREE), (1u << 6) | (1u << 8));
}

TEST(test_two_of_three_counts_a_point_beyond_three_sigma)
{
    /* 15 12 17: 17 > 16.32 is beyond 3 sigma; since MDC's November 2023
     * change (NHSRplotthedots issue #194) it counts, so 6 and 8 flag */
    double v[10];
    memcpy(v, base2of3, sizeof v);
    v[8] = 17;
    CHECK_INT(run(v, 10, baseline_0_6()), SIO_OK);
    CHECK_INT(flagged(10, SPC_TWO_OF_THREE), (1u << 6) | (1u << 8));
    CHECK_INT(flagged(10, SPC_BEYOND), 1u << 8);
}

TEST(test_two_of_three_ignores_points_on_opposite_sides)
{
    /* 15 7 12 after the baseline: 15 > 14.5466 and 7 < 7.4533 are both
     * beyond 2 sigma but on opposite sides of 11 */
    const double v[] = {10, 12, 10, 12, 10, 12, 15, 7, 12, 10};
    CHECK_INT(run(v, 10, baseline_0_6()), SIO_OK);
    CHECK_INT(flagged(10, SPC_TWO_OF_THREE), 0);
}

TEST(test_rebase_gives_each_segment_its_own_limits)
{
    /* 10 12 10 12 10 | 20 22 20 22 20: means 54/5 = 10.8 and 104/5 = 20.8,
     * each mR 2 (the 10 -> 20 jump is not a range: different segments) */
    const double v[] = {10, 12, 10, 12, 10, 20, 22, 20, 22, 20};
    const size_t rebase[] = {5};
    struct spc_options o = opts();
    o.rebase = rebase;
    o.n_rebase = 1;
    CHECK_INT(run(v, 10, o), SIO_OK);
    CHECK_NEAR(pts[4].limits.mean, 10.8, REL);
    CHECK_NEAR(pts[5].limits.mean, 20.8, REL);
    CHECK_NEAR(pts[5].limits.mr_mean, 2.0, REL);
    CHECK_INT(flagged(10, ~0u), 0);
}

TEST(test_baseline_limits_judge_the_points_before_it_too)
{
    /* Limits fixed on points 2..8 (mean 11, as base2of3's 10 12 10 12 10 12
     * shifted by two) apply to points 0 and 1 as well: one segment. */
    const double v[] = {30, 12, 10, 12, 10, 12, 10, 12, 11, 12};
    struct spc_options o = opts();
    o.baseline_start = 2;
    o.baseline_end = 8;
    CHECK_INT(run(v, 10, o), SIO_OK);
    CHECK_NEAR(pts[0].limits.mean, 11.0, REL);
    CHECK_NEAR(pts[0].limits.upper, 16.32, REL);
    CHECK_INT(flagged(10, SPC_BEYOND), 1u << 0);
}

TEST(test_fewer_than_min_points_gives_provisional_limits_and_no_verdict)
{
    /* calm has 10 points; Making Data Count's minimum is 15 */
    const double v[] = {10, 14, 12, 16, 13, 11, 15, 12, 14, 40};
    CHECK_INT(run(v, 10, spc_options_default()), SIO_OK);
    CHECK(pts[9].limits.provisional);
    CHECK_INT(flagged(10, ~0u), 0);               /* 40 is not judged */
    CHECK(sum.variation == SPC_TOO_FEW_POINTS);
    CHECK_STR(spc_variation_name(sum.variation), "no verdict");
}

TEST(test_fifteen_points_are_enough)
{
    const double v[] = {10, 14, 12, 16, 13, 11, 15, 12, 14, 13, 12, 14, 13, 12, 40};
    CHECK_INT(run(v, 15, spc_options_default()), SIO_OK);
    CHECK(!pts[14].limits.provisional);
    CHECK_INT(flagged(15, SPC_BEYOND), 1u << 14);
}

/* R 4.2.2: x <- c(30, 25, 40, 20); n <- c(100, 50, 100, 80);
 * p <- sum(x) / sum(n) = 0.348484848485; limits 100 (p -/+ 3 sqrt(p (1 - p)
 * / n)) = 20.5537710362 49.1431986608 (n = 100), 14.6327067049
 * 55.0642629921 (n = 50); 2 sigma upper 44.3782940567 (n = 100). */
TEST(test_p_chart_limits_follow_each_points_denominator)
{
    const double v[] = {30, 50, 40, 25, 61};        /* per cent */
    const double n[] = {100, 50, 100, 80, 100};
    struct spc_options o = opts();
    o.trials = n;
    o.baseline_start = 0;
    o.baseline_end = 4;
    CHECK_INT(run(v, 5, o), SIO_OK);
    CHECK_NEAR(pts[0].limits.mean, 34.8484848485, 1e-11);
    CHECK_NEAR(pts[0].limits.lower, 20.5537710362, 1e-11);
    CHECK_NEAR(pts[0].limits.upper, 49.1431986608, 1e-11);
    CHECK_NEAR(pts[1].limits.lower, 14.6327067049, 1e-11);
    CHECK_NEAR(pts[1].limits.upper, 55.0642629921, 1e-11);
    CHECK_NEAR(pts[0].limits.upper2, 44.3782940567, 1e-11);
    CHECK(isnan(pts[0].limits.mr_mean));
    CHECK_INT(flagged(5, SPC_BEYOND), 1u << 4);   /* 61% of 100 > 49.14 */
}

TEST(test_single_point_is_a_data_error)
{
    const double v[] = {5};
    CHECK_INT(run(v, 1, opts()), SIO_EDATA);
}

TEST(test_no_two_consecutive_months_is_a_data_error)
{
    const double v[] = {5, NAN, 6};
    CHECK_INT(run(v, 3, opts()), SIO_EDATA);
}

TEST(test_rebase_inside_baseline_is_a_data_error)
{
    const size_t rebase[] = {3};
    struct spc_options o = baseline_0_6();
    o.rebase = rebase;
    o.n_rebase = 1;
    CHECK_INT(run(base2of3, 10, o), SIO_EDATA);
}

TEST(test_baseline_past_end_is_a_data_error)
{
    struct spc_options o = opts();
    o.baseline_end = 11;
    CHECK_INT(run(base2of3, 10, o), SIO_EDATA);
}

TEST(test_run_length_of_one_is_a_usage_error)
{
    struct spc_options o = opts();
    o.rules.trend_run = 1;
    CHECK_INT(run(calm, 10, o), SIO_EUSAGE);
}

TEST(test_latest_point_above_with_higher_better_is_improving)
{
    /* shift7: the latest point, 9, is beyond 7.16 and above the mean */
    struct spc_options o = opts();
    o.improvement = +1;
    CHECK_INT(run(shift7, 10, o), SIO_OK);
    CHECK_INT(sum.variation, SPC_SPECIAL_IMPROVING);
}

TEST(test_latest_point_above_with_lower_better_is_concerning)
{
    struct spc_options o = opts();
    o.improvement = -1;
    CHECK_INT(run(shift7, 10, o), SIO_OK);
    CHECK_INT(sum.variation, SPC_SPECIAL_CONCERNING);
}

TEST(test_latest_point_above_with_no_direction_is_special_high)
{
    CHECK_INT(run(shift7, 10, opts()), SIO_OK);
    CHECK_INT(sum.variation, SPC_SPECIAL_HIGH);
}

TEST(test_summary_skips_a_missing_latest_month)
{
    double v[11];
    memcpy(v, shift7, sizeof shift7);
    v[10] = NAN;
    struct spc_options o = opts();
    o.improvement = -1;
    CHECK_INT(run(v, 11, o), SIO_OK);
    CHECK_INT(sum.latest, 9);
    CHECK_INT(sum.variation, SPC_SPECIAL_CONCERNING);
}

static enum spc_assurance assurance(double target, int improvement)
{
    /* calm: limits 5.6111 and 20.3889 (hand calculation above) */
    struct spc_options o = opts();
    o.target = target;
    o.improvement = improvement;
    CHECK_INT(run(calm, 10, o), SIO_OK);
    return sum.assurance;
}

TEST(test_target_above_upper_limit_passes_when_lower_is_better)
{
    CHECK_INT(assurance(25, -1), SPC_PASSING);
}

TEST(test_target_above_upper_limit_fails_when_higher_is_better)
{
    CHECK_INT(assurance(25, +1), SPC_FAILING);
}

TEST(test_target_below_lower_limit_fails_when_lower_is_better)
{
    CHECK_INT(assurance(3, -1), SPC_FAILING);
}

TEST(test_target_within_limits_is_hit_and_miss)
{
    CHECK_INT(assurance(15, -1), SPC_HIT_AND_MISS);
}

TEST(test_no_target_gives_no_assurance)
{
    CHECK_INT(assurance(NAN, -1), SPC_ASSURANCE_NONE);
    CHECK_STR(spc_assurance_name(SPC_ASSURANCE_NONE), "no target");
}

int main(void)
{
    RUN(test_limits_of_ten_points_match_hand_calculation);
    RUN(test_calm_series_has_no_flags_and_common_cause);
    RUN(test_missing_month_is_skipped_not_zero);
    RUN(test_shift_of_seven_below_mean_is_flagged);
    RUN(test_shift_of_seven_is_not_flagged_when_rule_needs_eight);
    RUN(test_point_beyond_upper_limit_is_flagged);
    RUN(test_point_on_mean_breaks_a_shift);
    RUN(test_missing_month_breaks_a_shift);
    RUN(test_trend_of_six_points_five_rises_is_flagged_by_default);
    RUN(test_trend_of_six_points_is_not_flagged_at_nhsrplotthedots_seven);
    RUN(test_falling_trend_over_whole_short_series_is_flagged);
    RUN(test_unchanged_value_breaks_a_trend);
    RUN(test_series_shorter_than_rule_lengths_has_no_run_flags);
    RUN(test_baseline_limits_are_applied_forward);
    RUN(test_baseline_limits_judge_the_points_before_it_too);
    RUN(test_fewer_than_min_points_gives_provisional_limits_and_no_verdict);
    RUN(test_fifteen_points_are_enough);
    RUN(test_p_chart_limits_follow_each_points_denominator);
    RUN(test_two_of_three_beyond_two_sigma_flags_those_two);
    RUN(test_two_of_three_counts_a_point_beyond_three_sigma);
    RUN(test_two_of_three_ignores_points_on_opposite_sides);
    RUN(test_rebase_gives_each_segment_its_own_limits);
    RUN(test_single_point_is_a_data_error);
    RUN(test_no_two_consecutive_months_is_a_data_error);
    RUN(test_rebase_inside_baseline_is_a_data_error);
    RUN(test_baseline_past_end_is_a_data_error);
    RUN(test_run_length_of_one_is_a_usage_error);
    RUN(test_latest_point_above_with_higher_better_is_improving);
    RUN(test_latest_point_above_with_lower_better_is_concerning);
    RUN(test_latest_point_above_with_no_direction_is_special_high);
    RUN(test_summary_skips_a_missing_latest_month);
    RUN(test_target_above_upper_limit_passes_when_lower_is_better);
    RUN(test_target_above_upper_limit_fails_when_higher_is_better);
    RUN(test_target_below_lower_limit_fails_when_lower_is_better);
    RUN(test_target_within_limits_is_hit_and_miss);
    RUN(test_no_target_gives_no_assurance);
    return TESTING_DONE();
}
