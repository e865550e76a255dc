/*
 * test_ingest_dates.c — the date and period forms sio-ingest accepts
 * (ingest/dates.h).  Expected values are read off the calendar.
 */
#include "../../ingest/dates.h"
#include "testing.h"

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
    return TESTING_DONE();
}
