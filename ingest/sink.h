/*
 * sink.h — validating police.uk rows and writing them to the store.
 *
 * A sink holds the prepared statements for one file.  sink_check() decides
 * whether a row is usable and, if so, where it belongs (force and month);
 * sink_insert() stores a checked row, or records it as a duplicate when its
 * Crime ID is already in the store; sink_reject() records a row that failed.
 * For the kinds that are not police.uk files the sink passes each call to a
 * tab sink (tab.h), so load.c drives every kind the same way.  Notes about a
 * loaded row (an unknown crime type or force) are recorded with the row.
 */
#ifndef SIO_INGEST_SINK_H
#define SIO_INGEST_SINK_H

#include "check.h"
#include "ingest.h"
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
    sqlite3 *db;
    long long file_id;
    char force[128];             /* stop-and-search: the file name's force slug */
    month_t month;               /* stop-and-search: the file name's month */
    sqlite3_stmt *insert, *duplicate, *reject;
    struct row_checker check;    /* for rows without a verdict (held rows) */
    /* The reader thread's checker (sink_read_ahead()), on cache lines of its
     * own: the reader reads it for every row, and the writer writes v. */
    _Alignas(64) struct row_checker ahead;
    _Alignas(64) struct row_verdict v; /* the checked row's */
    month_t row_month;           /* the checked row's month */
    struct tab_sink *tab;        /* non-police.uk kinds: the table loader, else NULL */
    const struct ingest_env *env;
    struct notes notes;
    const char *crime_type;      /* street: the type to store (a legacy one mapped) */
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
 * the header: call once force and month are set, before the next row.  A
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

#endif
