/*
 * sink.c — police.uk row checks and inserts.
 *
 * Checks are the ones an analyst relies on later: the field count matches the
 * header, the month is a real YYYY-MM, the force and crime type are present,
 * coordinates are numbers in range (or both empty for 'No Location').  Empty
 * optional fields are stored as NULL so that "unknown" is never "".
 */
#include "sink.h"
#include "store.h"

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
    " context) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"
    " ON CONFLICT DO NOTHING";
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
              struct sio_error *err)
{
    const char *sql = kind == KIND_STREET ? street_sql : kind == KIND_OUTCOMES
                                                       ? outcomes_sql : search_sql;
    int rc;
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->db = db;
    s->file_id = file_id;
    s->month = MONTH_NONE;
    if ((rc = store_prepare(db, sql, &s->insert, err)) ||
        (rc = store_prepare(db, "INSERT INTO duplicates(file_id, line, crime_id, raw)"
                                " VALUES (?1,?2,?3,?4)", &s->duplicate, err)) ||
        (rc = store_prepare(db, "INSERT INTO rejects(file_id, line, reason, raw)"
                                " VALUES (?1,?2,?3,?4)", &s->reject, err)))
        sink_close(s);
    return rc;
}

void sink_close(struct row_sink *s)
{
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
    if (!*text)
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
    return check_coords(s, r->field[S_LONGITUDE], r->field[S_LATITUDE]);
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
    return check_coords(s, r->field[Q_LONGITUDE], r->field[Q_LATITUDE]);
}

const char *sink_check(struct row_sink *s, const struct csvin_row *r)
{
    if (r->problem)
        return r->problem;
    if (s->kind == KIND_STREET)
        return check_street(s, r, S_FIELDS, S_CRIME_TYPE, "Crime type");
    if (s->kind == KIND_OUTCOMES)
        return check_street(s, r, O_FIELDS, O_OUTCOME_TYPE, "Outcome type");
    return check_search(s, r);
}

const char *sink_row_force(const struct row_sink *s, const struct csvin_row *r)
{
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

int sink_insert(struct row_sink *s, const struct csvin_row *r, enum row_fate *fate,
                struct sio_error *err)
{
    sqlite3_stmt *st = s->insert;
    char month[8];
    sqlite3_bind_int64(st, 1, s->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    if (s->kind == KIND_STOP_SEARCH) {
        bind_search(s, r, month);
    } else {
        bind_common(s, r, month);
        bind_text(st, 12, r, s->kind == KIND_STREET ? S_CRIME_TYPE : O_OUTCOME_TYPE);
        if (s->kind == KIND_STREET) {
            bind_opt(st, 13, r, S_LAST_OUTCOME);
            bind_opt(st, 14, r, S_CONTEXT);
        }
    }
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    if (!ok)
        return store_fail(s->db, err, "cannot store row");
    *fate = ROW_LOADED;
    if (s->kind == KIND_STREET && sqlite3_changes(s->db) == 0) {
        *fate = ROW_DUPLICATE;
        return record_duplicate(s, r, err);
    }
    return SIO_OK;
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
