/*
 * methods.c — the draft's methods and data sources (compose.h): how the
 * figures are compared and judged, how each priority's headline is chosen,
 * exactly what every figure counts and where it comes from, and the points
 * of the national measures' definitions that could not be verified
 * (measures.md §3, §4), kept in view rather than hidden.
 */
#include "compose.h"
#include "quality.h"
#include "wording.h"

#include <stdio.h>
#include <string.h>

/* measures.md §3 and §4: what could not be confirmed.  Quoted, not
 * reworded, so a reader can find each in the reference. */
static const char *const unverified[] = {
    "Homicide: whether the Home Office measures homicide with the Homicide Index or with "
    "police recorded crime is unverified.",
    "Serious violence: the Government's primary metric is hospital admissions for assault with "
    "a sharp object among under-25s (Hansard, 19 December 2022), which police data cannot give; "
    "which recorded offences define serious violence is unverified.",
    "Drugs supply and county lines: county lines closures and drug-related homicide as its "
    "metrics are unverified (no primary source found).",
    "Neighbourhood crime: its components (domestic burglary, personal robbery, theft from the "
    "person, vehicle offences) and the offence codes used for them here (28E-28H, 34B, 39, "
    "37.2, 45, 48, 126) are unverified.",
    "Cyber crime: confidence and Action Fraud reports as its metrics are unverified; computer "
    "misuse is recorded through Action Fraud, not in the forces' own rows.",
    "Victim satisfaction: the survey behind the national measure (the Crime Survey for England "
    "and Wales and domestic abuse victims' satisfaction) is unverified.",
    "The baseline: the year ending June 2019 is an analyst's choice; ministers have compared "
    "with the year to December 2019, and no source states which the Home Office uses.",
};

static void comparisons(struct doc *d, const struct statement *s)
{
    char base[64];
    doc_para(d, "Each figure is compared three ways: the latest complete financial quarter "
                "against the same quarter a year earlier; the latest 12 months (ending at the "
                "last month with data) against the 12 months before; and the latest 12 months "
                "against the baseline year, %s. A month with no data is missing, never zero, and "
                "a comparison is made only when both periods have every month's data.",
             sw_span(s->baseline_start, s->baseline_end, base, sizeof base));
    doc_para(d, "A count's change is 100 x (latest / earlier - 1). Police figures vary from "
                "month to month more than chance alone would make them, so its %g%% confidence "
                "interval allows for the variation each series shows: the dispersion is "
                "estimated from the monthly figures of the two periods (quasi-Poisson, with "
                "month-of-year terms for a seasonal series; for a series by quarter, counts or "
                "percentages, from the whole series with one level a year, since two periods "
                "hold only eight quarters) and widens the interval (the exact "
                "Poisson interval when there is no extra variation). A percentage's change is a "
                "difference in percentage points, its interval Newcombe's on the effective "
                "counts.", 100 * s->confidence);
    doc_para(d, "Each comparison has one verdict, the same in the sentences, the tables and the "
                "charts: improvement or deterioration when the whole interval lies on one side "
                "of no change (judged in the measure's better direction), no significant change "
                "when it does not, not tested when there are too few figures to estimate the "
                "variation (a series by quarter shorter than about three and a half years, or "
                "12-month totals alone), not comparable when a window has "
                "missing months, and no data when there are no figures.");
    doc_para(d, "Where a measure's latest 12 months hold %d or fewer, its figures are given as "
                "counts with the verdict in words, not as a percentage change: with single "
                "figures a percentage says more than the numbers can bear.",
             STATEMENT_SMALL_COUNT);
    doc_para(d, "England and Wales and the region beside the force are the sums over their "
                "forces of the same source, over exactly the force's windows, shown only when "
                "the store has every month of both windows for every one of their forces; "
                "their change and interval are worked out as the force's.");
    doc_para(d, "Each priority's headline is the first of its sources, in this order, whose "
                "figures reach the end of the quarter: the force's own figures, then the Home "
                "Office's recorded crime by quarter, then its rolling-year file, then police.uk. "
                "A section says which it used and why any before it was not; the others follow "
                "as supporting figures. police.uk has no homicide, serious violence or cyber "
                "crime category, so no police.uk figure stands for those: its broad categories "
                "appear only as context, named for what they count.");
    doc_para(d, "The SPC charts follow NHS England's Making Data Count. Counts are on XmR "
                "charts (the centre line is the mean, the process limits the mean plus or minus "
                "2.66 times the mean moving range); shares on p-charts, whose limits follow each "
                "month's number of people asked. The limits are fixed on the baseline year, "
                "widened to the 15 points Making Data Count asks for, and later points are "
                "judged against them; with fewer than 15 points there is no SPC verdict. Special "
                "causes are a point beyond a limit, a run of points on one side of the centre "
                "line, a run of rising or falling points, or two of three points near a limit, "
                "and are marked as an improvement or a concern by the measure's better "
                "direction. Each series is charted at its own frequency (monthly, or "
                "quarterly).");
}

/* Exactly what every figure counts, a line each (a list, not a table: it
 * runs longer than a page, and a table row must not be split). */
static void counts_list(struct doc *d, const struct statement *s)
{
    char src[1400];

    doc_heading(d, 3, "counts", "What each figure counts");
    for (int i = 0; i < s->n_sec; i++)
        for (int j = 0; j < s->sec[i].n_members; j++) {
            const struct statement_measure *m = &s->m[s->sec[i].member[j]];
            doc_item(d, "%s (%s; %s): %s.", m->def.label, s->sec[i].p.title, m->def.role,
                     sw_source(m, src, sizeof src));
        }
}

/* Every measure's source line once, in the draft's order. */
static void sources(struct doc *d, const struct statement *s)
{
    const char *seen[CONFIG_MAX_MEASURES];
    int n = 0;

    for (int i = 0; i < s->n && n < CONFIG_MAX_MEASURES; i++) {
        const char *note = s->m[i].def.source_note;
        int dup = !note[0];
        for (int j = 0; j < n && !dup; j++)
            dup = strcmp(seen[j], note) == 0;
        if (!dup)
            seen[n++] = note;
    }
    for (int j = 0; j < n; j++)
        doc_item(d, "%s", strncmp(seen[j], "Source: ", 8) ? seen[j] : seen[j] + 8);
}

void compose_methods(struct doc *d, const struct statement *s)
{
    doc_heading(d, 2, "methods", "Methods and data sources");
    comparisons(d, s);
    counts_list(d, s);
    compose_quality(d, s);
    doc_heading(d, 3, "unverified", "Points not yet verified");
    doc_para(d, "These points of the national measures' definitions could not be confirmed "
                "from a primary source (sio's reference, measures.md §3 and §4). Check them "
                "before relying on the figures that depend on them.");
    for (size_t i = 0; i < sizeof unverified / sizeof *unverified; i++)
        doc_item(d, "%s", unverified[i]);
    doc_heading(d, 3, "sources", "Sources");
    sources(d, s);
    doc_para(d, "Produced by sio %s from the data in its store; every number in this draft "
                "comes from there. Classification: %s.", s->version, s->cfg->classification);
}
