/*
 * kinds.h — every kind of file sio-ingest reads, in one table.
 *
 * A kind is one struct kind_ops: its name (files.kind and --kind), the store
 * table its rows go to, its INSERT, and the functions that check and store
 * a row.  Each kind's file (kind_street.c, kind_ho.c, ...) defines its own;
 * kind_ops() finds a kind's, and load.c, sink.c, check.c and tab.c call
 * through it, so no code outside a kind's file asks which kind a file is.
 *
 * Two families share the table.  police.uk files set check_row and bind_row:
 * their rows are checked where they are read (check.h, on the reader
 * thread) and stored by sink.c.  The other tables set check (and maybe
 * locate and insert): tab.c finds their columns by name, and checks, binds
 * and stores each row on the writer.
 */
#ifndef SIO_INGEST_KINDS_H
#define SIO_INGEST_KINDS_H

#include "ingest.h"

struct csvin_row;
struct row_bound;
struct row_checker;
struct row_sink;
struct row_verdict;
struct tab_sink;

/* What a kind's rows need besides their INSERT (kind_ops.flags). */
enum {
    KIND_CODED = 1 << 0,     /* into street_coded: labels ids, per-file counts, a rowid run */
    KIND_CRIME_IDS = 1 << 1, /* a Crime ID is stored once in the whole store (dedupe.h) */
    KIND_NAMED = 1 << 2,     /* force and month only from a police.uk file name */
    /* tables (filekey.h): */
    KIND_ONE_SERIES = 1 << 3, /* every file is an edition of one table, whatever its name */
    KIND_ROW_KEYED = 1 << 4,  /* which edition is known from the first row (its period) */
};

struct kind_ops {
    enum file_kind kind;
    const char *name;              /* files.kind and --kind: "street", "population" */
    const char *table;             /* the store table its rows go to */
    const char *sql;               /* its INSERT; ?1 is the file's id and ?2 the line */
    unsigned flags;                /* KIND_CODED ... above */

    /* police.uk files */
    int force_col;                 /* 'Falls within'; -1: the file name's force */
    int type_col;                  /* street kinds: the crime type; else -1 */
    /* Check row r into v (reader thread, check.h); NULL when usable, else the
     * reason (in v->why). */
    const char *(*check_row)(struct row_checker *c, struct row_verdict *v,
                             const struct csvin_row *r);
    /* Bind a checked row's columns but ?1 and ?2 to s->insert (sink.h). */
    int (*bind_row)(struct row_sink *s, const struct csvin_row *r, struct row_bound *b,
                    struct sio_error *err);

    /* the other tables (tab.h) */
    const char *const *cols;       /* names to find, NULL-terminated; '?' prefix: optional */
    /* Set t->col[] another way (extract: names from sio.ini); NULL: use cols. */
    int (*locate)(struct tab_sink *t, struct sio_error *err);
    /* Check row r and bind it; NULL when usable, else the reason. */
    const char *(*check)(struct tab_sink *t, const struct csvin_row *r);
    /* Store a checked row; NULL: step the INSERT once.  *stored counts rows stored. */
    int (*insert)(struct tab_sink *t, const struct csvin_row *r, int *stored,
                  struct sio_error *err);
};

/* The kind's entry, or NULL for KIND_UNKNOWN. */
const struct kind_ops *kind_ops(enum file_kind kind);

extern const struct kind_ops kind_street, kind_street_2011, kind_outcomes, kind_stop_search,
    kind_ho_quarterly, kind_ho_rolling, kind_indicators, kind_population,
    kind_population_wide, kind_population_census, kind_extract, kind_area_lookup,
    kind_force_list;

#endif
