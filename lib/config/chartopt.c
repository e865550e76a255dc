/*
 * chartopt.c — parsing [charts] palette, sizes and dpi.
 *
 * The named sizes are where a chart goes in a panel paper: "a4-column" is
 * the text width of A4 portrait with 20 mm margins (170 mm) at the 16:10
 * shape the layout is drawn for; "slide" fills the body of a 16:9
 * presentation slide (254 x 143 mm, PowerPoint's 10-inch widescreen width).
 * The palette is the UK Government Analysis Function's categorical palette
 * (analysisfunction.civilservice.gov.uk, "Data visualisation: colours"),
 * in its stated order, which keeps neighbouring colours distinguishable
 * for the common colour-vision deficiencies.
 */
#include "config/chartopt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned af_palette[CONFIG_PALETTE_N] = {
    0x12436D, /* dark blue */
    0x28A197, /* turquoise */
    0x801650, /* dark pink */
    0xF46A25, /* orange */
    0x3D3D3D, /* dark grey */
    0xA285D1, /* light purple */
};

static const struct chart_size named_sizes[] = {
    {"a4-column", 170.0, 106.0},
    {"slide", 254.0, 143.0},
};

void chartopt_defaults(struct sio_config *cfg)
{
    memcpy(cfg->chart_palette, af_palette, sizeof af_palette);
    cfg->chart_sizes[0] = named_sizes[0];
    cfg->n_chart_sizes = 1;
    cfg->chart_dpi[0] = 300;
    cfg->chart_dpi[1] = 96;
    cfg->n_chart_dpi = 2;
}

/* Split a copy of value into at most max words (space or comma).  Returns
 * the count, or -1 when there are more. */
static int words(const char *value, char *buf, size_t size, char **w, int max)
{
    int n = 0;
    if (snprintf(buf, size, "%s", value) >= (int)size)
        return -1;
    for (char *save, *t = strtok_r(buf, " ,\t", &save); t; t = strtok_r(NULL, " ,\t", &save)) {
        if (n == max)
            return -1;
        w[n++] = t;
    }
    return n;
}

static int hex_colour(const char *s, unsigned *rgb)
{
    char *end;
    if (s[0] != '#' || strlen(s) != 7)
        return 0;
    *rgb = (unsigned)strtoul(s + 1, &end, 16);
    return *end == '\0';
}

int chartopt_palette(const char *value, unsigned rgb[CONFIG_PALETTE_N])
{
    char buf[256], *w[CONFIG_PALETTE_N + 1];
    unsigned got[CONFIG_PALETTE_N];
    int n = words(value, buf, sizeof buf, w, CONFIG_PALETTE_N + 1);

    if (n == 1 && strcmp(w[0], "analysis-function") == 0) {
        memcpy(rgb, af_palette, sizeof af_palette);
        return 1;
    }
    if (n != CONFIG_PALETTE_N)
        return 0;
    for (int i = 0; i < n; i++)
        if (!hex_colour(w[i], &got[i]))
            return 0;
    memcpy(rgb, got, sizeof got);
    return 1;
}

/* One size word: a name from named_sizes or "WxHmm" (20..1000 mm). */
static int one_size(const char *w, struct chart_size *sz)
{
    double width, height;
    char mm[3] = "";
    int used = 0;

    for (size_t i = 0; i < sizeof named_sizes / sizeof named_sizes[0]; i++)
        if (strcmp(w, named_sizes[i].name) == 0) {
            *sz = named_sizes[i];
            return 1;
        }
    if (sscanf(w, "%lfx%lf%2[m]%n", &width, &height, mm, &used) != 3 ||
        w[used] != '\0' || strcmp(mm, "mm") != 0 || width < 20 || height < 20 ||
        width > 1000 || height > 1000 || strlen(w) >= sizeof sz->name)
        return 0;
    snprintf(sz->name, sizeof sz->name, "%s", w);
    sz->width_mm = width;
    sz->height_mm = height;
    return 1;
}

int chartopt_sizes(const char *value, struct chart_size *sizes, int *n)
{
    char buf[256], *w[CONFIG_MAX_SIZES + 1];
    struct chart_size got[CONFIG_MAX_SIZES];
    int k = words(value, buf, sizeof buf, w, CONFIG_MAX_SIZES);

    if (k <= 0)
        return 0;
    for (int i = 0; i < k; i++) {
        if (!one_size(w[i], &got[i]))
            return 0;
        for (int j = 0; j < i; j++)
            if (strcmp(got[j].name, got[i].name) == 0)
                return 0;
    }
    memcpy(sizes, got, (size_t)k * sizeof got[0]);
    *n = k;
    return 1;
}

int chartopt_dpi(const char *value, int *dpi, int *n)
{
    char buf[128], *w[CONFIG_MAX_DPI + 1], *end;
    int got[CONFIG_MAX_DPI];
    int k = words(value, buf, sizeof buf, w, CONFIG_MAX_DPI);

    if (k <= 0)
        return 0;
    for (int i = 0; i < k; i++) {
        long d = strtol(w[i], &end, 10);
        if (*end || d < 72 || d > 1200)
            return 0;
        got[i] = (int)d;
        for (int j = 0; j < i; j++)
            if (got[j] == got[i])
                return 0;
    }
    memcpy(dpi, got, (size_t)k * sizeof got[0]);
    *n = k;
    return 1;
}
