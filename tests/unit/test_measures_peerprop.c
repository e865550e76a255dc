/*
 * test_measures_peerprop.c — the two-proportion test behind peer
 * significance for proportion measures.
 *
 * Expected p-values were printed by R 4.2.2 with options(digits = 12):
 * prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value, the call beside
 * each.  Pearson's chi-squared on the 2 x 2 table equals the pooled z test
 * squared: X2 = (p1 - p2)^2 / (p (1 - p) (1/n1 + 1/n2)), p = (x1 + x2) /
 * (n1 + n2), upper tail of chi-squared on 1 df.
 */
#include "../../measures/peerprop.h"
#include "stats/poisson.h"
#include "testing.h"

#include <math.h>

TEST(test_p_value_matches_r_prop_test_for_a_non_significant_gap)
{
    /* R: prop.test(c(75, 65), c(100, 100), correct = FALSE) = 0.122822648101
     * by hand: p = 0.7, X2 = 0.01 / (0.21 x 0.02) = 2.38095, Q(2.38095, 1) */
    CHECK_NEAR(peerprop_p_value(75, 100, 65, 100), 0.122822648101, 1e-10);
}

TEST(test_p_value_matches_r_prop_test_for_a_member_against_the_rest)
{
    /* Member 360 of 600 against the other members 900 + 1920 of 1200 + 2400.
     * R: prop.test(c(360, 2820), c(600, 3600), correct = FALSE)
     *    = 3.14464114961e-22 */
    CHECK_NEAR(peerprop_p_value(360, 600, 2820, 3600), 3.14464114961e-22, 1e-9);
}

TEST(test_p_value_matches_r_prop_test_with_small_counts)
{
    /* R: prop.test(c(3, 17), c(10, 20), correct = FALSE) = 0.00259127576053
     * (R warns the approximation may be poor; the value is still its). */
    CHECK_NEAR(peerprop_p_value(3, 10, 17, 20), 0.00259127576053, 1e-10);
}

TEST(test_over_dispersed_shares_are_tested_on_f_of_chisq_over_phi)
{
    /* 230 of 400 against 1800 of 4000: R prop.test(c(230, 1800), c(400,
     * 4000), correct = FALSE): X-squared 22.8637941427, p 1.73896807861e-06;
     * with phi 2.5 on 22 df, R: pf(22.8637941427 / 2.5, 1, 22, lower.tail =
     * FALSE) = 0.00623520839773 */
    struct dispersion_fit over = {2.5, 55, 22, 0, 0}, under = {0.8, 17.6, 22, 0, 0},
                          thin = {2.5, 15, 6, 0, 0};
    CHECK_NEAR(peerprop_p_value_dispersed(230, 400, 1800, 4000, &over), 0.00623520839773, 1e-9);
    CHECK_NEAR(peerprop_p_value_dispersed(230, 400, 1800, 4000, &under), 1.73896807861e-06,
               1e-9);
    CHECK(isnan(peerprop_p_value_dispersed(230, 400, 1800, 4000, &thin)));
}

TEST(test_p_value_is_nan_when_no_test_is_possible)
{
    CHECK(isnan(peerprop_p_value(0, 10, 0, 20)));   /* pooled share 0 */
    CHECK(isnan(peerprop_p_value(10, 10, 20, 20))); /* pooled share 1 */
    CHECK(isnan(peerprop_p_value(5, 10, 0, 0)));    /* no other members */
}

int main(void)
{
    poisson_gsl_init();
    RUN(test_p_value_matches_r_prop_test_for_a_non_significant_gap);
    RUN(test_p_value_matches_r_prop_test_for_a_member_against_the_rest);
    RUN(test_p_value_matches_r_prop_test_with_small_counts);
    RUN(test_over_dispersed_shares_are_tested_on_f_of_chisq_over_phi);
    RUN(test_p_value_is_nan_when_no_test_is_possible);
    return TESTING_DONE();
}
