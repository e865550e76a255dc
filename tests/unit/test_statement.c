/*
 * test_statement.c — the analyst's text file, the staleness flags, the
 * HTML escaping, and the words of the figures tables and sources of
 * sio-statement, without a store.
 */
#include "../../statement/analyst.h"
#include "../../statement/statement.h"
#include "../../statement/write.h"

#include "testing.h"

#include <stdlib.h>
#include <unistd.h>

static char dir[64];

static char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

TEST(quarter_labels_parse_to_their_first_month)
{
    CHECK_INT(analyst_parse_quarter("2021/22 Q4"), month_make(2022, 1));
    CHECK_INT(analyst_parse_quarter("2022/23 Q1"), month_make(2022, 4));
    CHECK_INT(analyst_parse_quarter("2022/23 Q3"), month_make(2022, 10));
    CHECK_INT(analyst_parse_quarter("2021/23 Q1"), MONTH_NONE); /* years must follow */
    CHECK_INT(analyst_parse_quarter("2021/22 Q5"), MONTH_NONE);
    CHECK_INT(analyst_parse_quarter("2021/22 Q1x"), MONTH_NONE);
}

TEST(sections_carry_dates_and_markdown_with_blank_lines)
{
    struct analyst_text t;
    struct sio_error err;
    const char *p = write_file("a.md", "# preamble, not printed\n\n## drugs\nQuarter: 2021/22 Q4\n"
                                       "Written: 2022-04-20\n\n### Reflections\n\nOne.\n\nTwo.\n"
                                       "## burglary\nJust words.\n");
    CHECK_INT(analyst_load(p, &t, &err), SIO_OK);
    CHECK_INT(t.n, 2);
    const struct analyst_section *d = analyst_find(&t, "drugs");
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(d->quarter, month_make(2022, 1));
        CHECK_STR(d->written, "2022-04-20");
        CHECK_STR(d->body, "### Reflections\n\nOne.\n\nTwo.");
    }
    const struct analyst_section *b = analyst_find(&t, "burglary");
    CHECK(b && b->quarter == MONTH_NONE && b->written[0] == '\0');
    CHECK(analyst_find(&t, "homicide") == NULL);
    analyst_free(&t);
}

TEST(a_missing_file_is_not_an_error)
{
    struct analyst_text t;
    struct sio_error err;
    CHECK_INT(analyst_load("/nonexistent/statement-text.md", &t, &err), SIO_OK);
    CHECK_INT(t.exists, 0);
    CHECK_INT(t.n, 0);
    analyst_free(&t);
}

TEST(a_bad_dated_line_names_file_and_line)
{
    struct analyst_text t;
    struct sio_error err;
    const char *p = write_file("b.md", "## drugs\nQuarter: Q4 2021\n");
    CHECK_INT(analyst_load(p, &t, &err), SIO_EDATA);
    CHECK_INT(err.line, 2);
    CHECK(strstr(err.file, "b.md") != NULL);
    analyst_free(&t);
}

TEST(a_measure_given_twice_is_refused)
{
    struct analyst_text t;
    struct sio_error err;
    const char *p = write_file("c.md", "## drugs\nOne.\n\n## drugs\nTwo.\n");
    CHECK_INT(analyst_load(p, &t, &err), SIO_EDATA);
    CHECK_INT(err.line, 4);
    analyst_free(&t);
}

TEST(dated_lines_count_only_at_the_top)
{
    struct analyst_text t;
    struct sio_error err;
    const char *p = write_file("d.md", "## drugs\nWords first.\nQuarter: 2021/22 Q4\n");
    CHECK_INT(analyst_load(p, &t, &err), SIO_OK);
    CHECK(t.n == 1 && t.s[0].quarter == MONTH_NONE);
    CHECK(t.n == 1 && strstr(t.s[0].body, "Quarter: 2021/22 Q4") != NULL);
    analyst_free(&t);
}

TEST(html_escapes_every_special_character)
{
    char buf[256] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    write_html_escaped(f, "<script>alert('x & \"y\"')</script>");
    fclose(f);
    CHECK_STR(buf, "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;");
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sio-test-statement-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    RUN(quarter_labels_parse_to_their_first_month);
    RUN(sections_carry_dates_and_markdown_with_blank_lines);
    RUN(a_missing_file_is_not_an_error);
    RUN(a_bad_dated_line_names_file_and_line);
    RUN(a_measure_given_twice_is_refused);
    RUN(dated_lines_count_only_at_the_top);
    RUN(html_escapes_every_special_character);
    const char *names[] = {"a.md", "b.md", "c.md", "d.md"};
    char p[128];
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
    return TESTING_DONE();
}
