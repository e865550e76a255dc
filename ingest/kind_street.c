/*
 * kind_street.c — police.uk street files, into street_coded.
 *
 * Two layouts.  The current one (Crime ID, Month, Reported by, Falls within,
 * Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last
 * outcome category, Context) and the 2011-12 one (Month, Reported by, Falls
 * within, Easting, Northing, Location, Crime type, Context: a grid reference
 * and no Crime ID, LSOA or outcome).  Both are stored coded (labels ids for
 * the texts that repeat) and counted per file; only the current layout has
 * Crime IDs, each stored once in the whole store (dedupe.h).  A crime type
 * not in the police.uk list is stored and noted; a legacy one is mapped as
 * police.h says.
 */
#include "check.h"
#include "crimeset.h"
#include "kinds.h"
#include "police.h"
#include "sink.h"

static const char street_sql[] =
    "INSERT INTO street_coded(file_id, line, crime_id, month, reported_by, falls_within,"
    " longitude, latitude, location, lsoa_code, lsoa_name, crime_type, last_outcome,"
    " context, crime_type_published, easting, northing)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)";

static const char *check_street(struct row_checker *c, struct row_verdict *v,
                                const struct csvin_row *r)
{
    const char *why;
    if ((why = check_fields(v, r, S_FIELDS)) || (why = check_month(c, v, r, S_MONTH)) ||
        (why = check_required(v, r, S_FALLS_WITHIN, "Falls within")) ||
        (why = check_required(v, r, S_CRIME_TYPE, "Crime type")) || (why = check_place(v, r)))
        return why;
    check_texts(c, v, r, S_REPORTED_BY, S_FALLS_WITHIN, S_CRIME_TYPE, S_LAST_OUTCOME);
    /* noted in the store's filter by row_check_finish() */
    if (r->len[S_CRIME_ID])
        v->hash = crimeset_hash(r->field[S_CRIME_ID], r->len[S_CRIME_ID]);
    check_force(c, v, r->field[S_FALLS_WITHIN], r->len[S_FALLS_WITHIN]);
    return NULL;
}

static const char *check_2011(struct row_checker *c, struct row_verdict *v,
                              const struct csvin_row *r)
{
    const char *why;
    if ((why = check_fields(v, r, L_FIELDS)) || (why = check_month(c, v, r, L_MONTH)) ||
        (why = check_required(v, r, L_FALLS_WITHIN, "Falls within")) ||
        (why = check_required(v, r, L_CRIME_TYPE, "Crime type")))
        return why;
    if (!police_grid_ok(r->field[L_EASTING], r->field[L_NORTHING], &v->easting, &v->northing,
                        &v->has_grid))
        return check_refuse(v, "bad %s '%.60s'", "Easting/Northing", r->field[L_EASTING]);
    if (v->has_grid)
        v->place_note = police_grid_note(v->easting, v->northing);
    check_texts(c, v, r, L_REPORTED_BY, L_FALLS_WITHIN, L_CRIME_TYPE, -1);
    check_force(c, v, r->field[L_FALLS_WITHIN], r->len[L_FALLS_WITHIN]);
    return NULL;
}

static int bind_street(struct row_sink *s, const struct csvin_row *r, struct row_bound *b,
                       struct sio_error *err)
{
    sink_bind_place(s, r, b);
    sink_bind_opt(s->insert, 14, r, S_CONTEXT);
    sqlite3_bind_null(s->insert, 16);
    sqlite3_bind_null(s->insert, 17);
    return sink_bind_labels(s, r, S_REPORTED_BY, S_FALLS_WITHIN, S_LAST_OUTCOME, b, err);
}

static int bind_2011(struct row_sink *s, const struct csvin_row *r, struct row_bound *b,
                     struct sio_error *err)
{
    sqlite3_stmt *st = s->insert;
    sqlite3_bind_null(st, 3);
    sink_bind_month(s, 4, b);
    for (int i = 7; i <= 8; i++)
        sqlite3_bind_null(st, i);
    sink_bind_text(st, 9, r, L_LOCATION);
    for (int i = 10; i <= 11; i++)
        sqlite3_bind_null(st, i);
    sink_bind_opt(st, 14, r, L_CONTEXT);
    for (int i = 16; i <= 17; i++)
        if (s->v->has_grid)
            sqlite3_bind_double(st, i, i == 16 ? s->v->easting : s->v->northing);
        else
            sqlite3_bind_null(st, i);
    return sink_bind_labels(s, r, L_REPORTED_BY, L_FALLS_WITHIN, -1, b, err);
}

const struct kind_ops kind_street = {
    .kind = KIND_STREET,
    .name = "street",
    .table = "street",
    .sql = street_sql,
    .flags = KIND_CODED | KIND_CRIME_IDS,
    .force_col = S_FALLS_WITHIN,
    .type_col = S_CRIME_TYPE,
    .check_row = check_street,
    .bind_row = bind_street,
};

const struct kind_ops kind_street_2011 = {
    .kind = KIND_STREET_2011,
    .name = "street",
    .table = "street",
    .sql = street_sql,
    .flags = KIND_CODED,
    .force_col = L_FALLS_WITHIN,
    .type_col = L_CRIME_TYPE,
    .check_row = check_2011,
    .bind_row = bind_2011,
};
