/*
 * kind_outcomes.c — police.uk outcomes files, into outcomes.
 *
 * Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location,
 * LSOA code, LSOA name, Outcome type: the street layout with the outcome in
 * place of the crime type.  Every row needs its Crime ID (it is what joins
 * an outcome to its crime), which repeats by design: one row per outcome.
 */
#include "check.h"
#include "kinds.h"
#include "sink.h"

static const char outcomes_sql[] =
    "INSERT INTO outcomes(file_id, line, crime_id, month, reported_by, falls_within,"
    " longitude, latitude, location, lsoa_code, lsoa_name, outcome_type)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)";

static const char *check_outcome(struct row_checker *c, struct row_verdict *v,
                                 const struct csvin_row *r)
{
    const char *why;
    if ((why = check_fields(v, r, O_FIELDS)) || (why = check_month(c, v, r, S_MONTH)) ||
        (why = check_required(v, r, S_FALLS_WITHIN, "Falls within")) ||
        (why = check_required(v, r, O_OUTCOME_TYPE, "Outcome type")) ||
        (why = check_required(v, r, S_CRIME_ID, "Crime ID")) || (why = check_place(v, r)))
        return why;
    check_force(c, v, r->field[S_FALLS_WITHIN], r->len[S_FALLS_WITHIN]);
    return NULL;
}

static int bind_outcome(struct row_sink *s, const struct csvin_row *r, struct row_bound *b,
                        struct sio_error *err)
{
    (void)err;
    sink_bind_place(s, r, b);
    sink_bind_text(s->insert, 5, r, S_REPORTED_BY);
    sink_bind_text(s->insert, 6, r, S_FALLS_WITHIN);
    sink_bind_text(s->insert, 12, r, O_OUTCOME_TYPE);
    return SIO_OK;
}

const struct kind_ops kind_outcomes = {
    .kind = KIND_OUTCOMES,
    .name = "outcomes",
    .table = "outcomes",
    .sql = outcomes_sql,
    .force_col = S_FALLS_WITHIN,
    .type_col = -1,
    .check_row = check_outcome,
    .bind_row = bind_outcome,
};
