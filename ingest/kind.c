/*
 * kind.c — which police.uk file a header announces.
 *
 * The header is compared column by column with the published layouts
 * (../shared/data/README.md §2); a BOM has already been stripped by csvin.
 */
#include "ingest.h"

#include <string.h>

static const char *const street_cols[] = {
    "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
    "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category",
    "Context", NULL
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

static const struct {
    enum file_kind kind;
    const char *name;
    const char *const *cols;
} kinds[] = {
    { KIND_STREET, "street", street_cols },
    { KIND_OUTCOMES, "outcomes", outcomes_cols },
    { KIND_STOP_SEARCH, "stop-and-search", stop_search_cols },
};
#define N_KINDS (sizeof kinds / sizeof kinds[0])

static int header_is(const struct csvin_row *h, const char *const *cols)
{
    int n = 0;
    for (; cols[n]; n++)
        if (n >= h->nfields || strcmp(h->field[n], cols[n]) != 0)
            return 0;
    return n == h->nfields;
}

enum file_kind kind_detect(const struct csvin_row *header)
{
    if (header->problem)
        return KIND_UNKNOWN;
    for (size_t i = 0; i < N_KINDS; i++)
        if (header_is(header, kinds[i].cols))
            return kinds[i].kind;
    return KIND_UNKNOWN;
}

const char *kind_name(enum file_kind kind)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (kinds[i].kind == kind)
            return kinds[i].name;
    return "unknown";
}

enum file_kind kind_parse(const char *name)
{
    for (size_t i = 0; i < N_KINDS; i++)
        if (!strcmp(kinds[i].name, name))
            return kinds[i].kind;
    return KIND_UNKNOWN;
}
