/*
 * test_ingest_police.c — police.uk value checks and legacy crime types
 * (ingest/police.h; measures.md §1.1 and §1.2).
 */
#include "../../ingest/police.h"
#include "testing.h"

static const char *type(const char *s, int y, int m, const char **note)
{
    return police_crime_type(s, strlen(s), month_make(y, m), note);
}

TEST(lsoa_code_is_e01_or_w01_and_six_digits_or_empty)
{
    CHECK(police_lsoa_ok("E01031009", 9));
    CHECK(police_lsoa_ok("W01001234", 9));
    CHECK(police_lsoa_ok("", 0));
    CHECK(!police_lsoa_ok("E02000001", 9));   /* an MSOA, not an LSOA */
    CHECK(!police_lsoa_ok("S01000001", 9));   /* a Scottish data zone */
    CHECK(!police_lsoa_ok("E0103100", 8));
    CHECK(!police_lsoa_ok("E01O31009", 9));
}

TEST(current_types_are_stored_without_a_note)
{
    const char *note = "x";
    CHECK_STR(type("Violence and sexual offences", 2022, 5, &note), "Violence and sexual offences");
    CHECK(note == NULL);
    CHECK_STR(type("Anti-social behaviour", 2022, 5, &note), "Anti-social behaviour");
    CHECK(note == NULL);
}

TEST(violent_crime_before_may_2013_is_renamed)
{
    const char *note = NULL;
    CHECK_STR(type("Violent crime", 2013, 4, &note), "Violence and sexual offences");
    CHECK(note && strstr(note, "renamed"));
}

TEST(public_disorder_and_weapons_keeps_its_own_type)
{
    const char *note = NULL;
    CHECK_STR(type("Public disorder and weapons", 2012, 1, &note), "Public disorder and weapons");
    CHECK(note && strstr(note, "split"));
}

TEST(other_theft_before_may_2013_is_noted_not_mapped)
{
    const char *note = NULL;
    CHECK_STR(type("Other theft", 2013, 4, &note), "Other theft");
    CHECK(note != NULL);
    CHECK_STR(type("Other theft", 2013, 5, &note), "Other theft");
    CHECK(note == NULL);
}

TEST(legacy_type_outside_its_months_is_unknown)
{
    const char *note = NULL;
    CHECK_STR(type("Violent crime", 2013, 5, &note), "Violent crime");
    CHECK_STR(note, "unknown crime type");
    CHECK_STR(type("Public disorder and weapons", 2011, 8, &note), "Public disorder and weapons");
    CHECK_STR(note, "unknown crime type");
}

TEST(unknown_type_is_stored_as_published_and_noted)
{
    const char *note = NULL;
    CHECK_STR(type("Fraud", 2022, 5, &note), "Fraud");
    CHECK_STR(note, "unknown crime type");
    CHECK_STR(type("burglary", 2022, 5, &note), "burglary");   /* case matters */
    CHECK_STR(note, "unknown crime type");
}

TEST(grid_reference_in_range_or_both_empty)
{
    double e, n;
    int has;
    CHECK(police_grid_ok("360667", "169714", &e, &n, &has));
    CHECK_INT(has, 1);
    CHECK_NEAR(e, 360667, 1e-12);
    CHECK(police_grid_ok("", "", &e, &n, &has));
    CHECK_INT(has, 0);
    CHECK(!police_grid_ok("9999999", "169714", &e, &n, &has));
    CHECK(!police_grid_ok("360667", "", &e, &n, &has));
    CHECK(!police_grid_ok("-1", "100", &e, &n, &has));
}

int main(void)
{
    RUN(lsoa_code_is_e01_or_w01_and_six_digits_or_empty);
    RUN(current_types_are_stored_without_a_note);
    RUN(violent_crime_before_may_2013_is_renamed);
    RUN(public_disorder_and_weapons_keeps_its_own_type);
    RUN(other_theft_before_may_2013_is_noted_not_mapped);
    RUN(legacy_type_outside_its_months_is_unknown);
    RUN(unknown_type_is_stored_as_published_and_noted);
    RUN(grid_reference_in_range_or_both_empty);
    return TESTING_DONE();
}
