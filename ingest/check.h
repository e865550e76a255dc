/*
 * check.h — the checks of a police.uk row, and their verdict.
 *
 * Checks are the ones an analyst relies on later: the field count matches the
 * header, the month is a real YYYY-MM, the force and crime type are present,
 * coordinates are numbers in range (or both empty for 'No Location').  The
 * LSOA code must be E01/W01 and six digits, or empty.  A crime type or force
 * that is not in the known lists is stored as published and noted (police.h,
 * forces.h): such a row is real data, so rejecting it would lose crimes.
 * Each kind's check_row (kinds.h: kind_street.c, kind_outcomes.c,
 * kind_search.c) makes its checks from the parts below, in its own order.
 *
 * The writer is ingest's busiest thread, so the checks run where the row is
 * parsed: row_check_prep() is csvin's prep hook (csvin_set_prep()), and the
 * verdict travels with the row to the writer.  They read only the row, the
 * forces list and static tables, and write only their own row_checker and,
 * for a street file, the store's Crime ID filter: each checked Crime ID is
 * hashed, and noted there (crimeset_note()) a few rows later by
 * row_check_finish(), csvin's finish hook, once its filter block has been
 * fetched; nothing else touches the filter while a reader thread runs.  A
 * street row's force names, crime type and outcome are looked up in the
 * committed labels (env->labels), which change only between readers.  A
 * verdict holds no pointer into the row, only into static text, so it can be
 * copied.
 */
#ifndef SIO_INGEST_CHECK_H
#define SIO_INGEST_CHECK_H

#include "csv/csvin.h"
#include "ingest.h"
#include "sys/month.h"

#include <stddef.h>
#include <stdint.h>

struct crimeset;
struct file_key;
struct kind_ops;

/* Columns: street (S_), outcomes (O_, else as street), stop and search (Q_),
 * and the 2011-12 street layout (L_). */
enum { S_CRIME_ID, S_MONTH, S_REPORTED_BY, S_FALLS_WITHIN, S_LONGITUDE, S_LATITUDE,
       S_LOCATION, S_LSOA_CODE, S_LSOA_NAME, S_CRIME_TYPE, S_LAST_OUTCOME, S_CONTEXT,
       S_FIELDS };
enum { O_OUTCOME_TYPE = 9, O_FIELDS = 10 };
enum { Q_TYPE, Q_DATE, Q_PART_OP, Q_OPERATION, Q_LATITUDE, Q_LONGITUDE, Q_GENDER,
       Q_AGE, Q_SELF_ETH, Q_OFFICER_ETH, Q_LEGISLATION, Q_OBJECT, Q_OUTCOME,
       Q_LINKED, Q_REMOVAL, Q_FIELDS };
enum { L_MONTH, L_REPORTED_BY, L_FALLS_WITHIN, L_EASTING, L_NORTHING, L_LOCATION,
       L_CRIME_TYPE, L_CONTEXT, L_FIELDS };

/* A street row's texts stored as labels ids (labels.h). */
enum { LABEL_REPORTED_BY, LABEL_FALLS_WITHIN, LABEL_CRIME_TYPE, LABEL_OUTCOME, LABELS };

/* VERDICT_PROBLEM: the reader could not trust the row (csvin_row.problem). */
enum verdict_fate { VERDICT_OK, VERDICT_REFUSED, VERDICT_PROBLEM };

struct row_verdict {
    uint64_t hash;             /* street: the Crime ID's crimeset_hash(), 0 when none */
    long long label[LABELS];   /* street: the texts' ids from env->labels; 0: not there
                                  (or, for the outcome, none published) */
    double lon, lat;           /* when has_coords */
    double easting, northing;  /* street-2011, when has_grid */
    month_t row_month;
    int has_coords, has_grid;
    int force_unknown;         /* the force is not in the forces file */
    int noted;                 /* hash was noted in the filter (row_check_finish()), ... */
    int maybe_stored;          /* ... which already had it: it may be stored */
    const char *crime_type;    /* street: a legacy type's stored name; NULL: the row's own */
    const char *type_note;     /* why the crime type is noted, or NULL */
    const char *place_note;    /* why the coordinates are noted (outside England and Wales) */
    const char *month_note;    /* why the Month is noted (not the file name's or folder's) */
    enum verdict_fate fate;
    char why[256];             /* VERDICT_REFUSED: the reason */
};

/* Rows whose Crime ID filter note is held back until that many more are
 * checked, their filter blocks fetched meanwhile (row_check_finish()). */
#define CHECK_NOTES_AHEAD 8

struct row_checker {
    const struct kind_ops *ops;  /* the file's kind (kinds.h) */
    const struct ingest_env *env;
    char force[128];           /* the file name's force slug, or "" */
    month_t month;             /* the file name's month, or MONTH_NONE */
    month_t folder_month;      /* its folder's, or MONTH_NONE */
    month_t run_month;         /* a row for a later month is refused; MONTH_NONE: none is */
    struct crimeset *filter;   /* street: checked Crime IDs are noted here; else NULL */
    char last_force[128];      /* the last force name looked up, ... */
    int last_force_unknown;    /* ... and whether it was unknown */
    struct row_verdict *due[CHECK_NOTES_AHEAD]; /* verdicts whose note is held back */
    int ndue;
};

/* A checker for the rows of a file of kind, whose name and folder say named
 * (filekey.h; NULL: nothing); filter as above (may be NULL). */
void row_checker_init(struct row_checker *c, enum file_kind kind, const struct ingest_env *env,
                      const struct file_key *named, struct crimeset *filter);

/* Check r into *v; returns the verdict's size in bytes (a refusal's reason
 * included), at most sizeof *v. */
size_t row_check(struct row_checker *c, const struct csvin_row *r, struct row_verdict *v);

/* For the kinds' check_row functions (kind_street.c, ...): each fills v and
 * returns NULL when that part of the row is usable, else the reason, kept
 * in v->why. */

/* v->why from fmt with field and value (two %s). */
const char *check_refuse(struct row_verdict *v, const char *fmt, const char *field,
                         const char *value);
/* The row has the header's want fields (inline: every row asks). */
const char *check_fields_refuse(struct row_verdict *v, int got, int want);
static inline const char *check_fields(struct row_verdict *v, const struct csvin_row *r,
                                       int want)
{
    return r->nfields == want ? NULL : check_fields_refuse(v, r->nfields, want);
}
/* Refuse a row whose field (named field, value as published) is a month
 * after the run's. */
const char *check_after_run(const struct row_checker *c, struct row_verdict *v,
                            const char *field, const char *value);
/* Field col, named name in messages, is not empty. */
static inline const char *check_required(struct row_verdict *v, const struct csvin_row *r,
                                         int col, const char *name)
{
    return r->len[col] ? NULL : check_refuse(v, "empty %s%s", name, "");
}
/* Field col is a month (YYYY-MM), into v->row_month, and not after the
 * run's; one not the file name's or folder's is noted (v->month_note). */
const char *check_month(const struct row_checker *c, struct row_verdict *v,
                        const struct csvin_row *r, int col);
/* Longitude and Latitude (columns lon and lat): both empty (no location),
 * or both numbers in range, into v->lon, v->lat and v->has_coords; a point
 * outside England and Wales is noted (v->place_note, police.h). */
const char *check_coords(struct row_verdict *v, const struct csvin_row *r, int lon, int lat);
/* A street or outcomes row's place: its LSOA code and coordinates. */
const char *check_place(struct row_verdict *v, const struct csvin_row *r);
/* Whether force (a name or slug, len bytes) is in the forces file, into
 * v->force_unknown. */
void check_force(struct row_checker *c, struct row_verdict *v, const char *force, size_t len);
/* A street row's texts: its crime type (a legacy one mapped, and any note),
 * and the committed labels ids of reported by, falls within, the stored
 * crime type and, when outcome >= 0, the last outcome. */
void check_texts(const struct row_checker *c, struct row_verdict *v, const struct csvin_row *r,
                 int reported_by, int falls_within, int type_col, int outcome);

/* The crime type a checked street row is stored under: the row's own (col),
 * or the one a legacy type maps to. */
void verdict_crime_type(const struct row_verdict *v, const struct csvin_row *r, int col,
                        const char **type, size_t *len);

/* row_check() as a csvin_prep_fn: ctx is the row_checker. */
size_t row_check_prep(void *ctx, const struct csvin_row *r, void *out);

/* The filter notes row_check() leaves to be done a few rows later, as a
 * csvin_finish_fn (csvin_set_prep_finish()): prep is a verdict in its final
 * place, noted once CHECK_NOTES_AHEAD more have come, or at prep NULL. */
void row_check_finish(void *ctx, void *prep, size_t len);

#endif
