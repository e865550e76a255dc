/*
 * frame.c — the house layout shared by the SPC, peer, funnel and overview charts.
 *
 * The header band (title 0.925, subtitle 0.878, marking top right) and the
 * foot (source note 0.028, footnotes stacked above it) are fixed; the plot
 * area shrinks upwards from the foot as footnotes are added, so no footnote
 * ever sits on an axis label.  Annotation labels are placed greedily in up
 * to three rows: each goes in the first row whose last label ends before it
 * starts; when all three are taken it goes in the row that frees up first.
 */
#include "frame.h"

#include <plplot.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#define FOOT_STEP 0.03  /* one footnote line */

double frame_plot_bottom(int n_notes)
{
    return 0.165 + FOOT_STEP * n_notes;
}

/* The title on one line, shrunk to fit beside the marking; a title too long
 * for that at a readable size (a long measure label and a peer finding) goes
 * on two lines instead of running off the page. */
static void frame_title(const char *title)
{
    const double width = 0.83, floor_h = 0.024;
    double h = FRAME_TITLE;
    char line[512];
    size_t cut = 0;

    while (h > floor_h && chart_text_width(title, h, 1) > width)
        h -= 0.001;
    if (chart_text_width(title, h, 1) <= width || strlen(title) >= sizeof line) {
        chart_page_text(0.035, 0.925, 0.0, h, 1, CHART_INK, title);
        return;
    }
    /* the space that makes the longer line shortest: two balanced lines,
     * not one full line and a word left over */
    double best = INFINITY;
    for (size_t i = 0; title[i]; i++) {
        if (title[i] != ' ')
            continue;
        snprintf(line, sizeof line, "%.*s", (int)i, title);
        double longer = fmax(chart_text_width(line, h, 1),
                             chart_text_width(title + i + 1, h, 1));
        if (longer < best) {
            best = longer;
            cut = i;
        }
    }
    if (cut == 0) { /* one unbreakable run: it can only shrink */
        chart_page_text(0.035, 0.925, 0.0, h, 1, CHART_INK, title);
        return;
    }
    snprintf(line, sizeof line, "%.*s", (int)cut, title);
    chart_page_text(0.035, 0.960, 0.0, h, 1, CHART_INK, line);
    chart_page_text(0.035, 0.922, 0.0, h, 1, CHART_INK, title + cut + 1);
}

/* The subtitle, shrunk (down to a floor) to the width of the page. */
static void frame_subtitle(const char *subtitle, double width)
{
    double h = FRAME_SUBTITLE;

    while (h > 0.013 && chart_text_width(subtitle, h, 0) > width)
        h -= 0.0005;
    chart_page_text(0.035, 0.878, 0.0, h, 0, CHART_DARK_GREY, subtitle);
}

void frame_words(const char *title, const char *subtitle, double reserve,
                 const char *const *notes, int n_notes, const struct chart_style *st)
{
    char buf[512];

    frame_title(title);
    frame_subtitle(subtitle, 0.93 - reserve);
    chart_page_text(0.97, 0.955, 1.0, FRAME_MARKING, 1, CHART_INK, st->classification);
    for (int i = 0; i < n_notes; i++)
        chart_page_text(0.035, 0.028 + FOOT_STEP * (n_notes - i), 0.0, FRAME_NOTE, 0,
                        CHART_DARK_GREY, notes[i]);
    snprintf(buf, sizeof buf, "%s; sio %s", st->source_note, st->version);
    chart_page_text(0.035, 0.028, 0.0, FRAME_NOTE, 0, CHART_DARK_GREY, buf);
}

static void page_coords(void)
{
    plvpor(0.0, 1.0, 0.0, 1.0);
    plwind(0.0, 1.0, 0.0, 1.0);
}

static void fill_rect(double x0, double y0, double x1, double y1)
{
    PLFLT x[4] = {x0, x1, x1, x0}, y[4] = {y0, y0, y1, y1};
    plfill(4, x, y);
}

double frame_badge(double x, double y, double h, const char *text, int colour)
{
    PLFLT vx0, vx1, vy0, vy1, wx0, wx1, wy0, wy1;
    double w = chart_text_width(text, h, 1), half = h * 1.05, bar = 0.3 * h;

    plgvpd(&vx0, &vx1, &vy0, &vy1);
    plgvpw(&wx0, &wx1, &wy0, &wy1);
    page_coords();
    plcol0(colour);
    fill_rect(x, y - half, x + bar, y + half); /* a bar of the colour, left */
    plcol0(CHART_BAND);
    fill_rect(x + bar, y - half, x + w + 3 * bar + 0.012, y + half);
    chart_page_text(x + bar + 0.008, y, 0.0, h, 1, CHART_INK, text);
    if (vx1 > vx0 && vy1 > vy0) {
        plvpor(vx0, vx1, vy0, vy1);
        plwind(wx0, wx1, wy0, wy1);
    }
    return w + 3 * bar + 0.012;
}

double frame_fit(const char *text, double h, double width, int bold)
{
    double floor_h = 0.6 * h;
    while (h > floor_h && chart_text_width(text, h, bold) > width)
        h -= 0.0005;
    return h;
}

/* The world width of text at the note size, in the current viewport. */
static double world_width(const char *text)
{
    PLFLT vx0, vx1, vy0, vy1, wx0, wx1, wy0, wy1;

    plgvpd(&vx0, &vx1, &vy0, &vy1);
    plgvpw(&wx0, &wx1, &wy0, &wy1);
    return chart_text_width(text, FRAME_NOTE, 0) / (vx1 - vx0) * (wx1 - wx0);
}

/* The row for a label spanning [a, b): the first free one, else the one
 * that frees up first. */
static int label_row(double *row_end, double a)
{
    int best = 0;

    for (int r = 0; r < 3; r++) {
        if (row_end[r] <= a)
            return r;
        if (row_end[r] < row_end[best])
            best = r;
    }
    return best;
}

double frame_annotation_text_x(double x, double w, double gap, double x1, double *just)
{
    *just = x + gap + w > x1 ? 1.0 : 0.0; /* flip left at the right edge */
    return *just > 0 ? x - gap : x + gap;
}

void frame_annotations(const struct annotation_list *notes, double (*x_of)(month_t, const void *),
                       const void *ctx, double x0, double x1, double ytop)
{
    /* the text a space from its line; labels in a row two spaces apart */
    double row_end[3] = {-1e300, -1e300, -1e300}, space = world_width(" "), gap = 2 * space;
    PLINT dash_mark[1] = {1500}, dash_space[1] = {1500};

    for (size_t i = 0; notes && i < notes->n; i++) {
        double x = x_of(notes->a[i].month, ctx), w = world_width(notes->a[i].label);
        if (x < x0 || x >= x1)
            continue;
        double just, tx = frame_annotation_text_x(x, w, space, x1, &just);
        double a = just > 0 ? x - w - gap : x;
        int r = label_row(row_end, a);
        double y = ytop * (0.955 - 0.055 * r);
        row_end[r] = a + w + gap;
        plcol0(CHART_DARK_GREY);
        chart_pen(1.5);
        plstyl(1, dash_mark, dash_space);
        PLFLT lx[2] = {x, x}, ly[2] = {0, y};
        plline(2, lx, ly);
        plstyl(0, NULL, NULL);
        chart_pen(1.0);
        chart_text_size(FRAME_NOTE);
        plcol0(CHART_INK);
        plptex(tx, y, 1.0, 0.0, just, notes->a[i].label);
    }
}

/* Whether step is a whole multiple of unit (to a millionth of it). */
static int multiple_of(double step, double unit)
{
    double k = step / unit;
    return fabs(k - round(k)) < 1e-6 * fmax(1.0, k);
}

double frame_nice_step(double top, double min_step)
{
    double raw = top / 5.0, mag = pow(10.0, floor(log10(raw))), r = raw / mag;
    double quarter_step = 2.5 * mag;
    int quarters = min_step <= 0 || multiple_of(quarter_step, min_step);
    double step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? (quarters ? 2.5 : 2) : r <= 5 ? 5 : 10) * mag;
    return step < min_step ? min_step : step;
}

int frame_step_decimals(double step)
{
    for (int k = 0; k < 6; k++)
        if (multiple_of(step, pow(10.0, -k)))
            return k;
    return 6;
}

void frame_tick_label(double value, int decimals, char *label, size_t size)
{
    if (decimals == 0)
        words_thousands(lround(value), label, size);
    else
        snprintf(label, size, "%.*f", decimals, value);
}

static void y_label(PLINT axis, PLFLT value, char *label, PLINT length, PLPointer data)
{
    (void)axis;
    frame_tick_label(value, *(const int *)data, label, (size_t)length);
}

/* How far left of the axis its title goes, in character heights: clear of
 * the widest tick label (a glyph about 0.74 of a character height, as
 * chart_text_width() has it), never nearer than 4.6, where four glyphs
 * ("0.15", "500") end. */
static double y_title_offset(double step, int decimals)
{
    PLFLT x0, x1, y0, y1;
    char label[64];
    size_t widest = 0;

    plgvpw(&x0, &x1, &y0, &y1);
    long first = lround(ceil(y0 / step - 1e-9)), last = lround(floor(y1 / step + 1e-9));
    for (long k = first; k <= last && k - first < 200; k++) {
        size_t glyphs = 0;
        frame_tick_label((double)k * step, decimals, label, sizeof label);
        for (const unsigned char *p = (const unsigned char *)label; *p; p++)
            glyphs += (*p & 0xC0) != 0x80;
        widest = glyphs > widest ? glyphs : widest;
    }
    return fmax(4.6, 1.6 + 0.74 * (double)widest);
}

void frame_y_axis(double step, const char *title)
{
    int decimals = frame_step_decimals(step);

    chart_text_size(FRAME_BODY);
    plcol0(CHART_GRID);
    chart_pen(1.0);
    plbox("", 0, 0, "g", step, 0);
    plcol0(CHART_DARK_GREY);
    plslabelfunc(y_label, &decimals);
    plbox("b", 0, 0, "bnotv", step, 0);
    plslabelfunc(NULL, NULL);
    plcol0(CHART_INK);
    plmtex("l", y_title_offset(step, decimals), 0.5, 0.5, title);
}

void frame_month_axis(month_t first, int n_months)
{
    char w[12];
    int every_half = n_months < 40;

    chart_text_size(FRAME_BODY);
    plcol0(CHART_DARK_GREY);
    plbox("bt", 1.0, 0, "", 0, 0); /* a tick a month */
    plcol0(CHART_INK);
    for (int i = 0; i < n_months; i++) {
        int moy = month_of_year(first + i);
        if (moy != 4 && !(every_half && moy == 10))
            continue;
        plmtex("b", 1.6, (i + 0.5) / n_months, 0.5, month_words(first + i, w));
    }
}

void frame_quarter_axis(month_t first, int n_quarters)
{
    char w[16];

    chart_text_size(FRAME_BODY);
    plcol0(CHART_DARK_GREY);
    plbox("bt", 1.0, 0, "", 0, 0); /* a tick a quarter */
    plcol0(CHART_INK);
    for (int i = 0; i < n_quarters; i++)
        if (month_fq(first + 3 * i) == 1)
            plmtex("b", 1.6, (i + 0.5) / n_quarters, 0.5, month_fq_label(first + 3 * i, w));
}

void frame_hline(double x0, double x1, double y, int colour, double pen, int dashed)
{
    PLINT mark[1] = {2500}, space[1] = {1500};
    PLFLT x[2] = {x0, x1}, yy[2] = {y, y};

    plcol0(colour);
    chart_pen(pen);
    if (dashed)
        plstyl(1, mark, space);
    plline(2, x, yy);
    plstyl(0, NULL, NULL);
    chart_pen(1.0);
}

/* The words end at the entry's right, measured, so a row is as tight as
 * the estimate of their width allows. */
void frame_legend_item(double *x, double *y, const char *glyph, int colour, int line,
                       const char *words)
{
    double w = (line ? 0.038 : 0.026) + chart_text_width(words, FRAME_NOTE, 0);
    if (*x + w > FRAME_X1) {
        *x = FRAME_X0 - 0.004;
        *y -= FRAME_LEGEND_ROW;
    }
    PLFLT lx[2] = {*x, *x + 0.03}, ly[2] = {*y, *y}, gx = *x + 0.01, gy = *y;
    PLINT mark[1] = {2500}, space[1] = {1500};

    plvpor(0.0, 1.0, 0.0, 1.0);
    plwind(0.0, 1.0, 0.0, 1.0);
    if (line) {
        plcol0(colour);
        chart_pen(line == 2 ? 1.8 : 2.5);
        if (line == 2)
            plstyl(1, mark, space);
        plline(2, lx, ly);
        plstyl(0, NULL, NULL);
        chart_pen(1.0);
    } else {
        chart_text_size(0.02);
        plcol0(colour);
        plstring(1, &gx, &gy, glyph);
    }
    chart_page_text(*x + w - chart_text_width(words, FRAME_NOTE, 0), *y, 0.0, FRAME_NOTE, 0,
                    CHART_INK, words);
    *x += w + 0.022;
}
