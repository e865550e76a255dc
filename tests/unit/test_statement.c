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

static struct sio_config cfg;
static struct statement st;
static struct statement_measure measures[4];

/* A statement for 2021/22 Q4 with measures of the given nouns and sources. */
static void statement_with(const char *nouns[], const char *notes[], int n)
{
    memset(&cfg, 0, sizeof cfg);
    memset(&st, 0, sizeof st);
    memset(measures, 0, sizeof measures);
    snprintf(cfg.classification, sizeof cfg.classification, "OFFICIAL");
    snprintf(cfg.source_note, sizeof cfg.source_note, "Source: police.uk");
    for (int i = 0; i < n; i++) {
        struct catalogue_measure *d = &measures[i].def;
        snprintf(d->label, sizeof d->label, "Measure %d", i);
        snprintf(d->noun, sizeof d->noun, "%s", nouns[i]);
        snprintf(d->source_note, sizeof d->source_note, "%s", notes[i]);
        measures[i].fig = (struct statement_figures){.found = 1, .count = 4, .months_covered = 3,
                                                     .r12_count = 8, .r12_months = 12};
    }
    st.m = measures;
    st.n = n;
    st.confidence = 0.95;
    st.baseline_start = month_make(2018, 7);
    st.baseline_end = month_make(2019, 6);
    st.cfg = &cfg;
    st.version = "0.1.0";
    st.quarter = month_make(2022, 1);
    snprintf(st.quarter_label, sizeof st.quarter_label, "2021/22 Q4");
}

TEST(figure_rows_count_what_the_measure_counts)
{
    const char *nouns[] = {"county lines closed", ""}, *notes[] = {"Source: a", "Source: a"};
    char label[256], value[64];
    statement_with(nouns, notes, 2);
    CHECK(statement_figure_row(&st, &st.m[0], 0, label, sizeof label, value, sizeof value));
    CHECK_STR(label, "County lines closed in 2021/22 Q4 (Jan 2022 to Mar 2022)");
    CHECK_STR(value, "4");
    CHECK(statement_figure_row(&st, &st.m[1], 1, label, sizeof label, value, sizeof value));
    CHECK_STR(label, "Number in the 12 months to Mar 2022");
}

TEST(the_method_lists_every_source_once)
{
    const char *nouns[] = {"crimes", "crimes", ""};
    const char *notes[] = {"Source: police.uk", "Source: police.uk", "Source: the force"};
    char buf[2048];
    statement_with(nouns, notes, 3);
    CHECK(statement_method(&st, 4, buf, sizeof buf));
    CHECK(strncmp(buf, "Sources: police.uk; the force. Produced by sio 0.1.0", 52) == 0);
}

TEST(one_source_is_named_as_it_is)
{
    const char *nouns[] = {"crimes"}, *notes[] = {"Source: police.uk street-level crime data"};
    char buf[2048];
    statement_with(nouns, notes, 1);
    CHECK(statement_method(&st, 4, buf, sizeof buf));
    CHECK(strncmp(buf, "Source: police.uk street-level crime data. Produced", 51) == 0);
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
    RUN(figure_rows_count_what_the_measure_counts);
    RUN(the_method_lists_every_source_once);
    RUN(one_source_is_named_as_it_is);
    const char *names[] = {"a.md", "b.md", "c.md", "d.md"};
    char p[128];
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
    return TESTING_DONE();
}
