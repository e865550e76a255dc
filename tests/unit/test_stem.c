/* File-name stems (lib/text/stem.h): the one function every stage uses to
 * name a measure's chart files and a force's folder, so a section called
 * "neighbourhood crime" has the same file name for sio-charts and
 * sio-statement. */
#include "text/stem.h"
#include "testing.h"

TEST(a_plain_key_is_its_own_stem)
{
    char b[64];
    CHECK_STR(stem_make("neighbourhood_crime", b, sizeof b), "neighbourhood_crime");
    CHECK_STR(stem_make("homicide_ho", b, sizeof b), "homicide_ho");
}

TEST(spaces_and_punctuation_become_one_dash)
{
    char b[64];
    CHECK_STR(stem_make("neighbourhood crime", b, sizeof b), "neighbourhood-crime");
    CHECK_STR(stem_make("London, City of", b, sizeof b), "london-city-of");
    CHECK_STR(stem_make("Thames Valley Police", b, sizeof b), "thames-valley-police");
}

TEST(no_dash_at_either_end_so_never_an_option)
{
    char b[64];
    CHECK_STR(stem_make("  --Avon & Somerset--", b, sizeof b), "avon-somerset");
    CHECK_STR(stem_make("-rf", b, sizeof b), "rf");
}

TEST(slashes_and_dots_cannot_make_a_path)
{
    char b[64];
    CHECK_STR(stem_make("../../etc/passwd", b, sizeof b), "etc-passwd");
}

TEST(non_ascii_letters_are_separators)
{
    char b[64];
    CHECK_STR(stem_make("caf\xc3\xa9 crime", b, sizeof b), "caf-crime");
}

TEST(nothing_usable_gives_empty)
{
    char b[64];
    CHECK_STR(stem_make("", b, sizeof b), "");
    CHECK_STR(stem_make(" - ", b, sizeof b), "");
}

TEST(a_short_buffer_is_cut_without_a_trailing_dash)
{
    char b[6];
    CHECK_STR(stem_make("abcd efgh", b, sizeof b), "abcd");
    CHECK_STR(stem_make("abcdefgh", b, sizeof b), "abcde");
}

int main(void)
{
    RUN(a_plain_key_is_its_own_stem);
    RUN(spaces_and_punctuation_become_one_dash);
    RUN(no_dash_at_either_end_so_never_an_option);
    RUN(slashes_and_dots_cannot_make_a_path);
    RUN(non_ascii_letters_are_separators);
    RUN(nothing_usable_gives_empty);
    RUN(a_short_buffer_is_cut_without_a_trailing_dash);
    return TESTING_DONE();
}
