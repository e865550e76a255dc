/*
 * test_binomial.c — exact and Wilson proportion intervals against R.
 *
 * Every expected number was printed by R 4.2.2 with format(..., digits = 12);
 * the call is written beside it.
 */
#include "binomial.h"
#include "poisson.h"
#include "testing.h"

#define REL 1e-9

static struct binomial_interval exact_or_fail(long x, long n, double level)
{
    struct binomial_interval b = {0, 0, 0};
    struct sio_error err;
    CHECK_INT(binomial_exact_ci(x, n, level, &b, &err), SIO_OK);
    return b;
}

static struct binomial_interval wilson_or_fail(long x, long n, double level)
{
    struct binomial_interval b = {0, 0, 0};
    struct sio_error err;
    CHECK_INT(binomial_wilson_ci(x, n, level, &b, &err), SIO_OK);
    return b;
}

TEST(test_exact_ci_matches_r_binom_test_7_of_20)
{
    struct binomial_interval b = exact_or_fail(7, 20, 0.95);
    CHECK_NEAR(b.estimate, 0.35, REL);
    /* R: binom.test(7, 20)$conf.int = 0.153909204785 0.592188534533 */
    CHECK_NEAR(b.low, 0.153909204785, REL);
    CHECK_NEAR(b.high, 0.592188534533, REL);
}

TEST(test_exact_ci_matches_r_at_level_99_for_1234_of_5000)
{
    struct binomial_interval b = exact_or_fail(1234, 5000, 0.99);
    /* R: binom.test(1234, 5000, conf.level=0.99)$conf.int
     *    = 0.231242145299 0.262843627086 */
    CHECK_NEAR(b.low, 0.231242145299, REL);
    CHECK_NEAR(b.high, 0.262843627086, REL);
}

TEST(test_exact_ci_matches_r_for_tiny_proportion_3_of_500002)
{
    struct binomial_interval b = exact_or_fail(3, 500002, 0.95);
    /* R: binom.test(3, 500002)$conf.int = 1.23734100560e-06 1.75343748761e-05
     * (GSL 2.7 gsl_cdf_beta_Qinv(0.025, 4, 499999) returns NaN) */
    CHECK_NEAR(b.low, 1.23734100560e-06, REL);
    CHECK_NEAR(b.high, 1.75343748761e-05, REL);
}

TEST(test_exact_ci_with_zero_successes_has_low_zero)
{
    struct binomial_interval b = exact_or_fail(0, 20, 0.95);
    /* R: binom.test(0, 20)$conf.int = 0.000000000000 0.168433470983 */
    CHECK(b.low == 0.0);
    CHECK_NEAR(b.high, 0.168433470983, REL);
}

TEST(test_exact_ci_with_all_successes_has_high_one)
{
    struct binomial_interval b = exact_or_fail(20, 20, 0.95);
    /* R: binom.test(20, 20)$conf.int = 0.831566529017 1.000000000000 */
    CHECK_NEAR(b.low, 0.831566529017, REL);
    CHECK(b.high == 1.0);
}

TEST(test_wilson_ci_matches_r_prop_test_7_of_20)
{
    struct binomial_interval b = wilson_or_fail(7, 20, 0.95);
    /* R: prop.test(7, 20, correct=FALSE)$conf.int
     *    = 0.181191824101 0.567145723315 */
    CHECK_NEAR(b.low, 0.181191824101, REL);
    CHECK_NEAR(b.high, 0.567145723315, REL);
}

TEST(test_wilson_ci_matches_r_at_level_99_for_1234_of_5000)
{
    struct binomial_interval b = wilson_or_fail(1234, 5000, 0.99);
    /* R: prop.test(1234, 5000, correct=FALSE, conf.level=0.99)$conf.int
     *    = 0.231436578938 0.262834512865 */
    CHECK_NEAR(b.low, 0.231436578938, REL);
    CHECK_NEAR(b.high, 0.262834512865, REL);
}

TEST(test_wilson_ci_with_zero_successes_has_low_zero)
{
    struct binomial_interval b = wilson_or_fail(0, 20, 0.95);
    /* R: prop.test(0, 20, correct=FALSE)$conf.int = 0 0.161125158053 */
    CHECK(b.low == 0.0);
    CHECK_NEAR(b.high, 0.161125158053, REL);
}

TEST(test_wilson_ci_with_all_successes_has_high_one)
{
    struct binomial_interval b = wilson_or_fail(20, 20, 0.95);
    /* R: prop.test(20, 20, correct=FALSE)$conf.int = 0.838874841947 1 */
    CHECK_NEAR(b.low, 0.838874841947, REL);
    CHECK(b.high == 1.0);
}

TEST(test_both_intervals_reject_zero_total)
{
    struct binomial_interval b;
    struct sio_error err;
    CHECK_INT(binomial_exact_ci(0, 0, 0.95, &b, &err), SIO_EDATA);
    CHECK_INT(err.status, SIO_EDATA);
    CHECK_INT(binomial_wilson_ci(0, 0, 0.95, &b, &err), SIO_EDATA);
}

TEST(test_both_intervals_reject_count_outside_zero_to_total)
{
    struct binomial_interval b;
    struct sio_error err;
    CHECK_INT(binomial_exact_ci(21, 20, 0.95, &b, &err), SIO_EDATA);
    CHECK_INT(binomial_wilson_ci(-1, 20, 0.95, &b, &err), SIO_EDATA);
}

TEST(test_both_intervals_reject_level_outside_zero_one)
{
    struct binomial_interval b;
    struct sio_error err;
    CHECK_INT(binomial_exact_ci(7, 20, 1.0, &b, &err), SIO_EDATA);
    CHECK_INT(binomial_wilson_ci(7, 20, NAN, &b, &err), SIO_EDATA);
}

int main(void)
{
    poisson_gsl_init();
    RUN(test_exact_ci_matches_r_binom_test_7_of_20);
    RUN(test_exact_ci_matches_r_at_level_99_for_1234_of_5000);
    RUN(test_exact_ci_matches_r_for_tiny_proportion_3_of_500002);
    RUN(test_exact_ci_with_zero_successes_has_low_zero);
    RUN(test_exact_ci_with_all_successes_has_high_one);
    RUN(test_wilson_ci_matches_r_prop_test_7_of_20);
    RUN(test_wilson_ci_matches_r_at_level_99_for_1234_of_5000);
    RUN(test_wilson_ci_with_zero_successes_has_low_zero);
    RUN(test_wilson_ci_with_all_successes_has_high_one);
    RUN(test_both_intervals_reject_zero_total);
    RUN(test_both_intervals_reject_count_outside_zero_to_total);
    RUN(test_both_intervals_reject_level_outside_zero_one);
    return TESTING_DONE();
}
