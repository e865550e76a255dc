/*
 * spcchart.h — the SPC (XmR) chart of one measure for one force.
 *
 * Monthly points joined by a line that breaks at missing months, the centre
 * line and process limits of each segment drawn over that segment only (so
 * where limits were recalculated the step shows), special-cause points
 * coloured and shaped by the rule that flagged them, the target where one is
 * set, the analyst's annotations, and the variation and assurance summary as
 * a badge.  The words are built from the series alone.
 */
#ifndef SIO_SPCCHART_H
#define SIO_SPCCHART_H

#include "chart.h"
#include "results.h"

#include <stddef.h>

/* The title that states the finding of spc_summary, which judges the
 * latest month, e.g. "Drug offences: special cause variation, concerning,
 * in the latest month".  Returns buf. */
char *spcchart_title(const struct spc_series *s, char *buf, size_t size);

/* One or two sentences with the key numbers, ending in a newline. */
char *spcchart_alt_text(const struct spc_series *s, char *buf, size_t size);

/* The rule that colours a point: trend > shift > two_of_three > beyond, as
 * the rules' precedence in Making Data Count; NULL for none. */
const char *spcchart_rule(const struct spc_point *p);

/* chart_draw_fn for a const struct spc_series * with n > 0. */
void spcchart_draw(const void *series, const struct chart_style *st);

#endif
