/*
 * sink.c — police.uk row inserts, after their checks (check.h).
 *
 * What differs between the police.uk kinds is in their kind_ops (kinds.h):
 * the INSERT, the columns bound (bind_row), where the force and crime type
 * are, and whether the rows are coded and their Crime IDs kept unique.
 * Empty optional fields are stored as NULL so that "unknown" is never "".
 */
#include "sink.h"
#include "store/stmts.h"
#include "crimeset.h"
#include "dedupe.h"
#include "labels.h"
#include "store/street_tally.h"
#include "store/store.h"
#include "tab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sink_open(struct row_sink *s, sqlite3 *db, enum file_kind kind, long long file_id,
              const struct tab_header *header, const struct ingest_env *env,
              const char *path, struct sio_error *err)
{
    const struct kind_ops *ops = kind_ops(kind);
    int rc;
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->ops = ops;
    s->db = db;
    s->file_id = file_id;
    s->named.month = s->named.folder_month = MONTH_NONE;
    s->env = env;
    int coded = ops->flags & KIND_CODED;
    if (!ops->check_row)
        rc = tab_open(&s->tab, db, ops, file_id, header, env, path, err);
    else if (!(rc = notes_open(&s->notes, db, env->stmts, file_id, err)) &&
             !(rc = stmts_get(env->stmts, db, ops->sql, &s->insert, err)) &&
             !(rc = coded ? labels_open(&s->labels, db, env->stmts, err) : SIO_OK) &&
             !(rc = coded ? street_tally_open(&s->tally, err) : SIO_OK) &&
             !(rc = ops->flags & KIND_CRIME_IDS
                    ? dedupe_open(&s->dedupe, db, env->stmts, env->crime_ids, file_id, err)
                    : SIO_OK))
        rc = stmts_get(env->stmts, db, "INSERT INTO duplicates(file_id, line, crime_id, raw)"
                                       " VALUES (?1,?2,?3,?4)", &s->duplicate, err);
    if (rc || (rc = stmts_get(env->stmts, db, "INSERT INTO rejects(file_id, line, reason, raw)"
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
    struct stmts *stmts = s->env ? s->env->stmts : NULL;
    stmts_put(stmts, s->insert);
    stmts_put(stmts, s->duplicate);
    stmts_put(stmts, s->reject);
    s->insert = s->duplicate = s->reject = NULL;
}

void sink_read_ahead(struct row_sink *s, struct csvin *in)
{
    if (s->tab)
        return;
    row_checker_init(&s->check, s->kind, s->env, &s->named, NULL);
    if (csvin_reading(in))
        return; /* read ahead: its reader thread checks with its own (prefetch.h) */
    row_checker_init(&s->ahead, s->kind, s->env, &s->named,
                     s->dedupe ? s->env->crime_ids : NULL);
    csvin_set_prep(in, row_check_prep, &s->ahead);
    csvin_set_prep_finish(in, row_check_finish);
}

const char *sink_check(struct row_sink *s, const struct csvin_row *r)
{
    const struct row_verdict *v = &s->own;
    if (s->tab) {
        const char *why = tab_check(s->tab, r);
        s->row_month = tab_row_month(s->tab);
        memset(&s->own, 0, offsetof(struct row_verdict, why));
        s->v = v;
        return why;
    }
    /* csvin's prep bytes are 8-byte aligned, as a verdict needs */
    if (r->prep && r->prep_len <= sizeof *v && r->prep_len >= offsetof(struct row_verdict, why))
        v = r->prep;
    else
        row_check(&s->check, r, &s->own);
    s->v = v;
    s->row_month = v->row_month;
    if (v->fate != VERDICT_OK)
        return v->fate == VERDICT_PROBLEM ? r->problem : v->why;
    if (s->ops->type_col >= 0)
        verdict_crime_type(v, r, s->ops->type_col, &s->crime_type, &s->crime_type_len);
    return NULL;
}

const char *sink_row_force(const struct row_sink *s, const struct csvin_row *r)
{
    if (s->tab)
        return "";
    return s->ops->force_col >= 0 ? r->field[s->ops->force_col] : s->named.force;
}

void sink_bind_place(struct row_sink *s, const struct csvin_row *r, struct row_bound *b)
{
    sqlite3_stmt *st = s->insert;
    sink_bind_opt(st, 3, r, S_CRIME_ID);
    sink_bind_month(s, 4, b);
    sink_bind_coord(s, 7, s->v->lon);
    sink_bind_coord(s, 8, s->v->lat);
    sink_bind_text(st, 9, r, S_LOCATION);
    sink_bind_opt(st, 10, r, S_LSOA_CODE);
    sink_bind_opt(st, 11, r, S_LSOA_NAME);
}

/* Parameter i: the labels id of the len bytes at text (street_coded),
 * also into *id: the verdict's label[which] when the check found it, else
 * from the file's labels. */
static int bind_label(struct row_sink *s, int i, int which, const char *text, size_t len,
                      long long *id, struct sio_error *err)
{
    int rc = SIO_OK;
    if (!(*id = s->v->label[which]))
        rc = labels_id(s->labels, text, len, id, err);
    if (!rc)
        sqlite3_bind_int64(s->insert, i, *id);
    return rc;
}

int sink_bind_labels(struct row_sink *s, const struct csvin_row *r, int reported_by,
                     int falls_within, int outcome, struct row_bound *b, struct sio_error *err)
{
    int type_col = s->ops->type_col;
    long long id;
    int rc;
    if (s->crime_type != r->field[type_col])
        sink_bind_text(s->insert, 15, r, type_col);
    else
        sqlite3_bind_null(s->insert, 15);
    if ((rc = bind_label(s, 5, LABEL_REPORTED_BY, r->field[reported_by], r->len[reported_by],
                         &id, err)) ||
        (rc = bind_label(s, 6, LABEL_FALLS_WITHIN, r->field[falls_within], r->len[falls_within],
                         &b->force, err)) ||
        (rc = bind_label(s, 12, LABEL_CRIME_TYPE, s->crime_type, s->crime_type_len, &b->type,
                         err)))
        return rc;
    if (outcome < 0 || !r->len[outcome]) {
        sqlite3_bind_null(s->insert, 13);
        return SIO_OK;
    }
    return bind_label(s, 13, LABEL_OUTCOME, r->field[outcome], r->len[outcome], &id, err);
}

static int record_duplicate(struct row_sink *s, const struct csvin_row *r,
                            struct sio_error *err)
{
    sqlite3_stmt *st = s->duplicate;
    sqlite3_bind_int64(st, 1, s->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    sink_bind_text(st, 3, r, S_CRIME_ID);
    sqlite3_bind_text(st, 4, r->raw, (int)r->raw_len, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? SIO_OK
                                             : store_fail(s->db, err, "cannot record duplicate");
    sqlite3_reset(st);
    return rc;
}

/* The checked row's notes, now that it is loaded. */
static int add_notes(struct row_sink *s, const struct csvin_row *r, struct sio_error *err)
{
    int rc = SIO_OK;
    int col = s->ops->type_col;
    if (s->v->type_note)
        rc = notes_add(&s->notes, s->v->type_note, r->field[col], r->len[col], r->line, err);
    if (!rc && s->v->force_unknown) {
        const char *force = sink_row_force(s, r);
        rc = notes_add(&s->notes, "unknown force", force, strlen(force), r->line, err);
    }
    if (!rc && s->v->place_note)
        rc = notes_add(&s->notes, s->v->place_note, "", 0, r->line, err);
    if (!rc && s->v->month_note) {
        char month[8];
        rc = notes_add(&s->notes, s->v->month_note, month_format(s->row_month, month), 7,
                       r->line, err);
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
    struct row_bound b = { "", 0, 0 };
    int rc;
    sqlite3_bind_int64(st, 1, s->file_id);
    sqlite3_bind_int64(st, 2, r->line);
    if ((rc = s->ops->bind_row(s, r, &b, err)))
        return rc;
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    if (!ok)
        return store_fail(s->db, err, "cannot store row");
    long long rowid = sqlite3_last_insert_rowid(s->db);
    if (s->tally) {
        s->first_rowid = s->first_rowid ? s->first_rowid : rowid;
        s->last_rowid = rowid;
        if ((rc = street_tally_add(s->tally, b.force, b.type, s->row_month, err)))
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
        h = s->v->noted ? s->v->hash : crimeset_hash(r->field[S_CRIME_ID], r->len[S_CRIME_ID]);
        rc = s->v->noted ? dedupe_check_noted(s->dedupe, r, S_CRIME_ID, h, s->v->maybe_stored,
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

long sink_noted(const struct row_sink *s)
{
    return s->tab ? s->tab->notes.added : s->notes.added;
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
