/*
 * check.c — police.uk row checks; see check.h.
 */
#include "check.h"
#include "crimeset.h"
#include "decimal.h"
#include "config/forces.h"
#include "filekey.h"
#include "kinds.h"
#include "labels.h"
#include "police.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct row_verdict) <= CSVIN_PREP_MAX,
               "a verdict must fit csvin's prep bytes");

void row_checker_init(struct row_checker *c, enum file_kind kind, const struct ingest_env *env,
                      const struct file_key *named, struct crimeset *filter)
{
    memset(c, 0, sizeof *c);
    c->ops = kind_ops(kind);
    c->env = env;
    c->month = c->folder_month = MONTH_NONE;
    if (named && named->known) {
        snprintf(c->force, sizeof c->force, "%s", named->force);
        c->month = named->month;
    }
    if (named)
        c->folder_month = named->folder_month;
    c->run_month = env ? env->run_month : MONTH_NONE;
    c->filter = filter;
}

const char *check_refuse(struct row_verdict *v, const char *fmt, const char *field,
                         const char *value)
{
    snprintf(v->why, sizeof v->why, fmt, field, value);
    return v->why;
}

static int parse_number(const struct csvin_row *r, int col, double lo, double hi, double *out)
{
    return decimal_parse(r->field[col], r->len[col], out) && *out >= lo && *out <= hi;
}

const char *check_coords(struct row_verdict *v, const struct csvin_row *r, int lon, int lat)
{
    if (!r->len[lon] && !r->len[lat])
        return NULL;
    if (!parse_number(r, lon, -180, 180, &v->lon))
        return check_refuse(v, "bad %s '%.60s'", "Longitude", r->field[lon]);
    if (!parse_number(r, lat, -90, 90, &v->lat))
        return check_refuse(v, "bad %s '%.60s'", "Latitude", r->field[lat]);
    v->has_coords = 1;
    v->place_note = police_place_note(v->lon, v->lat);
    return NULL;
}

const char *check_fields_refuse(struct row_verdict *v, int got, int want)
{
    snprintf(v->why, sizeof v->why, "%d fields, the header has %d", got, want);
    return v->why;
}

const char *check_month(const struct row_checker *c, struct row_verdict *v,
                        const struct csvin_row *r, int col)
{
    month_t m = v->row_month = month_parse(r->field[col], r->len[col]);
    if (m == MONTH_NONE)
        return check_refuse(v, "bad %s '%.40s' (want YYYY-MM)", "Month", r->field[col]);
    if (m > c->run_month && c->run_month != MONTH_NONE)
        return check_after_run(c, v, "Month", r->field[col]);
    if (m != c->month && c->month != MONTH_NONE)
        v->month_note = "Month differs from the month in the file's name";
    else if (m != c->folder_month && c->folder_month != MONTH_NONE)
        v->month_note = "Month differs from the month of the file's folder";
    return NULL;
}

const char *check_after_run(const struct row_checker *c, struct row_verdict *v,
                            const char *field, const char *value)
{
    char run[8];
    snprintf(v->why, sizeof v->why, "%s '%.40s' is after this run's month, %s", field, value,
             month_format(c->run_month, run));
    return v->why;
}

/* The last answer is kept, as every row of a file names the same force. */
void check_force(struct row_checker *c, struct row_verdict *v, const char *force, size_t len)
{
    if (len >= sizeof c->last_force || strlen(c->last_force) != len ||
        memcmp(c->last_force, force, len) != 0) {
        snprintf(c->last_force, sizeof c->last_force, "%.*s", (int)len, force);
        c->last_force_unknown = !forces_slug(c->env ? c->env->forces : NULL, force, len);
    }
    v->force_unknown = c->last_force_unknown;
}

/* The ids of a checked street row's texts that the committed labels have;
 * type is the crime type as stored (a legacy one mapped). */
static void find_labels(const struct row_checker *c, struct row_verdict *v,
                        const struct csvin_row *r, int reported_by, int falls_within,
                        const char *type, size_t type_len, int outcome)
{
    const struct labels_view *view = c->env ? c->env->labels : NULL;
    if (!view)
        return;
    v->label[LABEL_REPORTED_BY] = labels_view_find(view, r->field[reported_by],
                                                   r->len[reported_by]);
    v->label[LABEL_FALLS_WITHIN] = labels_view_find(view, r->field[falls_within],
                                                    r->len[falls_within]);
    v->label[LABEL_CRIME_TYPE] = labels_view_find(view, type, type_len);
    if (outcome >= 0 && r->len[outcome])
        v->label[LABEL_OUTCOME] = labels_view_find(view, r->field[outcome], r->len[outcome]);
}

void check_texts(const struct row_checker *c, struct row_verdict *v, const struct csvin_row *r,
                 int reported_by, int falls_within, int type_col, int outcome)
{
    const char *stored = police_crime_type(r->field[type_col], r->len[type_col], v->row_month,
                                           &v->type_note), *type;
    size_t len;
    v->crime_type = stored == r->field[type_col] ? NULL : stored;
    verdict_crime_type(v, r, type_col, &type, &len);
    find_labels(c, v, r, reported_by, falls_within, type, len, outcome);
}

void verdict_crime_type(const struct row_verdict *v, const struct csvin_row *r, int col,
                        const char **type, size_t *len)
{
    *type = v->crime_type ? v->crime_type : r->field[col];
    *len = v->crime_type ? strlen(v->crime_type) : r->len[col];
}

const char *check_place(struct row_verdict *v, const struct csvin_row *r)
{
    if (!police_lsoa_ok(r->field[S_LSOA_CODE], r->len[S_LSOA_CODE]))
        return check_refuse(v, "bad %s '%.40s' (want E01 or W01 and six digits)", "LSOA code",
                            r->field[S_LSOA_CODE]);
    return check_coords(v, r, S_LONGITUDE, S_LATITUDE);
}

size_t row_check(struct row_checker *c, const struct csvin_row *r, struct row_verdict *v)
{
    const char *why;
    memset(v, 0, offsetof(struct row_verdict, why));
    v->row_month = MONTH_NONE;
    if (r->problem) {
        v->fate = VERDICT_PROBLEM;
        return offsetof(struct row_verdict, why);
    }
    why = c->ops->check_row(c, v, r);
    if (!why)
        return offsetof(struct row_verdict, why);
    v->fate = VERDICT_REFUSED;
    return offsetof(struct row_verdict, why) + strlen(v->why) + 1;
}

size_t row_check_prep(void *ctx, const struct csvin_row *r, void *out)
{
    return row_check(ctx, r, out);
}

/* The oldest n held-back notes, in the order the rows came. */
static void note_due(struct row_checker *c, int n)
{
    for (int i = 0; i < n; i++) {
        c->due[i]->maybe_stored = crimeset_note(c->filter, c->due[i]->hash);
        c->due[i]->noted = 1;
    }
    memmove(c->due, c->due + n, (size_t)(c->ndue - n) * sizeof *c->due);
    c->ndue -= n;
}

void row_check_finish(void *ctx, void *prep, size_t len)
{
    struct row_checker *c = ctx;
    struct row_verdict *v = prep;
    if (!c->filter)
        return;
    if (!v) {
        note_due(c, c->ndue);
        return;
    }
    if (len < offsetof(struct row_verdict, why) || v->fate != VERDICT_OK || !v->hash)
        return;
    crimeset_prefetch(c->filter, v->hash);
    c->due[c->ndue++] = v;
    if (c->ndue == CHECK_NOTES_AHEAD)
        note_due(c, 1);
}
