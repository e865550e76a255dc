/*
 * overview.h — one page with the six national priorities of a force, a
 * panel each: the priority's headline figure by quarter (the measure
 * sio-measures chose for it, from its proper source), headed by the
 * priority, the headline's label and its verdict against the baseline as
 * sio-measures stored it (improvement, deterioration, no significant change,
 * not comparable, no data: one vocabulary with the statement).  A priority
 * with no headline has a panel that says "No data loaded".  Each measure is
 * counted once, in its priority's panel.
 *
 * overview_load() reads a force's panels from the store (priorities,
 * priority_sources, measure_catalogue, measure_results, measure_verdicts,
 * measure_windows); the drawing and words need nothing else.
 */
#ifndef SIO_OVERVIEW_H
#define SIO_OVERVIEW_H

#include "chart.h"
#include "digest.h"
#include "sys/error.h"
#include "sys/month.h"

#include <sqlite3.h>
#include <stddef.h>

#define OVERVIEW_PANELS 6

struct overview_point {
    month_t start;            /* first month of the quarter (rolling: of its last quarter) */
    double value;             /* count or per cent */
    int partial;              /* some months of the quarter have no data */
};

struct overview_panel {
    char priority[160];       /* "Reduce murder and other homicide" */
    int number;               /* 1..6 */
    char label[128];          /* the headline's label; "" when no source has data */
    char noun[64];            /* what it counts: "homicides"; "" = a plain number */
    int percent;              /* values are percentages */
    int rolling;              /* values are 12-month totals at each quarter end */
    char verdict[32];         /* against the baseline, as stored; "no data" */
    double change;            /* % (counts) or points (percentages); NAN when none */
    double latest, base;      /* the baseline comparison's 12-month figures; NAN */
    double level;             /* the baseline per panel unit (a quarter's average,
                                 the baseline %, or its 12-month total); NAN */
    struct overview_point *q; /* ascending (owned) */
    size_t n;
};

struct overview {
    char force[128];          /* results-table key (the folder name) */
    char force_name[128];     /* shown to people */
    month_t baseline_start, baseline_end;
    struct overview_panel p[OVERVIEW_PANELS];
    size_t n;                 /* priorities in the store (6, or 0 before the catalogue) */
    struct digest digest;     /* of every store row the panels were read from */
};

/* Fill ov (zeroed, or loaded before) with force's six panels.  SIO_OK (ov->n
 * = 0 when the store has no priorities), or the store's error. */
int overview_load(sqlite3 *db, const char *force, struct overview *ov, struct sio_error *err);

/* Free the panels' points and empty ov. */
void overview_clear(struct overview *ov);

/* "Warwickshire Police: 1 improved, 2 deteriorated, 2 no significant change,
 * 1 no data" against the baseline.  Returns buf. */
char *overview_title(const struct overview *ov, char *buf, size_t size);

/* One or two sentences, every priority's finding, ending in a newline. */
char *overview_alt_text(const struct overview *ov, char *buf, size_t size);

/* A panel's heading for a label in a panel width (page units): the label,
 * when it fits at no less than 85% of the body size; else the part before
 * its " (...)" or ", ..." with a '*', the whole label then going in the
 * page's note.  Returns 1 when shortened. */
int overview_panel_label(const char *label, double width, char *out, size_t size);

/* The page's note for the labels overview_panel_label() shortens in panels
 * of width, "* In full: A; B.", or "" (returns buf). */
char *overview_label_note(const struct overview *ov, double width, char *buf, size_t size);

/* chart_draw_fn for a const struct overview * with n > 0. */
void overview_draw(const void *ov, const struct chart_style *st);

#endif
