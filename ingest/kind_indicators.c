/*
 * kind_indicators.c — local figures that are not crime counts, into indicators.
 *
 * force,period,indicator,value[,denominator]: victim satisfaction (%), county
 * lines closed, cyber crime reports.  The period is 'YYYY-MM', 'YYYY/YY Qn'
 * or 'YYYY/YY' (a financial year) and is stored as published beside its first
 * and last month.  The value is any decimal number; a denominator, when
 * given, is a positive number (the respondents behind a percentage, so that
 * sio-measures can put an interval on it).  One figure per force, period and
 * indicator in a file: a repeat is a duplicate.
 */
#include "tab.h"
#include "decimal.h"
#include "dates.h"

#include <stdio.h>

static const char ind_sql[] =
    "INSERT INTO indicators(file_id, line, force, force_slug, period, period_start,"
    " period_end, indicator, value, denominator) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"
    " ON CONFLICT DO NOTHING";

enum { I_FORCE, I_PERIOD, I_INDICATOR, I_VALUE, I_DENOMINATOR };
static const char *const cols[] = {
    "force", "period", "indicator", "value", "?denominator", NULL
};

static const char *check_indicator(struct tab_sink *t, const struct csvin_row *r)
{
    size_t n[5];
    const char *f[5];
    month_t start, end;
    double value, denominator = 0;
    char a[8], b[8];
    for (int i = 0; i < 5; i++)
        f[i] = tab_field(t, r, i, &n[i]);
    if (!n[I_FORCE])
        return tab_refuse(t, "empty force");
    if (!dates_period(f[I_PERIOD], n[I_PERIOD], &start, &end))
        return tab_refuse(t, "bad period '%.40s' (want YYYY-MM, YYYY/YY Qn or YYYY/YY)",
                          f[I_PERIOD]);
    if (!n[I_INDICATOR])
        return tab_refuse(t, "empty indicator");
    if (!decimal_parse(f[I_VALUE], n[I_VALUE], &value))
        return tab_refuse(t, "bad value '%.40s'", f[I_VALUE]);
    if (n[I_DENOMINATOR] && (!decimal_parse(f[I_DENOMINATOR], n[I_DENOMINATOR], &denominator) ||
                             denominator <= 0))
        return tab_refuse(t, "bad denominator '%.40s' (want a positive number)",
                          f[I_DENOMINATOR]);
    sqlite3_bind_text(t->insert, 3, f[I_FORCE], (int)n[I_FORCE], SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 5, f[I_PERIOD], (int)n[I_PERIOD], SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 6, month_format(start, a), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 7, month_format(end, b), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 8, f[I_INDICATOR], (int)n[I_INDICATOR], SQLITE_TRANSIENT);
    sqlite3_bind_double(t->insert, 9, value);
    if (n[I_DENOMINATOR])
        sqlite3_bind_double(t->insert, 10, denominator);
    snprintf(t->key, sizeof t->key, "%.*s|%.*s|%.*s", (int)n[I_FORCE], f[I_FORCE],
             (int)n[I_PERIOD], f[I_PERIOD], (int)n[I_INDICATOR], f[I_INDICATOR]);
    const char *slug = tab_force(t, f[I_FORCE], n[I_FORCE]);
    if (slug)
        sqlite3_bind_text(t->insert, 4, slug, -1, SQLITE_TRANSIENT);
    t->row_month = start;
    return NULL;
}

const struct kind_ops kind_indicators = {
    .kind = KIND_INDICATORS,
    .name = "indicators",
    .table = "indicators",
    .sql = ind_sql,
    .cols = cols,
    .check = check_indicator,
};
