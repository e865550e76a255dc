/* Funnel plot control limits (lib/stats/funnel.h) against R 4.2.2, from
 *
 *   for (e in c(0.5, 3, 10, 123.4, 2500, 5e4, 3e5, 2e6)) for (lv in c(0.95, 0.998)) {
 *     a <- 1 - lv
 *     cat(sprintf("%g %g %.12g %.12g\n", e, lv, qchisq(a/2, 2*e)/2, qchisq(1-a/2, 2*e+2)/2))
 *   }
 *
 * (tests/tools/funnel_limits.R computes the same for a whole store). */
#include "stats/funnel.h"
#include "stats/poisson.h"
#include "testing.h"

static void check_limits(double e, double level, double want_low, double want_high)
{
    double low, high;
    funnel_limits(e, level, &low, &high);
    CHECK_NEAR(low, want_low, 1e-9);
    CHECK_NEAR(high, want_high, 1e-9);
}

TEST(limits_at_95_percent_match_r)
{
    check_limits(0.5, 0.95, 0.000491034558588, 4.67420180225);
    check_limits(3, 0.95, 0.618672122896, 8.76727306974);
    check_limits(10, 0.95, 4.79538869613, 18.390356042);
    check_limits(123.4, 0.95, 102.589686158, 147.191619965);
    check_limits(2500, 0.95, 2402.95236543, 2599.96148434);
}

TEST(limits_at_99_8_percent_match_r)
{
    check_limits(0.5, 0.998, 7.85398574631e-07, 8.13311809812);
    check_limits(3, 0.998, 0.190533377568, 13.0622407792);
    check_limits(10, 0.998, 2.96052037274, 24.1339711454);
    check_limits(123.4, 0.998, 91.8987117108, 161.73323171);
    check_limits(2500, 0.998, 2348.33369087, 2658.39657757);
}

/* A large force's yearly count: GSL's own chi-squared inverse gave NaN
 * from about 50,000 expected. */
TEST(limits_for_large_expected_counts_match_r)
{
    check_limits(5e4, 0.95, 49562.6866503, 50440.2120354);
    check_limits(5e4, 0.998, 49311.8519082, 50694.8546762);
    check_limits(3e5, 0.95, 298927.43098, 301075.465114);
    check_limits(3e5, 0.998, 298310.259502, 301696.443006);
    check_limits(2e6, 0.95, 1997229.13963, 2002773.75537);
    check_limits(2e6, 0.998, 1995632.60125, 2004374.09953);
}

TEST(nothing_expected_gives_a_lower_limit_of_zero)
{
    double low, high;
    funnel_limits(0, 0.95, &low, &high);
    CHECK(low == 0);
    CHECK_NEAR(high, 3.68887945411, 1e-9); /* R: qchisq(0.975, 2)/2 */
}

TEST(out_of_range_gives_no_limits)
{
    double low, high;
    funnel_limits(-1, 0.95, &low, &high);
    CHECK(isnan(low) && isnan(high));
    funnel_limits(5, 1.0, &low, &high);
    CHECK(isnan(low) && isnan(high));
}

int main(void)
{
    poisson_gsl_init();
    RUN(limits_at_95_percent_match_r);
    RUN(limits_at_99_8_percent_match_r);
    RUN(limits_for_large_expected_counts_match_r);
    RUN(nothing_expected_gives_a_lower_limit_of_zero);
    RUN(out_of_range_gives_no_limits);
    return TESTING_DONE();
}
