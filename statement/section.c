/*
 * section.c — one national priority in the draft (compose.h): whether it
 * applies locally and why, the headline figure from the first source in the
 * priority's precedence with figures (and why any before it was not used),
 * the supporting figures each named for what it counts, and the office's
 * words with their headings.  A priority with no source says "no data
 * loaded" and names the files that would supply it: never a stand-in.
 */
#include "compose.h"
#include "wording.h"

#include <stdio.h>
#include <string.h>

static void applicability(struct doc *d, const struct statement_section *sec)
{
    if (sec->p.reason[0])
        doc_quiet(d, "%s locally. %s", sec->p.applicable ? "Applicable" : "Not applicable",
                  sec->p.reason);
    else
        doc_check(d, "Say why this priority %s locally: add 'reason = ...' to the [priority %s] "
                     "section of measures.ini.", sec->p.applicable ? "applies" : "does not apply",
                  sec->p.key);
}

/* The candidates ahead of the headline, and why none of them was used. */
static void not_used(struct doc *d, const struct statement *s, const struct statement_section *sec)
{
    char buf[2048];
    size_t o = 0;

    for (int i = 0; i < sec->n_members && o < sizeof buf; i++) {
        const struct statement_measure *m = &s->m[sec->member[i]];
        if (sec->member[i] == sec->headline)
            break;
        if (m->def.precedence > 0)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s (%s)", o ? "; " : "",
                                  m->def.label, m->reason);
    }
    if (o)
        doc_quiet(d, "Not used: %s.", buf);
}

/* The members with figures the section prints, in order: the headline,
 * then the supporting figures (or, with no priority, every member); the
 * supporting figures are printed from this list. */
struct printed {
    int idx[CONFIG_MAX_MEASURES];
    int n;
};

static int no_figures(const struct statement_measure *m)
{
    return !m->quarter.found && !m->r12.found;
}

static void printed_order(const struct statement *s, const struct statement_section *sec,
                          struct printed *p)
{
    p->n = 0;
    if (sec->p.key[0] && sec->headline >= 0 && !no_figures(&s->m[sec->headline]))
        p->idx[p->n++] = sec->headline;
    for (int i = 0; i < sec->n_members && p->n < CONFIG_MAX_MEASURES; i++)
        if ((!sec->p.key[0] || sec->member[i] != sec->headline) && !no_figures(&s->m[sec->member[i]]))
            p->idx[p->n++] = sec->member[i];
}

static void headline(struct doc *d, const struct statement *s, const struct statement_section *sec,
                     const struct printed *p)
{
    const struct statement_measure *m = &s->m[sec->headline];
    char src[1400];

    doc_heading(d, 3, "", "Headline: %s", m->def.label);
    doc_quiet(d, "Source: %s. Chosen as %s.", sw_source(m, src, sizeof src), m->reason);
    not_used(d, s, sec);
    compose_measure(d, s, m, 1, p->idx, p->n);
}

/* No source has figures: say so, and what would supply them. */
static void no_headline(struct doc *d, const struct statement *s, const struct statement_section *sec)
{
    int n = 0;

    doc_heading(d, 3, "", "Headline: no data loaded");
    doc_para(d, "No source for this priority has figures for %s in the store, so there is no "
                "headline figure. Any of these would supply one, in this order:", s->force_name);
    for (int i = 0; i < sec->n_members; i++) {
        const struct statement_measure *m = &s->m[sec->member[i]];
        if (m->def.precedence > 0 && ++n)
            doc_item(d, "%s: load %s (now: %s).", m->def.label, m->def.source_file,
                     m->reason[0] ? m->reason : "no figures");
    }
    if (!n)
        doc_item(d, "None is configured: add a measure with national = %s to measures.ini.",
                 sec->p.key);
}

/* A member with no figures for the force at all. */
/* Whether the section has already said why m has no figures: a candidate
 * before the headline ("Not used"), or any candidate when there is none. */
static int explained(const struct statement_section *sec, int i)
{
    for (int j = 0; j < sec->n_members; j++) {
        if (sec->member[j] == sec->headline)
            return 0;
        if (sec->member[j] == i)
            return 1;
    }
    return 1;
}

/* The members with no figures, not yet explained, whose source is loaded
 * (loaded = 1: the file is there but has none of them for the force, as the
 * rolling-year file has no force's fraud since 2014) or not (loaded = 0:
 * what would supply them). */
static void not_loaded(struct doc *d, const struct statement *s, const struct statement_section *sec,
                       int loaded)
{
    char buf[4096];
    size_t o = 0;

    for (int i = 0; i < sec->n_members && o < sizeof buf; i++) {
        const struct statement_measure *m = &s->m[sec->member[i]];
        if (no_figures(m) && !(m->def.precedence > 0 && explained(sec, sec->member[i])) &&
            !m->def.source_loaded == !loaded)
            o += (size_t)snprintf(buf + o, sizeof buf - o, loaded ? "%s%s (%s)" : "%s%s (load %s)",
                                  o ? "; " : "", m->def.label, m->def.source_file);
    }
    if (o && loaded)
        doc_quiet(d, "Loaded, but with no figures for %s: %s.", s->force_name, buf);
    else if (o)
        doc_quiet(d, "No figures loaded for: %s.", buf);
}

static void supporting(struct doc *d, const struct statement *s, const struct statement_section *sec,
                       const struct printed *p)
{
    char src[1400];
    int first = 1;

    for (int k = 0; k < p->n; k++) {
        const struct statement_measure *m = &s->m[p->idx[k]];
        if (p->idx[k] == sec->headline)
            continue;
        if (first)
            doc_heading(d, 3, "", "Supporting figures");
        first = 0;
        doc_heading(d, 4, "", "%s", m->def.label);
        doc_quiet(d, "%s. Source: %s.",
                  !strcmp(m->def.role, "activity") ? "Police activity"
                  : !strcmp(m->def.role, "focus") ? "Part of the measure: the victims this priority"
                                                    " singles out"
                  : !strcmp(m->def.role, "context") ? "Context, not the measure itself"
                                                    : "Another source for this priority",
                  sw_source(m, src, sizeof src));
        compose_measure(d, s, m, 0, p->idx, p->n);
    }
}

/* The office's words, or the headings for them and a prompt. */
static void words(struct doc *d, const struct statement_section *sec)
{
    if (sec->text_flag[0])
        doc_check(d, "%s", sec->text_flag);
    if (sec->text && sec->text->body && sec->text->body[0] && !sec->text_withheld) {
        doc_markdown(d, sec->text->body);
        return;
    }
    doc_heading(d, 3, "", "Reflections on performance and context");
    doc_quiet(d, "[The office's words: how the force contributed to this priority in the "
                 "quarter, and what explains these figures.]");
    doc_heading(d, 3, "", "Planned action for the next quarter");
    doc_quiet(d, "[The office's words: what the force and the office will do next.]");
}

void compose_section(struct doc *d, const struct statement *s, const struct statement_section *sec,
                     int number)
{
    struct printed p;
    printed_order(s, sec, &p);
    if (!sec->p.key[0]) {
        doc_heading(d, 2, "local", "%s", sec->p.title);
        doc_quiet(d, "Measures in measures.ini that serve none of the six national priorities.");
        for (int i = 0; i < sec->n_members; i++) {
            doc_heading(d, 3, "", "%s", s->m[sec->member[i]].def.label);
            compose_measure(d, s, &s->m[sec->member[i]], 1, p.idx, p.n);
        }
        return;
    }
    doc_heading(d, 2, sec->p.key, "%d. %s", number, sec->p.title);
    applicability(d, sec);
    if (sec->headline >= 0)
        headline(d, s, sec, &p);
    else
        no_headline(d, s, sec);
    supporting(d, s, sec, &p);
    not_loaded(d, s, sec, 0);
    not_loaded(d, s, sec, 1);
    words(d, sec);
}
