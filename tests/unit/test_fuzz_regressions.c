/* Every file in tests/fuzz/regressions/ (past fuzzer findings) and
 * tests/fuzz/seeds/ read by lib/csv/csvin.c, fast path on and off: each row
 * passes csvin_check_row() and both readings give the same rows — the same
 * checks the libFuzzer harness tests/fuzz/fuzz_csvin.c makes. */
#include "../fuzz/csvin_check.h"
#include "replay.h"
#include "testing.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

/* Read fd twice; NULL when both readings pass and agree. */
static const char *check_file(const char *path)
{
    struct rowlog log[2] = { { 0 }, { 0 } };
    const char *why = NULL;
    for (int fast = 0; fast < 2 && !why; fast++) {
        int fd = open(path, O_RDONLY);
        if (fd < 0)
            return "cannot open";
        why = csvin_check_read(fd, fast, 1L << 40, &log[fast]);
        close(fd);
    }
    if (!why && (log[0].len != log[1].len ||
                 (log[0].len && memcmp(log[0].buf, log[1].buf, log[0].len))))
        why = "the fast path and libcsv give different rows";
    rowlog_free(&log[0]);
    rowlog_free(&log[1]);
    return why;
}

TEST(every_fuzz_regression_reads_cleanly)
{
    CHECK(replay_dir("tests/fuzz/regressions", check_file) >= 0);
}

TEST(every_fuzz_seed_reads_cleanly)
{
    CHECK(replay_dir("tests/fuzz/seeds", check_file) > 0);
}

TEST(every_bad_corpus_file_reads_cleanly)
{
    CHECK(replay_dir("tests/corpus/bad", check_file) >= 40);
}

int main(void)
{
    RUN(every_fuzz_regression_reads_cleanly);
    RUN(every_fuzz_seed_reads_cleanly);
    RUN(every_bad_corpus_file_reads_cleanly);
    return TESTING_DONE();
}
