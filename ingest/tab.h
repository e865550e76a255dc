/*
 * tab.h — loading the tables that are not police.uk files.
 *
 * Home Office tables, indicators, population, extracts and lookups share one
 * shape: find the kind's columns in the header by name, then per row check
 * every field that matters and bind it to the kind's INSERT (check), then
 * store it (insert).  The kind files (kind_ho.c, kind_population.c, ...)
 * each provide a struct kind_ops (kinds.h); this does the rest: columns, forces,
 * notes, duplicates.  A table's own unique index (file_id plus the row's key)
 * decides duplicates: an INSERT that changes nothing is a duplicate row.
 *
 * Invariant: notes are recorded only for rows that end up loaded.
 */
#ifndef SIO_INGEST_TAB_H
#define SIO_INGEST_TAB_H

#include "ingest.h"
#include "kinds.h"
#include "sys/month.h"
#include "notes.h"

#define TAB_MAX_COLS 16
#define TAB_MAX_PENDING 64

/* The header row, copied (csvin's row is gone by the time rows arrive). */
struct tab_header {
    int n;
    char *name[CSVIN_MAX_FIELDS];
};

struct tab_sink;


struct pending_note {
    const char *note;            /* static text */
    char value[128];
};

struct tab_sink {
    const struct kind_ops *ops;
    sqlite3 *db;
    long long file_id;
    const struct ingest_env *env;
    const struct tab_header *header;
    const char *path;                  /* for messages */
    sqlite3_stmt *insert, *duplicate;
    struct notes notes;
    int col[TAB_MAX_COLS];             /* header position of ops->cols[i], -1 if absent */
    char why[256];                     /* the last refusal */
    char key[512];                     /* the checked row's key, for the duplicates table */
    month_t row_month;                 /* the checked row's period start (file key) */
    struct pending_note pending[TAB_MAX_PENDING];
    int n_pending;
    char last_force[128];              /* cache: the last force name looked up ... */
    const char *last_slug;             /* ... and its slug (NULL: unknown) */
};

/* Copy h into hd; tab_header_free() releases it. */
int tab_header_copy(struct tab_header *hd, const struct csvin_row *h);
void tab_header_free(struct tab_header *hd);

/* Prepare to load a file of kind ops (one of the tables, kinds.h); SIO_EDATA
 * naming path when a required column is missing.  The sink keeps pointers
 * to env and header. */
int tab_open(struct tab_sink **t, sqlite3 *db, const struct kind_ops *ops, long long file_id,
             const struct tab_header *header, const struct ingest_env *env,
             const char *path, struct sio_error *err);
void tab_close(struct tab_sink *t);

/* NULL when the row is usable (and bound), else the reason (owned by t). */
const char *tab_check(struct tab_sink *t, const struct csvin_row *r);

/* The checked row's period start (the ho-quarterly file key uses it). */
month_t tab_row_month(const struct tab_sink *t);

/* Store a checked row: *duplicate set when its key was already in the file. */
int tab_insert(struct tab_sink *t, const struct csvin_row *r, int *duplicate,
               struct sio_error *err);

/* For the kind files. */
const char *tab_refuse(struct tab_sink *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* NULL when month m (from field, whose text is value) is not after the
 * run's month (env->run_month), else the refusal. */
const char *tab_after_run(struct tab_sink *t, month_t m, const char *field, const char *value);
/* Field i of ops->cols in r ("" when the column is absent), and its length. */
const char *tab_field(const struct tab_sink *t, const struct csvin_row *r, int i, size_t *len);
/* The slug of a force name; NULL (and a pending 'unknown force' note) if unknown. */
const char *tab_force(struct tab_sink *t, const char *name, size_t len);
/* Remember a note for this row, recorded if the row is loaded. */
void tab_note(struct tab_sink *t, const char *note, const char *value, size_t len);
/* Bind text, or NULL when len is 0. */
void tab_bind_opt(sqlite3_stmt *st, int i, const char *s, size_t len);
/* A whole number: optional '-', digits, optional ',' thousands groups; 1 or 0. */
int tab_integer(const char *s, size_t len, long long *out);

#endif
