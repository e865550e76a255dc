/* labels: text to labels.id, on a real store (store_open() in a scratch
 * folder).  Every expected id is read back from the labels table itself. */
#include "../../ingest/labels.h"
#include "store/store.h"
#include "scratch_store.h"
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/sio-test-labels.XXXXXX";
static char path[64];
static sqlite3 *db;

static void fresh(void)
{
    CHECK_INT(scratch_store_open(path, sizeof path, dir, &db), SIO_OK);
}

static void finish(void)
{
    store_close(db);
    db = NULL;
}

/* The labels row's text for id, or "" when there is none. */
static const char *text_of(long long id)
{
    static char buf[1024];
    sqlite3_stmt *st;
    buf[0] = '\0';
    sqlite3_prepare_v2(db, "SELECT text FROM labels WHERE id = ?", -1, &st, NULL);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static long long id_of(struct labels *l, const char *text)
{
    struct sio_error err;
    long long id = -1;
    CHECK_INT(labels_id(l, text, strlen(text), &id, &err), SIO_OK);
    return id;
}

TEST(a_new_text_gets_a_row_and_the_same_text_the_same_id)
{
    struct labels *l;
    struct sio_error err;
    fresh();
    CHECK_INT(labels_open(&l, db, NULL, &err), SIO_OK);
    long long burglary = id_of(l, "Burglary"), drugs = id_of(l, "Drugs");
    CHECK(burglary != drugs);
    CHECK_INT(id_of(l, "Burglary"), burglary);
    CHECK_STR(text_of(burglary), "Burglary");
    CHECK_STR(text_of(drugs), "Drugs");
    labels_close(l);
    finish();
}

TEST(a_text_stored_by_an_earlier_writer_keeps_its_id)
{
    struct labels *l;
    struct sio_error err;
    fresh();
    CHECK_INT(sqlite3_exec(db, "INSERT INTO labels(id, text) VALUES (40, 'Robbery')", NULL,
                           NULL, NULL), SQLITE_OK);
    CHECK_INT(labels_open(&l, db, NULL, &err), SIO_OK);
    CHECK_INT(id_of(l, "Robbery"), 40);
    labels_close(l);
    finish();
}

/* Past what the table in memory keeps, and past the longest text it keeps,
 * answers come from SQLite and are just as right. */
TEST(texts_beyond_the_cache_still_get_their_own_ids)
{
    struct labels *l;
    struct sio_error err;
    char text[LABELS_TEXT_MAX + 40];
    long long first = 0, ok = 0;
    fresh();
    CHECK_INT(labels_open(&l, db, NULL, &err), SIO_OK);
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < LABELS_CACHED + 300; i++) {
            snprintf(text, sizeof text, "outcome %d", i);
            long long id = id_of(l, text);
            first = first ? first : id;
            ok += strcmp(text_of(id), text) == 0;
        }
    CHECK_INT(ok, 2 * (LABELS_CACHED + 300));
    memset(text, 'x', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    long long long_id = id_of(l, text);
    CHECK_INT(id_of(l, text), long_id);
    CHECK_STR(text_of(long_id), text);
    labels_close(l);
    finish();
}

/* A label added inside a transaction that rolls back is gone: a new struct
 * labels (one per transaction) adds it again under an id that exists. */
TEST(a_label_rolled_back_is_added_again_by_the_next_transaction)
{
    struct labels *l;
    struct sio_error err;
    fresh();
    CHECK_INT(store_begin(db, &err), SIO_OK);
    CHECK_INT(labels_open(&l, db, NULL, &err), SIO_OK);
    long long before = id_of(l, "Bicycle theft");
    labels_close(l);
    store_rollback(db);
    CHECK_STR(text_of(before), "");
    CHECK_INT(labels_open(&l, db, NULL, &err), SIO_OK);
    CHECK_STR(text_of(id_of(l, "Bicycle theft")), "Bicycle theft");
    labels_close(l);
    finish();
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(a_new_text_gets_a_row_and_the_same_text_the_same_id);
    RUN(a_text_stored_by_an_earlier_writer_keeps_its_id);
    RUN(texts_beyond_the_cache_still_get_their_own_ids);
    RUN(a_label_rolled_back_is_added_again_by_the_next_transaction);
    scratch_store_remove(dir);
    return TESTING_DONE();
}
