/* sio-measures' quarterly rows: windows, coverage and the baseline verdict,
 * in the verdicts table's words (the measure is one where down is better).
 * Series are built by hand, steady within each window so that they show no
 * extra-Poisson variation and the exact interval stands; interval values are from R 4.2.2
 * poisson.test(c(x1, x2), c(12, 12)) printed with format(digits = 12). */
#include "config/config.h"
#include "stats/poisson.h"
#include "../../measures/quarterly.h"
#include "testing.h"

#include <math.h>
#include <stdlib.h>

/* 2018-07 .. 2018-07+n-1: baseline months (2018-07..2019-06) hold 10 each,
 * later months hold later_each. */
static struct series make(int n, long later_each)
{
    struct series s = { month_make(2018, 7), n, calloc((size_t)n, sizeof(long)),
                        calloc((size_t)n, 1), NULL, 1 };
    for (int i = 0; i < n; i++) {
        s.count[i] = i < 12 ? 10 : later_each;
        s.present[i] = 1;
    }
    return s;
}

static struct sio_config config(void)
{
    struct sio_config cfg;
    config_defaults(&cfg);
    return cfg;
}

/* A count measure where a fall is an improvement. */
static struct quarter_row row_for(struct series *s, int year, int month)
{
    struct sio_config cfg = config();
    struct sio_error err;
    struct quarter_row row;
    struct measure_def m = {.key = "test", .label = "Test crimes", .better = -1,
                            .national = "test", .source = MEASURE_SRC_POLICE_UK,
                            .target = NAN};
    CHECK_INT(quarterly_row(s, month_make(year, month), &cfg, &m, 0, &row, &err), SIO_OK);
    return row;
}

TEST(quarter_sums_its_three_months)
{
    struct series s = make(24, 7);
    struct quarter_row r = row_for(&s, 2019, 7);   /* 2019/20 Q2: 7 + 7 + 7 */
    CHECK_INT(r.count, 21);
    CHECK_INT(r.months_covered, 3);
    free(s.count); free(s.present);
}

TEST(fall_of_30_percent_is_a_significant_improvement)
{
    struct series s = make(24, 7);                 /* r12 = 84, baseline = 120 */
    struct quarter_row r = row_for(&s, 2020, 4);   /* quarter ending 2020-06 */
    CHECK_INT(r.r12_count, 84);
    CHECK_INT(r.baseline_count, 120);
    CHECK_NEAR(r.change_pct, -30.0, 1e-9);
    /* R: poisson.test(c(84,120), c(12,12)): 0.523244179063 .. 0.932837770192 */
    CHECK_NEAR(r.ci_low_pct, 100 * (0.523244179063 - 1), 1e-8);
    CHECK_NEAR(r.ci_high_pct, 100 * (0.932837770192 - 1), 1e-8);
    CHECK_STR(r.verdict, "improvement");
    free(s.count); free(s.present);
}

TEST(fall_of_20_percent_on_these_counts_is_not_significant)
{
    struct series s = make(24, 8);                 /* r12 = 96 vs 120 */
    struct quarter_row r = row_for(&s, 2020, 4);
    /* R: poisson.test(c(96,120), c(12,12)): 0.605225277093 .. 1.055077619950 */
    CHECK_NEAR(r.ci_low_pct, 100 * (0.605225277093 - 1), 1e-8);
    CHECK_NEAR(r.ci_high_pct, 100 * (1.055077619950 - 1), 1e-8);
    CHECK_STR(r.verdict, "no significant change");
    free(s.count); free(s.present);
}

TEST(rise_of_a_third_is_a_significant_deterioration)
{
    struct series s = make(24, 13);
    for (int i = 12; i < 24; i++)
        s.count[i] = i < 20 ? 13 : 14;             /* 8 x 13 + 4 x 14 = 160 */
    struct quarter_row r = row_for(&s, 2020, 4);
    CHECK_INT(r.r12_count, 160);
    /* R: poisson.test(c(160,120), c(12,12)): 1.04574220829 .. 1.70379353142 */
    CHECK_NEAR(r.ci_low_pct, 100 * (1.04574220829 - 1), 1e-8);
    CHECK_NEAR(r.ci_high_pct, 100 * (1.70379353142 - 1), 1e-8);
    CHECK_STR(r.verdict, "deterioration");
    free(s.count); free(s.present);
}

TEST(zero_recent_count_gives_an_improvement_with_an_open_lower_end)
{
    struct series s = make(24, 0);
    struct quarter_row r = row_for(&s, 2020, 4);
    CHECK_NEAR(r.change_pct, -100.0, 1e-12);
    /* R: poisson.test(c(0,120), c(12,12)): 0 .. 0.0312180353041 */
    CHECK_NEAR(r.ci_low_pct, -100.0, 1e-12);
    CHECK_NEAR(r.ci_high_pct, 100 * (0.0312180353041 - 1), 1e-8);
    CHECK_STR(r.verdict, "improvement");
    free(s.count); free(s.present);
}

TEST(a_missing_month_in_the_window_makes_it_not_comparable)
{
    struct series s = make(24, 7);
    s.present[20] = 0;                             /* 2020-03 has no file */
    struct quarter_row r = row_for(&s, 2020, 4);
    CHECK_INT(r.r12_months, 11);
    CHECK_INT(r.r12_count, 77);
    CHECK_STR(r.verdict, "not comparable");
    CHECK(!r.comparable);
    free(s.count); free(s.present);
}

TEST(a_force_with_no_baseline_has_no_data_for_it)
{
    struct series s = make(24, 7);
    for (int i = 0; i < 12; i++)
        s.present[i] = 0;
    struct quarter_row r = row_for(&s, 2020, 4);
    CHECK_INT(r.baseline_months, 0);
    CHECK_STR(r.verdict, "no data");
    free(s.count); free(s.present);
}

TEST(a_single_month_of_data_gives_a_partial_quarter)
{
    struct series s = { month_make(2022, 5), 1, calloc(1, sizeof(long)), calloc(1, 1), NULL, 1 };
    s.count[0] = 42;
    s.present[0] = 1;
    struct quarter_row r = row_for(&s, 2022, 4);
    CHECK_INT(r.count, 42);
    CHECK_INT(r.months_covered, 1);
    CHECK_STR(r.verdict, "no data");
    free(s.count); free(s.present);
}

int main(void)
{
    poisson_gsl_init();
    RUN(quarter_sums_its_three_months);
    RUN(fall_of_30_percent_is_a_significant_improvement);
    RUN(fall_of_20_percent_on_these_counts_is_not_significant);
    RUN(rise_of_a_third_is_a_significant_deterioration);
    RUN(zero_recent_count_gives_an_improvement_with_an_open_lower_end);
    RUN(a_missing_month_in_the_window_makes_it_not_comparable);
    RUN(a_force_with_no_baseline_has_no_data_for_it);
    RUN(a_single_month_of_data_gives_a_partial_quarter);
    return TESTING_DONE();
}
