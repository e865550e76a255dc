/*
 * test_forces.c — every source's spelling of a force maps to one
 * police.uk slug (lib/config/forces.h, config/forces.csv).  The spellings are
 * the ones in ../shared/data (README §3-5) and police.uk's own names.
 */
#include "config/forces.h"
#include "testing.h"

#include <stdlib.h>

static struct forces *forces;

static const char *slug(const char *name)
{
    return forces_slug(forces, name, strlen(name));
}

static void load(void)
{
    char path[1024];
    struct sio_error err;
    const char *top = getenv("SIO_TOP");
    snprintf(path, sizeof path, "%s/config/forces.csv", top ? top : ".");
    if (forces_load(path, &forces, &err))
        printf("  cannot load %s: %s\n", path, err.msg);
}

TEST(forces_file_lists_43_territorial_forces_and_btp)
{
    CHECK_INT(forces_count(forces), 44);
}

TEST(normalise_folds_case_ampersand_hyphen_and_spaces)
{
    char out[64];
    forces_normalise("  Avon &  Somerset-Police ", 26, out, sizeof out);
    CHECK_STR(out, "avon and somerset police");
}

TEST(home_office_city_of_london_spelling)
{
    CHECK_STR(slug("London, City of"), "city-of-london");
    CHECK_STR(slug("City of London Police"), "city-of-london");
}

TEST(police_uk_names_and_slugs)
{
    CHECK_STR(slug("Warwickshire Police"), "warwickshire");
    CHECK_STR(slug("warwickshire"), "warwickshire");
    CHECK_STR(slug("Metropolitan Police Service"), "metropolitan");
    CHECK_STR(slug("Devon & Cornwall Police"), "devon-and-cornwall");
    CHECK_STR(slug("Dyfed-Powys Police"), "dyfed-powys");
}

TEST(any_spelling_gives_the_police_uk_name)
{
    CHECK_STR(forces_name(forces, "warwickshire", 12), "Warwickshire Police");
    CHECK_STR(forces_name(forces, "London, City of", 15), "City of London Police");
    CHECK(forces_name(forces, "Action Fraud", 12) == NULL);
}

TEST(census_and_population_table_spellings)
{
    CHECK_STR(slug("Avon & Somerset"), "avon-and-somerset");
    CHECK_STR(slug("Avon and Somerset"), "avon-and-somerset");
    CHECK_STR(slug("Metropolitan"), "metropolitan");
    CHECK_STR(slug("Metropolitan Police"), "metropolitan");
    CHECK_STR(slug("Dyfed Powys Police"), "dyfed-powys");
    CHECK_STR(slug("Humberside Constabulary"), "humberside");
}

TEST(ons_code_names_its_force)
{
    CHECK_STR(slug("E23000017"), "warwickshire");
    CHECK_STR(slug("W15000004"), "dyfed-powys");
}

TEST(fraud_bodies_are_not_forces)
{
    CHECK(slug("Action Fraud") == NULL);
    CHECK(slug("CIFAS") == NULL);
    CHECK(slug("UK Finance") == NULL);
    CHECK(slug("") == NULL);
}

TEST(an_alias_for_two_forces_is_refused)
{
    char path[] = "/tmp/sio-forces-XXXXXX";
    struct sio_error err;
    struct forces *f = NULL;
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    fputs("slug,name,ons_code,aliases\na,A Police,,Shire\nb,B Police,,shire\n", fp);
    fclose(fp);
    CHECK_INT(forces_load(path, &f, &err), SIO_ECONFIG);
    CHECK(strstr(err.msg, "'shire' names both a and b") != NULL);
    forces_free(f);
    remove(path);
}

int main(void)
{
    load();
    RUN(forces_file_lists_43_territorial_forces_and_btp);
    RUN(normalise_folds_case_ampersand_hyphen_and_spaces);
    RUN(home_office_city_of_london_spelling);
    RUN(police_uk_names_and_slugs);
    RUN(any_spelling_gives_the_police_uk_name);
    RUN(census_and_population_table_spellings);
    RUN(ons_code_names_its_force);
    RUN(fraud_bodies_are_not_forces);
    RUN(an_alias_for_two_forces_is_refused);
    forces_free(forces);
    return TESTING_DONE();
}
