/* crimeset: the store-wide "may this Crime ID be stored?" set, on a real
 * store (store_open() in a scratch folder) with rows put in by hand. */
#include "../../ingest/crimeset.h"
#include "../../ingest/idset.h"
#include "store/store.h"
#include "scratch_store.h"
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/sio-test-crimeset.XXXXXX";
static char path[64];
static sqlite3 *db;

static void fresh(void)
{
    CHECK_INT(scratch_store_open(path, sizeof path, dir, &db), SIO_OK);
}

static void finish(struct crimeset *cs)
{
    crimeset_close(cs);
    store_close(db);
    db = NULL;
}

static uint64_t h_of(const char *id)
{
    return crimeset_hash(id, strlen(id));
}

static void sql(const char *text)
{
    CHECK_INT(sqlite3_exec(db, text, NULL, NULL, NULL), SQLITE_OK);
}

/* File id: a committed street file of rows_loaded rows, ids a1..aN in
 * street; the run of rowids recorded in street_rows when span is set. */
static void street_file(int id, int n, int span)
{
    char buf[512];
    snprintf(buf, sizeof buf, "INSERT INTO files(id, path, sha256, kind, force, month, bytes,"
             " rows_read, rows_loaded, rows_rejected, rows_duplicate, loaded_at)"
             " VALUES (%d, 'f%d', 'sha%d', 'street', 'x', '2022-01', 1, %d, %d, 0, 0, 'now')",
             id, id, id, n, n);
    sql(buf);
    long long first = 0;
    for (int i = 1; i <= n; i++) {
        snprintf(buf, sizeof buf, "INSERT INTO street_coded(file_id, line, crime_id, month,"
                 " reported_by, falls_within, location, crime_type)"
                 " VALUES (%d, %d, 'f%d-id%d', '2022-01', 1, 1, 'here', 2)",
                 id, i + 1, id, i);
        sql(buf);
        first = first ? first : sqlite3_last_insert_rowid(db);
    }
    if (span) {
        snprintf(buf, sizeof buf, "INSERT INTO street_rows VALUES (%d, %lld, %lld)", id, first,
                 sqlite3_last_insert_rowid(db));
        sql(buf);
    }
}

static int maybe(struct crimeset *cs, const char *id)
{
    struct sio_error err;
    return crimeset_maybe(cs, h_of(id), &err);
}

TEST(an_added_hash_is_a_maybe_and_new_ones_are_not)
{
    struct crimeset *cs;
    struct sio_error err;
    char id[32];
    int new_maybes = 0;
    fresh();
    CHECK_INT(crimeset_open(&cs, db, 20, 1000, &err), SIO_OK);
    CHECK_INT(crimeset_add(cs, h_of("c3eea71a"), &err), SIO_OK);
    CHECK_INT(maybe(cs, "c3eea71a"), 1);
    for (int i = 0; i < 10000; i++) {
        snprintf(id, sizeof id, "new%d", i);
        new_maybes += maybe(cs, id);
    }
    CHECK_INT(new_maybes, 0);
    finish(cs);
}

/* A filter of 1,024 bits holding 2,000 hashes says "maybe" to nearly
 * everything: the stored runs must still answer no. */
TEST(a_false_maybe_from_a_full_filter_is_answered_no)
{
    struct crimeset *cs;
    struct sio_error err;
    char id[32];
    int found = 0, absent = 0;
    fresh();
    CHECK_INT(crimeset_open(&cs, db, 10, 500, &err), SIO_OK);
    for (int i = 0; i < 2000; i++) {
        snprintf(id, sizeof id, "in%d", i);
        crimeset_add(cs, h_of(id), &err);
        if (i % 500 == 499)
            CHECK_INT(crimeset_flush(cs, &err), SIO_OK);
    }
    for (int i = 0; i < 2000; i++) {
        snprintf(id, sizeof id, "in%d", i);
        found += maybe(cs, id) == 1;
        snprintf(id, sizeof id, "out%d", i);
        absent += maybe(cs, id) == 0;
    }
    CHECK_INT(found, 2000);
    CHECK_INT(absent, 2000);
    CHECK(crimeset_false_maybes(cs) > 1000);
    finish(cs);
}

TEST(hashes_written_by_a_flush_are_known_after_reopening)
{
    struct crimeset *cs;
    struct sio_error err;
    fresh();
    CHECK_INT(crimeset_open(&cs, db, 20, 1000, &err), SIO_OK);
    crimeset_add(cs, h_of("kept"), &err);
    crimeset_file_done(cs, 7);
    CHECK_INT(crimeset_pending(cs), 1);
    CHECK_INT(crimeset_flush(cs, &err), SIO_OK);
    CHECK_INT(crimeset_pending(cs), 0);
    crimeset_close(cs);
    CHECK_INT(crimeset_open(&cs, db, 20, 1000, &err), SIO_OK);
    CHECK_INT(maybe(cs, "kept"), 1);
    CHECK_INT(maybe(cs, "never"), 0);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "SELECT group_concat(file_id) FROM crime_keyed", -1, &st, NULL);
    sqlite3_step(st);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "7");
    sqlite3_finalize(st);
    finish(cs);
}

TEST(a_flush_inside_a_transaction_waits_for_the_next)
{
    struct crimeset *cs;
    struct sio_error err;
    fresh();
    CHECK_INT(crimeset_open(&cs, db, 20, 1000, &err), SIO_OK);
    crimeset_add(cs, h_of("later"), &err);
    sql("BEGIN");
    CHECK_INT(crimeset_flush(cs, &err), SIO_OK);
    CHECK_INT(crimeset_pending(cs), 1);
    sql("COMMIT");
    CHECK_INT(crimeset_flush(cs, &err), SIO_OK);
    CHECK_INT(crimeset_pending(cs), 0);
    finish(cs);
}

/* Files committed but never keyed (a run killed before it wrote them) are
 * read back on open: by their run of rowids, or by a scan when that run is
 * missing or holds other rows. */
TEST(committed_files_not_yet_keyed_are_caught_up_on_open)
{
    struct crimeset *cs;
    struct sio_error err;
    fresh();
    street_file(1, 3, 1);
    street_file(2, 2, 0);
    street_file(3, 2, 1);
    sql("UPDATE street_rows SET first_rowid = 1, last_rowid = 2 WHERE file_id = 3");
    CHECK_INT(crimeset_open(&cs, db, 20, 1000, &err), SIO_OK);
    CHECK_INT(crimeset_pending(cs), 7);
    CHECK_INT(maybe(cs, "f1-id3"), 1);
    CHECK_INT(maybe(cs, "f2-id2"), 1);
    CHECK_INT(maybe(cs, "f3-id1"), 1);
    CHECK_INT(maybe(cs, "f3-id2"), 1);
    CHECK_INT(crimeset_flush(cs, &err), SIO_OK);
    crimeset_close(cs);
    CHECK_INT(crimeset_open(&cs, db, 20, 1000, &err), SIO_OK);
    CHECK_INT(crimeset_pending(cs), 0);
    CHECK_INT(maybe(cs, "f3-id2"), 1);
    finish(cs);
}

/* With batches of 2, catching up three files writes as it goes, so memory
 * holds no more than a batch and a file. */
TEST(catching_up_writes_a_batch_whenever_one_is_full)
{
    struct crimeset *cs;
    struct sio_error err;
    fresh();
    street_file(1, 2, 1);
    street_file(2, 2, 1);
    street_file(3, 1, 1);
    CHECK_INT(crimeset_open(&cs, db, 20, 2, &err), SIO_OK);
    CHECK_INT(crimeset_pending(cs), 1);
    CHECK_INT(maybe(cs, "f1-id1"), 1);
    CHECK_INT(maybe(cs, "f2-id2"), 1);
    finish(cs);
}

/* ---- another process (a second connection) storing at the same time ---- */

static sqlite3 *db2;

/* B's side: a set on a second connection, in a transaction loading file own. */
static struct crimeset *second_set(void)
{
    struct crimeset *cs;
    struct sio_error err;
    CHECK_INT(store_open(path, &db2, &err), SIO_OK);
    CHECK_INT(crimeset_open(&cs, db2, 20, 1000, &err), SIO_OK);
    return cs;
}

static int refresh(struct crimeset *cs, long long own)
{
    struct sio_error err;
    int foreign = -1;
    CHECK_INT(sqlite3_exec(db2, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(crimeset_refresh(cs, own, &foreign, &err), SIO_OK);
    return foreign;
}

static int foreign(struct crimeset *cs, const char *id)
{
    struct sio_error err;
    return crimeset_foreign(cs, h_of(id), &err);
}

static void finish_second(struct crimeset *cs)
{
    sqlite3_exec(db2, "ROLLBACK", NULL, NULL, NULL);
    crimeset_close(cs);
    store_close(db2);
    db2 = NULL;
}

/* A committed its file but has not written the hashes (they are in its
 * memory): B, started before, reads the file's IDs back at its next file. */
TEST(a_file_another_process_committed_is_read_back_at_refresh)
{
    struct crimeset *a, *b;
    struct sio_error err;
    fresh();
    CHECK_INT(crimeset_open(&a, db, 20, 1000, &err), SIO_OK);
    b = second_set();
    street_file(1, 3, 1);
    CHECK_INT(refresh(b, 2), 1);
    CHECK_INT(foreign(b, "f1-id1"), 1);
    CHECK_INT(foreign(b, "f1-id3"), 1);
    CHECK_INT(foreign(b, "other"), 0);
    CHECK_INT(crimeset_confirm(b, h_of("f1-id2"), &err), 1);
    CHECK_INT(crimeset_merge(b, &err), SIO_OK);
    CHECK_INT(foreign(b, "f1-id1"), 0);    /* in the filter now */
    CHECK_INT(crimeset_maybe(b, h_of("f1-id1"), &err), 1);
    CHECK_INT(crimeset_maybe(b, h_of("other"), &err), 0);
    CHECK_INT(sqlite3_exec(db2, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(refresh(b, 3), 0);           /* read once */
    finish_second(b);
    finish(a);
}

/* A wrote its hashes as a run: B reads the run at its next file. */
TEST(a_run_another_process_wrote_is_read_at_refresh)
{
    struct crimeset *a, *b;
    struct sio_error err;
    fresh();
    CHECK_INT(crimeset_open(&a, db, 20, 1000, &err), SIO_OK);
    b = second_set();
    CHECK_INT(crimeset_add(a, h_of("a-1"), &err), SIO_OK);
    crimeset_file_done(a, 1);
    CHECK_INT(crimeset_flush(a, &err), SIO_OK);
    CHECK_INT(refresh(b, 2), 1);
    CHECK_INT(foreign(b, "a-1"), 1);
    CHECK_INT(crimeset_confirm(b, h_of("a-1"), &err), 1);
    CHECK_INT(crimeset_merge(b, &err), SIO_OK);
    CHECK_INT(crimeset_maybe(b, h_of("a-1"), &err), 1);
    finish_second(b);
    finish(a);
}

/* B's own files, committed and not yet keyed, and its own runs, are not
 * read back as another's. */
TEST(a_set_does_not_read_back_its_own_files_or_runs)
{
    struct crimeset *a, *b;
    struct sio_error err;
    fresh();
    CHECK_INT(crimeset_open(&a, db, 20, 1000, &err), SIO_OK);
    b = second_set();
    CHECK_INT(refresh(b, 5), 0);
    CHECK_INT(sqlite3_exec(db2, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    street_file(5, 2, 1); /* B's file (on A's connection: the store is the same) */
    CHECK_INT(crimeset_add(b, h_of("f5-id1"), &err), SIO_OK);
    CHECK_INT(crimeset_add(b, h_of("f5-id2"), &err), SIO_OK);
    crimeset_file_done(b, 5);
    CHECK_INT(refresh(b, 6), 0);
    CHECK_INT(sqlite3_exec(db2, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(crimeset_flush(b, &err), SIO_OK);
    CHECK_INT(refresh(b, 6), 0);
    finish_second(b);
    finish(a);
}

TEST(an_idset_finds_exactly_what_was_added)
{
    struct idset s = { 0 };
    struct sio_error err;
    char id[32];
    int found = 0, absent = 0;
    CHECK_INT(idset_has(&s, "x", 1), 0);
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "id%d", i);
        CHECK_INT(idset_add(&s, id, strlen(id), &err), SIO_OK);
    }
    CHECK_INT(idset_add(&s, "id1", 3, &err), SIO_OK);
    CHECK_INT((int)s.used, 5000);
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "id%d", i);
        found += idset_has(&s, id, strlen(id));
        snprintf(id, sizeof id, "id%dx", i);
        absent += !idset_has(&s, id, strlen(id));
    }
    CHECK_INT(found, 5000);
    CHECK_INT(absent, 5000);
    CHECK_INT(idset_has(&s, "id1", 2), 0);
    idset_free(&s);
    CHECK_INT(idset_has(&s, "id1", 3), 0);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    RUN(an_added_hash_is_a_maybe_and_new_ones_are_not);
    RUN(a_false_maybe_from_a_full_filter_is_answered_no);
    RUN(hashes_written_by_a_flush_are_known_after_reopening);
    RUN(a_flush_inside_a_transaction_waits_for_the_next);
    RUN(committed_files_not_yet_keyed_are_caught_up_on_open);
    RUN(catching_up_writes_a_batch_whenever_one_is_full);
    RUN(a_file_another_process_committed_is_read_back_at_refresh);
    RUN(a_run_another_process_wrote_is_read_at_refresh);
    RUN(a_set_does_not_read_back_its_own_files_or_runs);
    RUN(an_idset_finds_exactly_what_was_added);
    scratch_store_remove(dir);
    return TESTING_DONE();
}
