/* dedupe: one file's Crime ID check, on a real store (store_open() in a
 * scratch folder).  Rows are built in one buffer reused row after row, as a
 * CSV reader hands them over. */
#include "../../ingest/dedupe.h"
#include "../../ingest/crimeset.h"
#include "store/store.h"
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/sio-test-dedupe.XXXXXX";
static char path[64];

static void remove_store(void)
{
    char f[80];
    const char *suffix[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof f, "%s%s", path, suffix[i]);
        unlink(f);
    }
}

static sqlite3 *db;
static struct crimeset *ids;     /* the store's Crime ID set, passed to each check */
static struct csvin_row row;     /* every row is put here, as a reader reuses */
static char buf[80];             /* its buffer row after row */

/* A new store holding one street file's record, and that file's check. */
static struct dedupe *fresh(void)
{
    struct sio_error err;
    struct dedupe *d = NULL;
    snprintf(path, sizeof path, "%s/store.db", dir);
    remove_store();
    CHECK_INT(store_open(path, &db, &err), SIO_OK);
    CHECK_INT(sqlite3_exec(db, "INSERT INTO files(id, path, sha256, kind, force, month, bytes,"
                               " rows_read, rows_loaded, rows_rejected, rows_duplicate,"
                               " loaded_at) VALUES (1, 'f', 's', 'street', 'x', '2022-01', 1,"
                               " 0, 0, 0, 0, 'now')", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(crimeset_open(&ids, db, 16, 1024, &err), SIO_OK);
    CHECK_INT(dedupe_open(&d, db, NULL, ids, 1, &err), SIO_OK);
    return d;
}

static void finish(struct dedupe *d)
{
    dedupe_close(d);
    crimeset_close(ids);
    store_close(db);
}

/* The check's verdict on a row whose Crime ID is id, put where the last
 * row was. */
static enum dedupe_verdict check(struct dedupe *d, const char *id)
{
    struct sio_error err;
    enum dedupe_verdict v = DEDUPE_HELD;
    memset(&row, 0, sizeof row);
    strcpy(buf, id);
    row.line = 2;
    row.nfields = 1;
    row.field[0] = row.raw = buf;
    row.len[0] = row.raw_len = strlen(id);
    CHECK_INT(dedupe_check(d, &row, 0, crimeset_hash(id, strlen(id)), &v, &err), SIO_OK);
    return v;
}

/* Store the last row checked as a street row, and tell the check. */
static void store_last(struct dedupe *d)
{
    struct sio_error err;
    char sql[320];
    snprintf(sql, sizeof sql, "INSERT INTO street_coded(file_id, line, crime_id, month,"
             " reported_by, falls_within, location, crime_type) VALUES (1, 2, '%s', '2022-01',"
             " 1, 1, 'here', 2)", buf);
    CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(dedupe_stored(d, crimeset_hash(buf, strlen(buf)), sqlite3_last_insert_rowid(db),
                            &err), SIO_OK);
}

/* The second row sits where the first did, with an ID of the same length:
 * the check must judge its bytes, not its address. */
TEST(a_new_id_in_the_reused_row_buffer_is_new)
{
    struct dedupe *d = fresh();
    CHECK_INT(check(d, "aaaaaaaa"), DEDUPE_NEW);
    store_last(d);
    CHECK_INT(check(d, "bbbbbbbb"), DEDUPE_NEW);
    CHECK_INT(dedupe_held(d), 0);
    finish(d);
}

TEST(an_id_repeated_in_the_file_is_a_duplicate_without_holding_it)
{
    struct dedupe *d = fresh();
    check(d, "aaaaaaaa");
    store_last(d);
    CHECK_INT(check(d, "aaaaaaaa"), DEDUPE_DUPLICATE);
    CHECK_INT(dedupe_held(d), 0);
    finish(d);
}

static int take(void *ctx, const struct csvin_row *r, int duplicate, struct sio_error *err)
{
    (void)err;
    snprintf(ctx, 80, "%s line %ld duplicate %d", r->field[0], r->line, duplicate);
    return SIO_OK;
}

/* An ID another file stored is held, then settled as a duplicate by one
 * scan; the held row comes back whole, though its buffer was reused. */
TEST(an_id_stored_by_another_file_is_held_then_settled_as_a_duplicate)
{
    struct sio_error err;
    struct dedupe *first = fresh(), *second;
    char got[80] = "";
    check(first, "cccccccc");
    store_last(first);
    dedupe_close(first);
    CHECK_INT(dedupe_open(&second, db, NULL, ids, 2, &err), SIO_OK);
    CHECK_INT(check(second, "cccccccc"), DEDUPE_HELD);
    strcpy(buf, "zzzzzzzz");
    CHECK_INT(dedupe_held(second), 1);
    CHECK_INT(dedupe_settle(second, take, got, &err), SIO_OK);
    CHECK_STR(got, "cccccccc line 2 duplicate 1");
    CHECK_INT(dedupe_held(second), 0);
    finish(second);
}

/* Another process's file, committed after this one's Crime ID filter was
 * read and before this file's transaction began, holds ID "xxxxxxxx"; this
 * file's reader noted it against the filter, which said "not stored".  The
 * check must ask again (crimeset_refresh(), crimeset_foreign()), hold the
 * row and settle it as a duplicate. */
TEST(an_id_another_process_stored_since_the_filter_was_read_is_a_duplicate)
{
    struct sio_error err;
    struct crimeset *mine;
    struct dedupe *d;
    sqlite3 *other;
    enum dedupe_verdict v = DEDUPE_NEW;
    char got[80] = "";
    finish(fresh());
    CHECK_INT(store_open(path, &db, &err), SIO_OK);
    CHECK_INT(crimeset_open(&mine, db, 16, 1024, &err), SIO_OK);
    CHECK_INT(store_open(path, &other, &err), SIO_OK);
    CHECK_INT(sqlite3_exec(other, "INSERT INTO files(id, path, sha256, kind, force, month, bytes,"
                                  " rows_read, rows_loaded, rows_rejected, rows_duplicate,"
                                  " loaded_at) VALUES (2, 'g', 't', 'street', 'y', '2022-01', 1,"
                                  " 1, 1, 0, 0, 'now');"
                                  "INSERT INTO street_coded(file_id, line, crime_id, month,"
                                  " reported_by, falls_within, location, crime_type)"
                                  " VALUES (2, 2, 'xxxxxxxx', '2022-01', 1, 1, 'here', 2)",
                              NULL, NULL, NULL), SQLITE_OK);
    store_close(other);
    uint64_t h = crimeset_hash("xxxxxxxx", 8);
    int maybe = crimeset_note(mine, h); /* the reader, before the transaction */
    CHECK_INT(maybe, 0);
    CHECK_INT(sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO files(id, path, sha256, kind,"
                               " force, month, bytes, rows_read, rows_loaded, rows_rejected,"
                               " rows_duplicate, loaded_at) VALUES (3, 'h', 'u', 'street', 'z',"
                               " '2022-01', 1, 0, 0, 0, 0, 'now')", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(dedupe_open(&d, db, NULL, mine, 3, &err), SIO_OK);
    memset(&row, 0, sizeof row);
    strcpy(buf, "xxxxxxxx");
    row.line = 2;
    row.nfields = 1;
    row.field[0] = row.raw = buf;
    row.len[0] = row.raw_len = 8;
    CHECK_INT(dedupe_check_noted(d, &row, 0, h, maybe, &v, &err), SIO_OK);
    CHECK_INT(v, DEDUPE_HELD);
    CHECK_INT(dedupe_settle(d, take, got, &err), SIO_OK);
    CHECK_STR(got, "xxxxxxxx line 2 duplicate 1");
    dedupe_close(d);
    CHECK_INT(crimeset_merge(mine, &err), SIO_OK);
    CHECK_INT(crimeset_note(mine, h), 1); /* and the filter has it now */
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    ids = mine;
    finish(NULL);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    RUN(a_new_id_in_the_reused_row_buffer_is_new);
    RUN(an_id_repeated_in_the_file_is_a_duplicate_without_holding_it);
    RUN(an_id_stored_by_another_file_is_held_then_settled_as_a_duplicate);
    RUN(an_id_another_process_stored_since_the_filter_was_read_is_a_duplicate);
    remove_store();
    rmdir(dir);
    return TESTING_DONE();
}
