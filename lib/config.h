/*
 * config.h — sio.ini and the measures file it names.
 *
 * config_load() reads sio.ini (paths, baseline, chart settings) and then the
 * measures file named in its [measures] section (default measures.ini beside
 * sio.ini).  Relative paths in sio.ini are taken relative to the current
 * directory, as analysts run sio from their project folder; the measures file
 * is relative to sio.ini's folder.  An unknown section or key, or a value that
 * does not parse, fails with SIO_ECONFIG naming file and line.  A repeated
 * key in a [measure] section appends (one crime type per line).
 */
#ifndef SIO_CONFIG_H
#define SIO_CONFIG_H

#include "error.h"
#include "month.h"

#define CONFIG_PATH_MAX 1024
#define CONFIG_MAX_MEASURES 16
#define CONFIG_MAX_TYPES 32

enum chart_format {
    CHART_PNG = 1 << 0,
    CHART_SVG = 1 << 1,
    CHART_PDF = 1 << 2,
};

struct measure_def {
    char key[64];                         /* section name, e.g. neighbourhood_crime */
    char label[128];                      /* "Neighbourhood crime" */
    char *crime_types[CONFIG_MAX_TYPES];  /* police.uk Crime type strings (owned) */
    int n_crime_types;
    int better;                           /* -1: down is better; +1: up is better */
};

struct sio_config {
    char path[CONFIG_PATH_MAX];           /* the sio.ini read */
    char store_path[CONFIG_PATH_MAX];     /* [store] path */
    char out_dir[CONFIG_PATH_MAX];        /* [output] dir */
    char measures_path[CONFIG_PATH_MAX];  /* [measures] file, resolved */
    month_t baseline_start;               /* [baseline] start, first month */
    month_t baseline_end;                 /* [baseline] end, last month, inclusive */
    double confidence;                    /* [baseline] confidence, e.g. 0.95 */
    int chart_formats;                    /* [charts] formats, enum chart_format bits */
    char classification[64];              /* [charts] classification, e.g. OFFICIAL */
    char source_note[256];                /* [charts] source */
    struct measure_def measures[CONFIG_MAX_MEASURES];
    int n_measures;
};

/* Defaults that hold before any file is read (store var/sio.db, out dir out,
 * baseline 2018-07..2019-06, 95%, all three chart formats, OFFICIAL). */
void config_defaults(struct sio_config *cfg);

/* Load path into cfg (which config_defaults() has set up).  Returns SIO_OK,
 * SIO_ENOINPUT when a file cannot be opened, or SIO_ECONFIG with file:line. */
int config_load(const char *path, struct sio_config *cfg, struct sio_error *err);

/* Free what config_load() allocated. */
void config_free(struct sio_config *cfg);

/* The measure with this key, or NULL. */
const struct measure_def *config_measure(const struct sio_config *cfg, const char *key);

#endif
