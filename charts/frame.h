/*
 * frame.h — the words and marks every chart shares: title, subtitle,
 * classification marking, footnotes, source note, annotation markers, the
 * month axis and the y axis.  One layout for all charts, in page coordinates
 * (0..1 both ways); the plot area is FRAME_X0..X1 x FRAME_Y0..Y1 unless a
 * chart needs a wider left margin (names of forces).
 */
#ifndef SIO_CHARTS_FRAME_H
#define SIO_CHARTS_FRAME_H

#include "chart.h"
#include "results.h"

#define FRAME_X0 0.085
#define FRAME_X1 0.965
#define FRAME_Y1 0.765

/* Text heights, as fractions of the page height. */
#define FRAME_TITLE 0.034
#define FRAME_SUBTITLE 0.021
#define FRAME_MARKING 0.022
#define FRAME_BODY 0.0185
#define FRAME_NOTE 0.0155

/* The bottom of the plot area when n_notes footnote lines are printed
 * under it (besides the source note). */
double frame_plot_bottom(int n_notes);

/* Title (shrunk to fit), subtitle (shrunk to leave reserve of the page
 * width free at its right), marking, then n_notes footnotes and the source
 * note at the foot of the page. */
void frame_words(const char *title, const char *subtitle, double reserve,
                 const char *const *notes, int n_notes, const struct chart_style *st);

/* A label of text height h in a tinted box at page (x, y), left-justified,
 * with a bar of colour at its left: the SPC summary, overview verdicts.
 * Returns the page width it took. */
double frame_badge(double x, double y, double h, const char *text, int colour);

/* The largest text height up to h (down to 0.6 h) at which text fits in
 * width (page units). */
double frame_fit(const char *text, double h, double width, int bold);

/* For each annotation inside [x0, x1) (world x of month m is x_of(m)): a
 * dashed vertical line, a marker at the top and its label, staggered in up
 * to three rows so labels do not overlap.  World coordinates must be set;
 * ytop is the top of the plot in world units. */
void frame_annotations(const struct annotation_list *notes, double (*x_of)(month_t, const void *),
                       const void *ctx, double x0, double x1, double ytop);

/* Where an annotation's label is drawn beside its line at x (world units):
 * starting gap right of the line (*just 0, the text's left edge), or, where
 * a label w wide would then run past x1, ending gap left of it (*just 1),
 * so the text never touches its line.  frame_annotations uses a space's
 * width for gap. */
double frame_annotation_text_x(double x, double w, double gap, double x1, double *just);

/* A tick step of 1, 2, 2.5 or 5 x 10^k giving about five gridlines, never
 * below min_step, and a whole multiple of min_step (so with min_step 1 a
 * count axis never gets 2.5, whose ticks would be labelled 3 and 8). */
double frame_nice_step(double top, double min_step);

/* The decimals that show every multiple of step exactly: 0 for 25, 1 for
 * 2.5, 3 for 0.005 (at most 6). */
int frame_step_decimals(double step);

/* A tick label for value on an axis of the given decimals: thousands
 * separators when whole ("12,345"), else "%.*f". */
void frame_tick_label(double value, int decimals, char *label, size_t size);

/* Gridlines and a y axis labelled as frame_tick_label() writes for step,
 * and its title up the left side. */
void frame_y_axis(double step, const char *title);

/* Month labels under a monthly axis whose world x of month first is 0,
 * one unit a month: "Apr 2018" under each April (and October when there
 * are fewer than 40 months), a tick every month. */
void frame_month_axis(month_t first, int n_months);

/* The same for quarters from first (a quarter's first month): a tick a
 * quarter, each financial year's Q1 labelled ("2019/20 Q1"). */
void frame_quarter_axis(month_t first, int n_quarters);

/* The legend's first row, under the subtitle, and the drop to a second. */
#define FRAME_LEGEND_Y 0.83
#define FRAME_LEGEND_ROW 0.033

/* A legend entry at page (*x, *y): a glyph in a colour, or a line (1
 * solid, 2 dashed), then its words; *x moves past it, and an entry that
 * would run past the plot's right edge starts a row below (*y drops by
 * FRAME_LEGEND_ROW).  Leaves the viewport the whole page. */
void frame_legend_item(double *x, double *y, const char *glyph, int colour, int line,
                       const char *words);

/* A horizontal line across the plot at y, dashed or not. */
void frame_hline(double x0, double x1, double y, int colour, double pen, int dashed);

#endif
