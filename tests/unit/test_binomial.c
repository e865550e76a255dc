/*
 * test_binomial.c — exact and Wilson proportion intervals against R.
 *
 * Every expected number was printed by R 4.2.2 with format(..., digits = 12);
 * the call is written beside it.
 */
#include "stats/binomial.h"
#include "stats/poisson.h"
#include "testing.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>

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

/* Newton's method kept in its bracket: a guess outside it, or far from the
 * root, still ends at the quantile (where GSL's own inverses fail). */
TEST(test_cdf_newton_finds_the_quantile_from_a_guess_outside_the_bracket)
{
    /* R: qgamma(0.025, 150001) */
    CHECK_NEAR(binomial_cdf_newton(gsl_cdf_gamma_P, gsl_ran_gamma_pdf, 150001, 1, 0.025, 0,
                                   150002, -1),
               149242.85427906, REL);
    /* R: qbeta(0.005, 1235, 3766) */
    CHECK_NEAR(binomial_cdf_newton(gsl_cdf_beta_P, gsl_ran_beta_pdf, 1235, 3766, 0.005, 0, 1, 2),
               0.231437680138993, REL);
    CHECK_NEAR(binomial_cdf_newton(gsl_cdf_beta_P, gsl_ran_beta_pdf, 1235, 3766, 0.005, 0, 1,
                                   0.999),
               0.231437680138993, REL);
}

static long gamma_cdf_calls;

static double gamma_cdf_counted(double x, double a, double b)
{
    gamma_cdf_calls++;
    return gsl_cdf_gamma_P(x, a, b);
}

/* The lower 2.5% quantile of Gamma(k), from the Wilson-Hilferty guess that
 * poisson_gamma_quantile() starts from. */
static double lower_quantile_counting(double k)
{
    double c = 1.0 / (9.0 * k), w = 1.0 - c + gsl_cdf_ugaussian_Pinv(0.025) * sqrt(c);
    gamma_cdf_calls = 0;
    return binomial_cdf_newton(gamma_cdf_counted, gsl_ran_gamma_pdf, k, 1.0, 0.025, 0.0,
                               k + 1.0, k * w * w * w);
}

/* Newton's method stops once its step is below the last bit, even before it
 * has seen a point above the root: these quantiles took 41 to 49 CDFs when
 * it waited for one (a doubling out and a dozen steps back), and a run of
 * sio-measures asks for thousands. */
TEST(test_cdf_newton_stops_once_its_step_is_below_the_last_bit)
{
    static const struct {
        double k, r;
    } want[] = {
        {6, 2.20189425349085},   /* R: qgamma(0.025, 6) */
        {30, 20.2408740214209},  /* R: qgamma(0.025, 30) */
        {45, 32.8233087882345},  /* R: qgamma(0.025, 45) */
        {52, 38.8360872004612},  /* R: qgamma(0.025, 52) */
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        CHECK_NEAR(lower_quantile_counting(want[i].k), want[i].r, REL);
        CHECK(gamma_cdf_calls <= 6);
    }
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

/* Newcombe (1998) Statistics in Medicine 17:873, Table II, method 10 (the
 * published four-figure values), and R 4.2.2 building the same interval
 * from prop.test(x, n, correct = FALSE)$conf.int for twelve figures:
 *   d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2) */
TEST(test_newcombe_matches_published_example_56_of_70_vs_48_of_80)
{
    struct binomial_difference d;
    struct sio_error err;
    CHECK_INT(binomial_newcombe_ci(56, 70, 48, 80, 0.95, &d, &err), SIO_OK);
    CHECK_NEAR(d.estimate, 0.2, 1e-12);
    CHECK_NEAR(d.low, 0.0524314724024, 1e-9);   /* published 0.0524 */
    CHECK_NEAR(d.high, 0.3338726540369, 1e-9);  /* published 0.3339 */
}

TEST(test_newcombe_matches_published_example_9_of_10_vs_3_of_10)
{
    struct binomial_difference d;
    struct sio_error err;
    CHECK_INT(binomial_newcombe_ci(9, 10, 3, 10, 0.95, &d, &err), SIO_OK);
    CHECK_NEAR(d.low, 0.170522723935, 1e-9);    /* published 0.1705 */
    CHECK_NEAR(d.high, 0.809017973535, 1e-9);   /* published 0.8090 */
}

TEST(test_newcombe_with_no_successes_in_either_sample_is_two_sided)
{
    struct binomial_difference d;
    struct sio_error err;
    CHECK_INT(binomial_newcombe_ci(0, 10, 0, 20, 0.95, &d, &err), SIO_OK);
    CHECK_NEAR(d.estimate, 0.0, 1e-12);
    CHECK_NEAR(d.low, -0.161125158053, 1e-9);   /* published -0.1611 */
    CHECK_NEAR(d.high, 0.277532799863, 1e-9);   /* published 0.2775 */
}

TEST(test_newcombe_with_all_and_none_stops_at_one)
{
    struct binomial_difference d;
    struct sio_error err;
    CHECK_INT(binomial_newcombe_ci(10, 10, 0, 20, 0.95, &d, &err), SIO_OK);
    CHECK_NEAR(d.low, 0.679086037142, 1e-9);    /* published 0.6791 */
    CHECK_NEAR(d.high, 1.0, 1e-12);             /* published 1.0000 */
}

TEST(test_newcombe_rejects_an_empty_sample)
{
    struct binomial_difference d;
    struct sio_error err;
    CHECK_INT(binomial_newcombe_ci(1, 10, 0, 0, 0.95, &d, &err), SIO_EDATA);
}

int main(void)
{
    poisson_gsl_init();
    RUN(test_exact_ci_matches_r_binom_test_7_of_20);
    RUN(test_exact_ci_matches_r_at_level_99_for_1234_of_5000);
    RUN(test_exact_ci_matches_r_for_tiny_proportion_3_of_500002);
    RUN(test_exact_ci_with_zero_successes_has_low_zero);
    RUN(test_exact_ci_with_all_successes_has_high_one);
    RUN(test_cdf_newton_finds_the_quantile_from_a_guess_outside_the_bracket);
    RUN(test_cdf_newton_stops_once_its_step_is_below_the_last_bit);
    RUN(test_wilson_ci_matches_r_prop_test_7_of_20);
    RUN(test_wilson_ci_matches_r_at_level_99_for_1234_of_5000);
    RUN(test_wilson_ci_with_zero_successes_has_low_zero);
    RUN(test_wilson_ci_with_all_successes_has_high_one);
    RUN(test_both_intervals_reject_zero_total);
    RUN(test_both_intervals_reject_count_outside_zero_to_total);
    RUN(test_both_intervals_reject_level_outside_zero_one);
    RUN(test_newcombe_matches_published_example_56_of_70_vs_48_of_80);
    RUN(test_newcombe_matches_published_example_9_of_10_vs_3_of_10);
    RUN(test_newcombe_with_no_successes_in_either_sample_is_two_sided);
    RUN(test_newcombe_with_all_and_none_stops_at_one);
    RUN(test_newcombe_rejects_an_empty_sample);
    return TESTING_DONE();
}
