/*
 * kind_ho.c — Home Office police recorded crime tables, into ho_crime.
 *
 * Two layouts.  The open data tables (one row per force, financial quarter
 * and offence code; 'Financial Year' is '2022/23', 'Financial Quarter' 1-4,
 * Q1 = April to June) become period_type 'fq'.  The rolling-year file by
 * police force area ('12 months ending' dd/mm/yyyy, one row per offence
 * group) becomes period_type 'r12', the 12 months ending that month.
 *
 * Published quirks kept as published: negative counts (revisions; loaded,
 * and noted), 'London, City of' (an alias of city-of-london), and rows for
 * Action Fraud, CIFAS and UK Finance, which are not forces (loaded with a
 * NULL force_slug and noted as an unknown force).
 */
#include "kinds.h"
#include "tab.h"
#include "dates.h"

#include <stdio.h>
#include <string.h>

static const char ho_sql[] =
    "INSERT INTO ho_crime(file_id, line, force, force_slug, period_type, period_start,"
    " period_end, offence_code, offence_description, offence_group, offence_subgroup,"
    " count, region) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"
    " ON CONFLICT DO NOTHING";

enum { Q_FY, Q_QUARTER, Q_FORCE, Q_DESC, Q_GROUP, Q_SUBGROUP, Q_CODE, Q_COUNT };
static const char *const quarterly_cols[] = {
    "Financial Year", "Financial Quarter", "Force Name", "Offence Description",
    "Offence Group", "Offence Subgroup", "Offence Code", "Number of Offences", NULL
};
enum { R_END, R_PFA, R_REGION, R_OFFENCE, R_COUNT };
static const char *const rolling_cols[] = {
    "12 months ending", "PFA", "Region", "Offence", "Rolling year total number of offences",
    NULL
};

static void bind_period(struct tab_sink *t, const char *type, month_t start, month_t end)
{
    char a[8], b[8];
    sqlite3_bind_text(t->insert, 5, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(t->insert, 6, month_format(start, a), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 7, month_format(end, b), -1, SQLITE_TRANSIENT);
    t->row_month = start;
}

/* The force (3, 4) and count (12), shared by both layouts. */
static const char *bind_force_count(struct tab_sink *t, const struct csvin_row *r,
                                    int force_col, int count_col)
{
    size_t flen, clen;
    const char *force = tab_field(t, r, force_col, &flen);
    const char *count = tab_field(t, r, count_col, &clen);
    long long n;
    if (!flen)
        return tab_refuse(t, "empty force name");
    if (!tab_integer(count, clen, &n))
        return tab_refuse(t, "bad number of offences '%.40s'", count);
    if (n < 0)
        tab_note(t, "negative count (a published revision)", "", 0);
    sqlite3_bind_text(t->insert, 3, force, (int)flen, SQLITE_TRANSIENT);
    tab_bind_opt(t->insert, 4, "", 0);
    const char *slug = tab_force(t, force, flen);
    if (slug)
        sqlite3_bind_text(t->insert, 4, slug, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(t->insert, 12, n);
    return NULL;
}

/* '1'..'4' or 'Q1'..'Q4'; 0 when neither. */
static int quarter_of(const char *s, size_t len)
{
    if (len == 2 && (s[0] == 'Q' || s[0] == 'q'))
        s++, len--;
    return len == 1 && s[0] >= '1' && s[0] <= '4' ? s[0] - '0' : 0;
}

static const char *check_quarterly(struct tab_sink *t, const struct csvin_row *r)
{
    size_t n[8];
    const char *f[8];
    int year, q;
    for (int i = 0; i < 8; i++)
        f[i] = tab_field(t, r, i, &n[i]);
    if (!dates_fy(f[Q_FY], n[Q_FY], &year))
        return tab_refuse(t, "bad Financial Year '%.40s' (want YYYY/YY)", f[Q_FY]);
    if (!(q = quarter_of(f[Q_QUARTER], n[Q_QUARTER])))
        return tab_refuse(t, "bad Financial Quarter '%.40s' (want 1 to 4)", f[Q_QUARTER]);
    if (!n[Q_CODE])
        return tab_refuse(t, "empty Offence Code");
    month_t start = month_make(year, 4) + 3 * (q - 1);
    char label[16];
    const char *why = tab_after_run(t, start, "period", month_fq_label(start, label));
    if (why)
        return why;
    bind_period(t, "fq", start, start + 2);
    t->row_month = month_make(year, 4); /* the file key: its financial year */
    tab_bind_opt(t->insert, 8, f[Q_CODE], n[Q_CODE]);
    tab_bind_opt(t->insert, 9, f[Q_DESC], n[Q_DESC]);
    tab_bind_opt(t->insert, 10, f[Q_GROUP], n[Q_GROUP]);
    tab_bind_opt(t->insert, 11, f[Q_SUBGROUP], n[Q_SUBGROUP]);
    snprintf(t->key, sizeof t->key, "%.*s|%.7s Q%d|%.*s", (int)n[Q_FORCE], f[Q_FORCE],
             f[Q_FY], q, (int)n[Q_CODE], f[Q_CODE]);
    return bind_force_count(t, r, Q_FORCE, Q_COUNT);
}

static const char *check_rolling(struct tab_sink *t, const struct csvin_row *r)
{
    size_t n[5];
    const char *f[5];
    int y, m, d;
    for (int i = 0; i < 5; i++)
        f[i] = tab_field(t, r, i, &n[i]);
    if (!dates_parse(f[R_END], n[R_END], &y, &m, &d) || d == 0)
        return tab_refuse(t, "bad 12 months ending '%.40s' (want DD/MM/YYYY)", f[R_END]);
    if (!n[R_OFFENCE])
        return tab_refuse(t, "empty Offence");
    month_t end = month_make(y, m);
    const char *why = tab_after_run(t, end, "12 months ending", f[R_END]);
    if (why)
        return why;
    bind_period(t, "r12", end - 11, end);
    tab_bind_opt(t->insert, 10, f[R_OFFENCE], n[R_OFFENCE]);
    tab_bind_opt(t->insert, 13, f[R_REGION], n[R_REGION]);
    snprintf(t->key, sizeof t->key, "%.*s|%.*s|%.*s", (int)n[R_PFA], f[R_PFA],
             (int)n[R_END], f[R_END], (int)n[R_OFFENCE], f[R_OFFENCE]);
    return bind_force_count(t, r, R_PFA, R_COUNT);
}

const struct kind_ops kind_ho_quarterly = {
    .kind = KIND_HO_QUARTERLY,
    .name = "ho-quarterly",
    .table = "ho_crime",
    .sql = ho_sql,
    .flags = KIND_ONE_SERIES | KIND_ROW_KEYED,
    .cols = quarterly_cols,
    .check = check_quarterly,
};
const struct kind_ops kind_ho_rolling = {
    .kind = KIND_HO_ROLLING,
    .name = "ho-rolling-year",
    .table = "ho_crime",
    .sql = ho_sql,
    .flags = KIND_ONE_SERIES,
    .cols = rolling_cols,
    .check = check_rolling,
};
