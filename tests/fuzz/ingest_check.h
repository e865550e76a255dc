/*
 * ingest_check.h — what must hold after sio-ingest loads any file, whatever
 * its bytes.  Shared by the libFuzzer harness (tests/fuzz/fuzz_ingest.c) and
 * the unit test that replays its past findings
 * (test_ingest_fuzz_regressions.c).
 *
 * ingest_check_file() loads one file into a fresh in-memory store with
 * ingest_file() and checks:
 *   - the status is SIO_OK, or SIO_EDATA for a file that cannot be used
 *     (empty, header not recognised ...) with a message;
 *   - after SIO_EDATA the store holds no file and no row (all or nothing);
 *   - after SIO_OK: read = loaded + rejected + duplicate; the files row says
 *     the same; the rejects and duplicates tables hold exactly rejected and
 *     duplicate rows; every reject has a reason and a line >= 2.
 * Returns NULL when all is well, else what went wrong.
 */
#ifndef SIO_INGEST_CHECK_H
#define SIO_INGEST_CHECK_H

#include "../../ingest/crimeset.h"
#include "../../ingest/ingest.h"
#include "store/store.h"

#include <stdio.h>

static inline long long ingest_check_count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static inline const char *ingest_check_store(sqlite3 *db, int rc, const struct ingest_result *res)
{
    const struct ingest_counts *n = &res->n;
    char sql[256];
    if (rc != SIO_OK)
        return ingest_check_count(db, "SELECT (SELECT COUNT(*) FROM files) +"
                                      " (SELECT COUNT(*) FROM rejects) +"
                                      " (SELECT COUNT(*) FROM duplicates)") == 0
                   ? NULL : "a file that failed left rows in the store";
    if (n->read != n->loaded + n->rejected + n->duplicate)
        return "read is not loaded + rejected + duplicate";
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM files WHERE rows_read = %ld AND"
             " rows_loaded = %ld AND rows_rejected = %ld AND rows_duplicate = %ld",
             n->read, n->loaded, n->rejected, n->duplicate);
    if (ingest_check_count(db, sql) != 1)
        return "the files row does not match the counts";
    if (ingest_check_count(db, "SELECT COUNT(*) FROM rejects") != n->rejected)
        return "the rejects table does not hold every rejected row";
    if (ingest_check_count(db, "SELECT COUNT(*) FROM duplicates") != n->duplicate)
        return "the duplicates table does not hold every duplicate row";
    if (ingest_check_count(db, "SELECT COUNT(*) FROM rejects WHERE line < 2 OR reason = ''"))
        return "a reject without a reason or on the header line";
    return NULL;
}

/* Load path into a fresh in-memory store and check the outcome. */
static inline const char *ingest_check_file(const char *path)
{
    struct ingest_result res;
    struct sio_error err;
    sqlite3 *db;
    const char *why;

    struct crimeset *ids;
    if (store_open(":memory:", &db, &err) != SIO_OK)
        return "cannot open an in-memory store";
    /* a small Crime ID filter: one file's IDs */
    if (crimeset_open(&ids, db, 16, 1024, &err) != SIO_OK) {
        store_close(db);
        return "cannot open a Crime ID set";
    }
    /* no force list, no extract mapping, kind from the header */
    const struct ingest_env env = { NULL, NULL, KIND_UNKNOWN, NULL, ids, month_make(2026, 12),
                                    NULL, NULL };
    int rc = ingest_file(db, path, &env, &res, &err);
    crimeset_close(ids);
    if (rc != SIO_OK && rc != SIO_EDATA)
        why = "ingest_file failed with a status other than SIO_EDATA";
    else if (rc == SIO_EDATA && !err.msg[0])
        why = "SIO_EDATA without a message";
    else
        why = ingest_check_store(db, rc, &res);
    store_close(db);
    return why;
}

#endif
