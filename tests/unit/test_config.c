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
    "[drugs]\nlabel = Drug offences\ncrime_type = Drugs\nbetter = up\n"
    "better_reason = few are reported by victims\n"
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

TEST(a_measure_says_why_its_better_direction_is_better)
{
    CHECK(measure("drugs")->better == 1);
    CHECK_STR(measure("drugs")->better_reason, "few are reported by victims");
    CHECK_STR(measure("homicide_ho")->better_reason, "");
}

/* Load ini with measures.ini holding text into c; the status. */
static int load_with(const char *text, struct sio_config *c, struct sio_error *err)
{
    write_file(measures, text);
    config_defaults(c);
    return config_load(ini, c, err);
}

static const char priority_ini[] =
    "[priority homicide]\napplicable = yes\nreason = Homicide happens here.\n"
    "[priority cyber_crime]\napplicable = no\nreason = Recorded nationally.\n"
    "[vso]\nnational = homicide\nrole = context\ncrime_type = Violence and sexual offences\n"
    "[hom_r12]\nnational = homicide\nho_offence_group = Homicide\n"
    "[hom_fq]\nnational = homicide\nho_offence_code = 1\n"
    "[hom_own]\nnational = homicide\nindicator = homicides\n"
    "[hom_first]\nnational = homicide\nprecedence = 1\ncrime_type = Drugs\n"
    "[searches]\nnational = drugs_supply\nrole = activity\nstop_search_object = Controlled drugs\n"
    "[vs_da]\nnational = victim_satisfaction\nrole = focus\nindicator = vs_da_pct\n"
    "statistic = proportion\n";

/* The shipped precedence (README, sio.ini(5)): the force's own series, Home
 * Office quarters, the rolling-year file, police.uk; precedence = N first. */
TEST(headline_candidates_are_ranked_by_source_unless_told)
{
    struct sio_config c;
    struct sio_error err;
    CHECK_INT(load_with(priority_ini, &c, &err), SIO_OK);
    CHECK_INT(config_measure(&c, "hom_first")->rank, 1);
    CHECK_INT(config_measure(&c, "hom_own")->rank, 2);
    CHECK_INT(config_measure(&c, "hom_fq")->rank, 3);
    CHECK_INT(config_measure(&c, "hom_r12")->rank, 4);
    config_free(&c);
}

TEST(context_and_activity_are_never_headline_candidates)
{
    struct sio_config c;
    struct sio_error err;
    CHECK_INT(load_with(priority_ini, &c, &err), SIO_OK);
    CHECK_INT(config_measure(&c, "vso")->rank, 0);
    CHECK_INT(config_measure(&c, "vso")->role, MEASURE_ROLE_CONTEXT);
    CHECK_INT(config_measure(&c, "searches")->rank, 0);
    CHECK_STR(config_role_name(config_measure(&c, "searches")->role), "activity");
    config_free(&c);
}

/* The group a priority singles out (victims of domestic abuse) is part of
 * the measure but never its headline. */
TEST(a_priority_focus_is_never_a_headline_candidate)
{
    struct sio_config c;
    struct sio_error err;
    CHECK_INT(load_with(priority_ini, &c, &err), SIO_OK);
    CHECK_INT(config_measure(&c, "vs_da")->role, MEASURE_ROLE_FOCUS);
    CHECK_STR(config_role_name(config_measure(&c, "vs_da")->role), "focus");
    CHECK_INT(config_measure(&c, "vs_da")->rank, 0);
    config_free(&c);
}

TEST(priority_sections_say_whether_and_why)
{
    struct sio_config c;
    struct sio_error err;
    CHECK_INT(load_with(priority_ini, &c, &err), SIO_OK);
    const struct priority_def *h = config_priority(&c, "homicide"), *y = config_priority(&c, "cyber_crime");
    CHECK(h && h->applicable && !strcmp(h->reason, "Homicide happens here."));
    CHECK(y && !y->applicable && !strcmp(y->reason, "Recorded nationally."));
    CHECK_STR(config_priority(&c, "victim_satisfaction")->reason, "");
    CHECK_STR(c.priorities[0].key, "homicide");
    CHECK_STR(c.priorities[5].key, "victim_satisfaction");
    CHECK(config_priority(&c, "vso") == NULL);
    config_free(&c);
}

TEST(an_unknown_priority_names_file_and_line)
{
    struct sio_config c;
    struct sio_error err;
    CHECK_INT(load_with("[drugs]\ncrime_type = Drugs\n[priority burglary]\nreason = x\n", &c, &err),
              SIO_ECONFIG);
    CHECK_INT(err.line, 4);
    CHECK(strstr(err.msg, "unknown priority") != NULL);
    config_free(&c);
}

TEST(applicability_in_a_measure_points_to_its_priority)
{
    struct sio_config c;
    struct sio_error err;
    CHECK_INT(load_with("[drugs]\nnational = drugs_supply\ncrime_type = Drugs\napplicable = yes\n",
                        &c, &err), SIO_ECONFIG);
    CHECK(strstr(err.msg, "[priority drugs_supply]") != NULL);
    config_free(&c);
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
    RUN(a_measure_says_why_its_better_direction_is_better);
    config_free(&cfg);
    RUN(headline_candidates_are_ranked_by_source_unless_told);
    RUN(context_and_activity_are_never_headline_candidates);
    RUN(a_priority_focus_is_never_a_headline_candidate);
    RUN(priority_sections_say_whether_and_why);
    RUN(an_unknown_priority_names_file_and_line);
    RUN(applicability_in_a_measure_points_to_its_priority);
    unlink(ini);
    unlink(measures);
    rmdir(dir);
    return TESTING_DONE();
}
