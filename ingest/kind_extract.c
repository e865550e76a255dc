/*
 * kind_extract.c — a force's own record-system extract, into extract_crimes.
 *
 * Any CSV whose header has the columns named in sio.ini's [extract] section:
 * date, offence, and the force (a column, or one force_name for the whole
 * file), optionally area and reference.  Dates in the common UK forms
 * (YYYY-MM, DD/MM/YYYY, ISO YYYY-MM-DD, with or without a time) give the
 * row's month.  A reference repeated within one extract is a duplicate; an
 * empty reference is never one.
 */
#include "tab.h"
#include "dates.h"

#include <stdio.h>
#include <strings.h>
#include <string.h>

static const char extract_sql[] =
    "INSERT INTO extract_crimes(file_id, line, force, force_slug, month, offence, area,"
    " crime_ref, date) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT DO NOTHING";

enum { X_DATE, X_OFFENCE, X_FORCE, X_AREA, X_REF, X_COLS };

/* Header positions of the configured names; -1 for those not configured. */
static int locate(struct tab_sink *t, struct sio_error *err)
{
    const struct extract_map *x = t->env->extract;
    const char *want[X_COLS] = { x ? x->date : NULL, x ? x->offence : NULL,
                                 x ? x->force : NULL, x ? x->area : NULL,
                                 x ? x->reference : NULL };
    if (!x || !x->date || !*x->date || !x->offence || !*x->offence)
        return sio_fail(err, SIO_ECONFIG, t->path, 0, "an extract needs [extract] date and "
                        "offence in sio.ini (see sio.ini(5))");
    for (int i = 0; i < X_COLS; i++) {
        t->col[i] = -1;
        for (int c = 0; want[i] && *want[i] && c < t->header->n; c++)
            if (!strcasecmp(t->header->name[c], want[i]))
                t->col[i] = c;
        if (want[i] && *want[i] && t->col[i] < 0)
            return sio_fail(err, SIO_EDATA, t->path, 1, "no column '%s' ([extract] in sio.ini)",
                            want[i]);
    }
    if (t->col[X_FORCE] < 0 && (!x->force_name || !*x->force_name))
        return sio_fail(err, SIO_ECONFIG, t->path, 0, "an extract needs [extract] force or "
                        "force_name in sio.ini");
    return SIO_OK;
}

static const char *bind_date(struct tab_sink *t, const char *s, size_t len)
{
    int y, m, d;
    char iso[16], month[8];
    if (!dates_parse(s, len, &y, &m, &d))
        return tab_refuse(t, "bad date '%.40s' (want YYYY-MM-DD, DD/MM/YYYY or YYYY-MM)", s);
    t->row_month = month_make(y, m);
    const char *why = tab_after_run(t, t->row_month, "date", s);
    if (why)
        return why;
    if (d)
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(iso, sizeof iso, "%04d-%02d", y, m);
    sqlite3_bind_text(t->insert, 5, month_format(t->row_month, month), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 9, iso, -1, SQLITE_TRANSIENT);
    return NULL;
}

static const char *check_extract(struct tab_sink *t, const struct csvin_row *r)
{
    size_t n[X_COLS];
    const char *f[X_COLS], *why;
    for (int i = 0; i < X_COLS; i++)
        f[i] = tab_field(t, r, i, &n[i]);
    if (t->col[X_FORCE] < 0) {
        f[X_FORCE] = t->env->extract->force_name;
        n[X_FORCE] = strlen(f[X_FORCE]);
    }
    if ((why = bind_date(t, f[X_DATE], n[X_DATE])))
        return why;
    if (!n[X_OFFENCE])
        return tab_refuse(t, "empty offence");
    if (!n[X_FORCE])
        return tab_refuse(t, "empty force");
    sqlite3_bind_text(t->insert, 3, f[X_FORCE], (int)n[X_FORCE], SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 6, f[X_OFFENCE], (int)n[X_OFFENCE], SQLITE_TRANSIENT);
    tab_bind_opt(t->insert, 7, f[X_AREA], n[X_AREA]);
    tab_bind_opt(t->insert, 8, f[X_REF], n[X_REF]);
    snprintf(t->key, sizeof t->key, "%.*s", (int)n[X_REF], f[X_REF]);
    const char *slug = tab_force(t, f[X_FORCE], n[X_FORCE]);
    if (slug)
        sqlite3_bind_text(t->insert, 4, slug, -1, SQLITE_TRANSIENT);
    return NULL;
}

const struct kind_ops kind_extract = {
    .kind = KIND_EXTRACT,
    .name = "extract",
    .table = "extract_crimes",
    .sql = extract_sql,
    .locate = locate,
    .check = check_extract,
};
