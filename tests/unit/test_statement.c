/*
 * test_statement.c — the analyst's text file, the staleness flags, the
 * HTML escaping, and the words of the figures tables and sources of
 * sio-statement, without a store.
 */
#include "../../statement/analyst.h"
#include "../../statement/compose.h"
#include "../../statement/statement.h"
#include "../../statement/wording.h"
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

/* ---- the draft's words, on a statement built by hand ---------------------- */

static struct sio_config cfg;
static struct statement st;
static struct statement_measure ms[3];

static void value(struct statement_value *v, double x, month_t start, int months)
{
    memset(v, 0, sizeof *v);
    v->found = 1;
    v->value = x;
    v->low = v->high = v->denominator = NAN;
    v->covered = v->expected = months;
    v->start = start;
    v->end = start + months - 1;
}

/* Warwickshire's homicides as counts: 3 in 2021/22 Q4, 1 a year before, 7
 * in the 12 months to March 2022 and 9 before; verdicts as stored. */
static void homicide_statement(void)
{
    static const char *const order[6] = {"homicide", "serious_violence", "drugs_supply",
                                         "neighbourhood_crime", "cyber_crime",
                                         "victim_satisfaction"};
    memset(&cfg, 0, sizeof cfg);
    memset(&st, 0, sizeof st);
    memset(ms, 0, sizeof ms);
    snprintf(cfg.classification, sizeof cfg.classification, "OFFICIAL");
    st.cfg = &cfg;
    st.version = "0.1.0";
    st.confidence = 0.95;
    st.quarter = month_make(2022, 1);
    snprintf(st.quarter_label, sizeof st.quarter_label, "2021/22 Q4");
    snprintf(st.force_name, sizeof st.force_name, "Warwickshire Police");
    st.baseline_start = month_make(2018, 7);
    st.baseline_end = month_make(2019, 6);
    struct statement_measure *m = &ms[0];
    snprintf(m->def.key, sizeof m->def.key, "homicide");
    snprintf(m->def.label, sizeof m->def.label, "Homicide");
    snprintf(m->def.noun, sizeof m->def.noun, "homicides");
    snprintf(m->def.priority, sizeof m->def.priority, "homicide");
    snprintf(m->def.role, sizeof m->def.role, "headline");
    snprintf(m->def.source_file, sizeof m->def.source_file, "the Home Office table");
    m->def.precedence = 1;
    m->current = 1;
    m->win.last = month_make(2022, 3);
    value(&m->quarter, 3, month_make(2022, 1), 3);
    value(&m->quarter_before, 1, month_make(2021, 1), 3);
    value(&m->r12, 7, month_make(2021, 4), 12);
    value(&m->r12_before, 9, month_make(2020, 4), 12);
    value(&m->baseline, 6, month_make(2018, 7), 12);
    for (int k = 0; k < CMP_N; k++) {
        m->cmp[k].found = 1;
        snprintf(m->cmp[k].verdict, sizeof m->cmp[k].verdict, "no significant change");
        m->cmp[k].change = k == 0 ? 200.0 : -22.2;
        m->cmp[k].low = -50;
        m->cmp[k].high = 900;
    }
    m->chosen = 1;
    st.m = ms;
    st.n = 1;
    for (int i = 0; i < 6; i++) {
        struct statement_section *sec = &st.sec[st.n_sec++];
        snprintf(sec->p.key, sizeof sec->p.key, "%s", order[i]);
        snprintf(sec->p.title, sizeof sec->p.title, "Priority %d", i + 1);
        snprintf(sec->p.reason, sizeof sec->p.reason, "Because.");
        sec->p.position = i + 1;
        sec->p.applicable = 1;
        sec->headline = -1;
    }
    st.sec[0].member[st.sec[0].n_members++] = 0;
    st.sec[0].headline = 0;
}

/* The first block of kind whose text contains needle, or NULL. */
static const struct doc_block *find_block(const struct doc *d, enum doc_kind kind,
                                          const char *needle)
{
    for (int i = 0; i < d->n; i++)
        if (d->b[i].kind == kind && d->b[i].text && strstr(d->b[i].text, needle))
            return &d->b[i];
    return NULL;
}

TEST(no_data_is_never_printed_as_a_number)
{
    struct statement_measure m = {0};
    struct statement_value v = {0};
    char buf[64];
    snprintf(m.def.noun, sizeof m.def.noun, "crimes");
    CHECK_STR(sw_value(&m, &v, 1, buf, sizeof buf), "no data");
    CHECK_STR(sw_value(&m, &v, 0, buf, sizeof buf), "no data");
}

TEST(a_partial_period_says_how_many_months_it_has)
{
    struct statement_measure m = {0};
    struct statement_value v;
    char buf[96];
    value(&v, 1079, month_make(2018, 7), 12);
    v.covered = 10;
    CHECK_STR(sw_value(&m, &v, 0, buf, sizeof buf), "1,079 (10 of 12 months with data)");
}

TEST(small_counts_are_told_as_counts_not_percentages)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    const struct doc_block *b = find_block(&d, DOC_PARA, "Homicide: 3 homicides in 2021/22 Q4");
    CHECK(b != NULL);
    CHECK(b && strstr(b->text, "against 1 in 2020/21 Q4; 7 in the 12 months to March 2022, "
                               "against 9 in the 12 months before.") != NULL);
    CHECK(find_block(&d, DOC_PARA, "+200.0%") == NULL);
    const struct doc_block *t = find_block(&d, DOC_TABLE, "Homicide, Warwickshire Police");
    CHECK(t && t->rows == 4 && !strcmp(t->cells[1 * 5 + 3], "not shown: small numbers"));
    CHECK(t && !strcmp(t->cells[1 * 5 + 4], "no significant change"));
    doc_free(&d);
}

TEST(the_six_priorities_come_in_the_orders_order)
{
    struct doc d = {0};
    struct sio_error err;
    int next = 1;
    homicide_statement();
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    for (int i = 0; i < d.n; i++) {
        char want[32];
        snprintf(want, sizeof want, "%d. Priority %d", next, next);
        if (d.b[i].kind == DOC_HEADING && d.b[i].level == 2 && !strcmp(d.b[i].text, want))
            next++;
    }
    CHECK_INT(next, 7);
    doc_free(&d);
}

TEST(a_priority_with_no_source_says_no_data_loaded_and_what_to_load)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    ms[0].chosen = 0;
    st.sec[0].headline = -1;
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK(find_block(&d, DOC_HEADING, "Headline: no data loaded") != NULL);
    CHECK(find_block(&d, DOC_ITEM, "Homicide: load the Home Office table") != NULL);
    doc_free(&d);
}

TEST(a_priority_without_a_reason_asks_for_one)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    st.sec[1].p.reason[0] = '\0';
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK(find_block(&d, DOC_CHECK, "[priority serious_violence]") != NULL);
    CHECK(find_block(&d, DOC_PARA, "Applicable locally. Because.") != NULL);
    doc_free(&d);
}

/* The order asks whether each priority applies locally, and why. */
TEST(a_priority_not_applicable_locally_says_so_and_why)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    st.sec[4].p.applicable = 0;
    snprintf(st.sec[4].p.reason, sizeof st.sec[4].p.reason, "Recorded nationally by Action Fraud.");
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK(find_block(&d, DOC_PARA, "Not applicable locally. Recorded nationally by Action Fraud.") != NULL);
    doc_free(&d);
}

/* The SPC summary is named for the frequency the series is charted at, and
 * says why when there is no verdict (measures' why_no_verdict). */
TEST(the_spc_summary_names_its_frequency_and_why_no_verdict)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    snprintf(ms[0].win.frequency, sizeof ms[0].win.frequency, "quarter");
    snprintf(ms[0].variation, sizeof ms[0].variation, "no verdict");
    snprintf(ms[0].why_no_verdict, sizeof ms[0].why_no_verdict,
             "the limits rest on 12 points, fewer than the 15 Making Data Count asks for");
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK(find_block(&d, DOC_PARA, "Quarterly variation (SPC): no verdict, as the limits rest on"
                                   " 12 points, fewer than the 15 Making Data Count asks for.") != NULL);
    CHECK(find_block(&d, DOC_PARA, "Monthly variation") == NULL);
    doc_free(&d);
    snprintf(ms[0].win.frequency, sizeof ms[0].win.frequency, "month");
    snprintf(ms[0].variation, sizeof ms[0].variation, "common cause");
    ms[0].why_no_verdict[0] = '\0';
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK(find_block(&d, DOC_PARA, "Monthly variation (SPC): common cause.") != NULL);
    doc_free(&d);
}

TEST(an_earlier_quarter_has_counts_but_no_verdicts)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    ms[0].current = 0;
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    const struct doc_block *t = find_block(&d, DOC_TABLE, "Homicide, Warwickshire Police");
    CHECK(t && !strcmp(t->cells[1 * 5 + 4], "not judged"));
    CHECK(find_block(&d, DOC_PARA, "No verdicts for this quarter") != NULL);
    doc_free(&d);
}

/* Two more measures of the first priority, supporting its headline, with
 * figures (a copy of the homicide's), a rise better for both, for the
 * reasons given. */
static void two_drug_measures(const char *reason1, const char *reason2)
{
    static const char *const label[2] = {"Drug offences (12-month totals)", "Drugs, police.uk"};
    for (int i = 1; i <= 2; i++) {
        ms[i] = ms[0];
        snprintf(ms[i].def.key, sizeof ms[i].def.key, "drugs%d", i);
        snprintf(ms[i].def.label, sizeof ms[i].def.label, "%s", label[i - 1]);
        snprintf(ms[i].def.role, sizeof ms[i].def.role, "context");
        ms[i].def.precedence = 0;
        ms[i].def.better = 1;
        snprintf(ms[i].def.better_reason, sizeof ms[i].def.better_reason, "%s",
                 i == 1 ? reason1 : reason2);
        st.sec[0].member[st.sec[0].n_members++] = i;
    }
    st.n = 3;
}

/* How many blocks of kind contain needle. */
static int count_blocks(const struct doc *d, enum doc_kind kind, const char *needle)
{
    int n = 0;
    for (int i = 0; i < d->n; i++)
        n += d->b[i].kind == kind && d->b[i].text && strstr(d->b[i].text, needle) != NULL;
    return n;
}

/* Two measures of one section giving the same reason for their better
 * direction: it is said once, at the first, naming the second. */
TEST(a_reason_two_measures_share_is_said_once_naming_both)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    two_drug_measures("few are reported by victims.", "few are reported by victims.");
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK_INT(count_blocks(&d, DOC_PARA, "counts as an improvement"), 1);
    CHECK(find_block(&d, DOC_PARA, "A rise counts as an improvement for this measure and for "
                                   "Drugs, police.uk, below: few are reported by victims.") != NULL);
    /* and at the first of the two: after its heading, before the second's */
    int h1 = -1, said = -1, h2 = -1;
    for (int i = 0; i < d.n; i++) {
        if (d.b[i].kind == DOC_HEADING && !strcmp(d.b[i].text, "Drug offences (12-month totals)"))
            h1 = i;
        if (d.b[i].kind == DOC_HEADING && !strcmp(d.b[i].text, "Drugs, police.uk"))
            h2 = i;
        if (d.b[i].kind == DOC_PARA && strstr(d.b[i].text, "counts as an improvement"))
            said = i;
    }
    CHECK(h1 >= 0 && h1 < said && said < h2);
    doc_free(&d);
}

/* Different reasons are each said, once, for their own measure. */
TEST(different_reasons_are_each_said_for_their_own_measure)
{
    struct doc d = {0};
    struct sio_error err;
    homicide_statement();
    two_drug_measures("one reason.", "another reason.");
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK_INT(count_blocks(&d, DOC_PARA, "counts as an improvement"), 2);
    CHECK(find_block(&d, DOC_PARA, "A rise counts as an improvement for this measure: one reason.") != NULL);
    CHECK(find_block(&d, DOC_PARA, "A rise counts as an improvement for this measure: another "
                                   "reason.") != NULL);
    doc_free(&d);
    /* the same words for opposite directions are not one reason */
    homicide_statement();
    two_drug_measures("the same words.", "the same words.");
    ms[2].def.better = -1;
    CHECK_INT(compose_statement(&st, &d, &err), SIO_OK);
    CHECK_INT(count_blocks(&d, DOC_PARA, "counts as an improvement for this measure: the same"), 2);
    CHECK(find_block(&d, DOC_PARA, "A fall counts as an improvement for this measure: the same "
                                   "words.") != NULL);
    doc_free(&d);
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
    RUN(no_data_is_never_printed_as_a_number);
    RUN(a_partial_period_says_how_many_months_it_has);
    RUN(small_counts_are_told_as_counts_not_percentages);
    RUN(the_six_priorities_come_in_the_orders_order);
    RUN(a_priority_with_no_source_says_no_data_loaded_and_what_to_load);
    RUN(a_priority_without_a_reason_asks_for_one);
    RUN(a_priority_not_applicable_locally_says_so_and_why);
    RUN(the_spc_summary_names_its_frequency_and_why_no_verdict);
    RUN(an_earlier_quarter_has_counts_but_no_verdicts);
    RUN(a_reason_two_measures_share_is_said_once_naming_both);
    RUN(different_reasons_are_each_said_for_their_own_measure);
    const char *names[] = {"a.md", "b.md", "c.md", "d.md"};
    char p[128];
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
    return TESTING_DONE();
}
