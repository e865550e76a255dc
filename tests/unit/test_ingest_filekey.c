/*
 * test_ingest_filekey.c — what a file's name and folder say it is
 * (ingest/filekey.h): the police.uk archive names its files
 * YYYY-MM/YYYY-MM-<force>-<kind>.csv, also inside its .zip.
 */
#include "../../ingest/filekey.h"
#include "testing.h"

TEST(a_police_uk_name_gives_force_and_month)
{
    struct file_key k;
    key_from_name("data/2022-01/2022-01-west-mercia-street.csv", KIND_STREET, &k);
    CHECK_INT(k.known, 1);
    CHECK_STR(k.force, "west-mercia");
    CHECK_INT(k.month, month_make(2022, 1));
    CHECK_INT(k.folder_month, month_make(2022, 1));
}

TEST(the_folder_month_is_read_whatever_the_name)
{
    struct file_key k;
    key_from_name("2022-03/street-export.csv", KIND_STREET, &k);
    CHECK_INT(k.known, 0);
    CHECK_INT(k.folder_month, month_make(2022, 3));
    key_from_name("x/2022-02/2022-01-warwickshire-street.csv", KIND_STREET, &k);
    CHECK_INT(k.month, month_make(2022, 1));
    CHECK_INT(k.folder_month, month_make(2022, 2));
}

TEST(a_zip_member_s_folder_is_after_the_archive_name)
{
    struct file_key k;
    key_from_name("police.zip:2022-05/2022-05-kent-outcomes.csv", KIND_OUTCOMES, &k);
    CHECK_INT(k.known, 1);
    CHECK_STR(k.force, "kent");
    CHECK_INT(k.folder_month, month_make(2022, 5));
}

/* The police.uk archive's members are in YYYY-MM/ folders, but an archive
 * made by hand may hold them at its top. */
TEST(a_member_at_the_top_of_an_archive_is_named_by_month_too)
{
    struct file_key k;
    key_from_name("data/force.zip:2022-04-kent-street.csv", KIND_STREET, &k);
    CHECK_INT(k.known, 1);
    CHECK_STR(k.force, "kent");
    CHECK_INT(k.month, month_make(2022, 4));
    CHECK_INT(k.folder_month, MONTH_NONE);
}

TEST(a_folder_not_named_by_month_gives_none)
{
    struct file_key k;
    key_from_name("street.csv", KIND_STREET, &k);
    CHECK_INT(k.folder_month, MONTH_NONE);
    key_from_name("data/2022-1/street.csv", KIND_STREET, &k);
    CHECK_INT(k.folder_month, MONTH_NONE);
    key_from_name("data/x2022-01/street.csv", KIND_STREET, &k);
    CHECK_INT(k.folder_month, MONTH_NONE);
}

int main(void)
{
    RUN(a_police_uk_name_gives_force_and_month);
    RUN(the_folder_month_is_read_whatever_the_name);
    RUN(a_zip_member_s_folder_is_after_the_archive_name);
    RUN(a_member_at_the_top_of_an_archive_is_named_by_month_too);
    RUN(a_folder_not_named_by_month_gives_none);
    return TESTING_DONE();
}
