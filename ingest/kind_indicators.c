/*
 * kind_indicators.c — local figures that are not crime counts, into indicators.
 *
 * force,period,indicator,value[,denominator]: victim satisfaction (%), county
 * lines closed, cyber crime reports.  The period is 'YYYY-MM', 'YYYY/YY Qn'
 * or 'YYYY/YY' (a financial year), not starting after the run's month, and
 * is stored as published beside its first and last month.  One figure per
 * force, period and indicator in a file: a repeat is a duplicate.
 *
 * sio's convention, as sio-measures reads it (measures/source.c): a row with
 * a denominator is a share, its value a percentage (0 to 100) of the
 * denominator, a whole number of respondents (at least 1), so that the
 * count behind it is round(value / 100 x denominator); a row without one is
 * a plain figure.  So a value is a plain decimal no larger than 10^15 either
 * way, and a percentage lies in 0..100.  Where measures.ini names the
 * indicator, its statistic decides too: a proportion needs a denominator,
 * and a count is a whole number of 0 or more, with none.  [ingest]
 * indicator_range in sio.ini can narrow an indicator's values further.  A
 * row that breaks any of these is rejected with the reason, so sio-measures
 * never meets a value it cannot use.
 */
#include "tab.h"
#include "config/config.h"
#include "config/ingestopt.h"
#include "decimal.h"
#include "dates.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char ind_sql[] =
    "INSERT INTO indicators(file_id, line, force, force_slug, period, period_start,"
    " period_end, indicator, value, denominator) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"
    " ON CONFLICT DO NOTHING";

enum { I_FORCE, I_PERIOD, I_INDICATOR, I_VALUE, I_DENOMINATOR };
static const char *const cols[] = {
    "force", "period", "indicator", "value", "?denominator", NULL
};

/* Larger than any count a double holds exactly (2^53 is 9.0e15). */
#define VALUE_MAX 1e15

/* The measures.ini section that reads indicator name (len bytes), or NULL. */
static const struct measure_def *measure_of(const struct sio_config *cfg, const char *name,
                                            size_t len)
{
    for (int i = 0; cfg && i < cfg->n_measures; i++) {
        const struct measure_def *m = &cfg->measures[i];
        if (m->source == MEASURE_SRC_INDICATOR && strlen(m->indicator) == len &&
            !memcmp(m->indicator, name, len))
            return m;
    }
    return NULL;
}

static int whole(double v)
{
    return v == floor(v);
}

/* NULL when value (text f) and denominator (has_den) are a figure indicator
 * may have, else the refusal. */
static const char *check_value(struct tab_sink *t, const char *indicator, size_t len,
                               const char *f, double value, int has_den)
{
    const struct sio_config *cfg = t->env->config;
    const struct measure_def *m = measure_of(cfg, indicator, len);
    const struct indicator_range *range =
        cfg ? ingestopt_range_of(&cfg->ingest, indicator, len) : NULL;
    if (fabs(value) > VALUE_MAX)
        return tab_refuse(t, "value '%.40s' is too large (more than 10^15 either way)", f);
    if (has_den && (value < 0 || value > 100))
        return tab_refuse(t, "value '%.40s' is not a percentage (0 to 100) of its denominator",
                          f);
    if (m && m->proportion && !has_den)
        return tab_refuse(t, "no denominator: [%s] in measures.ini reads %.*s as a percentage"
                          " of respondents", m->key, (int)len, indicator);
    if (m && !m->proportion && has_den)
        return tab_refuse(t, "a denominator makes the value a percentage, but [%s] in"
                          " measures.ini counts %.*s", m->key, (int)len, indicator);
    if (m && !m->proportion && (value < 0 || !whole(value)))
        return tab_refuse(t, "value '%.40s' is not a whole count of 0 or more: [%s] in"
                          " measures.ini counts %.*s", f, m->key, (int)len, indicator);
    if (range && (value < range->min || value > range->max))
        return tab_refuse(t, "value '%.40s' is outside the plausible range of %.*s, %g to %g"
                          " ([ingest] indicator_range)", f, (int)len, indicator, range->min,
                          range->max);
    return NULL;
}

static const char *check_indicator(struct tab_sink *t, const struct csvin_row *r)
{
    size_t n[5];
    const char *f[5], *why;
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
    if ((why = tab_after_run(t, start, "period", f[I_PERIOD])))
        return why;
    if (!decimal_parse(f[I_VALUE], n[I_VALUE], &value))
        return tab_refuse(t, "bad value '%.40s'", f[I_VALUE]);
    if (n[I_DENOMINATOR] && (!decimal_parse(f[I_DENOMINATOR], n[I_DENOMINATOR], &denominator) ||
                             denominator < 1 || denominator > VALUE_MAX || !whole(denominator)))
        return tab_refuse(t, "bad denominator '%.40s' (want a whole number of respondents, at"
                          " least 1)", f[I_DENOMINATOR]);
    if ((why = check_value(t, f[I_INDICATOR], n[I_INDICATOR], f[I_VALUE], value,
                           n[I_DENOMINATOR] > 0)))
        return why;
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
