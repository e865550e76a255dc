/*
 * ingest.h — what sio-ingest's files share.
 *
 * ingest_file() loads one file into the store inside one transaction: it
 * either commits the whole file (rows, rejects, duplicates and its files row)
 * or leaves the store as it was.  For every file read = loaded + rejected +
 * duplicate, where read counts data rows (every record after the header).
 */
#ifndef SIO_INGEST_H
#define SIO_INGEST_H

#include "csvin.h"
#include "error.h"
#include "sha256.h"

#include <sqlite3.h>

enum file_kind { KIND_UNKNOWN, KIND_STREET, KIND_OUTCOMES, KIND_STOP_SEARCH };

struct ingest_counts {
    long read;       /* data rows read */
    long loaded;     /* stored */
    long rejected;   /* to the rejects table, with reason */
    long duplicate;  /* Crime ID already loaded: to the duplicates table */
};

struct ingest_result {
    char sha256[SHA256_HEX_LEN + 1];
    enum file_kind kind;
    int already;                  /* the same bytes were loaded before: no-op */
    int replaced;                 /* an older file for the same kind+force+month was superseded */
    struct ingest_counts n;
};

/* A growable list of file paths (owned strings). */
struct path_list {
    char **path;
    size_t n, cap;
};

/* Add path, or every *.csv file below it when it is a folder, in name order. */
int paths_collect(const char *path, struct path_list *list, struct sio_error *err);
void paths_free(struct path_list *list);

/* The kind a header row announces, or KIND_UNKNOWN. */
enum file_kind kind_detect(const struct csvin_row *header);
const char *kind_name(enum file_kind kind);
/* Parse "street", "outcomes" or "stop-and-search"; KIND_UNKNOWN otherwise. */
enum file_kind kind_parse(const char *name);

/* Load one file (see above).  force_kind overrides detection unless KIND_UNKNOWN. */
int ingest_file(sqlite3 *db, const char *path, enum file_kind force_kind,
                struct ingest_result *res, struct sio_error *err);

#endif
