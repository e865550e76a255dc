/*
 * chartopt.h — the [charts] values that are more than one word: the colour
 * palette, the page sizes and the PNG resolutions.
 *
 * Each parser reads one sio.ini value into the config's fields and returns
 * 1 when the whole value was understood, 0 otherwise (config.c then reports
 * file and line).  A value is parsed completely before anything is stored,
 * so a refused value leaves the defaults in place.
 */
#ifndef SIO_CHARTOPT_H
#define SIO_CHARTOPT_H

#include "config/config.h"

/* The house defaults: the Analysis Function palette, a4-column, 300 and
 * 96 dpi. */
void chartopt_defaults(struct sio_config *cfg);

/* "analysis-function", or exactly CONFIG_PALETTE_N "#RRGGBB" colours. */
int chartopt_palette(const char *value, unsigned rgb[CONFIG_PALETTE_N]);

/* Size names ("a4-column", "slide") or "WIDTHxHEIGHTmm", space or comma
 * separated, at most CONFIG_MAX_SIZES, no name twice. */
int chartopt_sizes(const char *value, struct chart_size *sizes, int *n);

/* PNG resolutions in dots per inch (72..1200), print first; at most
 * CONFIG_MAX_DPI, none twice. */
int chartopt_dpi(const char *value, int *dpi, int *n);

#endif
