/*
 * test_config_ingest.c — sio.ini's [ingest] values that are more than a path
 * (lib/config/ingestopt.h): zip_member_max and indicator_range.
 */
#include "config/ingestopt.h"
#include "testing.h"

TEST(a_size_is_bytes_or_binary_units)
{
    long long n = 0;
    CHECK(ingestopt_size("1048576", &n));
    CHECK(n == 1048576);
    CHECK(ingestopt_size("1 MiB", &n));
    CHECK(n == 1048576);
    CHECK(ingestopt_size("2GiB", &n));
    CHECK(n == 2147483648LL);
    CHECK(ingestopt_size("512 KiB", &n));
    CHECK(n == 524288);
}

TEST(a_bad_size_is_refused_and_stores_nothing)
{
    static const char *const bad[] = { "", "0", "-1", "+5", "1 MB", "1.5 GiB", "GiB",
                                       "9223372036854775807 GiB", "1 MiB extra" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        long long n = 7;
        CHECK(!ingestopt_size(bad[i], &n));
        CHECK(n == 7);
    }
}

TEST(the_default_cap_is_one_gib)
{
    struct ingest_settings in = { 0 };
    ingestopt_defaults(&in);
    CHECK(in.zip_member_max == 1LL << 30);
    CHECK_STR(in.forces, "forces.csv");
}

TEST(a_range_names_an_indicator_and_its_bounds)
{
    struct ingest_settings in = { 0 };
    CHECK(ingestopt_range("victim_satisfaction_pct 20 100", &in));
    CHECK(ingestopt_range("county_lines_closures 0 2.5e2", &in));
    CHECK_INT(in.n_indicator_ranges, 2);
    const struct indicator_range *r = ingestopt_range_of(&in, "county_lines_closures", 21);
    CHECK(r && r->min == 0 && r->max == 250);
    CHECK(ingestopt_range("victim_satisfaction_pct 30 90", &in)); /* replaces */
    CHECK_INT(in.n_indicator_ranges, 2);
    r = ingestopt_range_of(&in, "victim_satisfaction_pct", 23);
    CHECK(r && r->min == 30 && r->max == 90);
    CHECK(ingestopt_range_of(&in, "victim_satisfaction", 19) == NULL);
}

TEST(a_bad_range_is_refused)
{
    static const char *const bad[] = { "x 1", "x 1 2 3", "x 2 1", "x nan 1", "x 0 inf",
                                       "x 0x10 20", "x one 2", "" };
    struct ingest_settings in = { 0 };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!ingestopt_range(bad[i], &in));
    CHECK_INT(in.n_indicator_ranges, 0);
}

int main(void)
{
    RUN(a_size_is_bytes_or_binary_units);
    RUN(a_bad_size_is_refused_and_stores_nothing);
    RUN(the_default_cap_is_one_gib);
    RUN(a_range_names_an_indicator_and_its_bounds);
    RUN(a_bad_range_is_refused);
    return TESTING_DONE();
}
