/* What a CSV field becomes in the workbook (workbook/cell.h): numbers only
 * when written as numbers, and the number format from the column's name,
 * its estimate and the row's unit.  Expected values are the rules of
 * cell.h applied by hand. */
#include "../../workbook/cell.h"
#include "testing.h"

static int number(const char *s, struct cell_number *n)
{
    return cell_parse_number(s, strlen(s), n);
}

TEST(whole_numbers_and_decimals_are_numbers)
{
    struct cell_number n;
    CHECK(number("1157100", &n) && n.whole && n.value == 1157100 && n.decimals == 0);
    CHECK(number("-26.223523", &n) && !n.whole && n.decimals == 6 && n.value == -26.223523);
    CHECK(number("0.0156", &n) && n.decimals == 4 && n.int_digits == 1);
    CHECK(number("1.0e+15", &n) && !n.whole && n.value == 1e15);
}

TEST(codes_and_dates_stay_text)
{
    struct cell_number n;
    CHECK(!number("007", &n));        /* a code with a leading zero */
    CHECK(!number("2022-03", &n));
    CHECK(!number("28E", &n));
    CHECK(!number("E23000017", &n));
    CHECK(!number("1,079", &n));
    CHECK(!number(" 12", &n));
    CHECK(!number("", &n));
    CHECK(!number("-", &n));
    CHECK(!number("5.", &n));
    CHECK(!number(".5", &n));
    CHECK(!number("inf", &n));
    CHECK(!number("nan", &n));
}

TEST(more_than_fifteen_significant_digits_stay_text)
{
    struct cell_number n;
    CHECK(number("123456789012345", &n));      /* 15: Excel keeps it */
    CHECK(!number("1234567890123456", &n));    /* 16: Excel would not */
    CHECK(number("0.000123456789012345", &n)); /* leading zeros are not significant */
    CHECK(!number("8.999999999999999", &n));
}

/* Columns as measures.csv has them: value, ci_low, ci_high, unit. */
static void measures_columns(struct cell_column *c)
{
    const char *names[] = { "statistic", "value", "ci_low", "ci_high", "unit", "months_covered" };
    memset(c, 0, 6 * sizeof *c);
    for (int i = 0; i < 6; i++)
        snprintf(c[i].name, sizeof c[i].name, "%s", names[i]);
    cell_plan_columns(c, 6, 4);
}

static enum cell_kind kind(const struct cell_column *c, int col, const char *s, const char *unit)
{
    struct cell_number n;
    return cell_kind(c, col, s, strlen(s), unit, &n);
}

TEST(the_unit_column_gives_the_value_and_its_interval_their_format)
{
    struct cell_column c[6];
    measures_columns(c);
    CHECK_INT(kind(c, 1, "-4.098361", "%"), CELL_PCT);
    CHECK_INT(kind(c, 2, "-26", "%"), CELL_PCT);       /* a whole percentage too */
    CHECK_INT(kind(c, 3, "24.615124", "%"), CELL_PCT);
    CHECK_INT(kind(c, 1, "1.5", "percentage points"), CELL_POINTS);
    CHECK_INT(kind(c, 1, "0.0312", "p-value"), CELL_P);
    CHECK_INT(kind(c, 1, "117", "crimes"), CELL_COUNT);
    CHECK_INT(kind(c, 1, "2.3687", "per 1,000 population"), CELL_DECIMAL);
}

TEST(the_unit_does_not_reach_other_columns)
{
    struct cell_column c[6];
    measures_columns(c);
    CHECK_INT(kind(c, 5, "24", "%"), CELL_COUNT);
    CHECK_INT(kind(c, 0, "change_pct", "%"), CELL_TEXT);
}

TEST(an_interval_is_shown_as_its_estimate)
{
    const char *names[] = { "count", "proportion_pct", "ci_low", "ci_high", "pooled_pct",
                            "pooled_low", "pooled_high", "p_value", "rate_per_1000", "ci_low" };
    struct cell_column c[10];
    memset(c, 0, sizeof c);
    for (int i = 0; i < 10; i++)
        snprintf(c[i].name, sizeof c[i].name, "%s", names[i]);
    cell_plan_columns(c, 10, -1);
    CHECK_INT(c[2].estimate, 1);
    CHECK_INT(c[6].estimate, 4);
    CHECK_INT(kind(c, 0, "770", ""), CELL_COUNT);
    CHECK_INT(kind(c, 2, "66.7828", ""), CELL_PCT);
    CHECK_INT(kind(c, 6, "71.0198", ""), CELL_PCT);
    CHECK_INT(kind(c, 7, "0.933119248880236", ""), CELL_P);
    CHECK_INT(kind(c, 9, "0.0092", ""), CELL_DECIMAL);
}

TEST(a_year_column_has_no_thousands_separator)
{
    struct cell_column c[2];
    memset(c, 0, sizeof c);
    snprintf(c[0].name, sizeof c[0].name, "year");
    snprintf(c[1].name, sizeof c[1].name, "population");
    cell_plan_columns(c, 2, -1);
    CHECK_INT(kind(c, 0, "2021", ""), CELL_YEAR);
    CHECK_INT(kind(c, 1, "1157100", ""), CELL_COUNT);
}

TEST(an_empty_field_is_blank_not_zero)
{
    struct cell_column c[6];
    measures_columns(c);
    CHECK_INT(kind(c, 1, "", "%"), CELL_BLANK);
}

TEST(widths_are_what_is_displayed)
{
    struct cell_number n;
    CHECK_INT(cell_width(CELL_TEXT, "Avon & Somerset €", 19, NULL, 0), 17); /* UTF-8 characters */
    number("1157100", &n);
    CHECK_INT(cell_width(CELL_COUNT, "1157100", 7, &n, 0), 9);               /* 1,157,100 */
    number("-1157100", &n);
    CHECK_INT(cell_width(CELL_COUNT, "-1157100", 8, &n, 0), 10);             /* -1,157,100 */
    number("69.5574", &n);
    CHECK_INT(cell_width(CELL_PCT, "69.5574", 7, &n, 0), 5);                 /* 69.6% */
    CHECK_INT(cell_width(CELL_DECIMAL, "69.5574", 7, &n, 4), 7);             /* 69.5574 */
}

int main(void)
{
    RUN(whole_numbers_and_decimals_are_numbers);
    RUN(codes_and_dates_stay_text);
    RUN(more_than_fifteen_significant_digits_stay_text);
    RUN(the_unit_column_gives_the_value_and_its_interval_their_format);
    RUN(the_unit_does_not_reach_other_columns);
    RUN(an_interval_is_shown_as_its_estimate);
    RUN(a_year_column_has_no_thousands_separator);
    RUN(an_empty_field_is_blank_not_zero);
    RUN(widths_are_what_is_displayed);
    return TESTING_DONE();
}
