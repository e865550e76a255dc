/*
 * test_lock.c — lib/lock: one holder at a time, and the loser is told who.
 *
 * flock() locks belong to an open file, so a second lock_acquire() in the
 * same process (a second open) conflicts exactly as another process would.
 */
#include "sys/lock.h"
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64];

static const char *lock_file(const char *name)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

TEST(lock_path_is_the_store_path_plus_dot_lock)
{
    char buf[64];
    CHECK_INT(lock_path_for("var/sio.db", buf, sizeof buf), 0);
    CHECK_STR(buf, "var/sio.db.lock");
    CHECK_INT(lock_path_for("var/sio.db", buf, 8), -1);
}

TEST(first_acquire_succeeds_and_writes_the_pid)
{
    struct sio_lock l;
    struct sio_error err;
    char want[32], got[32] = "";
    CHECK_INT(lock_acquire(&l, lock_file("a.lock"), &err), SIO_OK);
    FILE *fp = fopen(lock_file("a.lock"), "r");
    CHECK(fp && fgets(got, sizeof got, fp));
    if (fp)
        fclose(fp);
    snprintf(want, sizeof want, "%ld\n", (long)getpid());
    CHECK_STR(got, want);
    lock_release(&l);
}

TEST(second_acquire_while_held_is_tempfail_naming_file_and_pid)
{
    struct sio_lock a, b;
    struct sio_error err;
    char want[256];
    CHECK_INT(lock_acquire(&a, lock_file("b.lock"), &err), SIO_OK);
    CHECK_INT(lock_acquire(&b, lock_file("b.lock"), &err), SIO_ETEMPFAIL);
    snprintf(want, sizeof want, "another run holds %s (pid %ld)", lock_file("b.lock"),
             (long)getpid());
    CHECK_STR(err.msg, want);
    CHECK_INT(b.fd, -1);
    lock_release(&a);
}

TEST(release_lets_the_next_run_take_it)
{
    struct sio_lock a, b;
    struct sio_error err;
    CHECK_INT(lock_acquire(&a, lock_file("c.lock"), &err), SIO_OK);
    lock_release(&a);
    lock_release(&a); /* safe to repeat */
    CHECK_INT(lock_acquire(&b, lock_file("c.lock"), &err), SIO_OK);
    lock_release(&b);
}

TEST(a_lock_file_in_a_missing_folder_cannot_be_created)
{
    struct sio_lock l;
    struct sio_error err;
    CHECK_INT(lock_acquire(&l, lock_file("no/such/folder.lock"), &err), SIO_ECANTCREAT);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/test_lock.XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    RUN(lock_path_is_the_store_path_plus_dot_lock);
    RUN(first_acquire_succeeds_and_writes_the_pid);
    RUN(second_acquire_while_held_is_tempfail_naming_file_and_pid);
    RUN(release_lets_the_next_run_take_it);
    RUN(a_lock_file_in_a_missing_folder_cannot_be_created);
    for (const char *n = "abc"; *n; n++) {
        char name[16];
        snprintf(name, sizeof name, "%c.lock", *n);
        unlink(lock_file(name));
    }
    rmdir(dir);
    return TESTING_DONE();
}
