/*
 * peerchart.h — the force against its most similar group, one measure.
 *
 * Horizontal bars of the rate per 1,000 population for every member of the
 * group in the latest period, lowest at the top, the force's own bar in the
 * first palette colour and the others in its tint, confidence intervals as
 * whiskers where known, the group mean (and England and Wales where the
 * store has it) as vertical lines, the population's year and source in a
 * note.  Bars start at zero.
 */
#ifndef SIO_PEERCHART_H
#define SIO_PEERCHART_H

#include "chart.h"
#include "results.h"

#include <stddef.h>

/* How many members have a rate (a chart needs at least one). */
size_t peerchart_rated(const struct peer_series *s);

/* The force's row in the group, or NULL when the force is not a member. */
const struct peer_member *peerchart_self(const struct peer_series *s);

/* The force's rank, 1 = lowest rate (the stored rank, or its place). */
int peerchart_rank(const struct peer_series *s);

/* The title that states the finding: the rank, "Drug offences:
 * Leicestershire Police has the 3rd lowest rate of 8 forces in its group",
 * only when the force's rate differs significantly from the others pooled;
 * "... is similar to its peers" when it does not; no claim when
 * there was no test.  Returns buf. */
char *peerchart_title(const struct peer_series *s, char *buf, size_t size);

/* '12 months to 2022-03' as '12 months to Mar 2022' into buf. */
char *peerchart_period_words(const char *period, char *buf, size_t size);

/* One or two sentences with the key numbers, ending in a newline. */
char *peerchart_alt_text(const struct peer_series *s, char *buf, size_t size);

/* chart_draw_fn for a const struct peer_series * with n > 0. */
void peerchart_draw(const void *series, const struct chart_style *st);

#endif
