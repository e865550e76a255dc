/*
 * test_ingest_dates.c — the date and period forms sio-ingest accepts
 * (ingest/dates.h).  Expected values are read off the calendar.
 */
#include "../../ingest/dates.h"
#include "testing.h"

#include <stdlib.h>
#include <time.h>

static int parse(const char *s, int *y, int *m, int *d)
{
    return dates_parse(s, strlen(s), y, m, d);
}

TEST(uk_date_dd_mm_yyyy)
{
    int y, m, d;
    CHECK(parse("05/07/2022", &y, &m, &d));
    CHECK_INT(y, 2022);
    CHECK_INT(m, 7);
    CHECK_INT(d, 5);
}

TEST(uk_date_with_one_digit_day_and_month)
{
    int y, m, d;
    CHECK(parse("1/8/2022", &y, &m, &d));
    CHECK_INT(m, 8);
    CHECK_INT(d, 1);
}

TEST(iso_date_and_iso_date_time)
{
    int y, m, d;
    CHECK(parse("2022-07-06", &y, &m, &d));
    CHECK_INT(d, 6);
    CHECK(parse("2019-05-31T23:50:00+00:00", &y, &m, &d));
    CHECK_INT(m, 5);
    CHECK_INT(d, 31);
    CHECK(parse("31/05/2019 23:50", &y, &m, &d));
}

TEST(bare_month_has_day_zero)
{
    int y, m, d;
    CHECK(parse("2022-08", &y, &m, &d));
    CHECK_INT(y, 2022);
    CHECK_INT(m, 8);
    CHECK_INT(d, 0);
}

TEST(impossible_days_are_refused)
{
    int y, m, d;
    CHECK(!parse("31/02/2022", &y, &m, &d));   /* February has 28 days in 2022 */
    CHECK(!parse("29/02/2022", &y, &m, &d));
    CHECK(parse("29/02/2024", &y, &m, &d));    /* 2024 is a leap year */
    CHECK(!parse("29/02/1900", &y, &m, &d));   /* 1900 is not (divisible by 100) */
    CHECK(parse("29/02/2000", &y, &m, &d));    /* 2000 is (divisible by 400) */
    CHECK(!parse("2022-13-01", &y, &m, &d));
    CHECK(!parse("00/01/2022", &y, &m, &d));
}

TEST(other_shapes_are_refused)
{
    int y, m, d;
    CHECK(!parse("", &y, &m, &d));
    CHECK(!parse("2022/07/05", &y, &m, &d));
    CHECK(!parse("05-07-2022", &y, &m, &d));
    CHECK(!parse("05/07/22", &y, &m, &d));
    CHECK(!parse("2022-07-05T", &y, &m, &d));
    CHECK(!parse("2022-7-5", &y, &m, &d));
    CHECK(!parse("July 2022", &y, &m, &d));
}

TEST(financial_year_needs_the_next_year)
{
    int year;
    CHECK(dates_fy("2022/23", 7, &year));
    CHECK_INT(year, 2022);
    CHECK(dates_fy("1999/00", 7, &year));
    CHECK(!dates_fy("2022/24", 7, &year));
    CHECK(!dates_fy("2022-23", 7, &year));
}

TEST(period_quarter_is_three_months_from_april)
{
    month_t a, b;
    CHECK(dates_period("2022/23 Q1", 10, &a, &b));
    CHECK_INT(a, month_make(2022, 4));
    CHECK_INT(b, month_make(2022, 6));
    CHECK(dates_period("2022/23 Q4", 10, &a, &b));
    CHECK_INT(a, month_make(2023, 1));
    CHECK_INT(b, month_make(2023, 3));
}

TEST(period_month_and_financial_year)
{
    month_t a, b;
    CHECK(dates_period("2022-07", 7, &a, &b));
    CHECK_INT(a, month_make(2022, 7));
    CHECK_INT(b, a);
    CHECK(dates_period("2022/23", 7, &a, &b));
    CHECK_INT(a, month_make(2022, 4));
    CHECK_INT(b, month_make(2023, 3));
}

TEST(period_bad_quarter_or_month_refused)
{
    month_t a, b;
    CHECK(!dates_period("2022/23 Q5", 10, &a, &b));
    CHECK(!dates_period("2022/23 Q0", 10, &a, &b));
    CHECK(!dates_period("2022-13", 7, &a, &b));
    CHECK(!dates_period("2022 Q1", 7, &a, &b));
}

TEST(the_run_month_is_sio_today_s)
{
    struct sio_error err;
    month_t m = MONTH_NONE;
    setenv("SIO_TODAY", "2026-12-06", 1);
    CHECK_INT(dates_run_month(&m, &err), SIO_OK);
    CHECK_INT(m, month_make(2026, 12));
    unsetenv("SIO_TODAY");
}

TEST(sio_today_that_is_not_a_date_is_a_usage_error)
{
    static const char *const bad[] = { "2026-12", "06/12/2026", "2026-02-30", "tomorrow", "" };
    struct sio_error err;
    month_t m;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        setenv("SIO_TODAY", bad[i], 1);
        CHECK_INT(dates_run_month(&m, &err), SIO_EUSAGE);
    }
    unsetenv("SIO_TODAY");
}

/* Without SIO_TODAY, the month of time(NULL) in UTC. */
TEST(the_run_month_is_otherwise_this_month)
{
    struct sio_error err;
    month_t m = MONTH_NONE;
    time_t now = time(NULL);
    struct tm tm;
    unsetenv("SIO_TODAY");
    CHECK_INT(dates_run_month(&m, &err), SIO_OK);
    gmtime_r(&now, &tm);
    CHECK_INT(m, month_make(tm.tm_year + 1900, tm.tm_mon + 1));
}

int main(void)
{
    RUN(uk_date_dd_mm_yyyy);
    RUN(uk_date_with_one_digit_day_and_month);
    RUN(iso_date_and_iso_date_time);
    RUN(bare_month_has_day_zero);
    RUN(impossible_days_are_refused);
    RUN(other_shapes_are_refused);
    RUN(financial_year_needs_the_next_year);
    RUN(period_quarter_is_three_months_from_april);
    RUN(period_month_and_financial_year);
    RUN(period_bad_quarter_or_month_refused);
    RUN(the_run_month_is_sio_today_s);
    RUN(sio_today_that_is_not_a_date_is_a_usage_error);
    RUN(the_run_month_is_otherwise_this_month);
    return TESTING_DONE();
}
