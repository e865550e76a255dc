/*
 * replay.h — run a checker over every file in one of the project's test
 * folders (fuzz regressions, fuzz seeds, the bad-input corpus), for the unit
 * tests that replay them.  Notes (.md) and expectations (.tsv) are skipped.
 */
#ifndef SIO_TEST_REPLAY_H
#define SIO_TEST_REPLAY_H

#include "testing.h"

#include <dirent.h>
#include <stdlib.h>

/* Check one file: NULL when it passes, else why not. */
typedef const char *(*replay_check_fn)(const char *path);

/* Check every file in $SIO_TOP/sub with check, failing the running test for
 * each file that does not pass; returns how many files were checked, or -1
 * when the folder cannot be read. */
static int replay_dir(const char *sub, replay_check_fn check)
{
    const char *top = getenv("SIO_TOP");
    char dir_path[1024];
    snprintf(dir_path, sizeof dir_path, "%s/%s", top ? top : ".", sub);
    DIR *d = opendir(dir_path);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));) {
        char path[2048];
        if (e->d_name[0] == '.' || strstr(e->d_name, ".md") || strstr(e->d_name, ".tsv"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir_path, e->d_name);
        const char *why = check(path);
        if (why)
            printf("  %s: %s\n", path, why);
        CHECK(why == NULL);
        n++;
    }
    closedir(d);
    return n;
}

#endif
