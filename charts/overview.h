/*
 * overview.h — one page with every measure of a force as small multiples.
 *
 * Each panel is a small quarterly bar chart with the baseline level, headed
 * by the measure's label and sio-measures' verdict against the baseline
 * (improvement, deterioration, no significant change, not tested, not
 * comparable), as stored.  An overview holds its own copies of
 * the series (the walk over the store reuses its buffers).
 */
#ifndef SIO_OVERVIEW_H
#define SIO_OVERVIEW_H

#include "chart.h"
#include "quarterly.h"

#include <stddef.h>

struct overview_panel {
    struct quarter_series s;  /* a copy; s.q owned by the overview */
    int better;               /* -1: down is better; +1: up is better */
};

struct overview {
    char force[128];        /* results-table key (the folder name) */
    char force_name[128];   /* shown to people */
    struct overview_panel *p;
    size_t n, cap;
};

/* Add a copy of s to ov (its force must match, or ov be empty).  SIO_OK or
 * SIO_ESOFTWARE when out of memory. */
int overview_add(struct overview *ov, const struct quarter_series *s, int better,
                 struct sio_error *err);

/* Free the copies and empty ov for the next force. */
void overview_clear(struct overview *ov);

/* The panel's stored verdict ("not comparable" when no quarter has one). */
const char *overview_judgement(const struct overview_panel *p);

/* "Leicestershire Police: 2 improved, 1 deteriorated and 2 showed no
 * significant change against the baseline".  Returns buf. */
char *overview_title(const struct overview *ov, char *buf, size_t size);

/* One or two sentences, every measure's finding, ending in a newline. */
char *overview_alt_text(const struct overview *ov, char *buf, size_t size);

/* A panel's heading for a label in a panel width (page units): the label,
 * when it fits at no less than 85% of the body size; else the part before
 * its " (...)" with a '*', the whole label then going in the page's note.
 * Returns 1 when shortened. */
int overview_panel_label(const char *label, double width, char *out, size_t size);

/* The page's note for the labels overview_panel_label() shortens in panels
 * of width, "* In full: A; B.", or "" (returns buf). */
char *overview_label_note(const struct overview *ov, double width, char *buf, size_t size);

/* chart_draw_fn for a const struct overview * with n > 0. */
void overview_draw(const void *ov, const struct chart_style *st);

#endif
