/*
 * config.c — reading sio.ini and measures.ini with inih.
 *
 * inih calls one handler per key; the handler returns 0 to stop, and then
 * ini_parse() returns that line number, which is how a typo is reported with
 * its file and line.  The handler records why it refused in the parse state.
 */
#include "config.h"

#include <ini.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct parse_state {
    struct sio_config *cfg;
    char why[512];      /* the handler's reason for refusing a line */
};

static int refuse(struct parse_state *st, const char *fmt, const char *a,
                  const char *b)
{
    /* inih goes on after a refusal and reports the first line: keep its reason. */
    if (!st->why[0])
        snprintf(st->why, sizeof st->why, fmt, a, b);
    return 0;
}

static int copy_value(char *dst, size_t size, const char *value)
{
    size_t n = strlen(value);
    if (n >= size)
        return 0;
    memcpy(dst, value, n + 1);
    return 1;
}

void config_defaults(struct sio_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    strcpy(cfg->store_path, "var/sio.db");
    strcpy(cfg->out_dir, "out");
    strcpy(cfg->measures_path, "measures.ini");
    cfg->baseline_start = month_make(2018, 7);
    cfg->baseline_end = month_make(2019, 6);
    cfg->confidence = 0.95;
    cfg->chart_formats = CHART_PNG | CHART_SVG | CHART_PDF;
    strcpy(cfg->classification, "OFFICIAL");
    strcpy(cfg->source_note, "Source: police.uk");
}

static int parse_formats(const char *value, int *out)
{
    char buf[128];
    int bits = 0;
    if (!copy_value(buf, sizeof buf, value))
        return 0;
    for (char *save, *tok = strtok_r(buf, " ,", &save); tok;
         tok = strtok_r(NULL, " ,", &save)) {
        if (!strcasecmp(tok, "png")) bits |= CHART_PNG;
        else if (!strcasecmp(tok, "svg")) bits |= CHART_SVG;
        else if (!strcasecmp(tok, "pdf")) bits |= CHART_PDF;
        else return 0;
    }
    *out = bits;
    return bits != 0;
}

static int month_value(const char *value, month_t *out)
{
    *out = month_parse(value, strlen(value));
    return *out != MONTH_NONE;
}

static int main_key(struct parse_state *st, const char *section,
                    const char *name, const char *value)
{
    struct sio_config *cfg = st->cfg;
    int ok = -1; /* -1: no such key */

    if (!strcmp(section, "store") && !strcmp(name, "path"))
        ok = copy_value(cfg->store_path, sizeof cfg->store_path, value);
    else if (!strcmp(section, "output") && !strcmp(name, "dir"))
        ok = copy_value(cfg->out_dir, sizeof cfg->out_dir, value);
    else if (!strcmp(section, "measures") && !strcmp(name, "file"))
        ok = copy_value(cfg->measures_path, sizeof cfg->measures_path, value);
    else if (!strcmp(section, "baseline") && !strcmp(name, "start"))
        ok = month_value(value, &cfg->baseline_start);
    else if (!strcmp(section, "baseline") && !strcmp(name, "end"))
        ok = month_value(value, &cfg->baseline_end);
    else if (!strcmp(section, "baseline") && !strcmp(name, "confidence")) {
        char *end;
        cfg->confidence = strtod(value, &end);
        ok = *end == '\0' && cfg->confidence > 0 && cfg->confidence < 1;
    } else if (!strcmp(section, "charts") && !strcmp(name, "formats"))
        ok = parse_formats(value, &cfg->chart_formats);
    else if (!strcmp(section, "charts") && !strcmp(name, "classification"))
        ok = copy_value(cfg->classification, sizeof cfg->classification, value);
    else if (!strcmp(section, "charts") && !strcmp(name, "source"))
        ok = copy_value(cfg->source_note, sizeof cfg->source_note, value);

    if (ok < 0)
        return refuse(st, "unknown key '%s' in section [%s]", name, section);
    if (!ok)
        return refuse(st, "bad value '%s' for key '%s'", value, name);
    return 1;
}

static int main_handler(void *user, const char *section, const char *name,
                        const char *value)
{
    return main_key(user, section, name, value);
}

static struct measure_def *measure_for(struct sio_config *cfg, const char *key)
{
    for (int i = 0; i < cfg->n_measures; i++)
        if (!strcmp(cfg->measures[i].key, key))
            return &cfg->measures[i];
    if (cfg->n_measures == CONFIG_MAX_MEASURES)
        return NULL;
    struct measure_def *m = &cfg->measures[cfg->n_measures++];
    snprintf(m->key, sizeof m->key, "%s", key);
    snprintf(m->label, sizeof m->label, "%s", key);
    m->better = -1;
    return m;
}

static int add_crime_type(struct measure_def *m, const char *value)
{
    if (m->n_crime_types == CONFIG_MAX_TYPES || !*value)
        return 0;
    m->crime_types[m->n_crime_types] = strdup(value);
    return m->crime_types[m->n_crime_types++] != NULL;
}

static int measure_handler(void *user, const char *section, const char *name,
                           const char *value)
{
    struct parse_state *st = user;
    struct measure_def *m;

    if (strlen(section) >= sizeof m->key || !(m = measure_for(st->cfg, section)))
        return refuse(st, "too many measures, or name too long: [%s]%s", section, "");
    if (!strcmp(name, "label")) {
        if (!copy_value(m->label, sizeof m->label, value))
            return refuse(st, "label too long in [%s]%s", section, "");
    } else if (!strcmp(name, "crime_type")) {
        if (!add_crime_type(m, value))
            return refuse(st, "bad or too many crime types in [%s]%s", section, "");
    } else if (!strcmp(name, "better")) {
        if (!strcmp(value, "down")) m->better = -1;
        else if (!strcmp(value, "up")) m->better = 1;
        else return refuse(st, "bad value '%s' for key 'better' (want up or down)%s", value, "");
    } else
        return refuse(st, "unknown key '%s' in section [%s]", name, section);
    return 1;
}

static int parse_file(const char *path, ini_handler fn, struct sio_config *cfg,
                      struct sio_error *err)
{
    struct parse_state st = { .cfg = cfg, .why = "" };
    FILE *fp = fopen(path, "r");
    if (!fp)
        return sio_fail(err, SIO_ENOINPUT, path, 0, "cannot open configuration: %m");
    int line = ini_parse_file(fp, fn, &st);
    fclose(fp);
    if (line != 0)
        return sio_fail(err, SIO_ECONFIG, path, line, "%s",
                        st.why[0] ? st.why : "syntax error (expected [section] or key = value)");
    return SIO_OK;
}

/* The measures file is named relative to sio.ini's own folder. */
static int resolve_measures(struct sio_config *cfg, const char *ini_path)
{
    char dir[CONFIG_PATH_MAX], rel[CONFIG_PATH_MAX];
    if (cfg->measures_path[0] == '/')
        return 1;
    snprintf(dir, sizeof dir, "%s", ini_path);
    snprintf(rel, sizeof rel, "%s", cfg->measures_path);
    int n = snprintf(cfg->measures_path, sizeof cfg->measures_path, "%s/%s",
                     dirname(dir), rel);
    return n > 0 && (size_t)n < sizeof cfg->measures_path;
}

static int check_consistent(struct sio_config *cfg, struct sio_error *err)
{
    if (cfg->baseline_end < cfg->baseline_start)
        return sio_fail(err, SIO_ECONFIG, cfg->path, 0,
                        "baseline ends before it starts");
    if (cfg->n_measures == 0)
        return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0,
                        "no measures defined");
    for (int i = 0; i < cfg->n_measures; i++)
        if (cfg->measures[i].n_crime_types == 0)
            return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0,
                            "measure [%s] has no crime_type", cfg->measures[i].key);
    return SIO_OK;
}

int config_load(const char *path, struct sio_config *cfg, struct sio_error *err)
{
    int rc;
    snprintf(cfg->path, sizeof cfg->path, "%s", path);
    if ((rc = parse_file(path, main_handler, cfg, err)))
        return rc;
    if (!resolve_measures(cfg, path))
        return sio_fail(err, SIO_ECONFIG, path, 0, "measures path too long");
    if ((rc = parse_file(cfg->measures_path, measure_handler, cfg, err)))
        return rc;
    return check_consistent(cfg, err);
}

void config_free(struct sio_config *cfg)
{
    for (int i = 0; i < cfg->n_measures; i++)
        for (int j = 0; j < cfg->measures[i].n_crime_types; j++)
            free(cfg->measures[i].crime_types[j]);
    cfg->n_measures = 0;
}

const struct measure_def *config_measure(const struct sio_config *cfg, const char *key)
{
    for (int i = 0; i < cfg->n_measures; i++)
        if (!strcmp(cfg->measures[i].key, key))
            return &cfg->measures[i];
    return NULL;
}
