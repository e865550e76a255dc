/*
 * test_manifest.c — lib/manifest: which names are unfinished temporaries.
 * (The manifest's content is checked end to end, against sha256sum and the
 * store, in tests/e2e/t0710-manifest.sh.)
 */
#include "sys/manifest.h"
#include "testing.h"

TEST(atomic_temporary_names_are_temporary)
{
    /* lib/atomic: "<name>.tmp.XXXXXX"; charts' scratch adds ".plot" */
    CHECK(manifest_is_temporary("measures.csv.tmp.AbC123"));
    CHECK(manifest_is_temporary("drugs.png.tmp.x1Y2z3.plot"));
}

TEST(finished_outputs_are_not_temporary)
{
    CHECK(!manifest_is_temporary("measures.csv"));
    CHECK(!manifest_is_temporary("drugs-spc-96dpi.png"));
    CHECK(!manifest_is_temporary("tmp.csv"));
}

int main(void)
{
    RUN(atomic_temporary_names_are_temporary);
    RUN(finished_outputs_are_not_temporary);
    return TESTING_DONE();
}
