/*
 * kind.c — which kind of file a header announces.
 *
 * police.uk headers are compared column by column with the published layouts
 * (../shared/data/README.md §2), exactly, as they never vary.  The other
 * sources are written by people and spreadsheets, so their column names are
 * compared ignoring case and surrounding spaces.  A BOM has already been
 * stripped by csvin.  Detection order matters only where layouts could
 * overlap: the fixed layouts first, an extract (configured names) next, the
 * loose ones (a 'year' column first: a wide population table) last.
 */
#include "kinds.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *const street_cols[] = {
    "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
    "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category",
    "Context", NULL
};
/* The 2011-12 street files: grid references, no Crime ID, LSOA or outcome. */
static const char *const street_2011_cols[] = {
    "Month", "Reported by", "Falls within", "Easting", "Northing", "Location",
    "Crime type", "Context", NULL
};
static const char *const outcomes_cols[] = {
    "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
    "Location", "LSOA code", "LSOA name", "Outcome type", NULL
};
static const char *const stop_search_cols[] = {
    "Type", "Date", "Part of a policing operation", "Policing operation",
    "Latitude", "Longitude", "Gender", "Age range", "Self-defined ethnicity",
    "Officer-defined ethnicity", "Legislation", "Object of search", "Outcome",
    "Outcome linked to object of search", "Removal of more than just outer clothing",
    NULL
};
static const char *const ho_quarterly_cols[] = {
    "Financial Year", "Financial Quarter", "Force Name", "Offence Description",
    "Offence Group", "Offence Subgroup", "Offence Code", "Number of Offences", NULL
};
static const char *const ho_rolling_cols[] = {
    "12 months ending", "PFA", "Region", "Offence",
    "Rolling year total number of offences", NULL
};

/* Every kind, each defined in its own file.  kind_parse() takes the first
 * with a name, so street comes before its 2011 layout (both "street"). */
static const struct kind_ops *const kinds[] = {
    &kind_street, &kind_outcomes, &kind_stop_search, &kind_street_2011,
    &kind_ho_quarterly, &kind_ho_rolling, &kind_extract, &kind_indicators, &kind_population,
    &kind_population_wide, &kind_population_census, &kind_area_lookup, &kind_force_list,
};
#define N_KINDS (sizeof kinds / sizeof kinds[0])

/* Whether field i of h is name, ignoring case and surrounding spaces. */
static int col_is(const struct csvin_row *h, int i, const char *name)
{
    if (i >= h->nfields || i >= CSVIN_MAX_FIELDS)
        return 0;
    const char *s = h->field[i];
    size_t n = h->len[i], want = strlen(name);
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return n == want && !strncasecmp(s, name, n);
}

static int header_exact(const struct csvin_row *h, const char *const *cols)
{
    int n = 0;
    for (; cols[n]; n++)
        if (n >= h->nfields || strcmp(h->field[n], cols[n]) != 0)
            return 0;
    return n == h->nfields;
}

static int header_loose(const struct csvin_row *h, const char *const *cols, int optional)
{
    int n = 0;
    for (; cols[n]; n++)
        if (!col_is(h, n, cols[n]))
            return 0;
    return h->nfields >= n && h->nfields <= n + optional;
}

/* An ONS column name: prefix, two digits, suffix ("LAD16CD"). */
static int ons_col(const struct csvin_row *h, int i, const char *prefix, const char *suffix)
{
    const char *s = i < h->nfields && i < CSVIN_MAX_FIELDS ? h->field[i] : "";
    return strlen(s) == 7 && !strncasecmp(s, prefix, 3) && isdigit((unsigned char)s[3]) &&
           isdigit((unsigned char)s[4]) && !strcasecmp(s + 5, suffix);
}

static int is_area_lookup(const struct csvin_row *h)
{
    return h->nfields >= 6 && ons_col(h, 0, "LAD", "CD") && ons_col(h, 1, "LAD", "NM") &&
           ons_col(h, 2, "CSP", "CD") && ons_col(h, 3, "CSP", "NM") &&
           ons_col(h, 4, "PFA", "CD") && ons_col(h, 5, "PFA", "NM");
}

/* A census table by force area: PFAyyNM, then the all-persons total. */
static int is_census(const struct csvin_row *h)
{
    return h->nfields >= 2 && ons_col(h, 0, "PFA", "NM") &&
           (strstr(h->field[1], "All categories") || strstr(h->field[1], "All usual residents"));
}

/* Whether a header names column name (case-insensitive); "" always does. */
static int has_col(const struct csvin_row *h, const char *name)
{
    if (!name || !*name)
        return 1;
    for (int i = 0; i < h->nfields && i < CSVIN_MAX_FIELDS; i++)
        if (col_is(h, i, name))
            return 1;
    return 0;
}

static int is_extract(const struct csvin_row *h, const struct extract_map *x)
{
    return x && x->date && *x->date && x->offence && *x->offence &&
           ((x->force && *x->force) || (x->force_name && *x->force_name)) &&
           has_col(h, x->date) && has_col(h, x->offence) && has_col(h, x->force) &&
           has_col(h, x->area) && has_col(h, x->reference);
}

static enum file_kind detect_fixed(const struct csvin_row *h)
{
    static const char *const indicators[] = { "force", "period", "indicator", "value", NULL };
    static const char *const population[] = { "force", "year", "population", NULL };
    static const char *const force_list[] = { "id", "Label", NULL };

    if (header_exact(h, street_cols)) return KIND_STREET;
    if (header_exact(h, outcomes_cols)) return KIND_OUTCOMES;
    if (header_exact(h, stop_search_cols)) return KIND_STOP_SEARCH;
    if (header_exact(h, street_2011_cols)) return KIND_STREET_2011;
    if (header_loose(h, ho_quarterly_cols, 0)) return KIND_HO_QUARTERLY;
    if (header_loose(h, ho_rolling_cols, 0)) return KIND_HO_ROLLING;
    if (header_loose(h, indicators, 1) && (h->nfields == 4 || col_is(h, 4, "denominator")))
        return KIND_INDICATORS;
    if (header_loose(h, population, 1) && (h->nfields == 3 || col_is(h, 3, "basis")))
        return KIND_POPULATION;
    if (is_area_lookup(h)) return KIND_AREA_LOOKUP;
    if (is_census(h)) return KIND_POPULATION_CENSUS;
    if (header_loose(h, force_list, CSVIN_MAX_FIELDS)) return KIND_FORCE_LIST;
    return KIND_UNKNOWN;
}

enum file_kind kind_detect(const struct csvin_row *header, const struct extract_map *x)
{
    if (header->problem)
        return KIND_UNKNOWN;
    enum file_kind k = detect_fixed(header);
    if (k != KIND_UNKNOWN)
        return k;
    if (is_extract(header, x))
        return KIND_EXTRACT;
    if (header->nfields >= 2 && col_is(header, 0, "year"))
        return KIND_POPULATION_WIDE;
    return KIND_UNKNOWN;
}

const struct kind_ops *kind_ops(enum file_kind kind)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (kinds[i]->kind == kind)
            return kinds[i];
    return NULL;
}

const char *kind_name(enum file_kind kind)
{
    const struct kind_ops *k = kind_ops(kind);
    return k ? k->name : "unknown";
}

const char *kind_table(enum file_kind kind)
{
    const struct kind_ops *k = kind_ops(kind);
    return k ? k->table : NULL;
}

enum file_kind kind_parse(const char *name)
{
    if (!strcmp(name, "street-2011"))
        return KIND_STREET_2011;
    for (size_t i = 0; i < N_KINDS; i++)
        if (!strcmp(kinds[i]->name, name))
            return kinds[i]->kind;
    return KIND_UNKNOWN;
}

int kind_is_police_uk(enum file_kind kind)
{
    const struct kind_ops *k = kind_ops(kind);
    return k && k->check_row;
}

const char *kind_list(void)
{
    return "street, street-2011, outcomes, stop-and-search, ho-quarterly, ho-rolling-year, "
           "extract, indicators, population, population-wide, population-census, "
           "area-lookup, force-list";
}

enum file_kind kind_of_header(const struct csvin_row *header, const struct ingest_env *env)
{
    if (env->kind != KIND_UNKNOWN && !header->problem)
        return env->kind;
    return kind_detect(header, env->extract);
}
