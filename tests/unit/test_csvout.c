/*
 * test_csvout.c — CSV fields as RFC 4180 writes them: plain text as it is,
 * a field with a comma, quote, CR or LF in quotes with each quote doubled.
 */
#include "csv/csvout.h"

#include "testing.h"

#include <stdio.h>
#include <stdlib.h>

/* What csvout_field writes for s. */
static const char *written(const char *s, char *buf, size_t size)
{
    FILE *fp = tmpfile();
    size_t n = 0;
    if (fp) {
        csvout_field(fp, s);
        rewind(fp);
        n = fread(buf, 1, size - 1, fp);
        fclose(fp);
    }
    buf[n] = '\0';
    return buf;
}

TEST(plain_text_is_written_as_it_is)
{
    char b[64];
    CHECK_STR(written("Warwickshire Police", b, sizeof b), "Warwickshire Police");
    CHECK_STR(written("", b, sizeof b), "");
}

TEST(a_comma_or_line_end_is_quoted)
{
    char b[64];
    CHECK_STR(written("London, City of", b, sizeof b), "\"London, City of\"");
    CHECK_STR(written("two\nlines", b, sizeof b), "\"two\nlines\"");
    CHECK_STR(written("cr\r", b, sizeof b), "\"cr\r\"");
}

TEST(every_quote_is_doubled)
{
    char b[64];
    CHECK_STR(written("say \"no\"", b, sizeof b), "\"say \"\"no\"\"\"");
    CHECK_STR(written("\"", b, sizeof b), "\"\"\"\"");
    CHECK_STR(written("a\"\"b", b, sizeof b), "\"a\"\"\"\"b\"");
}

TEST(null_writes_nothing)
{
    char b[8];
    CHECK_STR(written(NULL, b, sizeof b), "");
}

int main(void)
{
    RUN(plain_text_is_written_as_it_is);
    RUN(a_comma_or_line_end_is_quoted);
    RUN(every_quote_is_doubled);
    RUN(null_writes_nothing);
    return TESTING_DONE();
}
