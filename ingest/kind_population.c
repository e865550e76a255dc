/*
 * kind_population.c — population by force area and year, into population.
 *
 * Three layouts:
 *  - long: force,year,population[,basis] — one figure per row;
 *  - wide: year, then one column per force (the derived mid-year table in
 *    ../shared/data/population: 39 English forces, 2009-2019) — one CSV row
 *    gives one figure per force column; a row is loaded, rejected or a
 *    duplicate as a whole, so read = loaded + rejected + duplicate counts
 *    CSV rows, not figures;
 *  - census: an ONS census table by police force area (PFAyyNM, then the
 *    all-persons total; the 2011 'Ethnic Group: All categories' table).
 *    The year is 2011: only the 2011 census tables use that wording.
 * A population is a whole number above 0: every rate per 1,000 divides by it.  A force name that is not in
 * the forces file is loaded with a NULL force_slug and noted.
 */
#include "tab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char pop_sql[] =
    "INSERT INTO population(file_id, line, force, force_slug, year, population, basis)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7) ON CONFLICT DO NOTHING";

enum { P_FORCE, P_YEAR, P_POPULATION, P_BASIS };
static const char *const long_cols[] = { "force", "year", "population", "?basis", NULL };

static const char *bind_figure(struct tab_sink *t, const char *force, size_t flen,
                               const char *value, size_t vlen)
{
    long long n;
    if (!flen)
        return tab_refuse(t, "empty force name");
    if (!tab_integer(value, vlen, &n) || n <= 0)
        return tab_refuse(t, "bad population '%.*s' for %.*s (want a whole number above 0)",
                          (int)(vlen > 40 ? 40 : vlen), value, (int)(flen > 60 ? 60 : flen),
                          force);
    sqlite3_bind_text(t->insert, 3, force, (int)flen, SQLITE_TRANSIENT);
    sqlite3_bind_int64(t->insert, 6, n);
    return NULL;
}

static void bind_slug(struct tab_sink *t, const char *force, size_t flen)
{
    const char *slug = tab_force(t, force, flen);
    if (slug)
        sqlite3_bind_text(t->insert, 4, slug, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(t->insert, 4);
}

static int year_of(const char *s, size_t len, int *year)
{
    long long y;
    if (!tab_integer(s, len, &y) || y < 1900 || y > 2199 || memchr(s, ',', len))
        return 0;
    *year = (int)y;
    return 1;
}

static const char *check_long(struct tab_sink *t, const struct csvin_row *r)
{
    size_t n[4];
    const char *f[4], *why;
    int year;
    for (int i = 0; i < 4; i++)
        f[i] = tab_field(t, r, i, &n[i]);
    if (!year_of(f[P_YEAR], n[P_YEAR], &year))
        return tab_refuse(t, "bad year '%.40s'", f[P_YEAR]);
    if ((why = bind_figure(t, f[P_FORCE], n[P_FORCE], f[P_POPULATION], n[P_POPULATION])))
        return why;
    sqlite3_bind_int(t->insert, 5, year);
    tab_bind_opt(t->insert, 7, f[P_BASIS], n[P_BASIS]);
    snprintf(t->key, sizeof t->key, "%.*s|%d", (int)n[P_FORCE], f[P_FORCE], year);
    bind_slug(t, f[P_FORCE], n[P_FORCE]);
    return NULL;
}

static const char *check_census(struct tab_sink *t, const struct csvin_row *r)
{
    const char *why = bind_figure(t, r->field[0], r->len[0], r->field[1], r->len[1]);
    if (why)
        return why;
    sqlite3_bind_int(t->insert, 5, 2011);
    sqlite3_bind_text(t->insert, 7, "census", -1, SQLITE_STATIC);
    snprintf(t->key, sizeof t->key, "%.*s|2011", (int)r->len[0], r->field[0]);
    bind_slug(t, r->field[0], r->len[0]);
    return NULL;
}

/* Wide: each column after the year is a force's, named in the header; a
 * column without a name would leave its figures nowhere to go, so the file
 * is refused rather than every row. */
static int locate_wide(struct tab_sink *t, struct sio_error *err)
{
    for (int i = 1; i < t->header->n; i++)
        if (!t->header->name[i][0])
            return sio_fail(err, SIO_EDATA, t->path, 1, "column %d of the header has no force "
                            "name (a wide population table names a force above each column)",
                            i + 1);
    return SIO_OK;
}

/* Wide: every cell is checked here; insert() then binds and stores each. */
static const char *check_wide(struct tab_sink *t, const struct csvin_row *r)
{
    int year;
    long long n;
    if (!year_of(r->field[0], r->len[0], &year))
        return tab_refuse(t, "bad year '%.40s'", r->field[0]);
    for (int i = 1; i < r->nfields && i < CSVIN_MAX_FIELDS; i++)
        if (!tab_integer(r->field[i], r->len[i], &n) || n <= 0)
            return tab_refuse(t, "bad population '%.40s' for %.60s (want a whole number "
                              "above 0)", r->field[i], t->header->name[i]);
    snprintf(t->key, sizeof t->key, "year %d", year);
    return NULL;
}

static int insert_wide(struct tab_sink *t, const struct csvin_row *r, int *stored,
                       struct sio_error *err)
{
    for (int i = 1; i < r->nfields && i < CSVIN_MAX_FIELDS; i++) {
        const char *force = t->header->name[i];
        sqlite3_bind_int(t->insert, 5, (int)strtol(r->field[0], NULL, 10));
        sqlite3_bind_text(t->insert, 7, "mid-year estimate", -1, SQLITE_STATIC);
        if (bind_figure(t, force, strlen(force), r->field[i], r->len[i]))
            return sio_fail(err, SIO_ESOFTWARE, t->path, r->line, "checked cell changed");
        bind_slug(t, force, strlen(force));
        int ok = sqlite3_step(t->insert) == SQLITE_DONE;
        sqlite3_reset(t->insert);
        if (!ok)
            return sio_fail(err, SIO_ESOFTWARE, t->path, r->line, "cannot store population: %s",
                            sqlite3_errmsg(t->db));
        *stored += sqlite3_changes(t->db) > 0;
    }
    return SIO_OK;
}

const struct kind_ops kind_population = {
    .kind = KIND_POPULATION,
    .name = "population",
    .table = "population",
    .sql = pop_sql,
    .cols = long_cols,
    .check = check_long,
};
const struct kind_ops kind_population_census = {
    .kind = KIND_POPULATION_CENSUS,
    .name = "population-census",
    .table = "population",
    .sql = pop_sql,
    .check = check_census,
};
const struct kind_ops kind_population_wide = {
    .kind = KIND_POPULATION_WIDE,
    .name = "population-wide",
    .table = "population",
    .sql = pop_sql,
    .locate = locate_wide,
    .check = check_wide,
    .insert = insert_wide,
};
