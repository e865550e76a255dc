/* decimal: plain decimals to doubles.  The expected value of every number
 * is strtod()'s (glibc's is correctly rounded), compared bit for bit. */
#include "../../ingest/decimal.h"
#include "testing.h"

#include <stdint.h>
#include <stdlib.h>

/* 1 when decimal_parse() takes text and gives exactly strtod()'s double. */
static int same_as_strtod(const char *text)
{
    double got, want = strtod(text, NULL);
    return decimal_parse(text, strlen(text), &got) == 1 && memcmp(&got, &want, sizeof got) == 0;
}

static int refused(const char *text)
{
    double got;
    return decimal_parse(text, strlen(text), &got) == 0;
}

TEST(coordinates_as_police_uk_writes_them_are_strtods_values)
{
    CHECK(same_as_strtod("-2.355983"));
    CHECK(same_as_strtod("54.485090"));
    CHECK(same_as_strtod("-0.000001"));
    CHECK(same_as_strtod("179.999999"));
    CHECK(same_as_strtod("0.1"));
    CHECK(same_as_strtod("360667.0"));
}

TEST(signs_points_and_zeros_are_strtods_too)
{
    CHECK(same_as_strtod("-0"));   /* negative zero, as strtod gives it */
    CHECK(same_as_strtod("+5"));
    CHECK(same_as_strtod("7."));
    CHECK(same_as_strtod(".25"));
    CHECK(same_as_strtod("000123.4500"));
}

/* Past 15 digits, or with an exponent, strtod() does it. */
TEST(long_numbers_and_exponents_go_to_strtod_with_the_same_result)
{
    CHECK(same_as_strtod("1234567890123456789"));
    CHECK(same_as_strtod("0.12345678901234567890123"));
    CHECK(same_as_strtod("1e5"));
    CHECK(same_as_strtod("-2.5E-3"));
    CHECK(same_as_strtod("0.0000000000000000000000001"));
}

TEST(anything_but_a_plain_decimal_is_refused)
{
    CHECK(refused(""));
    CHECK(refused("-"));
    CHECK(refused("."));
    CHECK(refused(" 1.5"));
    CHECK(refused("1.5 "));
    CHECK(refused("0x10"));
    CHECK(refused("inf"));
    CHECK(refused("nan"));
    CHECK(refused("1.2.3"));
    CHECK(refused("+-1"));
    CHECK(refused("1e999"));   /* not finite */
    CHECK(refused("12,5"));
}

/* A million random coordinates and counts, written as a CSV writer would
 * (%.6f, %.1f, %g, whole numbers): every one strtod()'s double. */
TEST(a_million_random_numbers_are_all_strtods_values)
{
    char text[64];
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    int same = 0;
    for (int i = 0; i < 1000000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 360.0;
        switch (i % 4) {
        case 0: snprintf(text, sizeof text, "%.6f", v); break;
        case 1: snprintf(text, sizeof text, "%.1f", v * 3000); break;
        case 2: snprintf(text, sizeof text, "%.15g", v); break;
        default: snprintf(text, sizeof text, "%llu", (unsigned long long)(x >> 20)); break;
        }
        same += same_as_strtod(text);
    }
    CHECK_INT(same, 1000000);
}

int main(void)
{
    RUN(coordinates_as_police_uk_writes_them_are_strtods_values);
    RUN(signs_points_and_zeros_are_strtods_too);
    RUN(long_numbers_and_exponents_go_to_strtod_with_the_same_result);
    RUN(anything_but_a_plain_decimal_is_refused);
    RUN(a_million_random_numbers_are_all_strtods_values);
    return TESTING_DONE();
}
