/*
 * test_poisson.c — the Poisson rate and rate-ratio intervals against R.
 *
 * Every expected number was printed by R 4.2.2 (Debian bookworm r-base-core)
 * with format(..., digits = 12); the call is written beside it.  R is a
 * development aid only: nothing here runs it.
 */
#include "stats/poisson.h"
#include "testing.h"

#define REL 1e-9 /* R prints 12 digits; GSL quantiles agree to ~1e-10 */

static struct poisson_ratio ratio_or_fail(long x1, double t1, long x2,
                                          double t2, double level)
{
    struct poisson_ratio r = {0, 0, 0};
    struct sio_error err;
    CHECK_INT(poisson_ratio_ci(x1, t1, x2, t2, level, &r, &err), SIO_OK);
    return r;
}

static struct poisson_interval rate_or_fail(long x, double t, double level)
{
    struct poisson_interval r = {0, 0, 0};
    struct sio_error err;
    CHECK_INT(poisson_rate_ci(x, t, level, &r, &err), SIO_OK);
    return r;
}

TEST(test_ratio_ci_matches_r_poisson_test_120_vs_150)
{
    struct poisson_ratio r = ratio_or_fail(120, 1, 150, 1, 0.95);
    /* R: poisson.test(c(120,150), c(1,1))$estimate = 0.8 */
    CHECK_NEAR(r.ratio, 0.8, REL);
    /* R: poisson.test(c(120,150), c(1,1))$conf.int
     *    = 0.623960374627 1.023883256161 */
    CHECK_NEAR(r.low, 0.623960374627, REL);
    CHECK_NEAR(r.high, 1.023883256161, REL);
}

TEST(test_ratio_ci_matches_r_with_unequal_exposures_30_in_12_vs_10_in_6)
{
    struct poisson_ratio r = ratio_or_fail(30, 12, 10, 6, 0.95);
    /* R: poisson.test(c(30,10), c(12,6))$estimate = 1.5 */
    CHECK_NEAR(r.ratio, 1.5, REL);
    /* R: poisson.test(c(30,10), c(12,6))$conf.int
     *    = 0.713704235076 3.439650885509 */
    CHECK_NEAR(r.low, 0.713704235076, REL);
    CHECK_NEAR(r.high, 3.439650885509, REL);
}

TEST(test_ratio_ci_matches_r_at_level_90_for_200_vs_120)
{
    struct poisson_ratio r = ratio_or_fail(200, 1, 120, 1, 0.90);
    /* R: poisson.test(c(200,120), c(1,1), conf.level=0.9)$conf.int
     *    = 1.37072584644 2.03099169521 */
    CHECK_NEAR(r.low, 1.37072584644, REL);
    CHECK_NEAR(r.high, 2.03099169521, REL);
}

TEST(test_ratio_ci_matches_r_for_large_counts_12000_vs_12500)
{
    struct poisson_ratio r = ratio_or_fail(12000, 1, 12500, 1, 0.95);
    /* R: poisson.test(c(12000,12500), c(1,1))$conf.int
     *    = 0.936173877201 0.984429361167 */
    CHECK_NEAR(r.low, 0.936173877201, REL);
    CHECK_NEAR(r.high, 0.984429361167, REL);
}

TEST(test_ratio_ci_matches_r_for_50000_vs_40000_where_gsl_beta_inv_fails)
{
    struct poisson_ratio r = ratio_or_fail(50000, 1, 40000, 1, 0.99);
    /* R: poisson.test(c(50000,40000), c(1,1), conf.level=0.99)$conf.int
     *    = 1.22856463072 1.27182136186
     * (GSL 2.7 gsl_cdf_beta_Pinv(0.005, 50000, 40001) returns NaN) */
    CHECK_NEAR(r.low, 1.22856463072, REL);
    CHECK_NEAR(r.high, 1.27182136186, REL);
}

TEST(test_ratio_ci_for_equal_counts_contains_one)
{
    struct poisson_ratio r = ratio_or_fail(50, 1, 50, 1, 0.95);
    CHECK_NEAR(r.ratio, 1.0, REL);
    /* R: poisson.test(c(50,50), c(1,1))$conf.int
     *    = 0.662016150201 1.510537166951 */
    CHECK_NEAR(r.low, 0.662016150201, REL);
    CHECK_NEAR(r.high, 1.510537166951, REL);
}

TEST(test_ratio_ci_with_first_count_zero_has_low_zero)
{
    struct poisson_ratio r = ratio_or_fail(0, 1, 5, 1, 0.95);
    CHECK(r.ratio == 0.0);
    /* R: poisson.test(c(0,5), c(1,1))$conf.int = 0.00000000000 1.09127910518 */
    CHECK(r.low == 0.0);
    CHECK_NEAR(r.high, 1.09127910518, REL);
}

TEST(test_ratio_ci_with_second_count_zero_has_infinite_high)
{
    struct poisson_ratio r = ratio_or_fail(5, 1, 0, 1, 0.95);
    CHECK(isinf(r.ratio) && r.ratio > 0);
    /* R: poisson.test(c(5,0), c(1,1))$conf.int = 0.916355857315 Inf */
    CHECK_NEAR(r.low, 0.916355857315, REL);
    CHECK(isinf(r.high) && r.high > 0);
}

TEST(test_ratio_ci_with_both_counts_zero_is_uninformative)
{
    /* R's binom.test refuses n = 0; the contract (poisson.h) is NaN, 0, Inf. */
    struct poisson_ratio r = ratio_or_fail(0, 1, 0, 1, 0.95);
    CHECK(isnan(r.ratio));
    CHECK(r.low == 0.0);
    CHECK(isinf(r.high));
}

TEST(test_ratio_ci_rejects_negative_count)
{
    struct poisson_ratio r;
    struct sio_error err;
    CHECK_INT(poisson_ratio_ci(-1, 1, 5, 1, 0.95, &r, &err), SIO_EDATA);
    CHECK_INT(err.status, SIO_EDATA);
    CHECK_INT(poisson_ratio_ci(5, 1, -1, 1, 0.95, &r, &err), SIO_EDATA);
}

TEST(test_ratio_ci_rejects_non_positive_exposure)
{
    struct poisson_ratio r;
    struct sio_error err;
    CHECK_INT(poisson_ratio_ci(5, 0, 5, 1, 0.95, &r, &err), SIO_EDATA);
    CHECK_INT(poisson_ratio_ci(5, 1, 5, -2, 0.95, &r, &err), SIO_EDATA);
    CHECK_INT(poisson_ratio_ci(5, NAN, 5, 1, 0.95, &r, &err), SIO_EDATA);
}

TEST(test_ratio_ci_rejects_level_outside_zero_one)
{
    struct poisson_ratio r;
    struct sio_error err;
    CHECK_INT(poisson_ratio_ci(5, 1, 5, 1, 0.0, &r, &err), SIO_EDATA);
    CHECK_INT(poisson_ratio_ci(5, 1, 5, 1, 1.0, &r, &err), SIO_EDATA);
    CHECK_INT(poisson_ratio_ci(5, 1, 5, 1, 95, &r, &err), SIO_EDATA);
}

TEST(test_rate_ci_matches_r_poisson_test_7_in_2)
{
    struct poisson_interval r = rate_or_fail(7, 2, 0.95);
    CHECK_NEAR(r.rate, 3.5, REL);
    /* R: poisson.test(7, 2)$conf.int = 1.40718152576 7.21133768085 */
    CHECK_NEAR(r.low, 1.40718152576, REL);
    CHECK_NEAR(r.high, 7.21133768085, REL);
}

TEST(test_rate_ci_matches_r_for_1500_in_12)
{
    struct poisson_interval r = rate_or_fail(1500, 12, 0.95);
    /* R: poisson.test(1500, 12)$conf.int = 118.753539022 131.489753927 */
    CHECK_NEAR(r.low, 118.753539022, REL);
    CHECK_NEAR(r.high, 131.489753927, REL);
}

TEST(test_rate_ci_matches_r_for_150000_where_gsl_gamma_qinv_misleads)
{
    struct poisson_interval r = rate_or_fail(150000, 1, 0.95);
    /* R: poisson.test(150000, 1)$conf.int = 149241.856809 150761.040026
     * (GSL 2.7 gsl_cdf_gamma_Qinv(0.025, 150001, 1) gives 221598) */
    CHECK_NEAR(r.low, 149241.856809, REL);
    CHECK_NEAR(r.high, 150761.040026, REL);
}

TEST(test_rate_ci_matches_r_for_a_million_in_12)
{
    struct poisson_interval r = rate_or_fail(1000000, 12, 0.95);
    /* R: poisson.test(1000000, 12)$conf.int = 83170.0819450 83496.8259955 */
    CHECK_NEAR(r.low, 83170.0819450, REL);
    CHECK_NEAR(r.high, 83496.8259955, REL);
}

TEST(test_rate_ci_matches_r_for_ten_million_where_gsl_gamma_p_loses_digits)
{
    struct poisson_interval r = rate_or_fail(9999999, 1, 0.95);
    /* R: format(poisson.test(9999999)$conf.int, digits = 15)
     *    = 9993801.99719417 10006198.89742160
     * (Newton on GSL 2.7's gamma CDF gave 10006188.0 for the high limit) */
    CHECK_NEAR(r.low, 9993801.99719417, REL);
    CHECK_NEAR(r.high, 10006198.89742160, REL);
}

TEST(test_gamma_quantile_matches_r_either_side_of_two_million)
{
    /* R: format(qgamma(c(0.975, 0.0005), 2e6), digits = 15) and
     *    format(qgamma(c(0.975, 0.9995), 2.5e6), digits = 15) */
    CHECK_NEAR(poisson_gamma_quantile(2e6, 0.975), 2002772.75468001, REL);
    CHECK_NEAR(poisson_gamma_quantile(2e6, 0.0005), 1995349.76807673, REL);
    CHECK_NEAR(poisson_gamma_quantile(2.5e6, 0.975), 2503099.92220568, REL);
    CHECK_NEAR(poisson_gamma_quantile(2.5e6, 0.9995), 2505206.05566305, REL);
}

TEST(test_rate_ci_with_zero_count_has_low_zero)
{
    struct poisson_interval r = rate_or_fail(0, 1, 0.95);
    /* R: poisson.test(0, 1)$conf.int = 0.00000000000 3.68887945411 */
    CHECK(r.low == 0.0);
    CHECK_NEAR(r.high, 3.68887945411, REL);
}

TEST(test_rate_ci_rejects_zero_exposure)
{
    struct poisson_interval r;
    struct sio_error err;
    CHECK_INT(poisson_rate_ci(3, 0, 0.95, &r, &err), SIO_EDATA);
}

TEST(test_verdict_is_decrease_when_interval_below_one)
{
    /* R: poisson.test(c(80,140), c(1,1))$conf.int
     *    = 0.428624614440 0.757396553521, wholly below 1 */
    struct poisson_ratio r = ratio_or_fail(80, 1, 140, 1, 0.95);
    CHECK_NEAR(r.high, 0.757396553521, REL);
    CHECK_INT(poisson_verdict(&r), CHANGE_DECREASE);
}

TEST(test_verdict_is_increase_when_interval_above_one)
{
    /* R: poisson.test(c(200,120), c(1,1), conf.level=0.9)$conf.int
     *    = 1.37072584644 2.03099169521, wholly above 1 */
    struct poisson_ratio r = ratio_or_fail(200, 1, 120, 1, 0.90);
    CHECK_INT(poisson_verdict(&r), CHANGE_INCREASE);
}

TEST(test_verdict_is_none_when_interval_contains_one)
{
    /* R: 120 vs 150 gives 0.623960374627 1.023883256161, which holds 1 */
    struct poisson_ratio r = ratio_or_fail(120, 1, 150, 1, 0.95);
    CHECK_INT(poisson_verdict(&r), CHANGE_NONE);
}

TEST(test_verdict_is_none_when_both_counts_zero)
{
    struct poisson_ratio r = ratio_or_fail(0, 1, 0, 1, 0.95);
    CHECK_INT(poisson_verdict(&r), CHANGE_NONE);
}

int main(void)
{
    poisson_gsl_init();
    RUN(test_ratio_ci_matches_r_poisson_test_120_vs_150);
    RUN(test_ratio_ci_matches_r_with_unequal_exposures_30_in_12_vs_10_in_6);
    RUN(test_ratio_ci_matches_r_at_level_90_for_200_vs_120);
    RUN(test_ratio_ci_matches_r_for_large_counts_12000_vs_12500);
    RUN(test_ratio_ci_matches_r_for_50000_vs_40000_where_gsl_beta_inv_fails);
    RUN(test_ratio_ci_for_equal_counts_contains_one);
    RUN(test_ratio_ci_with_first_count_zero_has_low_zero);
    RUN(test_ratio_ci_with_second_count_zero_has_infinite_high);
    RUN(test_ratio_ci_with_both_counts_zero_is_uninformative);
    RUN(test_ratio_ci_rejects_negative_count);
    RUN(test_ratio_ci_rejects_non_positive_exposure);
    RUN(test_ratio_ci_rejects_level_outside_zero_one);
    RUN(test_rate_ci_matches_r_poisson_test_7_in_2);
    RUN(test_rate_ci_matches_r_for_1500_in_12);
    RUN(test_rate_ci_matches_r_for_150000_where_gsl_gamma_qinv_misleads);
    RUN(test_rate_ci_matches_r_for_a_million_in_12);
    RUN(test_rate_ci_matches_r_for_ten_million_where_gsl_gamma_p_loses_digits);
    RUN(test_gamma_quantile_matches_r_either_side_of_two_million);
    RUN(test_rate_ci_with_zero_count_has_low_zero);
    RUN(test_rate_ci_rejects_zero_exposure);
    RUN(test_verdict_is_decrease_when_interval_below_one);
    RUN(test_verdict_is_increase_when_interval_above_one);
    RUN(test_verdict_is_none_when_interval_contains_one);
    RUN(test_verdict_is_none_when_both_counts_zero);
    return TESTING_DONE();
}
