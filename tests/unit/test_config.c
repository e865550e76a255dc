/*
 * test_config.c — what each measure counts and where its figures come from
 * (lib/config/config.c): a chart of county lines closed must not say "crimes" or
 * name police.uk.  The expected lines are the defaults config.c documents
 * for each source kind, and a measure's own noun and source_note win.
 */
#include "config/config.h"
#include "testing.h"

#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/sio-config-XXXXXX";
static char ini[64], measures[64];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fputs(text, f);
    fclose(f);
}

static const char sio_ini[] =
    "[baseline]\nstart = 2018-07\nend = 2019-06\n"
    "[measures]\nfile = measures.ini\n"
    "[charts]\nsource = Source: police.uk street-level crime data\n";

static const char measures_ini[] =
    "[drugs]\nlabel = Drug offences\ncrime_type = Drugs\n"
    "[homicide_ho]\nlabel = Homicide (HO)\nho_offence_code = 1\n"
    "[burglary_r12]\nlabel = Burglary (HO)\nho_offence_group = Domestic burglary\n"
    "[searches]\nlabel = Drugs searches\nstop_search_object = Controlled drugs\n"
    "[charged]\nlabel = Charged\noutcome_crime_type = Drugs\n"
    "outcome_type = Offender charged\nstatistic = proportion\n"
    "[reports]\nlabel = Cyber crime reports\nindicator = cyber_reports\n"
    "[closures]\nlabel = County lines closed\nindicator = county_lines_closed\n"
    "noun = county lines closed\nsource_note = Source: regional organised crime unit\n";

static struct sio_config cfg;

static const struct measure_def *measure(const char *key)
{
    const struct measure_def *m = config_measure(&cfg, key);
    if (!m) {
        fprintf(stderr, "no measure %s\n", key);
        exit(1);
    }
    return m;
}

TEST(police_uk_measures_count_crimes_from_the_charts_source)
{
    CHECK_STR(measure("drugs")->noun, "crimes");
    CHECK_STR(measure("drugs")->source_note, "Source: police.uk street-level crime data");
    CHECK_STR(config_measure_unit(measure("drugs")), "crimes");
}

TEST(home_office_measures_name_the_home_office)
{
    const char *ho = "Source: Home Office, police recorded crime open data tables "
                     "(Open Government Licence v3.0)";
    CHECK_STR(measure("homicide_ho")->source_note, ho);
    CHECK_STR(measure("burglary_r12")->source_note, ho);
    CHECK_STR(measure("homicide_ho")->noun, "crimes");
}

TEST(stop_and_search_measures_count_searches)
{
    CHECK_STR(measure("searches")->noun, "searches");
    CHECK_STR(config_measure_unit(measure("searches")), "searches");
    CHECK(strstr(measure("searches")->source_note, "stop and search") != NULL);
}

TEST(a_proportion_is_in_percent)
{
    CHECK_STR(config_measure_unit(measure("charged")), "%");
}

TEST(an_indicator_is_a_plain_number_from_the_forces_own_figures)
{
    CHECK_STR(measure("reports")->noun, "");
    CHECK_STR(config_measure_unit(measure("reports")), "count");
    CHECK_STR(measure("reports")->source_note,
              "Source: the force's own figures, loaded as an indicator series");
}

TEST(a_measures_own_noun_and_source_win)
{
    CHECK_STR(measure("closures")->noun, "county lines closed");
    CHECK_STR(config_measure_unit(measure("closures")), "county lines closed");
    CHECK_STR(measure("closures")->source_note, "Source: regional organised crime unit");
}

int main(void)
{
    struct sio_error err;
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(ini, sizeof ini, "%s/sio.ini", dir);
    snprintf(measures, sizeof measures, "%s/measures.ini", dir);
    write_file(ini, sio_ini);
    write_file(measures, measures_ini);
    config_defaults(&cfg);
    if (config_load(ini, &cfg, &err) != SIO_OK) {
        fprintf(stderr, "config_load: %s:%ld: %s\n", err.file, err.line, err.msg);
        return 1;
    }
    RUN(police_uk_measures_count_crimes_from_the_charts_source);
    RUN(home_office_measures_name_the_home_office);
    RUN(stop_and_search_measures_count_searches);
    RUN(a_proportion_is_in_percent);
    RUN(an_indicator_is_a_plain_number_from_the_forces_own_figures);
    RUN(a_measures_own_noun_and_source_win);
    config_free(&cfg);
    unlink(ini);
    unlink(measures);
    rmdir(dir);
    return TESTING_DONE();
}
