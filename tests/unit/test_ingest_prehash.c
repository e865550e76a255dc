/*
 * test_ingest_prehash.c — fingerprints worked out ahead on another thread
 * (ingest/prehash.c) come back in the inputs' order, each the one its file
 * has, with a failure in its own place.  The SHA-256 of "abc" is the FIPS
 * 180-2 example (appendix B.1); the others are checked against
 * sha256_buffer() of the bytes written.
 */
#include "../../ingest/prehash.h"
#include "testing.h"

#include <stdlib.h>
#include <unistd.h>

#define N_FILES 11 /* more than PREHASH_AHEAD, so the ring wraps */
#define MISSING 6  /* this input does not exist */

static char dir[] = "/tmp/sio-prehash-XXXXXX";

/* Input i holds "abc" i times (none for MISSING, which is never written). */
static void make_inputs(struct path_list *list)
{
    char path[256];
    for (int i = 0; i < N_FILES; i++) {
        snprintf(path, sizeof path, "%s/in-%02d.csv", dir, i);
        if (i != MISSING) {
            FILE *f = fopen(path, "wb");
            if (!f) {
                perror(path);
                exit(1);
            }
            for (int k = 0; k < i; k++)
                fputs("abc", f);
            fclose(f);
        }
        paths_add(list, path, NULL, 0);
    }
}

static void remove_inputs(struct path_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        unlink(list->item[i].path);
    paths_free(list);
}

/* The inputs made and their hashing started. */
static struct prehash *start_on_inputs(struct path_list *list)
{
    struct prehash *ph = NULL;
    struct sio_error err;
    make_inputs(list);
    CHECK_INT(prehash_start(&ph, list, &err), SIO_OK);
    return ph;
}

static void expected_sha(int i, char hex[SHA256_HEX_LEN + 1])
{
    char buf[3 * N_FILES];
    for (int k = 0; k < i; k++)
        memcpy(buf + 3 * k, "abc", 3);
    sha256_buffer(buf, 3 * (size_t)i, hex);
}

TEST(fingerprints_come_in_order_each_its_files)
{
    struct path_list list = { 0 };
    struct fingerprint fp;
    char want[SHA256_HEX_LEN + 1];
    struct prehash *ph = start_on_inputs(&list);
    for (int i = 0; i < N_FILES; i++) {
        prehash_next(ph, &fp);
        if (i == MISSING)
            continue;
        expected_sha(i, want);
        CHECK_INT(fp.rc, SIO_OK);
        CHECK_STR(fp.sha256, want);
        CHECK_INT(fp.bytes, 3 * i);
        if (i == 1)
            CHECK_STR(fp.sha256, "ba7816bf8f01cfea414140de5dae2223"
                                 "b00361a396177a9cb410ff61f20015ad");
    }
    prehash_stop(ph);
    remove_inputs(&list);
}

TEST(an_unreadable_input_fails_in_its_own_place)
{
    struct path_list list = { 0 };
    struct fingerprint fp;
    struct prehash *ph = start_on_inputs(&list);
    for (int i = 0; i <= MISSING; i++)
        prehash_next(ph, &fp);
    CHECK_INT(fp.rc, SIO_ENOINPUT);
    CHECK_INT(fp.err.status, SIO_ENOINPUT);
    CHECK_STR(fp.err.file, list.item[MISSING].path);
    prehash_next(ph, &fp);
    CHECK_INT(fp.rc, SIO_OK);
    prehash_stop(ph);
    remove_inputs(&list);
}

TEST(stopping_before_every_fingerprint_is_taken_returns)
{
    struct path_list list = { 0 };
    struct fingerprint fp;
    struct prehash *ph = start_on_inputs(&list);
    prehash_next(ph, &fp);
    prehash_stop(ph); /* the thread is blocked on a full ring: it must wake and end */
    CHECK_INT(fp.rc, SIO_OK);
    remove_inputs(&list);
}

TEST(an_empty_list_starts_and_stops)
{
    struct path_list list = { 0 };
    struct prehash *ph;
    struct sio_error err;
    CHECK_INT(prehash_start(&ph, &list, &err), SIO_OK);
    prehash_stop(ph);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(fingerprints_come_in_order_each_its_files);
    RUN(an_unreadable_input_fails_in_its_own_place);
    RUN(stopping_before_every_fingerprint_is_taken_returns);
    RUN(an_empty_list_starts_and_stops);
    rmdir(dir);
    return TESTING_DONE();
}
