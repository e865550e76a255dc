/*
 * front.c — the draft's front matter and its "what changed" section
 * (compose.h).
 *
 * Parts 1-3 of a published quarterly page are the office's own words:
 * sio prints them from the statement text file (## introduction, ## order,
 * ## contribution) or, when missing, their headings with a prompt and a
 * check.  What sio knows as fact it prints anyway: the six priorities in the
 * order's order, and what the order requires of a PCC (measures.md §4, §7).
 */
#include "compose.h"
#include "wording.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Everything the draft asks to be put right, listed once at the top. */
static void checks(struct doc *d, const struct statement *s)
{
    static const char *const part_names[PART_N] = {"the introduction", "", "the statement of contribution"};
    int n = statement_flag_count(s);

    if (!n)
        return;
    doc_check(d, "Before publishing, %d %s to be put right (each is marked in the draft):", n,
              n == 1 ? "thing needs" : "things need");
    for (int i = 0; i < PART_N; i++)
        if (i != PART_ORDER && !s->part[i])
            doc_item(d, "the office's words for %s", part_names[i]);
    for (int i = 0; i < s->n_sec; i++) {
        const struct statement_section *sec = &s->sec[i];
        if (sec->p.key[0] && !sec->p.reason[0])
            doc_item(d, "%s: why it applies locally (or not)", sec->p.title);
        if (sec->text_flag[0])
            doc_item(d, "%s: the office's words (%s)", sec->p.title,
                     !sec->text ? "missing" : sec->text_withheld ? "written for another quarter"
                                                                 : "older than the data");
    }
}

/* The office's words for a part, or a prompt and a check. */
static void part(struct doc *d, const struct statement *s, enum statement_part p,
                 const char *key, const char *prompt)
{
    const struct analyst_section *t = s->part[p];
    if (t && t->body && t->body[0]) {
        doc_markdown(d, t->body);
        return;
    }
    doc_check(d, "The office's words for this part are missing: add a '## %s' section to %s.",
              key, s->analyst.path);
    doc_quiet(d, "[%s]", prompt);
}

void compose_front(struct doc *d, const struct statement *s)
{
    char span[64];

    doc_heading(d, 1, "", "National Crime and Policing Measures: %s, %s", s->force_name,
                s->quarter_label);
    doc_para(d, "Draft statement on the contribution of %s to the national crime and policing "
                "measures, %s (%s), made by sio %s from the figures in its store%s%.10s%s.",
             s->force_name, s->quarter_label, sw_span(s->quarter, s->quarter + 2, span, sizeof span),
             s->version, s->data_loaded[0] ? " (data last loaded " : "", s->data_loaded,
             s->data_loaded[0] ? ")" : "");
    checks(d, s);
    doc_heading(d, 2, "introduction", "Introduction");
    part(d, s, PART_INTRODUCTION, "introduction",
         "The office's words: how the national measures sit beside the Police and Crime Plan.");
    doc_para(d, "The Government's national crime and policing measures set six priorities:");
    for (int i = 0; i < s->n_sec; i++)
        if (s->sec[i].p.key[0])
            doc_numbered(d, "%s", s->sec[i].p.title);
    doc_heading(d, 2, "order", "The Specified Information Order");
    if (s->part[PART_ORDER] && s->part[PART_ORDER]->body && s->part[PART_ORDER]->body[0])
        doc_markdown(d, s->part[PART_ORDER]->body);
    else
        doc_para(d, "The Elected Local Policing Bodies (Specified Information) (Amendment) Order "
                    "2021 requires each Police and Crime Commissioner to publish a statement on "
                    "the contribution of their force to these measures, in a prominent place on "
                    "their website, and to update it every quarter after the quarterly crime "
                    "statistics are published.");
    doc_heading(d, 2, "contribution", "Statement of contribution");
    part(d, s, PART_CONTRIBUTION, "contribution",
         "The office's words: how the Police and Crime Plan's objectives serve these "
         "priorities, and how the Commissioner holds the Chief Constable to account for them.");
    if (s->overview && s->overview->path[0]) {
        doc_heading(d, 2, "glance", "The six priorities at a glance");
        doc_chart(d, s->overview->path, s->overview->rel, s->overview->alt);
    }
}

static void revision_row(struct doc *d, int t, const struct statement_revision *r)
{
    char before[32], now[32];
    snprintf(before, sizeof before, r->proportion ? "%.1f%%" : "%.0f", r->before);
    if (isnan(r->now))
        snprintf(now, sizeof now, "no longer in the store");
    else
        snprintf(now, sizeof now, r->proportion ? "%.1f%%" : "%.0f", r->now);
    const char *cells[5] = {r->label, r->period, before, now,
                            r->files[0] ? r->files : "none loaded since: a change of method or configuration"};
    doc_row(d, t, cells);
}

void compose_changes(struct doc *d, const struct statement *s)
{
    const char *header[5] = {"Measure", "Period", "Published", "Now", "Files loaded since"};
    char caption[256];

    doc_heading(d, 2, "changes", "What changed since the last statement");
    if (!s->last_statement[0]) {
        doc_para(d, "sio has written no statement for %s for an earlier quarter, so there is "
                    "nothing to compare yet. From the next quarter's draft, this section lists "
                    "every figure published here that has changed since, with the files that "
                    "changed it.", s->force_name);
        return;
    }
    if (s->n_rev == 0) {
        doc_para(d, "No figure in the statement for %s (written %.10s) has changed since.",
                 s->last_quarter, s->last_statement);
        return;
    }
    doc_para(d, "%d %s in the statement for %s (written %.10s) %s changed since, as later "
                "files revised them:", s->n_rev, s->n_rev == 1 ? "figure" : "figures",
             s->last_quarter, s->last_statement, s->n_rev == 1 ? "has" : "have");
    snprintf(caption, sizeof caption, "Figures in the statement for %s that have changed since",
             s->last_quarter);
    int t = doc_table(d, caption, 5, 0xc, header);
    for (int i = 0; i < s->n_rev; i++)
        revision_row(d, t, &s->rev[i]);
}

int compose_statement(const struct statement *s, struct doc *d, struct sio_error *err)
{
    int number = 0;

    compose_front(d, s);
    for (int i = 0; i < s->n_sec; i++)
        compose_section(d, s, &s->sec[i], s->sec[i].p.key[0] ? ++number : 0);
    compose_changes(d, s);
    compose_methods(d, s);
    if (d->failed) {
        doc_free(d);
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory composing the statement");
    }
    return SIO_OK;
}
