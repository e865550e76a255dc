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

/* Places checked on a map: Warwick, the Isles of Scilly (St Mary's),
 * Lowestoft Ness, Berwick-upon-Tweed, Holyhead; Aberdeen, Paris, St Helier,
 * 0,0; and Warwick with longitude and latitude exchanged (the Indian Ocean). */
TEST(a_point_in_england_and_wales_is_not_noted)
{
    CHECK(police_place_note(-1.5843, 52.2823) == NULL);
    CHECK(police_place_note(-6.3162, 49.9143) == NULL);
    CHECK(police_place_note(1.7627, 52.4815) == NULL);
    CHECK(police_place_note(-2.0035, 55.7708) == NULL);
    CHECK(police_place_note(-4.6333, 53.3094) == NULL);
}

TEST(a_point_outside_england_and_wales_is_noted)
{
    CHECK_STR(police_place_note(-2.0943, 57.1497), "coordinates outside England and Wales");
    CHECK_STR(police_place_note(2.3522, 48.8566), "coordinates outside England and Wales");
    CHECK_STR(police_place_note(-2.1100, 49.1868), "coordinates outside England and Wales");
    CHECK_STR(police_place_note(0, 0), "coordinates outside England and Wales");
}

TEST(swapped_longitude_and_latitude_are_noted_as_such)
{
    CHECK_STR(police_place_note(52.2823, -1.5843),
              "coordinates outside England and Wales: Longitude and Latitude look swapped");
}

/* OSGB36: Warwick 428500 264900, St Mary's 090600 010500, Aberdeen 394000 806000. */
TEST(a_grid_reference_outside_england_and_wales_is_noted)
{
    CHECK(police_grid_note(428500, 264900) == NULL);
    CHECK(police_grid_note(90600, 10500) == NULL);
    CHECK_STR(police_grid_note(394000, 806000), "grid reference outside England and Wales");
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
    RUN(a_point_in_england_and_wales_is_not_noted);
    RUN(a_point_outside_england_and_wales_is_noted);
    RUN(swapped_longitude_and_latitude_are_noted_as_such);
    RUN(a_grid_reference_outside_england_and_wales_is_noted);
    return TESTING_DONE();
}
