/*
 * test_measures_source.c — every force's series of every measure read in
 * one pass (struct sources): each force key gets exactly its own periods,
 * whichever spelling of the force the rows use (an alias and the slug fold
 * into one key, an unknown name keeps its own), missing periods stay
 * missing, a force with no rows has an empty series, and the population is
 * the nearest year's, the later one on a tie.
 */
#include "../../measures/source.h"
#include "config/config.h"

#include "scratch_store.h"
#include "testing.h"

#include <stdlib.h>
#include <sys/stat.h>

static char dir[64];
static sqlite3 *db;
static struct sio_config cfg;

static const char rows_sql[] =
    "INSERT INTO forces(slug, name) VALUES ('warwickshire', 'Warwickshire Police'),"
    " ('west-mercia', 'West Mercia Police');"
    "INSERT INTO force_aliases(alias, slug) VALUES ('Warwickshire Police', 'warwickshire'),"
    " ('Warwickshire', 'warwickshire'), ('West Mercia Police', 'west-mercia');"
    /* Warwickshire under two spellings; a gap in 2021-02 */
    "INSERT INTO measure_counts VALUES ('Warwickshire Police', 'drugs', '2021-01', 10),"
    " ('Warwickshire', 'drugs', '2021-03', 12), ('Warwickshire Police', 'drugs', '2021-04', 13),"
    /* West Mercia, and a name no alias knows */
    " ('West Mercia Police', 'drugs', '2021-01', 20), ('West Mercia Police', 'drugs', '2021-02', 21),"
    " ('Atlantis Constabulary', 'drugs', '2021-01', 5),"
    /* another measure's rows are not drugs' */
    " ('West Mercia Police', 'burglary', '2021-01', 99);"
    "INSERT INTO files(id, path, sha256, kind, force, month, bytes, rows_read, rows_loaded,"
    " rows_rejected, rows_duplicate, loaded_at) VALUES (1, 'dir/population.csv', 'x',"
    " 'population', '', '', 0, 0, 0, 0, 0, '');"
    "INSERT INTO population(file_id, line, force, force_slug, year, population) VALUES"
    " (1, 2, 'Warwickshire Police', 'warwickshire', 2019, 540000),"
    " (1, 3, 'Warwickshire Police', 'warwickshire', 2021, 560000),"
    " (1, 4, 'Warwickshire Police', 'warwickshire', 2020, 550000);";

static void setup(void)
{
    char path[128];
    snprintf(dir, sizeof dir, "/tmp/sio-test-source-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    CHECK_INT(scratch_store_open(path, sizeof path, dir, &db), SIO_OK);
    CHECK_INT(sqlite3_exec(db, rows_sql, NULL, NULL, NULL), SQLITE_OK);
    config_defaults(&cfg);
    cfg.n_measures = 1;
    memset(&cfg.measures[0], 0, sizeof cfg.measures[0]);
    snprintf(cfg.measures[0].key, sizeof cfg.measures[0].key, "drugs");
    cfg.measures[0].source = MEASURE_SRC_POLICE_UK;
}

TEST(each_force_key_gets_its_own_periods_whatever_the_spelling)
{
    struct sources src;
    struct sio_error err;
    CHECK_INT(sources_load(db, &cfg, &src, &err), SIO_OK);
    const struct series *w = sources_series(&src, &cfg.measures[0], "warwickshire");
    CHECK_INT(w->n, 4); /* January to April, February missing */
    CHECK_INT(w->first, month_make(2021, 1));
    CHECK_INT(w->count[0], 10);
    CHECK_INT(w->present[1], 0);
    CHECK_INT(w->count[2], 12);
    CHECK_INT(w->count[3], 13);
    const struct series *m = sources_series(&src, &cfg.measures[0], "west-mercia");
    CHECK_INT(m->n, 2);
    CHECK_INT(m->count[1], 21);
    CHECK_INT(sources_series(&src, &cfg.measures[0], "Atlantis Constabulary")->count[0], 5);
    sources_free(&src);
}

TEST(a_force_without_rows_has_an_empty_series)
{
    struct sources src;
    struct sio_error err;
    CHECK_INT(sources_load(db, &cfg, &src, &err), SIO_OK);
    CHECK_INT(sources_series(&src, &cfg.measures[0], "leicestershire")->n, 0);
    sources_free(&src);
}

TEST(the_population_is_the_nearest_years)
{
    struct sources src;
    struct sio_error err;
    long pop;
    int year;
    char source[300];
    CHECK_INT(sources_load(db, &cfg, &src, &err), SIO_OK);
    /* 12 months to March 2021: middle 2020-09, nearest June 2020 */
    population_for(&src.population, "warwickshire", month_make(2020, 4), month_make(2021, 3),
                   &pop, &year);
    CHECK_INT(pop, 550000);
    CHECK_INT(year, 2020);
    /* 12 months to June 2020: middle December 2019 (rounding down), six
     * months from June 2019 and from June 2020: the later */
    population_for(&src.population, "warwickshire", month_make(2019, 7), month_make(2020, 6),
                   &pop, &year);
    CHECK_INT(year, 2020);
    CHECK_INT(pop, 550000);
    population_for(&src.population, "west-mercia", month_make(2020, 4), month_make(2021, 3),
                   &pop, &year);
    CHECK_INT(pop, 0);
    population_source(&src.population, "warwickshire", 2021, source, sizeof source);
    CHECK_STR(source, "population estimate, population.csv");
    sources_free(&src);
}

int main(void)
{
    setup();
    RUN(each_force_key_gets_its_own_periods_whatever_the_spelling);
    RUN(a_force_without_rows_has_an_empty_series);
    RUN(the_population_is_the_nearest_years);
    store_close(db);
    config_free(&cfg);
    scratch_store_remove(dir);
    return TESTING_DONE();
}
