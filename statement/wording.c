/*
 * wording.c — figures as the draft prints them (wording.h): counts whole with
 * thousands separators, percentages and changes to one decimal place, as
 * measures.csv has them, and "no data" where the store has none: a figure
 * with no data is never printed as a number.
 */
#include "wording.h"

#include "text/words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const month_names[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

char *sw_month(month_t m, char *buf, size_t size)
{
    if (m == MONTH_NONE)
        snprintf(buf, size, "an unknown month");
    else
        snprintf(buf, size, "%s %d", month_names[month_of_year(m) - 1], month_year(m));
    return buf;
}

char *sw_span(month_t a, month_t b, char *buf, size_t size)
{
    char x[24], y[24];
    if (a != MONTH_NONE && b != MONTH_NONE && month_year(a) == month_year(b))
        snprintf(buf, size, "%s to %s", month_names[month_of_year(a) - 1], sw_month(b, y, sizeof y));
    else
        snprintf(buf, size, "%s to %s", sw_month(a, x, sizeof x), sw_month(b, y, sizeof y));
    return buf;
}

/* " (2 of 3 months with data)" when partial, else "". */
static const char *coverage(const struct statement_value *v, char *buf, size_t size)
{
    buf[0] = '\0';
    if (v->found && v->covered < v->expected)
        snprintf(buf, size, " (%d of %d months with data)", v->covered, v->expected);
    return buf;
}

char *sw_value(const struct statement_measure *m, const struct statement_value *v, int noun,
               char *buf, size_t size)
{
    char n[32], cov[48];
    if (!v->found)
        snprintf(buf, size, "no data");
    else if (m->def.proportion)
        snprintf(buf, size, "%.1f%%%s", v->value, coverage(v, cov, sizeof cov));
    else if (noun)
        snprintf(buf, size, "%s%s", words_count_of(lround(v->value), m->def.noun, n, sizeof n),
                 coverage(v, cov, sizeof cov));
    else
        snprintf(buf, size, "%s%s", words_thousands(lround(v->value), n, sizeof n),
                 coverage(v, cov, sizeof cov));
    return buf;
}

int sw_small(const struct statement_measure *m)
{
    return !m->def.proportion && m->r12.found && words_count_is_small(m->r12.value);
}

char *sw_change(const struct statement_measure *m, double change, double low, double high,
                double confidence, char *buf, size_t size)
{
    const char *u = m->def.proportion ? " points" : "%";
    if (!isfinite(change))
        snprintf(buf, size, "not comparable");
    else if (isfinite(low) && isfinite(high))
        snprintf(buf, size, "%+.1f%s (%g%% CI %+.1f%s to %+.1f%s)", change, u, 100 * confidence,
                 low, m->def.proportion ? "" : "%", high, u);
    else if (isfinite(low))
        snprintf(buf, size, "%+.1f%s (%g%% CI %+.1f%s, no upper limit)", change, u,
                 100 * confidence, low, u);
    else
        snprintf(buf, size, "%+.1f%s", change, u);
    return buf;
}

char *sw_cmp_change(const struct statement *s, const struct statement_measure *m,
                    const struct statement_compare *c, char *buf, size_t size)
{
    if (!m->current)
        snprintf(buf, size, "not judged: verdicts are for the latest figures");
    else if (!c->found || !strcmp(c->verdict, "no data"))
        snprintf(buf, size, "no data");
    else if (sw_small(m))
        snprintf(buf, size, "not shown: small numbers");
    else
        sw_change(m, c->change, c->low, c->high, s->confidence, buf, size);
    return buf;
}

const char *sw_verdict(const struct statement_measure *m, const struct statement_compare *c)
{
    if (!m->current)
        return "not judged";
    return c->found ? c->verdict : "no data";
}

char *sw_source(const struct statement_measure *m, char *buf, size_t size)
{
    snprintf(buf, size, "%s: %s", m->def.source_description, m->def.definition);
    return buf;
}
