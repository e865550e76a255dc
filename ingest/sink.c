/*
 * sink.c — police.uk row checks and inserts.
 *
 * Checks are the ones an analyst relies on later: the field count matches the
 * header, the month is a real YYYY-MM, the force and crime type are present,
 * coordinates are numbers in range (or both empty for 'No Location').  Empty
 * optional fields are stored as NULL so that "unknown" is never "".  The LSOA
 * code must be E01/W01 and six digits, or empty.  A crime type or force that
 * is not in the known lists is stored as published and noted (police.h,
 * forces.h): such a row is real data, so rejecting it would lose crimes.
 */
#include "sink.h"
#include "crimeset.h"
#include "dedupe.h"
#include "forces.h"
#include "police.h"
#include "store.h"
#include "tab.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { S_CRIME_ID, S_MONTH, S_REPORTED_BY, S_FALLS_WITHIN, S_LONGITUDE, S_LATITUDE,
       S_LOCATION, S_LSOA_CODE, S_LSOA_NAME, S_CRIME_TYPE, S_LAST_OUTCOME, S_CONTEXT,
       S_FIELDS };
enum { O_OUTCOME_TYPE = 9, O_FIELDS = 10 };
enum { Q_TYPE, Q_DATE, Q_PART_OP, Q_OPERATION, Q_LATITUDE, Q_LONGITUDE, Q_GENDER,
       Q_AGE, Q_SELF_ETH, Q_OFFICER_ETH, Q_LEGISLATION, Q_OBJECT, Q_OUTCOME,
       Q_LINKED, Q_REMOVAL, Q_FIELDS };

static const char street_sql[] =
    "INSERT INTO street(file_id, line, crime_id, month, reported_by, falls_within,"
    " longitude, latitude, location, lsoa_code, lsoa_name, crime_type, last_outcome,"
    " context, crime_type_published, easting, northing)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)";
static const char outcomes_sql[] =
    "INSERT INTO outcomes(file_id, line, crime_id, month, reported_by, falls_within,"
    " longitude, latitude, location, lsoa_code, lsoa_name, outcome_type)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)";
static const char search_sql[] =
    "INSERT INTO stop_search(file_id, line, month, force, type, date, part_of_operation,"
    " operation, latitude, longitude, gender, age_range, self_ethnicity, officer_ethnicity,"
    " legislation, object_of_search, outcome, outcome_linked, removal_of_clothing)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)";

int sink_open(struct row_sink *s, sqlite3 *db, enum file_kind kind, long long file_id,
              const struct tab_header *header, const struct ingest_env *env,
              const char *path, struct sio_error *err)
{
    const char *sql = kind == KIND_STREET || kind == KIND_STREET_2011 ? street_sql
                      : kind == KIND_OUTCOMES ? outcomes_sql : search_sql;
    int rc;
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->db = db;
    s->file_id = file_id;
    s->month = MONTH_NONE;
    s->env = env;
    if (!kind_is_police_uk(kind))
        rc = tab_open(&s->tab, db, kind, file_id, header, env, path, err);
    else if (!(rc = notes_open(&s->notes, db, file_id, err)) &&
             !(rc = store_prepare(db, sql, &s->insert, err)) &&
             !(rc = kind == KIND_STREET ? dedupe_open(&s->dedupe, db, err) : SIO_OK))
        rc = store_prepare(db, "INSERT INTO duplicates(file_id, line, crime_id, raw)"
                               " VALUES (?1,?2,?3,?4)", &s->duplicate, err);
    if (rc || (rc = store_prepare(db, "INSERT INTO rejects(file_id, line, reason, raw)"
                                      " VALUES (?1,?2,?3,?4)", &s->reject, err)))
        sink_close(s);
    return rc;
}

void sink_close(struct row_sink *s)
{
    tab_close(s->tab);
    s->tab = NULL;
    notes_close(&s->notes);
    dedupe_close(s->dedupe);
    s->dedupe = NULL;
    sqlite3_finalize(s->insert);
    sqlite3_finalize(s->duplicate);
    sqlite3_finalize(s->reject);
    s->insert = s->duplicate = s->reject = NULL;
}

static const char *refuse(struct row_sink *s, const char *fmt, const char *field,
                          const char *value)
{
    snprintf(s->why, sizeof s->why, fmt, field, value);
    return s->why;
}

static int parse_number(const char *text, double lo, double hi, double *out)
{
    char *end;
    /* decimal only: strtod would also take leading spaces, hex and "infinity" */
    if (!*text || text[strspn(text, "+-.0123456789eE")] != '\0')
        return 0;
    *out = strtod(text, &end);
    return *end == '\0' && isfinite(*out) && *out >= lo && *out <= hi;
}

/* Both empty (no location), or both numbers in range. */
static const char *check_coords(struct row_sink *s, const char *lon, const char *lat)
{
    s->has_coords = 0;
    if (!*lon && !*lat)
        return NULL;
    if (!parse_number(lon, -180, 180, &s->lon))
        return refuse(s, "bad %s '%.60s'", "Longitude", lon);
    if (!parse_number(lat, -90, 90, &s->lat))
        return refuse(s, "bad %s '%.60s'", "Latitude", lat);
    s->has_coords = 1;
    return NULL;
}

static const char *check_count(struct row_sink *s, const struct csvin_row *r, int want)
{
    if (r->nfields == want)
        return NULL;
    snprintf(s->why, sizeof s->why, "%d fields, the header has %d", r->nfields, want);
    return s->why;
}

static const char *check_month(struct row_sink *s, const struct csvin_row *r, int col)
{
    s->row_month = month_parse(r->field[col], r->len[col]);
    if (s->row_month == MONTH_NONE)
        return refuse(s, "bad %s '%.40s' (want YYYY-MM)", "Month", r->field[col]);
    return NULL;
}

static const char *required(struct row_sink *s, const struct csvin_row *r, int col,
                            const char *name)
{
    return r->len[col] ? NULL : refuse(s, "empty %s%s", name, "");
}

/* Whether force (a name or slug) is in the forces file; the last answer is
 * kept, as every row of a file names the same force. */
static void check_force(struct row_sink *s, const char *force, size_t len)
{
    if (len >= sizeof s->last_force || strlen(s->last_force) != len ||
        memcmp(s->last_force, force, len) != 0) {
        snprintf(s->last_force, sizeof s->last_force, "%.*s", (int)len, force);
        s->last_force_unknown = !forces_slug(s->env ? s->env->forces : NULL, force, len);
    }
    s->force_unknown = s->last_force_unknown;
}

static void check_type(struct row_sink *s, const struct csvin_row *r, int col)
{
    s->crime_type = police_crime_type(r->field[col], r->len[col], s->row_month, &s->type_note);
    s->crime_type_len = s->crime_type == r->field[col] ? r->len[col] : strlen(s->crime_type);
}

static const char *check_street(struct row_sink *s, const struct csvin_row *r, int n,
                                int type_col, const char *type_name)
{
    const char *why;
    if ((why = check_count(s, r, n)) || (why = check_month(s, r, S_MONTH)) ||
        (why = required(s, r, S_FALLS_WITHIN, "Falls within")) ||
        (why = required(s, r, type_col, type_name)))
        return why;
    if (s->kind == KIND_OUTCOMES && (why = required(s, r, S_CRIME_ID, "Crime ID")))
        return why;
    if (!police_lsoa_ok(r->field[S_LSOA_CODE], r->len[S_LSOA_CODE]))
        return refuse(s, "bad %s '%.40s' (want E01 or W01 and six digits)", "LSOA code",
                      r->field[S_LSOA_CODE]);
    if ((why = check_coords(s, r->field[S_LONGITUDE], r->field[S_LATITUDE])))
        return why;
    if (s->kind == KIND_STREET)
        check_type(s, r, S_CRIME_TYPE);
    check_force(s, r->field[S_FALLS_WITHIN], r->len[S_FALLS_WITHIN]);
    return NULL;
}

/* 2011-12 layout: Month, Reported by, Falls within, Easting, Northing,
 * Location, Crime type, Context. */
enum { L_MONTH, L_REPORTED_BY, L_FALLS_WITHIN, L_EASTING, L_NORTHING, L_LOCATION,
       L_CRIME_TYPE, L_CONTEXT, L_FIELDS };

static const char *check_2011(struct row_sink *s, const struct csvin_row *r)
{
    const char *why;
    s->has_coords = 0;
    if ((why = check_count(s, r, L_FIELDS)) || (why = check_month(s, r, L_MONTH)) ||
        (why = required(s, r, L_FALLS_WITHIN, "Falls within")) ||
        (why = required(s, r, L_CRIME_TYPE, "Crime type")))
        return why;
    if (!police_grid_ok(r->field[L_EASTING], r->field[L_NORTHING], &s->easting, &s->northing,
                        &s->has_grid))
        return refuse(s, "bad %s '%.60s'", "Easting/Northing", r->field[L_EASTING]);
    check_type(s, r, L_CRIME_TYPE);
    check_force(s, r->field[L_FALLS_WITHIN], r->len[L_FALLS_WITHIN]);
    return NULL;
}

static const char *check_search(struct row_sink *s, const struct csvin_row *r)
{
    const char *why;
    if ((why = check_count(s, r, Q_FIELDS)) || (why = required(s, r, Q_TYPE, "Type")))
        return why;
    if (r->len[Q_DATE] < 10 || month_parse(r->field[Q_DATE], 7) == MONTH_NONE ||
        r->field[Q_DATE][7] != '-')
        return refuse(s, "bad %s '%.40s' (want an ISO 8601 date)", "Date", r->field[Q_DATE]);
    s->row_month = s->month;
    check_force(s, s->force, strlen(s->force));
    return check_coords(s, r->field[Q_LONGITUDE], r->field[Q_LATITUDE]);
}

const char *sink_check(struct row_sink *s, const struct csvin_row *r)
{
    s->type_note = NULL;
    s->force_unknown = 0;
    if (s->tab) {
        const char *why = tab_check(s->tab, r);
        s->row_month = tab_row_month(s->tab);
        return why;
    }
    if (r->problem)
        return r->problem;
    if (s->kind == KIND_STREET_2011)
        return check_2011(s, r);
    if (s->kind == KIND_STREET)
        return check_street(s, r, S_FIELDS, S_CRIME_TYPE, "Crime type");
    if (s->kind == KIND_OUTCOMES)
        return check_street(s, r, O_FIELDS, O_OUTCOME_TYPE, "Outcome type");
    return check_search(s, r);
}

const char *sink_row_force(const struct row_sink *s, const struct csvin_row *r)
{
    if (s->tab)
        return "";
    if (s->kind == KIND_STREET_2011)
        return r->field[L_FALLS_WITHIN];
    return s->kind == KIND_STOP_SEARCH ? s->force : r->field[S_FALLS_WITHIN];
}

/* Bind field col as text, or NULL when it is empty. */
static void bind_opt(sqlite3_stmt *st, int i, const struct csvin_row *r, int col)
{
    if (r->len[col])
        sqlite3_bind_text(st, i, r->field[col], (int)r->len[col], SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_text(sqlite3_stmt *st, int i, const struct csvin_row *r, int col)
{
    sqlite3_bind_text(st, i, r->field[col], (int)r->len[col], SQLITE_STATIC);
}

static void bind_coord(sqlite3_stmt *st, int i, const struct row_sink *s, double v)
{
    if (s->has_coords)
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

static void bind_common(struct row_sink *s, const struct csvin_row *r, char *month)
{
    sqlite3_stmt *st = s->insert;
    bind_opt(st, 3, r, S_CRIME_ID);
    sqlite3_bind_text(st, 4, month_format(s->row_month, month), 7, SQLITE_STATIC);
    bind_text(st, 5, r, S_REPORTED_BY);
    bind_text(st, 6, r, S_FALLS_WITHIN);
    bind_coord(st, 7, s, s->lon);
    bind_coord(st, 8, s, s->lat);
    bind_text(st, 9, r, S_LOCATION);
    bind_opt(st, 10, r, S_LSOA_CODE);
    bind_opt(st, 11, r, S_LSOA_NAME);
}

static void bind_search(struct row_sink *s, const struct csvin_row *r, char *month)
{
    sqlite3_stmt *st = s->insert;
    sqlite3_bind_text(st, 3, month_format(s->row_month, month), 7, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, s->force, -1, SQLITE_STATIC);
    bind_text(st, 5, r, Q_TYPE);
    bind_text(st, 6, r, Q_DATE);
    bind_opt(st, 7, r, Q_PART_OP);
    bind_opt(st, 8, r, Q_OPERATION);
    bind_coord(st, 9, s, s->lat);
    bind_coord(st, 10, s, s->lon);
    for (int col = Q_GENDER; col <= Q_REMOVAL; col++)
        bind_opt(st, 11 + col - Q_GENDER, r, col);
}

static int record_duplicate(struct row_sink *s, const struct csvin_row *r,
                            struct sio_error *err)
{
    sqlite3_stmt *st = s->duplicate;
    sqlite3_bind_int64(st, 1, s->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    bind_text(st, 3, r, S_CRIME_ID);
    sqlite3_bind_text(st, 4, r->raw, (int)r->raw_len, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK
                                             : store_fail(s->db, err, "cannot record duplicate");
    sqlite3_reset(st);
    return rc;
}

/* The stored crime type (12), the published one when it was mapped (15). */
static void bind_type(struct row_sink *s, const struct csvin_row *r, int col)
{
    sqlite3_bind_text(s->insert, 12, s->crime_type, (int)s->crime_type_len, SQLITE_STATIC);
    if (s->crime_type != r->field[col])
        bind_text(s->insert, 15, r, col);
    else
        sqlite3_bind_null(s->insert, 15);
}

static void bind_street(struct row_sink *s, const struct csvin_row *r, char *month)
{
    sqlite3_stmt *st = s->insert;
    bind_common(s, r, month);
    bind_type(s, r, S_CRIME_TYPE);
    bind_opt(st, 13, r, S_LAST_OUTCOME);
    bind_opt(st, 14, r, S_CONTEXT);
    sqlite3_bind_null(st, 16);
    sqlite3_bind_null(st, 17);
}

static void bind_2011(struct row_sink *s, const struct csvin_row *r, char *month)
{
    sqlite3_stmt *st = s->insert;
    sqlite3_bind_null(st, 3);
    sqlite3_bind_text(st, 4, month_format(s->row_month, month), 7, SQLITE_STATIC);
    bind_text(st, 5, r, L_REPORTED_BY);
    bind_text(st, 6, r, L_FALLS_WITHIN);
    for (int i = 7; i <= 8; i++)
        sqlite3_bind_null(st, i);
    bind_text(st, 9, r, L_LOCATION);
    for (int i = 10; i <= 11; i++)
        sqlite3_bind_null(st, i);
    bind_type(s, r, L_CRIME_TYPE);
    sqlite3_bind_null(st, 13);
    bind_opt(st, 14, r, L_CONTEXT);
    for (int i = 16; i <= 17; i++)
        if (s->has_grid)
            sqlite3_bind_double(st, i, i == 16 ? s->easting : s->northing);
        else
            sqlite3_bind_null(st, i);
}

/* The checked row's notes, now that it is loaded. */
static int add_notes(struct row_sink *s, const struct csvin_row *r, struct sio_error *err)
{
    int rc = SIO_OK;
    int col = s->kind == KIND_STREET_2011 ? L_CRIME_TYPE : S_CRIME_TYPE;
    if (s->type_note)
        rc = notes_add(&s->notes, s->type_note, r->field[col], r->len[col], r->line, err);
    if (!rc && s->force_unknown)
        rc = notes_add(&s->notes, "unknown force", s->last_force, strlen(s->last_force),
                       r->line, err);
    return rc;
}

static int insert_tab(struct row_sink *s, const struct csvin_row *r, enum row_fate *fate,
                      struct sio_error *err)
{
    int duplicate = 0, rc = tab_insert(s->tab, r, &duplicate, err);
    *fate = duplicate ? ROW_DUPLICATE : ROW_LOADED;
    return rc;
}

/* Store a checked row that is not a duplicate; h is its Crime ID's hash
 * when the file's IDs are checked (s->dedupe) and it has one. */
static int store_row(struct row_sink *s, const struct csvin_row *r, uint64_t h,
                     struct sio_error *err)
{
    sqlite3_stmt *st = s->insert;
    char month[8];
    sqlite3_bind_int64(st, 1, s->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    if (s->kind == KIND_STOP_SEARCH) {
        bind_search(s, r, month);
    } else if (s->kind == KIND_STREET) {
        bind_street(s, r, month);
    } else if (s->kind == KIND_STREET_2011) {
        bind_2011(s, r, month);
    } else {
        bind_common(s, r, month);
        bind_text(st, 12, r, O_OUTCOME_TYPE);
    }
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    if (!ok)
        return store_fail(s->db, err, "cannot store row");
    long long rowid = sqlite3_last_insert_rowid(s->db);
    if (s->kind == KIND_STREET || s->kind == KIND_STREET_2011) {
        s->first_rowid = s->first_rowid ? s->first_rowid : rowid;
        s->last_rowid = rowid;
    }
    int rc = s->dedupe && r->len[S_CRIME_ID] ? dedupe_stored(s->dedupe, h, rowid, err) : SIO_OK;
    return rc ? rc : add_notes(s, r, err);
}

int sink_insert(struct row_sink *s, const struct csvin_row *r, enum row_fate *fate,
                struct sio_error *err)
{
    enum dedupe_verdict v = DEDUPE_NEW;
    uint64_t h = 0;
    int rc;
    if (s->tab)
        return insert_tab(s, r, fate, err);
    if (s->dedupe && r->len[S_CRIME_ID]) {
        h = crimeset_hash(r->field[S_CRIME_ID], r->len[S_CRIME_ID]);
        if ((rc = dedupe_check(s->dedupe, r, S_CRIME_ID, h, &v, err)))
            return rc;
    }
    *fate = v == DEDUPE_HELD ? ROW_HELD : v == DEDUPE_DUPLICATE ? ROW_DUPLICATE : ROW_LOADED;
    if (v == DEDUPE_DUPLICATE)
        return record_duplicate(s, r, err);
    return v == DEDUPE_HELD ? SIO_OK : store_row(s, r, h, err);
}

struct settle {
    struct row_sink *s;
    long *loaded, *duplicate;
};

/* A held row comes back: checked again (the check keeps its parse in the
 * sink) and stored, or recorded as a duplicate. */
static int take_held(void *ctx, const struct csvin_row *r, int duplicate, struct sio_error *err)
{
    struct settle *t = ctx;
    if (duplicate) {
        ++*t->duplicate;
        return record_duplicate(t->s, r, err);
    }
    const char *why = sink_check(t->s, r);
    if (why)
        return sio_fail(err, SIO_ESOFTWARE, NULL, r->line, "a held row failed its check: %s",
                        why);
    ++*t->loaded;
    return store_row(t->s, r, crimeset_hash(r->field[S_CRIME_ID], r->len[S_CRIME_ID]), err);
}

int sink_settle(struct row_sink *s, long *loaded, long *duplicate, struct sio_error *err)
{
    struct settle t = { s, loaded, duplicate };
    return dedupe_settle(s->dedupe, take_held, &t, err);
}

int sink_reject(struct row_sink *s, const struct csvin_row *r, const char *reason,
                struct sio_error *err)
{
    sqlite3_stmt *st = s->reject;
    sqlite3_bind_int64(st, 1, s->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    sqlite3_bind_text(st, 3, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, r->raw, (int)r->raw_len, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK
                                             : store_fail(s->db, err, "cannot record reject");
    sqlite3_reset(st);
    return rc;
}
