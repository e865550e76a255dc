/*
 * kind_search.c — police.uk stop-and-search files, into stop_search.
 *
 * Type, Date, Part of a policing operation, Policing operation, Latitude,
 * Longitude (latitude first, unlike the street files), Gender, Age range,
 * ethnicities, Legislation, Object of search, Outcome and two yes/no
 * columns.  The rows name no force and their Date is a search's time, which
 * may fall late in the month before, so a file's force and month come from
 * its name alone (YYYY-MM-<force>-stop-and-search.csv): a file not named so
 * is refused.
 */
#include "check.h"
#include "kinds.h"
#include "sink.h"

#include <string.h>

static const char search_sql[] =
    "INSERT INTO stop_search(file_id, line, month, force, type, date, part_of_operation,"
    " operation, latitude, longitude, gender, age_range, self_ethnicity, officer_ethnicity,"
    " legislation, object_of_search, outcome, outcome_linked, removal_of_clothing)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)";

static const char *check_search(struct row_checker *c, struct row_verdict *v,
                                const struct csvin_row *r)
{
    const char *why;
    if ((why = check_fields(v, r, Q_FIELDS)) || (why = check_required(v, r, Q_TYPE, "Type")))
        return why;
    month_t searched = r->len[Q_DATE] < 10 ? MONTH_NONE : month_parse(r->field[Q_DATE], 7);
    if (searched == MONTH_NONE || r->field[Q_DATE][7] != '-')
        return check_refuse(v, "bad %s '%.40s' (want an ISO 8601 date)", "Date",
                            r->field[Q_DATE]);
    if (searched > c->run_month && c->run_month != MONTH_NONE)
        return check_after_run(c, v, "Date", r->field[Q_DATE]);
    v->row_month = c->month;
    check_force(c, v, c->force, strlen(c->force));
    return check_coords(v, r, Q_LONGITUDE, Q_LATITUDE);
}

static int bind_search(struct row_sink *s, const struct csvin_row *r, struct row_bound *b,
                       struct sio_error *err)
{
    sqlite3_stmt *st = s->insert;
    (void)err;
    sink_bind_month(s, 3, b);
    sqlite3_bind_text(st, 4, s->named.force, -1, SQLITE_STATIC);
    sink_bind_text(st, 5, r, Q_TYPE);
    sink_bind_text(st, 6, r, Q_DATE);
    sink_bind_opt(st, 7, r, Q_PART_OP);
    sink_bind_opt(st, 8, r, Q_OPERATION);
    sink_bind_coord(s, 9, s->v->lat);
    sink_bind_coord(s, 10, s->v->lon);
    for (int col = Q_GENDER; col <= Q_REMOVAL; col++)
        sink_bind_opt(st, 11 + col - Q_GENDER, r, col);
    return SIO_OK;
}

const struct kind_ops kind_stop_search = {
    .kind = KIND_STOP_SEARCH,
    .name = "stop-and-search",
    .table = "stop_search",
    .sql = search_sql,
    .flags = KIND_NAMED,
    .force_col = -1,
    .type_col = -1,
    .check_row = check_search,
    .bind_row = bind_search,
};
