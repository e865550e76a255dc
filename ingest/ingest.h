/*
 * ingest.h — what sio-ingest's files share.
 *
 * ingest_file() loads one file into the store inside one transaction: it
 * either commits the whole file (rows, rejects, duplicates, notes and its
 * files row) or leaves the store as it was.  For every file read = loaded +
 * rejected + duplicate, where read counts data rows (every record after the
 * header).  A file is a plain file or one member of a .zip archive.
 */
#ifndef SIO_INGEST_H
#define SIO_INGEST_H

#include "csv/csvin.h"
#include "sys/error.h"
#include "sys/month.h"
#include "sys/sha256.h"

#include <sqlite3.h>
#include <sys/stat.h>

struct crimeset;
struct forces;
struct labels_view;
struct prefetch;
struct sio_config;
struct stmts;

enum file_kind {
    KIND_UNKNOWN,
    KIND_STREET, KIND_OUTCOMES, KIND_STOP_SEARCH, /* police.uk */
    KIND_STREET_2011,       /* police.uk street, 2011-12 layout (Easting, Northing; no Crime ID) */
    KIND_HO_QUARTERLY,      /* Home Office PRC open data table: force x quarter x offence code */
    KIND_HO_ROLLING,        /* Home Office PRC by PFA: rolling 12 months x offence group */
    KIND_EXTRACT,           /* a force's record-system extract, columns mapped in sio.ini */
    KIND_INDICATORS,        /* force,period,indicator,value[,denominator] */
    KIND_POPULATION,        /* force,year,population[,basis] */
    KIND_POPULATION_WIDE,   /* year, then one column per force */
    KIND_POPULATION_CENSUS, /* ONS census table by PFA: name, then the all-persons total */
    KIND_AREA_LOOKUP,       /* ONS LADyyCD,...,PFAyyNM lookup */
    KIND_FORCE_LIST,        /* id,Label[,...]: a published list of forces */
    KIND_COUNT
};

/* [extract] in sio.ini: the header names of an extract's columns ("" unset). */
struct extract_map {
    const char *date;        /* required for extracts to be recognised */
    const char *offence;     /* required */
    const char *force;       /* the force's column, or "" with force_name set */
    const char *force_name;  /* the force of every row when there is no force column */
    const char *area;        /* optional */
    const char *reference;   /* optional; a repeat within a file is a duplicate */
};

/* What every file's load needs besides the store. */
struct ingest_env {
    const struct forces *forces;     /* for force names; NULL: every force is unknown */
    const struct extract_map *extract;
    enum file_kind kind;             /* --kind: overrides detection; KIND_UNKNOWN if not given */
    struct labels_view *labels;      /* committed labels ids for the checks, or NULL */
    struct crimeset *crime_ids;      /* the store's Crime ID set (crimeset.h): needed to load
                                        street files, which check their IDs against it */
    month_t run_month;               /* this run's (dates_run_month()): a row for a later
                                        month is rejected; MONTH_NONE: none is */
    const struct sio_config *config; /* measures.ini's indicators and [ingest]'s ranges for
                                        indicator values, or NULL: no such rules */
    struct stmts *stmts;             /* statements kept from file to file (stmts.h), or NULL */
};

struct ingest_counts {
    long read;       /* data rows read */
    long loaded;     /* stored */
    long rejected;   /* to the rejects table, with reason */
    long duplicate;  /* already loaded (Crime ID, or the table's key): to duplicates */
    long noted;      /* notes on loaded rows (file_notes): a row may have more than one */
};

struct ingest_result {
    char sha256[SHA256_HEX_LEN + 1];
    enum file_kind kind;
    int already;                  /* the same bytes were loaded before: no-op */
    int replaced;                 /* an older file for the same key was superseded */
    long long bytes;              /* the file's size */
    long long file_id;            /* its files.id (once loaded) */
    struct ingest_counts n;
};

/* One input: a file, or a member of a .zip archive. */
struct input {
    char *path;        /* the file, or the archive (owned) */
    char *member;      /* the member's name inside the archive, or NULL (owned) */
    long long bytes;   /* size (uncompressed for a member), for progress */
    long long max_bytes; /* a member: refused when it unpacks to more ([ingest] zip_member_max) */
};

/* A growable list of inputs. */
struct path_list {
    struct input *item;
    size_t n, cap;
    long long member_max; /* each zip member's max_bytes; 0: no limit */
};

/* Add path; a folder adds every *.csv and *.zip below it, a .zip every *.csv
 * member, each in name order. */
int paths_collect(const char *path, struct path_list *list, struct sio_error *err);
void paths_free(struct path_list *list);

/* Append path (and a zip member name, or NULL) to list; -1 when out of memory. */
int paths_add(struct path_list *list, const char *path, const char *member,
              long long bytes);

/* How an input is named in messages and the files table: "a.zip:m.csv". */
void input_name(const struct input *in, char *buf, size_t cap);

/* The kind a header row announces, or KIND_UNKNOWN; x may be NULL. */
enum file_kind kind_detect(const struct csvin_row *header, const struct extract_map *x);
/* The kind a file is read as: --kind (env->kind) when given and the header
 * row is sound, else kind_detect(). */
enum file_kind kind_of_header(const struct csvin_row *header, const struct ingest_env *env);
/* The kind's name as in the files table and --kind ("street", "population"). */
const char *kind_name(enum file_kind kind);
/* Parse a kind name ("street-2011" too); KIND_UNKNOWN otherwise. */
enum file_kind kind_parse(const char *name);
/* 1 for the police.uk kinds (street, street-2011, outcomes, stop-and-search). */
int kind_is_police_uk(enum file_kind kind);
/* The store table a kind's rows go to. */
const char *kind_table(enum file_kind kind);
/* Every kind's name, comma-separated, for messages. */
const char *kind_list(void);

/* An input's fingerprint, or why it could not be read. */
struct fingerprint {
    int rc;                              /* SIO_OK, else the status of err */
    struct sio_error err;
    char sha256[SHA256_HEX_LEN + 1];
    long long bytes;
    struct stat before;                  /* plain files: as they were when hashed */
};

/* Hash one input into *fp (safe on any thread); returns fp->rc. */
int input_fingerprint(const struct input *in, struct fingerprint *fp);

/* Load one input (see above). */
int ingest_input(sqlite3 *db, const struct input *in, const struct ingest_env *env,
                 struct ingest_result *res, struct sio_error *err);

/* The input after the one being loaded, to read ahead (prefetch.h). */
struct ingest_next {
    const struct input *src;         /* the next input, or NULL */
    const struct fingerprint *fp;    /* its fingerprint */
    struct prefetch *prefetch;       /* holds the read-ahead: this input's, then the next's */
};

/* The same, with its fingerprint already worked out (prehash.h); next may
 * be NULL (nothing read ahead). */
int ingest_hashed(sqlite3 *db, const struct input *in, const struct fingerprint *fp,
                  const struct ingest_env *env, const struct ingest_next *next,
                  struct ingest_result *res, struct sio_error *err);

/* Whether the store has a file with these bytes (its SHA-256); stmts may
 * be NULL (stmts.h). */
int ingest_seen(sqlite3 *db, struct stmts *stmts, const char *sha256, int *seen,
                struct sio_error *err);

/* Load one plain file (see above). */
int ingest_file(sqlite3 *db, const char *path, const struct ingest_env *env,
                struct ingest_result *res, struct sio_error *err);

#endif
