/* sio-measures' windows: sums over covered months only, coverage, and the
 * interval of each figure.  Expected intervals are from R 4.2.2, printed
 * with format(digits = 12): poisson.test(x)$conf.int for counts,
 * prop.test(x, n, correct = FALSE)$conf.int for proportions. */
#include "stats/poisson.h"
#include "../../measures/window.h"
#include "testing.h"

#include <math.h>
#include <stdlib.h>

static struct series monthly(int n, long each)
{
    struct series s = {month_make(2021, 4), n, calloc((size_t)n, sizeof(long)),
                       calloc((size_t)n, 1), calloc((size_t)n, sizeof(long)), 1};
    for (int i = 0; i < n; i++)
        s.count[i] = each, s.present[i] = 1;
    return s;
}

TEST(count_of_42_has_the_exact_poisson_interval)
{
    struct series s = monthly(3, 14);
    struct window w;
    struct estimate e;
    struct sio_error err;
    window_take(&s, month_make(2021, 4), month_make(2021, 6), &w);
    CHECK_INT(window_count(&w, 0.95, &e, &err), SIO_OK);
    CHECK_NEAR(e.value, 42, 0);
    /* R: poisson.test(42): 30.2699057325 .. 56.7717987785 */
    CHECK_NEAR(e.low, 30.2699057325, 1e-9);
    CHECK_NEAR(e.high, 56.7717987785, 1e-9);
    series_free(&s);
}

TEST(a_zero_count_is_zero_with_an_upper_limit)
{
    struct series s = monthly(1, 0);
    struct window w;
    struct estimate e;
    struct sio_error err;
    window_take(&s, s.first, s.first, &w);
    CHECK_INT(window_count(&w, 0.95, &e, &err), SIO_OK);
    CHECK_NEAR(e.value, 0, 0);
    CHECK_NEAR(e.low, 0, 0);
    CHECK_NEAR(e.high, 3.68887945411, 1e-9);        /* R: poisson.test(0) */
    series_free(&s);
}

TEST(a_window_with_no_covered_month_has_no_value)
{
    struct series s = monthly(3, 5);
    struct window w;
    struct estimate e;
    struct sio_error err;
    window_take(&s, month_make(2019, 4), month_make(2020, 3), &w);
    CHECK_INT(w.covered, 0);
    CHECK_INT(w.expected, 12);
    CHECK_INT(window_count(&w, 0.95, &e, &err), SIO_OK);
    CHECK(isnan(e.value));                          /* no data, not 0 */
    series_free(&s);
}

TEST(missing_months_are_left_out_and_counted_as_missing)
{
    struct series s = monthly(12, 10);
    s.present[3] = 0, s.count[3] = 999;             /* a gap's count is never read */
    struct window w;
    window_take(&s, month_make(2021, 4), month_make(2022, 3), &w);
    CHECK_INT(w.num, 110);
    CHECK_INT(w.covered, 11);
    CHECK(!window_complete(&w));
    series_free(&s);
}

TEST(a_proportion_has_the_wilson_interval_in_per_cent)
{
    struct series s = monthly(1, 74);
    struct window w;
    struct estimate e;
    struct sio_error err;
    s.denom[0] = 100;
    window_take(&s, s.first, s.first, &w);
    CHECK_INT(window_proportion(&w, 0.95, &e, &err), SIO_OK);
    CHECK_NEAR(e.value, 74.0, 1e-12);
    /* R: prop.test(74, 100, correct = FALSE): 0.646290105508 .. 0.815953015353 */
    CHECK_NEAR(e.low, 64.6290105508, 1e-9);
    CHECK_NEAR(e.high, 81.5953015353, 1e-9);
    series_free(&s);
}

TEST(a_quarterly_point_counts_only_when_its_quarter_is_inside_the_window)
{
    struct series s = {0};
    struct sio_error err;
    struct window w;
    s.step = 3;
    CHECK_INT(series_put(&s, month_make(2021, 4), 30, 0, &err), SIO_OK);
    CHECK_INT(series_put(&s, month_make(2021, 10), 50, 0, &err), SIO_OK); /* Q2 missing */
    window_take(&s, month_make(2021, 4), month_make(2022, 3), &w);
    CHECK_INT(w.num, 80);
    CHECK_INT(w.covered, 6);                        /* two quarters of three months */
    window_take(&s, month_make(2021, 5), month_make(2021, 12), &w);
    CHECK_INT(w.num, 50);                           /* Q1 sticks out of the window */
    CHECK_INT(series_put(&s, month_make(2022, 2), 1, 0, &err), SIO_EDATA); /* off the step */
    series_free(&s);
}

int main(void)
{
    poisson_gsl_init();
    RUN(count_of_42_has_the_exact_poisson_interval);
    RUN(a_zero_count_is_zero_with_an_upper_limit);
    RUN(a_window_with_no_covered_month_has_no_value);
    RUN(missing_months_are_left_out_and_counted_as_missing);
    RUN(a_proportion_has_the_wilson_interval_in_per_cent);
    RUN(a_quarterly_point_counts_only_when_its_quarter_is_inside_the_window);
    return TESTING_DONE();
}
