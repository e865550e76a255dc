/*
 * describe.c — sources in words (describe.h).
 */
#include "describe.h"
#include "source.h"

#include <stdio.h>

const char *describe_source(const struct measure_def *m)
{
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK: return "police.uk street-level crime, by month recorded";
    case MEASURE_SRC_HOME_OFFICE: return "Home Office police recorded crime, by financial quarter";
    case MEASURE_SRC_HO_ROLLING:
        return "Home Office police recorded crime, 12-month totals by police force area";
    case MEASURE_SRC_INDICATOR: return "the force's own figures (an indicator series)";
    case MEASURE_SRC_STOP_SEARCH: return "police.uk stop and search, by month";
    case MEASURE_SRC_OUTCOMES: return "police.uk outcomes, by month the outcome was published";
    }
    return "no source";
}

/* "a, b and c" (or "a, b or c") from list into buf at *o. */
static void join(char *buf, size_t size, size_t *o, char *const *list, int n, const char *quote,
                 const char *last)
{
    for (int i = 0; i < n && *o < size; i++)
        *o += (size_t)snprintf(buf + *o, size - *o, "%s%s%s%s", i == 0 ? "" : i + 1 < n ? ", " : last,
                               quote, list[i], quote);
}

char *describe_definition(const struct measure_def *m, char *buf, size_t size)
{
    size_t o = 0;

    buf[0] = '\0';
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK:
        o = (size_t)snprintf(buf, size, "police.uk crime types ");
        join(buf, size, &o, m->crime_types, m->n_crime_types, "", " and ");
        break;
    case MEASURE_SRC_HOME_OFFICE:
        o = (size_t)snprintf(buf, size, "Home Office offence codes ");
        join(buf, size, &o, m->ho_codes, m->n_ho_codes, "", " and ");
        break;
    case MEASURE_SRC_HO_ROLLING:
        o = (size_t)snprintf(buf, size, "Home Office offence groups ");
        join(buf, size, &o, m->ho_groups, m->n_ho_groups, "", " and ");
        break;
    case MEASURE_SRC_INDICATOR:
        snprintf(buf, size, "indicator '%s'%s", m->indicator,
                 m->proportion ? ", a percentage of respondents" : "");
        break;
    case MEASURE_SRC_STOP_SEARCH:
        if (m->proportion)
            snprintf(buf, size, "share of searches with Object of search '%s' whose outcome "
                     "was not '" SOURCE_NFA_OUTCOME "' (no outcome recorded: left out)",
                     m->source_filter);
        else
            snprintf(buf, size, "searches with Object of search '%s'", m->source_filter);
        break;
    case MEASURE_SRC_OUTCOMES:
        o = (size_t)snprintf(buf, size, "share of %s crimes with an outcome published in the "
                             "month whose outcome was ", m->source_filter);
        join(buf, size, &o, m->outcome_types, m->n_outcome_types, "'", " or ");
        break;
    }
    return buf;
}

char *describe_file(const struct measure_def *m, char *buf, size_t size)
{
    switch (m->source) {
    case MEASURE_SRC_POLICE_UK:
        snprintf(buf, size, "police.uk street-level crime files (YYYY-MM-FORCE-street.csv, "
                            "data.police.uk/data)");
        break;
    case MEASURE_SRC_HOME_OFFICE:
        snprintf(buf, size, "the Home Office police recorded crime open data table by force "
                            "and quarter (prc-pfa-mar2013-onwards-tables, each year's sheet "
                            "saved as CSV)");
        break;
    case MEASURE_SRC_HO_ROLLING:
        snprintf(buf, size, "the Home Office recorded crime by police force area file, "
                            "rolling 12 months (rec-crime-pfa.csv)");
        break;
    case MEASURE_SRC_INDICATOR:
        snprintf(buf, size, "an indicator series (force,period,indicator,value[,denominator]) "
                            "with indicator '%s'", m->indicator);
        break;
    case MEASURE_SRC_STOP_SEARCH:
        snprintf(buf, size, "police.uk stop-and-search files (YYYY-MM-FORCE-stop-and-search.csv)");
        break;
    case MEASURE_SRC_OUTCOMES:
        snprintf(buf, size, "police.uk outcomes files (YYYY-MM-FORCE-outcomes.csv) with the "
                            "street files of the same months");
        break;
    default:
        snprintf(buf, size, "no file");
    }
    return buf;
}
