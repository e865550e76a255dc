/* sio-measures' comparisons: windows, coverage, verdict direction and the
 * sentence.  Series are built by hand; most are steady within each window,
 * so they show no extra-Poisson variation and the exact interval stands.
 * Count intervals are from R 4.2.2 poisson.test(c(x1, x2), c(t1, t2))
 * printed with format(digits = 12), or for series that vary more than
 * Poisson from tests/tools/dispersion.R (glm quasipoisson, quasibinomial);
 * proportion intervals are Newcombe's method 10, checked against the
 * published examples in test_binomial and here recomputed in R from
 * prop.test(x, n, correct = FALSE)$conf.int. */
#include "config/config.h"
#include "stats/poisson.h"
#include "../../measures/compare.h"
#include "testing.h"

#include <math.h>
#include <stdlib.h>

/* n months from 2018-07: the baseline year (2018-07..2019-06) holds base
 * each month, later months hold later. */
static struct series make(int n, long base, long later)
{
    struct series s = {month_make(2018, 7), n, calloc((size_t)n, sizeof(long)),
                       calloc((size_t)n, 1), calloc((size_t)n, sizeof(long)), 1};
    for (int i = 0; i < n; i++) {
        s.count[i] = i < 12 ? base : later;
        s.present[i] = 1;
    }
    return s;
}

static struct measure_def measure(int better, int proportion)
{
    struct measure_def m = {.key = "test", .label = "Test crimes", .better = better,
                            .national = "test", .source = MEASURE_SRC_POLICE_UK,
                            .proportion = proportion, .target = NAN};
    return m;
}

static struct comparison compare_seasonal(const struct series *s, const struct measure_def *m,
                                          enum compare_kind kind, int allow_missing,
                                          int seasonal)
{
    struct sio_config cfg;
    struct sio_error err;
    struct comparison c;
    config_defaults(&cfg);
    cfg.allow_missing = allow_missing;
    CHECK_INT(compare_make(s, m, &cfg, kind, seasonal, &c, &err), SIO_OK);
    return c;
}

static struct comparison compare(const struct series *s, const struct measure_def *m,
                                 enum compare_kind kind, int allow_missing)
{
    return compare_seasonal(s, m, kind, allow_missing, 0);
}

/* dispersion.R's case A: the baseline year, then the latest 12 months. */
static struct series over_dispersed(void)
{
    static const long base[12] = {329, 322, 307, 306, 280, 265, 282, 292, 333, 351, 321, 321};
    static const long late[12] = {403, 362, 415, 320, 216, 224, 324, 350, 370, 337, 380, 359};
    struct series s = make(24, 0, 0);
    for (int i = 0; i < 12; i++)
        s.count[i] = base[i], s.count[12 + i] = late[i];
    return s;
}

TEST(fall_of_30_percent_is_an_improvement_when_down_is_better)
{
    struct series s = make(24, 10, 7);              /* 84 vs 120 */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_NEAR(c.change, -30.0, 1e-9);
    /* R: poisson.test(c(84,120), c(12,12)): 0.523244179063 .. 0.932837770192 */
    CHECK_NEAR(c.low, 100 * (0.523244179063 - 1), 1e-8);
    CHECK_NEAR(c.high, 100 * (0.932837770192 - 1), 1e-8);
    CHECK_STR(c.verdict, "improvement");
    CHECK_STR(c.sentence, "In the 12 months to June 2020, Test crimes fell 30.0% (from 120 to"
              " 84) against the baseline (the 12 months to June 2019); the fall is"
              " statistically significant, an improvement (95% CI -47.7% to -6.7%).");
    series_free(&s);
}

TEST(the_same_fall_is_a_deterioration_when_up_is_better)
{
    struct series s = make(24, 10, 7);
    struct measure_def m = measure(+1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_STR(c.verdict, "deterioration");
    series_free(&s);
}

TEST(a_missing_month_gives_no_verdict_and_says_why)
{
    struct series s = make(24, 10, 7);
    s.present[20] = 0;                              /* 2020-03 has no file */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_STR(c.verdict, "not comparable");
    CHECK(!c.comparable);
    CHECK(isnan(c.change));
    CHECK_STR(c.sentence, "Test crimes: no verdict against the baseline (the 12 months to June"
              " 2019), because 1 of the 24 months compared has no data.");
    series_free(&s);
}

TEST(allowing_missing_months_compares_rates_per_covered_month)
{
    struct series s = make(24, 10, 7);
    s.present[20] = 0;                              /* 77 in 11 months vs 120 in 12 */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 1);
    /* (77/11)/(120/12) = 0.7; R: poisson.test(c(77,120), c(11,12)):
     * 0.518811268349 .. 0.939686329600 */
    CHECK_NEAR(c.change, -30.0, 1e-9);
    CHECK_NEAR(c.low, 100 * (0.518811268349 - 1), 1e-8);
    CHECK_NEAR(c.high, 100 * (0.939686329600 - 1), 1e-8);
    CHECK_STR(c.verdict, "improvement");
    CHECK(strstr(c.sentence, "Caution: 1 of the 24 months has no data") != NULL);
    series_free(&s);
}

TEST(a_measure_with_no_rows_is_no_data_never_zero)
{
    struct series s = {0};
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_STR(c.verdict, "no data");
    CHECK(isnan(c.latest_value) && isnan(c.change));
    CHECK_STR(c.sentence, "Test crimes: no data for this force.");
}

TEST(zero_in_both_periods_is_no_change_with_nothing_to_test)
{
    struct series s = make(24, 0, 0);
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_STR(c.verdict, "no significant change");
    CHECK(isnan(c.change));                         /* 0/0 has no ratio */
    CHECK(strstr(c.sentence, "none were recorded") != NULL);
    series_free(&s);
}

TEST(a_rise_from_zero_has_no_upper_limit)
{
    struct series s = make(24, 0, 1);               /* 12 vs 0 */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    /* R: poisson.test(c(12,0), c(12,12)): 2.77859733056 .. Inf */
    CHECK_NEAR(c.low, 100 * (2.77859733056 - 1), 1e-8);
    CHECK(isinf(c.high));
    CHECK_STR(c.verdict, "deterioration");
    CHECK(strstr(c.sentence, "rose from none to 12") != NULL);
    CHECK(strstr(c.sentence, "to no upper limit") != NULL);
    series_free(&s);
}

TEST(year_earlier_compares_the_12_months_before_the_latest_12)
{
    struct series s = make(36, 10, 7);              /* to 2021-06 */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_YEAR_EARLIER, 0);
    CHECK_INT(c.latest.start, month_make(2020, 7));
    CHECK_INT(c.latest.end, month_make(2021, 6));
    CHECK_INT(c.base.start, month_make(2019, 7));
    CHECK_INT(c.base.end, month_make(2020, 6));
    CHECK_NEAR(c.change, 0.0, 1e-12);               /* 84 vs 84 */
    CHECK_STR(c.verdict, "no significant change");
    series_free(&s);
}

TEST(latest_quarter_is_the_last_complete_financial_quarter)
{
    struct series s = make(23, 10, 7);              /* to 2020-05: Q1 2020/21 incomplete */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_QUARTER, 0);
    CHECK_INT(c.latest.start, month_make(2020, 1)); /* 2019/20 Q4 */
    CHECK_INT(c.latest.end, month_make(2020, 3));
    CHECK_INT(c.base.start, month_make(2019, 1));
    CHECK_INT(c.base.end, month_make(2019, 3));
    /* 21 vs 30: R: poisson.test(c(21,30), c(3,3)) */
    CHECK_NEAR(c.change, -30.0, 1e-9);
    CHECK(strncmp(c.sentence, "In 2019/20 Q4, Test crimes fell 30.0%", 37) == 0);
    series_free(&s);
}

TEST(a_single_month_of_data_has_no_data_to_compare)
{
    struct series s = {month_make(2022, 5), 1, calloc(1, sizeof(long)), calloc(1, 1),
                       calloc(1, sizeof(long)), 1};
    s.count[0] = 42;
    s.present[0] = 1;
    struct measure_def m = measure(-1, 0);
    for (int k = 0; k < COMPARE_KINDS; k++) {
        struct comparison c = compare(&s, &m, (enum compare_kind)k, 0);
        CHECK_STR(c.verdict, "no data");
    }
    series_free(&s);
}

TEST(a_window_with_no_figures_is_no_data_never_zero)
{
    struct series s = make(24, 10, 7);
    for (int i = 0; i < 12; i++)
        s.present[i] = 0;
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 1);  /* even when allowed */
    CHECK_STR(c.verdict, "no data");
    CHECK(isnan(c.base_value) && isnan(c.change));
    CHECK_STR(c.sentence, "Test crimes: no verdict against the baseline (the 12 months to June"
              " 2019), because there are no figures for July 2018 to June 2019.");
    series_free(&s);
}

TEST(a_rise_in_satisfaction_is_an_improvement_in_percentage_points)
{
    /* baseline 700 of 1000, latest 740 of 1000, spread over the months */
    struct series s = make(24, 58, 62);
    struct measure_def m = measure(+1, 1);
    for (int i = 0; i < 24; i++)
        s.denom[i] = 83;
    s.count[11] = 62, s.denom[11] = 87;             /* 11 x 58 + 62 = 700; 11 x 83 + 87 = 1000 */
    s.count[23] = 58, s.denom[23] = 87;             /* 11 x 62 + 58 = 740 */
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_NEAR(c.latest_value, 74.0, 1e-9);
    CHECK_NEAR(c.base_value, 70.0, 1e-9);
    /* R: Newcombe from prop.test(740, 1000) and prop.test(700, 1000):
     * 0.040000000000000, 0.000640025044711 .. 0.079195467208896 */
    CHECK_NEAR(c.change, 4.0, 1e-9);
    CHECK_NEAR(c.low, 100 * 0.000640025044711, 1e-7);
    CHECK_NEAR(c.high, 100 * 0.079195467208896, 1e-7);
    CHECK_STR(c.verdict, "improvement");
    CHECK_STR(c.sentence, "In the 12 months to June 2020, Test crimes rose 4.0 percentage points"
              " (from 70.0% to 74.0%) against the baseline (the 12 months to June 2019); the"
              " rise is statistically significant, an improvement (95% CI 0.1 to 7.9 points).");
    series_free(&s);
}

TEST(over_dispersed_counts_widen_the_interval_as_r_quasipoisson)
{
    struct series s = over_dispersed();
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    /* 4060 vs 3709: poisson.test alone gives 1.0467 .. 1.1448, a significant
     * rise; R: glm(y ~ window, quasipoisson): dispersion 6.74032574932 on 22
     * df, exp(coef +/- qt(0.975, 22) SE) = 0.968626932033 1.237034637831 */
    CHECK_NEAR(c.fit.phi, 6.74032574932, 1e-9);
    CHECK_INT(c.fit.df, 22);
    CHECK_NEAR(c.change, 100 * (1.09463467242 - 1), 1e-8);
    CHECK_NEAR(c.low, 100 * (0.968626932033 - 1), 1e-8);
    CHECK_NEAR(c.high, 100 * (1.237034637831 - 1), 1e-8);
    CHECK_STR(c.verdict, "no significant change");
    CHECK(strstr(c.method, "quasi-Poisson dispersion 6.74 (Pearson chi-square / 22 df,"
                 " window)") != NULL);
    series_free(&s);
}

TEST(a_seasonal_series_fits_month_of_year_terms_as_r)
{
    struct series s = over_dispersed();
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare_seasonal(&s, &m, COMPARE_BASELINE, 0, 1);
    /* R: glm(y ~ window + month, quasipoisson): dispersion 3.60720457833 on
     * 11 df; exp(coef +/- qt(0.975, 11) SE) = 0.995481208815 1.203664173116 */
    CHECK_NEAR(c.fit.phi, 3.60720457833, 1e-9);
    CHECK_INT(c.fit.df, 11);
    CHECK(c.fit.seasonal);
    CHECK_NEAR(c.low, 100 * (0.995481208815 - 1), 1e-8);
    CHECK_NEAR(c.high, 100 * (1.203664173116 - 1), 1e-8);
    CHECK(strstr(c.method, "window + month of year") != NULL);
    series_free(&s);
}

TEST(a_quarter_borrows_the_dispersion_of_its_two_12_month_windows)
{
    struct series s = over_dispersed();             /* to 2020-06 */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_QUARTER, 0);
    /* The latest complete quarter, Apr-Jun 2020 (337 +
     * 380 + 359 = 1076), against Apr-Jun 2019 (351 + 321 + 321 = 993), the
     * dispersion that of the two 12-month windows, as above; R:
     * exp(log(1076/993) + c(-1, 1) * qt(0.975, 22) * sqrt(6.74032574932 *
     * (1/1076 + 1/993))) = 0.854998093974 1.373285704182 */
    CHECK_INT(c.latest.num, 1076);
    CHECK_INT(c.base.num, 993);
    CHECK_INT(c.fit.df, 22);
    CHECK_NEAR(c.fit.phi, 6.74032574932, 1e-9);
    CHECK_NEAR(c.low, 100 * (0.854998093974 - 1), 1e-8);
    CHECK_NEAR(c.high, 100 * (1.373285704182 - 1), 1e-8);
    series_free(&s);
}

TEST(quarterly_figures_are_too_few_to_test_and_say_so)
{
    /* Eight financial quarters from 2018/19 Q2: the baseline year's four,
     * then the latest four. */
    struct series s = {month_make(2018, 7), 8, calloc(8, sizeof(long)), calloc(8, 1),
                       calloc(8, sizeof(long)), 3};
    for (int i = 0; i < 8; i++)
        s.count[i] = i < 4 ? 30 + i : 20 + i, s.present[i] = 1;
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    /* hand: (24 + 25 + 26 + 27) / (30 + 31 + 32 + 33) - 1 = 102/126 - 1 */
    CHECK_NEAR(c.change, 100.0 * (102.0 / 126.0 - 1.0), 1e-9);
    CHECK(isnan(c.low) && isnan(c.high));
    CHECK_STR(c.verdict, "not tested");
    CHECK_STR(c.sentence, "In the 12 months to June 2020, Test crimes fell 19.0% (from 126 to"
              " 102) against the baseline (the 12 months to June 2019); whether that is more"
              " than the usual variation is not tested, because 8 quarterly figures leave 6"
              " degrees of freedom to estimate how much they vary beyond chance, and sio"
              " needs 10.");
    series_free(&s);
}

TEST(overlapping_windows_are_not_comparable)
{
    struct series s = make(18, 10, 7);              /* to 2019-12: overlaps the baseline */
    struct measure_def m = measure(-1, 0);
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_STR(c.verdict, "not comparable");
    CHECK(strstr(c.sentence, "because the two windows overlap") != NULL);
    series_free(&s);
}

TEST(over_dispersed_shares_widen_newcombe_as_r_quasibinomial)
{
    static const long nb[12] = {70, 72, 68, 75, 71, 69, 74, 70, 73, 72, 68, 71};
    static const long xb[12] = {60, 45, 55, 40, 58, 47, 62, 44, 57, 49, 52, 59};
    static const long nl[12] = {71, 69, 74, 70, 72, 73, 68, 75, 70, 71, 74, 69};
    static const long xl[12] = {50, 38, 56, 41, 55, 36, 49, 58, 40, 52, 57, 39};
    struct series s = make(24, 0, 0);
    struct measure_def m = measure(+1, 1);
    for (int i = 0; i < 12; i++) {
        s.count[i] = xb[i], s.denom[i] = nb[i];
        s.count[12 + i] = xl[i], s.denom[12 + i] = nl[i];
    }
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    /* 571/856 against 628/853.  R (dispersion.R case Q): glm(cbind(x, n - x)
     * ~ window, quasibinomial) dispersion 3.76074824376 on 22 df; Newcombe
     * on x/phi of n/phi: -15.19645051040 .. 1.49627100062 (plain binomial:
     * -11.2 .. -2.6, a significant fall) */
    CHECK_NEAR(c.fit.phi, 3.76074824376, 1e-9);
    CHECK_NEAR(c.low, -15.19645051040, 1e-8);
    CHECK_NEAR(c.high, 1.49627100062, 1e-8);
    CHECK_STR(c.verdict, "no significant change");
    series_free(&s);
}

TEST(a_change_in_points_is_the_difference_of_the_shown_shares)
{
    /* 1848 of 2500 = 73.92% falls to 1754 of 2500 = 70.16%: 3.76 points,
     * which rounds to 3.8, but the shares read 73.9% and 70.2%, so the
     * change is stated as 3.7 points, as a reader subtracts (hand). */
    struct series s = make(24, 154, 146);
    struct measure_def m = measure(+1, 1);
    for (int i = 0; i < 24; i++)
        s.denom[i] = i % 12 == 11 ? 212 : 208;
    s.count[23] = 148;
    struct comparison c = compare(&s, &m, COMPARE_BASELINE, 0);
    CHECK_NEAR(c.base_value, 73.9, 1e-9);
    CHECK_NEAR(c.latest_value, 70.2, 1e-9);
    CHECK_NEAR(c.change, -3.7, 1e-9);
    CHECK(strstr(c.sentence, "fell 3.7 percentage points (from 73.9% to 70.2%)") != NULL);
    series_free(&s);
}

TEST(month_names_are_in_english)
{
    char buf[24];
    CHECK_STR(compare_month_name(month_make(2019, 6), buf), "June 2019");
    CHECK_STR(compare_month_name(month_make(2022, 12), buf), "December 2022");
}

int main(void)
{
    poisson_gsl_init();
    RUN(fall_of_30_percent_is_an_improvement_when_down_is_better);
    RUN(the_same_fall_is_a_deterioration_when_up_is_better);
    RUN(a_missing_month_gives_no_verdict_and_says_why);
    RUN(allowing_missing_months_compares_rates_per_covered_month);
    RUN(a_measure_with_no_rows_is_no_data_never_zero);
    RUN(zero_in_both_periods_is_no_change_with_nothing_to_test);
    RUN(a_rise_from_zero_has_no_upper_limit);
    RUN(year_earlier_compares_the_12_months_before_the_latest_12);
    RUN(latest_quarter_is_the_last_complete_financial_quarter);
    RUN(a_single_month_of_data_has_no_data_to_compare);
    RUN(a_window_with_no_figures_is_no_data_never_zero);
    RUN(a_rise_in_satisfaction_is_an_improvement_in_percentage_points);
    RUN(over_dispersed_counts_widen_the_interval_as_r_quasipoisson);
    RUN(a_seasonal_series_fits_month_of_year_terms_as_r);
    RUN(a_quarter_borrows_the_dispersion_of_its_two_12_month_windows);
    RUN(quarterly_figures_are_too_few_to_test_and_say_so);
    RUN(overlapping_windows_are_not_comparable);
    RUN(over_dispersed_shares_widen_newcombe_as_r_quasibinomial);
    RUN(a_change_in_points_is_the_difference_of_the_shown_shares);
    RUN(month_names_are_in_english);
    return TESTING_DONE();
}
