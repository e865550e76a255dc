/* Numbers in words: thousands separators as UK government style writes
 * them (GOV.UK style guide: "use a comma for numbers over 999"). */
#include "text/words.h"
#include "testing.h"

#include <limits.h>

TEST(numbers_under_a_thousand_have_no_separator)
{
    char b[32];
    CHECK_STR(words_thousands(0, b, sizeof b), "0");
    CHECK_STR(words_thousands(999, b, sizeof b), "999");
}

TEST(separators_go_every_three_digits_from_the_right)
{
    char b[32];
    CHECK_STR(words_thousands(1079, b, sizeof b), "1,079");
    CHECK_STR(words_thousands(2410271, b, sizeof b), "2,410,271");
}

TEST(negative_numbers_keep_their_sign)
{
    char b[32];
    CHECK_STR(words_thousands(-1079, b, sizeof b), "-1,079");
    CHECK_STR(words_thousands(LONG_MIN, b, sizeof b), "-9,223,372,036,854,775,808");
}

TEST(a_short_buffer_is_cut_but_terminated)
{
    char b[4];
    CHECK_STR(words_thousands(123456, b, sizeof b), "123");
}

TEST(a_noun_heading_starts_with_a_capital)
{
    char b[64];
    CHECK_STR(words_noun_heading("crimes", b, sizeof b), "Crimes");
    CHECK_STR(words_noun_heading("county lines closed", b, sizeof b), "County lines closed");
}

TEST(a_measure_without_a_noun_is_a_number)
{
    char b[64];
    CHECK_STR(words_noun_heading("", b, sizeof b), "Number");
    CHECK_STR(words_noun_heading(NULL, b, sizeof b), "Number");
}

TEST(a_count_takes_its_noun_or_stands_alone)
{
    char b[64];
    CHECK_STR(words_count_of(1234, "crimes", b, sizeof b), "1,234 crimes");
    CHECK_STR(words_count_of(98, "", b, sizeof b), "98");
}

TEST(a_small_level_keeps_one_decimal_place_everywhere)
{
    char b[32];
    /* The alt text once said a baseline average of 3 where the chart said
     * 2.8: one rounding for both. */
    CHECK_STR(words_level(2.75, b, sizeof b), "2.8");
    CHECK_STR(words_level(13.5, b, sizeof b), "13.5");
    CHECK_STR(words_level(456.5, b, sizeof b), "457");
    CHECK_STR(words_level(1234.4, b, sizeof b), "1,234");
}

TEST(a_change_is_stated_to_one_decimal_place_as_the_tables_print_it)
{
    char b[32];
    CHECK_STR(words_change(-12.43, b, sizeof b), "12.4% lower");
    CHECK_STR(words_change(7.6, b, sizeof b), "7.6% higher");
    CHECK_STR(words_change(0.04, b, sizeof b), "in line");
    CHECK_STR(words_change(-0.05, b, sizeof b), "0.1% lower");
}

int main(void)
{
    RUN(numbers_under_a_thousand_have_no_separator);
    RUN(separators_go_every_three_digits_from_the_right);
    RUN(negative_numbers_keep_their_sign);
    RUN(a_short_buffer_is_cut_but_terminated);
    RUN(a_noun_heading_starts_with_a_capital);
    RUN(a_measure_without_a_noun_is_a_number);
    RUN(a_count_takes_its_noun_or_stands_alone);
    RUN(a_small_level_keeps_one_decimal_place_everywhere);
    RUN(a_change_is_stated_to_one_decimal_place_as_the_tables_print_it);
    return TESTING_DONE();
}
