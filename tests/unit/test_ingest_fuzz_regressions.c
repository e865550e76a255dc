/* Every file in tests/fuzz/regressions/ (past fuzzer findings),
 * tests/fuzz/seeds/ and tests/corpus/bad/ loaded with ingest_file() into a
 * fresh in-memory store: the outcome passes ingest_check_file() — the same
 * checks the libFuzzer harness tests/fuzz/fuzz_ingest.c makes (counts
 * reconciled, a refused file leaves nothing behind). */
#include "../fuzz/ingest_check.h"
#include "testing.h"

#include <dirent.h>
#include <stdlib.h>

/* Check every regular file in sub; returns how many were loaded. */
static int check_dir(const char *sub)
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
        const char *why = ingest_check_file(path);
        if (why)
            printf("  %s: %s\n", path, why);
        CHECK(why == NULL);
        n++;
    }
    closedir(d);
    return n;
}

TEST(every_fuzz_regression_loads_with_counts_reconciled)
{
    CHECK(check_dir("tests/fuzz/regressions") >= 0);
}

TEST(every_fuzz_seed_loads_with_counts_reconciled)
{
    CHECK(check_dir("tests/fuzz/seeds") > 0);
}

TEST(every_bad_corpus_file_loads_or_is_refused_whole)
{
    CHECK(check_dir("tests/corpus/bad") >= 40);
}

int main(void)
{
    RUN(every_fuzz_regression_loads_with_counts_reconciled);
    RUN(every_fuzz_seed_loads_with_counts_reconciled);
    RUN(every_bad_corpus_file_loads_or_is_refused_whole);
    return TESTING_DONE();
}
