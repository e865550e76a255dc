/*
 * test_store_stmts.c — prepared statements kept for a connection's life
 * (lib/store/stmts.h), on an in-memory store.
 */
#include "store/stmts.h"
#include "store/store.h"
#include "testing.h"

static const char sql[] = "SELECT ?1";

static sqlite3 *db;

TEST(a_statement_put_back_is_handed_out_again_reset_and_unbound)
{
    struct sio_error err;
    struct stmts *c;
    sqlite3_stmt *a, *b;
    CHECK_INT(stmts_open(&c, db, &err), SIO_OK);
    CHECK_INT(stmts_get(c, db, sql, &a, &err), SIO_OK);
    sqlite3_bind_int(a, 1, 42);
    CHECK_INT(sqlite3_step(a), SQLITE_ROW); /* left mid-way: put back resets it */
    stmts_put(c, a);
    CHECK_INT(stmts_get(c, db, sql, &b, &err), SIO_OK);
    CHECK(a == b);
    CHECK_INT(sqlite3_step(b), SQLITE_ROW);
    CHECK_INT(sqlite3_column_type(b, 0), SQLITE_NULL); /* the 42 is gone */
    stmts_put(c, b);
    stmts_close(c);
}

TEST(a_statement_asked_for_while_out_is_another)
{
    struct sio_error err;
    struct stmts *c;
    sqlite3_stmt *a, *b;
    CHECK_INT(stmts_open(&c, db, &err), SIO_OK);
    CHECK_INT(stmts_get(c, db, sql, &a, &err), SIO_OK);
    CHECK_INT(stmts_get(c, db, sql, &b, &err), SIO_OK);
    CHECK(a != b);
    stmts_put(c, b);
    stmts_put(c, a);
    stmts_close(c);
}

/* Without a cache a statement is prepared, and finalized when put back
 * (valgrind and LeakSanitizer would see one left over). */
TEST(without_a_cache_a_statement_is_prepared_and_finalized)
{
    struct sio_error err;
    sqlite3_stmt *a;
    CHECK_INT(stmts_get(NULL, db, sql, &a, &err), SIO_OK);
    CHECK(sqlite3_next_stmt(db, NULL) == a);
    stmts_put(NULL, a);
    CHECK(sqlite3_next_stmt(db, NULL) == NULL);
}

TEST(bad_sql_is_an_error_naming_it)
{
    struct sio_error err;
    struct stmts *c;
    sqlite3_stmt *a = NULL;
    CHECK_INT(stmts_open(&c, db, &err), SIO_OK);
    CHECK(stmts_get(c, db, "SELEKT 1", &a, &err) != SIO_OK);
    CHECK(strstr(err.msg, "cannot prepare") != NULL);
    stmts_close(c);
}

int main(void)
{
    struct sio_error err;
    if (store_open(":memory:", &db, &err) != SIO_OK)
        return 1;
    RUN(a_statement_put_back_is_handed_out_again_reset_and_unbound);
    RUN(a_statement_asked_for_while_out_is_another);
    RUN(without_a_cache_a_statement_is_prepared_and_finalized);
    RUN(bad_sql_is_an_error_naming_it);
    store_close(db);
    return TESTING_DONE();
}
