/* Months, financial quarters and years.  Expected values are from the
 * calendar itself: the financial year starts in April (Home Office
 * convention), so 2022-04..2022-06 is 2022/23 Q1 and 2023-01..03 is Q4. */
#include "sys/month.h"
#include "testing.h"

TEST(parse_accepts_yyyy_mm)
{
    CHECK_INT(month_parse("2022-05", 7), 2022 * 12 + 4);
}

TEST(parse_rejects_month_13_and_00)
{
    CHECK_INT(month_parse("2019-13", 7), MONTH_NONE);
    CHECK_INT(month_parse("2019-00", 7), MONTH_NONE);
}

TEST(parse_rejects_other_shapes)
{
    CHECK_INT(month_parse("2019-1", 6), MONTH_NONE);
    CHECK_INT(month_parse("2019/01", 7), MONTH_NONE);
    CHECK_INT(month_parse("20x9-01", 7), MONTH_NONE);
    CHECK_INT(month_parse("2019-01-01", 10), MONTH_NONE);
}

TEST(format_round_trips)
{
    char buf[8];
    CHECK_STR(month_format(month_make(2018, 4), buf), "2018-04");
    CHECK_STR(month_format(month_make(2025, 12), buf), "2025-12");
}

TEST(consecutive_months_are_consecutive_integers)
{
    CHECK_INT(month_make(2020, 1) - month_make(2019, 12), 1);
}

TEST(financial_quarter_q1_is_april_to_june)
{
    char buf[16];
    CHECK_INT(month_fq(month_make(2022, 4)), 1);
    CHECK_INT(month_fq(month_make(2022, 6)), 1);
    CHECK_STR(month_fq_label(month_make(2022, 5), buf), "2022/23 Q1");
}

TEST(financial_quarter_q4_is_january_to_march_of_next_year)
{
    char buf[16];
    CHECK_INT(month_fq(month_make(2023, 3)), 4);
    CHECK_INT(month_fy(month_make(2023, 3)), 2022);
    CHECK_STR(month_fq_label(month_make(2023, 1), buf), "2022/23 Q4");
}

TEST(quarter_start_is_first_month_of_quarter)
{
    CHECK_INT(month_fq_start(month_make(2022, 12)), month_make(2022, 10));
    CHECK_INT(month_fq_start(month_make(2023, 2)), month_make(2023, 1));
    CHECK_INT(month_fq_start(month_make(2022, 4)), month_make(2022, 4));
}

TEST(century_label_wraps_to_two_digits)
{
    char buf[16];
    CHECK_STR(month_fq_label(month_make(2099, 7), buf), "2099/00 Q2");
}

int main(void)
{
    RUN(parse_accepts_yyyy_mm);
    RUN(parse_rejects_month_13_and_00);
    RUN(parse_rejects_other_shapes);
    RUN(format_round_trips);
    RUN(consecutive_months_are_consecutive_integers);
    RUN(financial_quarter_q1_is_april_to_june);
    RUN(financial_quarter_q4_is_january_to_march_of_next_year);
    RUN(quarter_start_is_first_month_of_quarter);
    RUN(century_label_wraps_to_two_digits);
    return TESTING_DONE();
}
