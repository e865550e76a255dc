/* checkpointer: the WAL copied into the database on another thread, on a
 * real store (store_open() in a scratch folder).  Sizes are in the store's
 * 16 KiB pages; each row written here is one page of zeros. */
#include "../../ingest/checkpointer.h"
#include "store/store.h"
#include "scratch_store.h"
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[] = "/tmp/sio-test-checkpointer.XXXXXX";
static char path[80], wal[80];
static sqlite3 *db;

static void fresh(void)
{
    CHECK_INT(scratch_store_open(path, sizeof path, dir, &db), SIO_OK);
    snprintf(wal, sizeof wal, "%s/store.db-wal", dir);
    CHECK_INT(sqlite3_exec(db, "CREATE TABLE pages(b BLOB)", NULL, NULL, NULL), SQLITE_OK);
}

static long long pages_in(const char *file)
{
    struct stat st;
    return stat(file, &st) == 0 ? (long long)st.st_size / 16384 : 0;
}

/* n transactions of rows pages each; the log's largest size on the way. */
static long long write_pages(int n, int rows)
{
    long long most = 0;
    char sql[200];
    snprintf(sql, sizeof sql, "BEGIN IMMEDIATE; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
             " SELECT i + 1 FROM n WHERE i < %d) INSERT INTO pages SELECT zeroblob(15000)"
             " FROM n; COMMIT;", rows);
    for (int i = 0; i < n; i++) {
        CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
        long long now = pages_in(wal);
        most = now > most ? now : most;
    }
    return most;
}

/* Wait up to ten seconds for the thread to have finished k checkpoints. */
static long completed_after(struct checkpointer *c, long k)
{
    for (int i = 0; i < 1000 && checkpointer_completed(c) < k; i++)
        usleep(10000);
    return checkpointer_completed(c);
}

TEST(the_log_is_copied_into_the_database_by_the_thread)
{
    struct checkpointer *c;
    struct sio_error err;
    fresh();
    CHECK_INT(checkpointer_start(&c, db, path, &err), SIO_OK);
    long long before = pages_in(path);
    write_pages(4, CHECKPOINTER_PAGES / 2);
    CHECK(completed_after(c, 1) >= 1);
    /* the writer's own checkpoints are off: only the thread grew the file */
    CHECK(pages_in(path) >= before + CHECKPOINTER_PAGES);
    checkpointer_stop(c);
    store_close(db);
}

TEST(the_log_starts_again_so_its_file_stays_bounded)
{
    struct checkpointer *c;
    struct sio_error err;
    fresh();
    CHECK_INT(checkpointer_start(&c, db, path, &err), SIO_OK);
    long long most = write_pages(3 * CHECKPOINTER_MAX_PAGES / 100, 100);
    CHECK(most <= CHECKPOINTER_MAX_PAGES + 2 * 100);
    CHECK(pages_in(path) >= 2 * CHECKPOINTER_MAX_PAGES);
    checkpointer_stop(c);
    store_close(db);
}

/* An analyst's open read transaction pins the log: no checkpoint can copy
 * past it, so the log grows past its bound, and the writer waits for each
 * checkpoint but is never stopped. */
TEST(a_reader_holding_an_old_snapshot_slows_the_writer_but_never_stops_it)
{
    struct checkpointer *c;
    struct sio_error err;
    sqlite3 *reader;
    fresh();
    write_pages(1, 10);
    CHECK_INT(sqlite3_open(path, &reader), SQLITE_OK);
    CHECK_INT(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM pages;", NULL, NULL, NULL),
              SQLITE_OK);
    CHECK_INT(checkpointer_start(&c, db, path, &err), SIO_OK);
    alarm(120); /* a writer stuck for good ends the test, loudly */
    long long most = write_pages(CHECKPOINTER_MAX_PAGES / 500 + 3, 500);
    alarm(0);
    CHECK(most > CHECKPOINTER_MAX_PAGES);
    sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(reader);
    checkpointer_stop(c);
    store_close(db);
}

TEST(after_it_stops_the_writer_checkpoints_for_itself_again)
{
    struct checkpointer *c;
    struct sio_error err;
    fresh();
    CHECK_INT(checkpointer_start(&c, db, path, &err), SIO_OK);
    checkpointer_stop(c);
    long long before = pages_in(path);
    write_pages(2, CHECKPOINTER_PAGES + 10);
    CHECK(pages_in(path) >= before + CHECKPOINTER_PAGES);
    store_close(db);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(the_log_is_copied_into_the_database_by_the_thread);
    RUN(the_log_starts_again_so_its_file_stays_bounded);
    RUN(a_reader_holding_an_old_snapshot_slows_the_writer_but_never_stops_it);
    RUN(after_it_stops_the_writer_checkpoints_for_itself_again);
    scratch_store_remove(dir);
    return TESTING_DONE();
}
