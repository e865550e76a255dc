/*
 * test_ingest_kind.c — which kind a header announces (ingest/kind.c).
 * Headers are the published ones: ../shared/data/README.md §2-5 and the
 * Home Office open data tables' documented columns (measures.md §3).
 */
#include "../../ingest/ingest.h"
#include "testing.h"

/* A header row from a comma-separated list (no quoting needed here). */
static struct csvin_row row_of(const char *text, char *buf, size_t cap)
{
    struct csvin_row r = { 0 };
    snprintf(buf, cap, "%s", text);
    for (char *p = buf, *f = buf;; p++) {
        if (*p == ',' || *p == '\0') {
            int end = *p == '\0';
            *p = '\0';
            r.field[r.nfields] = f;
            r.len[r.nfields++] = strlen(f);
            f = p + 1;
            if (end)
                break;
        }
    }
    return r;
}

static enum file_kind detect(const char *text, const struct extract_map *x)
{
    char buf[2048];
    struct csvin_row r = row_of(text, buf, sizeof buf);
    return kind_detect(&r, x);
}

TEST(police_uk_street_outcomes_and_stop_search)
{
    CHECK_INT(detect("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
                     "LSOA code,LSOA name,Crime type,Last outcome category,Context", NULL),
              KIND_STREET);
    CHECK_INT(detect("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
                     "LSOA code,LSOA name,Outcome type", NULL), KIND_OUTCOMES);
    CHECK_INT(detect("Type,Date,Part of a policing operation,Policing operation,Latitude,"
                     "Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined "
                     "ethnicity,Legislation,Object of search,Outcome,Outcome linked to object "
                     "of search,Removal of more than just outer clothing", NULL),
              KIND_STOP_SEARCH);
}

TEST(street_2011_layout_is_street)
{
    enum file_kind k = detect("Month,Reported by,Falls within,Easting,Northing,Location,"
                              "Crime type,Context", NULL);
    CHECK_INT(k, KIND_STREET_2011);
    CHECK_STR(kind_name(k), "street");
    CHECK_STR(kind_table(k), "street");
}

TEST(home_office_tables)
{
    CHECK_INT(detect("Financial Year,Financial Quarter,Force Name,Offence Description,"
                     "Offence Group,Offence Subgroup,Offence Code,Number of Offences", NULL),
              KIND_HO_QUARTERLY);
    CHECK_INT(detect("12 months ending,PFA,Region,Offence,Rolling year total number of "
                     "offences", NULL), KIND_HO_ROLLING);
}

TEST(indicators_with_and_without_denominator)
{
    CHECK_INT(detect("force,period,indicator,value", NULL), KIND_INDICATORS);
    CHECK_INT(detect("Force,Period,Indicator,Value,Denominator", NULL), KIND_INDICATORS);
    CHECK_INT(detect("force,period,indicator,value,notes", NULL), KIND_UNKNOWN);
}

TEST(population_layouts)
{
    CHECK_INT(detect("force,year,population", NULL), KIND_POPULATION);
    CHECK_INT(detect("year,Cleveland,Durham,Northumbria", NULL), KIND_POPULATION_WIDE);
    CHECK_INT(detect("PFA16NM,Ethnic Group: All categories: Ethnic group; measures: Value,"
                     "Ethnic Group: White; measures: Value", NULL), KIND_POPULATION_CENSUS);
}

TEST(lookup_and_force_list)
{
    CHECK_INT(detect("LAD16CD,LAD16NM,CSP16CD,CSP16NM,PFA16CD,PFA16NM,FID", NULL),
              KIND_AREA_LOOKUP);
    CHECK_INT(detect("id,Label,Population 2010", NULL), KIND_FORCE_LIST);
}

TEST(extract_only_with_its_columns_configured)
{
    const struct extract_map x = { "Date Recorded", "Offence", "", "Warwickshire Police",
                                   "Beat", "Crime Number" };
    const char *h = "Crime Number,Date Recorded,Offence,Beat,Notes";
    CHECK_INT(detect(h, &x), KIND_EXTRACT);
    CHECK_INT(detect(h, NULL), KIND_UNKNOWN);
    CHECK_INT(detect("Crime Number,Date Recorded,Offence,Notes", &x), KIND_UNKNOWN);
}

TEST(kind_names_parse_back)
{
    for (int k = KIND_STREET; k < KIND_COUNT; k++)
        if (k != KIND_STREET_2011)
            CHECK_INT(kind_parse(kind_name((enum file_kind)k)), k);
    CHECK_INT(kind_parse("street-2011"), KIND_STREET_2011);
    CHECK_INT(kind_parse("crimes"), KIND_UNKNOWN);
}

int main(void)
{
    RUN(police_uk_street_outcomes_and_stop_search);
    RUN(street_2011_layout_is_street);
    RUN(home_office_tables);
    RUN(indicators_with_and_without_denominator);
    RUN(population_layouts);
    RUN(lookup_and_force_list);
    RUN(extract_only_with_its_columns_configured);
    RUN(kind_names_parse_back);
    return TESTING_DONE();
}
