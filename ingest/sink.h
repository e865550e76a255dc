/*
 * sink.h — validating police.uk rows and writing them to the store.
 *
 * A sink holds the prepared statements for one file.  sink_check() decides
 * whether a row is usable and, if so, where it belongs (force and month);
 * sink_insert() stores a checked row, or records it as a duplicate when its
 * Crime ID is already in the store; sink_reject() records a row that failed.
 * The columns of each police.uk kind are bound by its bind_row (kinds.h).
 * For the kinds that are not police.uk files the sink passes each call to a
 * tab sink (tab.h), so load.c drives every kind the same way.  Notes about a
 * loaded row (an unknown crime type or force) are recorded with the row.
 */
#ifndef SIO_INGEST_SINK_H
#define SIO_INGEST_SINK_H

#include "check.h"
#include "filekey.h"
#include "ingest.h"
#include "kinds.h"
#include "sys/month.h"
#include "notes.h"

struct dedupe;
struct labels;
struct street_tally;
struct tab_sink;
struct tab_header;

/* ROW_HELD: the row's Crime ID may be stored by another file; it is settled
 * by sink_settle() at the end of the file (dedupe.h). */
enum row_fate { ROW_LOADED, ROW_REJECTED, ROW_DUPLICATE, ROW_HELD };

struct row_sink {
    enum file_kind kind;
    const struct kind_ops *ops;  /* the kind's entry (kinds.h) */
    sqlite3 *db;
    long long file_id;
    struct file_key named;       /* police.uk: what the file's name and folder say (force ""
                                    and month MONTH_NONE when the name says nothing) */
    sqlite3_stmt *insert, *duplicate, *reject;
    struct row_checker check;    /* for rows without a verdict (held rows) */
    /* The reader thread's checker (sink_read_ahead()), on cache lines of its
     * own: the reader reads it for every row, and the writer writes v. */
    _Alignas(64) struct row_checker ahead;
    /* The checked row's verdict: the one its reader made, in the row's prep
     * bytes (valid until the next row is read: not copied), or own. */
    const struct row_verdict *v;
    _Alignas(64) struct row_verdict own; /* for a row that brought none, or a table's */
    month_t row_month;           /* the checked row's month */
    struct tab_sink *tab;        /* non-police.uk kinds: the table loader, else NULL */
    const struct ingest_env *env;
    struct notes notes;
    const char *crime_type;      /* street kinds: the type to store (a legacy one mapped) */
    size_t crime_type_len;
    long long first_rowid;       /* street: the rowids of the first and last row */
    long long last_rowid;        /* stored (0 before the first) */
    struct dedupe *dedupe;       /* street: the Crime ID check, else NULL */
    struct labels *labels;       /* street: ids of the texts stored once, else NULL */
    struct street_tally *tally;  /* street: the stored rows counted, else NULL */
};

/* Prepare to load a file of kind; header and env are kept for tab kinds. */
int sink_open(struct row_sink *s, sqlite3 *db, enum file_kind kind, long long file_id,
              const struct tab_header *header, const struct ingest_env *env,
              const char *path, struct sio_error *err);
void sink_close(struct row_sink *s);

/* Check the rows of in where they are read (check.h), from the row after
 * the header: call once s->named is set, before the next row.  A
 * csvin read ahead (prefetch.h) brings its own checks; only the sink's
 * checker for held rows is set then. */
void sink_read_ahead(struct row_sink *s, struct csvin *in);

/* NULL when the row is usable, else the reason (owned by the sink or the
 * row).  A row from in after sink_read_ahead() brings its verdict. */
const char *sink_check(struct row_sink *s, const struct csvin_row *r);

/* The force and month a checked row belongs to (street and outcomes). */
const char *sink_row_force(const struct row_sink *s, const struct csvin_row *r);

/* Store a checked row; *fate is ROW_LOADED, ROW_DUPLICATE or ROW_HELD. */
int sink_insert(struct row_sink *s, const struct csvin_row *r, enum row_fate *fate,
                struct sio_error *err);

/* Store or record as duplicates the rows held back, adding each to *loaded
 * or *duplicate: after the last row, before the commit. */
int sink_settle(struct row_sink *s, long *loaded, long *duplicate, struct sio_error *err);

int sink_reject(struct row_sink *s, const struct csvin_row *r, const char *reason,
                struct sio_error *err);

/* Notes recorded on the file's loaded rows so far. */
long sink_noted(const struct row_sink *s);

/* For the police.uk kinds' bind_row functions (kind_street.c, ...), which
 * bind a checked row (its verdict in s->v) to s->insert. */

/* What binding a row leaves for the writer: the month text bound (it must
 * outlive the INSERT) and, for street_coded, the labels ids of the force and
 * crime type, which its counts are kept under. */
struct row_bound {
    char month[8];
    long long force, type;
};

/* Field col of r to parameter i: as text, or NULL when empty (sink_bind_opt).
 * These few are inline: every row binds a dozen fields. */
static inline void sink_bind_text(sqlite3_stmt *st, int i, const struct csvin_row *r, int col)
{
    sqlite3_bind_text(st, i, r->field[col], (int)r->len[col], SQLITE_STATIC);
}
static inline void sink_bind_opt(sqlite3_stmt *st, int i, const struct csvin_row *r, int col)
{
    if (r->len[col])
        sink_bind_text(st, i, r, col);
    else
        sqlite3_bind_null(st, i);
}
/* The checked row's month, as text, to parameter i. */
static inline void sink_bind_month(struct row_sink *s, int i, struct row_bound *b)
{
    sqlite3_bind_text(s->insert, i, month_format(s->row_month, b->month), 7, SQLITE_STATIC);
}
/* A coordinate to parameter i: v, or NULL when the row has no location. */
static inline void sink_bind_coord(struct row_sink *s, int i, double v)
{
    if (s->v->has_coords)
        sqlite3_bind_double(s->insert, i, v);
    else
        sqlite3_bind_null(s->insert, i);
}
/* The columns street and outcomes rows share (3, 4 and 7 to 11): Crime ID,
 * month, place. */
void sink_bind_place(struct row_sink *s, const struct csvin_row *r, struct row_bound *b);
/* street_coded's texts as labels ids: reported by (5), falls within (6, also
 * into b->force), the crime type as stored (12, into b->type; the published
 * one in 15 when it was mapped) and, when outcome >= 0, the last outcome (13). */
int sink_bind_labels(struct row_sink *s, const struct csvin_row *r, int reported_by,
                     int falls_within, int outcome, struct row_bound *b, struct sio_error *err);

#endif
