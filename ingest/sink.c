/*
 * sink.c — police.uk row inserts, after their checks (check.h).
 *
 * Empty optional fields are stored as NULL so that "unknown" is never "".
 */
#include "sink.h"
#include "crimeset.h"
#include "dedupe.h"
#include "labels.h"
#include "store/street_tally.h"
#include "store/store.h"
#include "tab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char street_sql[] =
    "INSERT INTO street_coded(file_id, line, crime_id, month, reported_by, falls_within,"
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
             !(rc = sql == street_sql ? labels_open(&s->labels, db, err) : SIO_OK) &&
             !(rc = sql == street_sql ? street_tally_open(&s->tally, err) : SIO_OK) &&
             !(rc = kind == KIND_STREET ? dedupe_open(&s->dedupe, db, env->crime_ids, err) : SIO_OK))
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
    labels_close(s->labels);
    s->labels = NULL;
    street_tally_close(s->tally);
    s->tally = NULL;
    sqlite3_finalize(s->insert);
    sqlite3_finalize(s->duplicate);
    sqlite3_finalize(s->reject);
    s->insert = s->duplicate = s->reject = NULL;
}

void sink_read_ahead(struct row_sink *s, struct csvin *in)
{
    if (s->tab)
        return;
    row_checker_init(&s->check, s->kind, s->env, s->force, s->month, NULL);
    if (csvin_reading(in))
        return; /* read ahead: its reader thread checks with its own (prefetch.h) */
    row_checker_init(&s->ahead, s->kind, s->env, s->force, s->month,
                     s->dedupe ? s->env->crime_ids : NULL);
    csvin_set_prep(in, row_check_prep, &s->ahead);
    csvin_set_prep_finish(in, row_check_finish);
}

/* The crime type column of a street file. */
static int type_col(const struct row_sink *s)
{
    return s->kind == KIND_STREET_2011 ? L_CRIME_TYPE : S_CRIME_TYPE;
}

const char *sink_check(struct row_sink *s, const struct csvin_row *r)
{
    struct row_verdict *v = &s->v;
    if (s->tab) {
        const char *why = tab_check(s->tab, r);
        s->row_month = tab_row_month(s->tab);
        memset(v, 0, offsetof(struct row_verdict, why));
        return why;
    }
    if (r->prep && r->prep_len <= sizeof *v)
        memcpy(v, r->prep, r->prep_len);
    else
        row_check(&s->check, r, v);
    s->row_month = v->row_month;
    if (v->fate != VERDICT_OK)
        return v->fate == VERDICT_PROBLEM ? r->problem : v->why;
    if (s->kind == KIND_STREET || s->kind == KIND_STREET_2011)
        verdict_crime_type(v, r, type_col(s), &s->crime_type, &s->crime_type_len);
    return NULL;
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
    if (s->v.has_coords)
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

/* Parameter i: the labels id of the len bytes at text (street_coded),
 * also into *id: the verdict's label[which] when the check found it, else
 * from the file's labels. */
static int bind_label(struct row_sink *s, int i, int which, const char *text, size_t len,
                      long long *id, struct sio_error *err)
{
    int rc = SIO_OK;
    if (!(*id = s->v.label[which]))
        rc = labels_id(s->labels, text, len, id, err);
    if (!rc)
        sqlite3_bind_int64(s->insert, i, *id);
    return rc;
}

/* The columns street and outcomes rows share, but for the force names (5, 6). */
static void bind_common(struct row_sink *s, const struct csvin_row *r, char *month)
{
    sqlite3_stmt *st = s->insert;
    bind_opt(st, 3, r, S_CRIME_ID);
    sqlite3_bind_text(st, 4, month_format(s->row_month, month), 7, SQLITE_STATIC);
    bind_coord(st, 7, s, s->v.lon);
    bind_coord(st, 8, s, s->v.lat);
    bind_text(st, 9, r, S_LOCATION);
    bind_opt(st, 10, r, S_LSOA_CODE);
    bind_opt(st, 11, r, S_LSOA_NAME);
}

static void bind_outcome(struct row_sink *s, const struct csvin_row *r, char *month)
{
    bind_common(s, r, month);
    bind_text(s->insert, 5, r, S_REPORTED_BY);
    bind_text(s->insert, 6, r, S_FALLS_WITHIN);
    bind_text(s->insert, 12, r, O_OUTCOME_TYPE);
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
    bind_coord(st, 9, s, s->v.lat);
    bind_coord(st, 10, s, s->v.lon);
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

/* The texts street_coded keeps as labels ids: reported by (5), falls within
 * (6, its id into *force), the crime type as stored (12, its id into *type;
 * the published one in 15 when it was mapped) and, when outcome >= 0, the
 * last outcome (13). */
static int bind_labels(struct row_sink *s, const struct csvin_row *r, int reported_by,
                       int falls_within, int type_col, int outcome, long long *force,
                       long long *type, struct sio_error *err)
{
    long long id;
    int rc;
    if (s->crime_type != r->field[type_col])
        bind_text(s->insert, 15, r, type_col);
    else
        sqlite3_bind_null(s->insert, 15);
    if ((rc = bind_label(s, 5, LABEL_REPORTED_BY, r->field[reported_by], r->len[reported_by],
                         &id, err)) ||
        (rc = bind_label(s, 6, LABEL_FALLS_WITHIN, r->field[falls_within], r->len[falls_within],
                         force, err)) ||
        (rc = bind_label(s, 12, LABEL_CRIME_TYPE, s->crime_type, s->crime_type_len, type,
                         err)))
        return rc;
    if (outcome < 0 || !r->len[outcome]) {
        sqlite3_bind_null(s->insert, 13);
        return SIO_OK;
    }
    return bind_label(s, 13, LABEL_OUTCOME, r->field[outcome], r->len[outcome], &id, err);
}

static int bind_street(struct row_sink *s, const struct csvin_row *r, char *month,
                       long long *force, long long *type, struct sio_error *err)
{
    bind_common(s, r, month);
    bind_opt(s->insert, 14, r, S_CONTEXT);
    sqlite3_bind_null(s->insert, 16);
    sqlite3_bind_null(s->insert, 17);
    return bind_labels(s, r, S_REPORTED_BY, S_FALLS_WITHIN, S_CRIME_TYPE, S_LAST_OUTCOME, force,
                       type, err);
}

static int bind_2011(struct row_sink *s, const struct csvin_row *r, char *month,
                     long long *force, long long *type, struct sio_error *err)
{
    sqlite3_stmt *st = s->insert;
    sqlite3_bind_null(st, 3);
    sqlite3_bind_text(st, 4, month_format(s->row_month, month), 7, SQLITE_STATIC);
    for (int i = 7; i <= 8; i++)
        sqlite3_bind_null(st, i);
    bind_text(st, 9, r, L_LOCATION);
    for (int i = 10; i <= 11; i++)
        sqlite3_bind_null(st, i);
    bind_opt(st, 14, r, L_CONTEXT);
    for (int i = 16; i <= 17; i++)
        if (s->v.has_grid)
            sqlite3_bind_double(st, i, i == 16 ? s->v.easting : s->v.northing);
        else
            sqlite3_bind_null(st, i);
    return bind_labels(s, r, L_REPORTED_BY, L_FALLS_WITHIN, L_CRIME_TYPE, -1, force, type, err);
}

/* The checked row's notes, now that it is loaded. */
static int add_notes(struct row_sink *s, const struct csvin_row *r, struct sio_error *err)
{
    int rc = SIO_OK;
    int col = type_col(s);
    if (s->v.type_note)
        rc = notes_add(&s->notes, s->v.type_note, r->field[col], r->len[col], r->line, err);
    if (!rc && s->v.force_unknown) {
        const char *force = sink_row_force(s, r);
        rc = notes_add(&s->notes, "unknown force", force, strlen(force), r->line, err);
    }
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
    long long force = 0, type = 0;
    int rc = SIO_OK;
    sqlite3_bind_int64(st, 1, s->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    if (s->kind == KIND_STOP_SEARCH)
        bind_search(s, r, month);
    else if (s->kind == KIND_STREET)
        rc = bind_street(s, r, month, &force, &type, err);
    else if (s->kind == KIND_STREET_2011)
        rc = bind_2011(s, r, month, &force, &type, err);
    else
        bind_outcome(s, r, month);
    if (rc)
        return rc;
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    if (!ok)
        return store_fail(s->db, err, "cannot store row");
    long long rowid = sqlite3_last_insert_rowid(s->db);
    if (s->kind == KIND_STREET || s->kind == KIND_STREET_2011) {
        s->first_rowid = s->first_rowid ? s->first_rowid : rowid;
        s->last_rowid = rowid;
        if ((rc = street_tally_add(s->tally, force, type, s->row_month, err)))
            return rc;
    }
    rc = s->dedupe && r->len[S_CRIME_ID] ? dedupe_stored(s->dedupe, h, rowid, err) : SIO_OK;
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
        /* noted by the check where the row was read; else (a row not from
         * csvin) here, where no reader is running */
        h = s->v.noted ? s->v.hash : crimeset_hash(r->field[S_CRIME_ID], r->len[S_CRIME_ID]);
        rc = s->v.noted ? dedupe_check_noted(s->dedupe, r, S_CRIME_ID, h, s->v.maybe_stored,
                                             &v, err)
                        : dedupe_check(s->dedupe, r, S_CRIME_ID, h, &v, err);
        if (rc)
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
