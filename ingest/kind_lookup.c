/*
 * kind_lookup.c — the ONS area lookup and published force lists.
 *
 * area-lookup: LADyyCD,LADyyNM,CSPyyCD,CSPyyNM,PFAyyCD,PFAyyNM[,FID] (the ONS
 * local authority -> community safety partnership -> police force area
 * lookup; the December 2016 edition starts with a BOM and names the City's
 * force area 'London, City of').  Codes are checked against the ONS pattern
 * (a letter, two digits, six digits); a local authority listed twice in one
 * file is a duplicate.
 *
 * force-list: id,Label[,...] (the 2012 datahub list of police.uk slugs).  Each
 * row is checked against the forces file: an id that is no force's slug, or a
 * Label naming a different force from its id, is loaded and noted.  Its other
 * columns are not loaded: that file's 'Population 2010' column is misaligned
 * with its rows (Lincolnshire 11,700; City of London 563,500).
 */
#include "tab.h"
#include "config/forces.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char lookup_sql[] =
    "INSERT INTO area_lookup(file_id, line, lad_code, lad_name, csp_code, csp_name,"
    " pfa_code, pfa_name, force_slug) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"
    " ON CONFLICT DO NOTHING";
static const char list_sql[] =
    "INSERT INTO force_list(file_id, line, id, label, force_slug) VALUES (?1,?2,?3,?4,?5)"
    " ON CONFLICT DO NOTHING";

/* An ONS GSS code: E, W, S or N, then eight digits. */
static int gss_code(const char *s, size_t len)
{
    if (len != 9 || !strchr("EWSN", s[0]))
        return 0;
    for (size_t i = 1; i < 9; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static const char *check_lookup(struct tab_sink *t, const struct csvin_row *r)
{
    static const char *const names[] = { "LAD code", "", "CSP code", "", "PFA code", "" };
    for (int i = 0; i < 6; i++) {
        if (!r->len[i])
            return tab_refuse(t, "empty column %d", i + 1);
        if (i % 2 == 0 && !gss_code(r->field[i], r->len[i]))
            return tab_refuse(t, "bad %s '%.40s'", names[i], r->field[i]);
    }
    for (int i = 0; i < 6; i++)
        sqlite3_bind_text(t->insert, 3 + i, r->field[i], (int)r->len[i], SQLITE_TRANSIENT);
    snprintf(t->key, sizeof t->key, "%s", r->field[0]);
    const char *slug = forces_slug(t->env->forces, r->field[4], r->len[4]);
    if (!slug)
        slug = tab_force(t, r->field[5], r->len[5]);
    if (slug)
        sqlite3_bind_text(t->insert, 9, slug, -1, SQLITE_TRANSIENT);
    return NULL;
}

static const char *check_list(struct tab_sink *t, const struct csvin_row *r)
{
    if (!r->len[0] || !r->len[1])
        return tab_refuse(t, "empty %s", r->len[0] ? "Label" : "id");
    sqlite3_bind_text(t->insert, 3, r->field[0], (int)r->len[0], SQLITE_TRANSIENT);
    sqlite3_bind_text(t->insert, 4, r->field[1], (int)r->len[1], SQLITE_TRANSIENT);
    snprintf(t->key, sizeof t->key, "%s", r->field[0]);
    const char *slug = tab_force(t, r->field[0], r->len[0]);
    const char *by_label = forces_slug(t->env->forces, r->field[1], r->len[1]);
    if (slug && (!by_label || strcmp(slug, by_label)))
        tab_note(t, "label is not the force's name or an alias", r->field[1], r->len[1]);
    if (slug)
        sqlite3_bind_text(t->insert, 5, slug, -1, SQLITE_TRANSIENT);
    return NULL;
}

const struct kind_ops kind_area_lookup = {
    .kind = KIND_AREA_LOOKUP,
    .name = "area-lookup",
    .table = "area_lookup",
    .sql = lookup_sql,
    .check = check_lookup,
};
const struct kind_ops kind_force_list = {
    .kind = KIND_FORCE_LIST,
    .name = "force-list",
    .table = "force_list",
    .sql = list_sql,
    .check = check_list,
};
