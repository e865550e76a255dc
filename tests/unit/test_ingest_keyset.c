/* keyset: one file's exact Crime ID set, on a bare in-memory street_coded table
 * (the keyset reads only rowid and crime_id). */
#include "../../ingest/crimeset.h"
#include "../../ingest/keyset.h"
#include "testing.h"

#include <stdio.h>

static sqlite3 *db;
static sqlite3_stmt *put;

static void fresh(void)
{
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db, "CREATE TABLE street_coded(crime_id TEXT)", NULL, NULL, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO street_coded(crime_id) VALUES (?)", -1, &put, NULL);
}

static void finish(struct keyset *ks)
{
    keyset_close(ks);
    sqlite3_finalize(put);
    sqlite3_close(db);
}

/* Insert id as a street row; its rowid. */
static long long store_id(const char *id)
{
    sqlite3_bind_text(put, 1, id, -1, SQLITE_STATIC);
    sqlite3_step(put);
    sqlite3_reset(put);
    return sqlite3_last_insert_rowid(db);
}

static int has(struct keyset *ks, const char *id)
{
    struct sio_error err;
    long long rowid;
    return keyset_has(ks, id, strlen(id), crimeset_hash(id, strlen(id)), &rowid, &err);
}

static void add(struct keyset *ks, const char *id)
{
    struct sio_error err;
    keyset_add(ks, crimeset_hash(id, strlen(id)), store_id(id), &err);
}

TEST(an_added_id_is_found_and_an_absent_one_is_not)
{
    struct keyset *ks;
    struct sio_error err;
    fresh();
    CHECK_INT(keyset_open(&ks, db, NULL, &err), SIO_OK);
    add(ks, "c3eea71a9a6a4ca6f7ae374e57b0d7f254e6b7a353b9a510ae882c05d44a1ecf");
    CHECK_INT(has(ks, "c3eea71a9a6a4ca6f7ae374e57b0d7f254e6b7a353b9a510ae882c05d44a1ecf"), 1);
    CHECK_INT(has(ks, "c3eea71a9a6a4ca6f7ae374e57b0d7f254e6b7a353b9a510ae882c05d44a1ecE"), 0);
    CHECK_INT(has(ks, "c3eea71a"), 0);
    finish(ks);
}

TEST(a_new_keyset_is_empty_whatever_the_store_holds)
{
    struct keyset *ks;
    struct sio_error err;
    fresh();
    store_id("id1");
    CHECK_INT(keyset_open(&ks, db, NULL, &err), SIO_OK);
    CHECK_INT(keyset_size(ks), 0);
    CHECK_INT(has(ks, "id1"), 0);
    finish(ks);
}

/* A superseded file's rows are deleted and a rolled-back file's rows vanish:
 * their slots stay, but the row read back no longer holds the ID. */
TEST(an_id_whose_row_is_gone_or_reused_is_not_found)
{
    struct keyset *ks;
    struct sio_error err;
    fresh();
    CHECK_INT(keyset_open(&ks, db, NULL, &err), SIO_OK);
    add(ks, "gone");
    add(ks, "kept");
    sqlite3_exec(db, "DELETE FROM street_coded WHERE crime_id = 'gone'", NULL, NULL, NULL);
    CHECK_INT(has(ks, "gone"), 0);
    sqlite3_exec(db, "UPDATE street_coded SET crime_id = 'other' WHERE crime_id = 'kept'", NULL, NULL, NULL);
    CHECK_INT(has(ks, "kept"), 0);
    add(ks, "gone");
    CHECK_INT(has(ks, "gone"), 1);
    finish(ks);
}

/* 200,000 IDs: the table doubles from 4,096 slots six times and finds each. */
TEST(every_id_is_found_after_the_table_grows)
{
    struct keyset *ks;
    struct sio_error err;
    char id[80];
    int found = 0, absent = 0;
    fresh();
    CHECK_INT(keyset_open(&ks, db, NULL, &err), SIO_OK);
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (int i = 0; i < 200000; i++) {
        snprintf(id, sizeof id, "%064d", i);
        add(ks, id);
    }
    for (int i = 0; i < 200000; i++) {
        snprintf(id, sizeof id, "%064d", i);
        found += has(ks, id) == 1;
        snprintf(id, sizeof id, "%064d", i + 200000);
        absent += has(ks, id) == 0;
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    CHECK_INT(keyset_size(ks), 200000);
    CHECK_INT(found, 200000);
    CHECK_INT(absent, 200000);
    finish(ks);
}

int main(void)
{
    RUN(an_added_id_is_found_and_an_absent_one_is_not);
    RUN(a_new_keyset_is_empty_whatever_the_store_holds);
    RUN(an_id_whose_row_is_gone_or_reused_is_not_found);
    RUN(every_id_is_found_after_the_table_grows);
    return TESTING_DONE();
}
