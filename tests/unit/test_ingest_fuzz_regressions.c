/* Every file in tests/fuzz/regressions/ (past fuzzer findings),
 * tests/fuzz/seeds/ and tests/corpus/bad/ loaded with ingest_file() into a
 * fresh in-memory store: the outcome passes ingest_check_file() — the same
 * checks the libFuzzer harness tests/fuzz/fuzz_ingest.c makes (counts
 * reconciled, a refused file leaves nothing behind). */
#include "../fuzz/ingest_check.h"
#include "replay.h"
#include "testing.h"

#include <dirent.h>
#include <stdlib.h>

TEST(every_fuzz_regression_loads_with_counts_reconciled)
{
    CHECK(replay_dir("tests/fuzz/regressions", ingest_check_file) >= 0);
}

TEST(every_fuzz_seed_loads_with_counts_reconciled)
{
    CHECK(replay_dir("tests/fuzz/seeds", ingest_check_file) > 0);
}

TEST(every_bad_corpus_file_loads_or_is_refused_whole)
{
    CHECK(replay_dir("tests/corpus/bad", ingest_check_file) >= 40);
}

int main(void)
{
    RUN(every_fuzz_regression_loads_with_counts_reconciled);
    RUN(every_fuzz_seed_loads_with_counts_reconciled);
    RUN(every_bad_corpus_file_loads_or_is_refused_whole);
    return TESTING_DONE();
}
