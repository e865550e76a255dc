/*
 * config.c — reading sio.ini and measures.ini with inih.
 *
 * inih calls one handler per key; the handler returns 0 to stop, and then
 * ini_parse() returns that line number, which is how a typo is reported with
 * its file and line.  The handler records why it refused in the parse state.
 */
#include "config/config.h"

#include "config/chartopt.h"
#include "config/ingestopt.h"
#include "config/priority.h"
#include "text/stem.h"

#include <ini.h>
#include <libgen.h>
#include <math.h>
#include <stddef.h>
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
    chartopt_defaults(cfg);
    strcpy(cfg->statement_text, "statement-text.md");
    cfg->statement_formats = STATEMENT_DOCX | STATEMENT_PDF;
    strcpy(cfg->statement_reference, "reference.docx");
    strcpy(cfg->statement_css, "statement-print.css");
    cfg->statement_print_timeout = 120;
    cfg->statement_print_tab_pages = 3;
    cfg->spc_shift = 7;   /* NHSRplotthedots and MDC (measures.md §6) */
    cfg->spc_trend = 6;   /* the sio brief; NHSRplotthedots uses 7 */
    cfg->spc_limits_start = cfg->spc_limits_end = MONTH_NONE;
    cfg->spc_min_points = 15; /* Making Data Count: limits from at least 15 points */
    strcpy(cfg->run_log, "var/sio-run.log");
    ingestopt_defaults(&cfg->ingest);
    priority_defaults(cfg);
}

/* [run] inputs repeats: each line is one more path for sio-run to ingest. */
static int add_run_input(struct sio_config *cfg, const char *value)
{
    char **grown;
    if (!*value)
        return 0;
    grown = realloc(cfg->run_inputs, (size_t)(cfg->n_run_inputs + 1) * sizeof *grown);
    if (!grown)
        return 0;
    cfg->run_inputs = grown;
    if (!(grown[cfg->n_run_inputs] = strdup(value)))
        return 0;
    cfg->n_run_inputs++;
    return 1;
}

/* A list of format names (space or comma between them) as bits: names[i]
 * sets 1 << i.  "none" (alone) is 0 when allowed. */
static int parse_format_words(const char *value, const char *const *names, int n_names,
                              int none_ok, int *out)
{
    char buf[128];
    int bits = 0;
    if (!copy_value(buf, sizeof buf, value))
        return 0;
    if (none_ok && !strcmp(buf, "none"))
        return (*out = 0) == 0;
    for (char *save, *tok = strtok_r(buf, " ,", &save); tok;
         tok = strtok_r(NULL, " ,", &save)) {
        int i = 0;
        while (i < n_names && strcasecmp(tok, names[i]))
            i++;
        if (i == n_names)
            return 0;
        bits |= 1 << i;
    }
    *out = bits;
    return bits != 0;
}

static int parse_formats(const char *value, int *out)
{
    static const char *const names[] = { "png", "svg", "pdf" }; /* enum chart_format */
    return parse_format_words(value, names, 3, 0, out);
}

static int parse_statement_formats(const char *value, int *out)
{
    static const char *const names[] = { "docx", "pdf" }; /* enum statement_format */
    return parse_format_words(value, names, 2, 1, out);
}

static int month_value(const char *value, month_t *out)
{
    *out = month_parse(value, strlen(value));
    return *out != MONTH_NONE;
}

static int bool_value(const char *value, int *out)
{
    if (!strcmp(value, "yes") || !strcmp(value, "true") || !strcmp(value, "1"))
        return (*out = 1);
    if (!strcmp(value, "no") || !strcmp(value, "false") || !strcmp(value, "0"))
        return (*out = 0) == 0;
    return 0;
}

static int run_length(const char *value, int *out)
{
    char *end;
    long n = strtol(value, &end, 10);
    if (*end || end == value || n < 0 || n == 1 || n > 60)
        return 0;
    *out = (int)n;
    return 1;
}

/* A whole number from lo to hi. */
static int int_between(const char *value, long lo, long hi, int *out)
{
    char *end;
    long n = strtol(value, &end, 10);
    if (*end || end == value || n < lo || n > hi)
        return 0;
    *out = (int)n;
    return 1;
}

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* Whether an earlier rebase that applies to some of the same forces is on
 * or after m: each force's own dates must rise strictly. */
static int rebase_clashes(const struct sio_config *cfg, month_t m, const char *force)
{
    for (int i = 0; i < cfg->n_rebase; i++) {
        const struct config_rebase *r = &cfg->rebase[i];
        int overlap = !r->force[0] || !force[0] || !strcmp(r->force, force);
        if (r->month > m || (overlap && r->month == m))
            return 1;
    }
    return 0;
}

/* [spc] rebase = YYYY-MM [force=FORCE] reason: dates in ascending order,
 * each with its reason; with force= it applies to that force only (a slug
 * or a name without spaces). */
static int add_rebase(struct sio_config *cfg, const char *value)
{
    struct config_rebase r = {.month = month_parse(value, strlen(value) < 7 ? strlen(value) : 7)};
    const char *why = skip_blanks(value + 7);
    if (r.month == MONTH_NONE || (value[7] != ' ' && value[7] != '\t') ||
        cfg->n_rebase == CONFIG_MAX_REBASE)
        return 0;
    if (!strncmp(why, "force=", 6)) {
        size_t n = strcspn(why + 6, " \t");
        if (n == 0 || n >= sizeof r.force)
            return 0;
        memcpy(r.force, why + 6, n);
        why = skip_blanks(why + 6 + n);
    }
    if (!*why || rebase_clashes(cfg, r.month, r.force) ||
        !copy_value(r.reason, sizeof r.reason, why))
        return 0;
    cfg->rebase[cfg->n_rebase++] = r;
    return 1;
}

/* sio-measures' sections: [comparison], [spc], [peers], [annotations]. */
static int analysis_key(struct sio_config *cfg, const char *section,
                        const char *name, const char *value)
{
    if (!strcmp(section, "comparison") && !strcmp(name, "allow_missing"))
        return bool_value(value, &cfg->allow_missing);
    if (!strcmp(section, "spc") && !strcmp(name, "shift"))
        return run_length(value, &cfg->spc_shift);
    if (!strcmp(section, "spc") && !strcmp(name, "trend"))
        return run_length(value, &cfg->spc_trend);
    if (!strcmp(section, "spc") && !strcmp(name, "limits_start"))
        return month_value(value, &cfg->spc_limits_start);
    if (!strcmp(section, "spc") && !strcmp(name, "limits_end"))
        return month_value(value, &cfg->spc_limits_end);
    if (!strcmp(section, "spc") && !strcmp(name, "rebase"))
        return add_rebase(cfg, value);
    if (!strcmp(section, "spc") && !strcmp(name, "min_points"))
        return run_length(value, &cfg->spc_min_points) && cfg->spc_min_points >= 2;
    if (!strcmp(section, "spc") && !strcmp(name, "seasonal")) {
        cfg->spc_year_on_year = !strcmp(value, "year_on_year");
        return cfg->spc_year_on_year || !strcmp(value, "note");
    }
    if (!strcmp(section, "peers") && !strcmp(name, "file"))
        return copy_value(cfg->peers_path, sizeof cfg->peers_path, value);
    if (!strcmp(section, "annotations") && !strcmp(name, "file"))
        return copy_value(cfg->annotations_path, sizeof cfg->annotations_path, value);
    return -1;
}

/* sio-ingest's sections: [ingest] (ingestopt.h), [extract] column names. */
static int ingest_key(struct ingest_settings *in, const char *section, const char *name,
                      const char *value)
{
    static const struct { const char *name; size_t off; } extract[] = {
        { "date", offsetof(struct ingest_settings, extract_date) },
        { "offence", offsetof(struct ingest_settings, extract_offence) },
        { "force", offsetof(struct ingest_settings, extract_force) },
        { "force_name", offsetof(struct ingest_settings, extract_force_name) },
        { "area", offsetof(struct ingest_settings, extract_area) },
        { "reference", offsetof(struct ingest_settings, extract_reference) },
    };
    if (!strcmp(section, "ingest") && !strcmp(name, "zip_member_max"))
        return ingestopt_size(value, &in->zip_member_max);
    if (!strcmp(section, "ingest") && !strcmp(name, "indicator_range"))
        return ingestopt_range(value, in);
    if (!strcmp(section, "ingest"))
        return strcmp(name, "forces") ? -1 : copy_value(in->forces, sizeof in->forces, value);
    for (size_t i = 0; i < sizeof extract / sizeof *extract; i++)
        if (!strcmp(name, extract[i].name))
            return copy_value((char *)in + extract[i].off, sizeof in->extract_date, value);
    return -1;
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
    else if (!strcmp(section, "charts") && !strcmp(name, "palette"))
        ok = chartopt_palette(value, cfg->chart_palette);
    else if (!strcmp(section, "charts") && !strcmp(name, "sizes"))
        ok = chartopt_sizes(value, cfg->chart_sizes, &cfg->n_chart_sizes);
    else if (!strcmp(section, "charts") && !strcmp(name, "dpi"))
        ok = chartopt_dpi(value, cfg->chart_dpi, &cfg->n_chart_dpi);
    else if (!strcmp(section, "statement") && !strcmp(name, "text"))
        ok = copy_value(cfg->statement_text, sizeof cfg->statement_text, value);
    else if (!strcmp(section, "statement") && !strcmp(name, "formats"))
        ok = parse_statement_formats(value, &cfg->statement_formats);
    else if (!strcmp(section, "statement") && !strcmp(name, "reference_docx"))
        ok = copy_value(cfg->statement_reference, sizeof cfg->statement_reference, value);
    else if (!strcmp(section, "statement") && !strcmp(name, "print_css"))
        ok = copy_value(cfg->statement_css, sizeof cfg->statement_css, value);
    else if (!strcmp(section, "statement") && !strcmp(name, "print_timeout"))
        ok = int_between(value, 1, 86400, &cfg->statement_print_timeout); /* a day */
    else if (!strcmp(section, "statement") && !strcmp(name, "print_tabs"))
        /* each a renderer, about 170 MB: 8 at most (BROWSER_TABS_MAX) */
        ok = int_between(value, 1, 8, &cfg->statement_print_tabs);
    else if (!strcmp(section, "statement") && !strcmp(name, "print_tab_pages"))
        ok = int_between(value, 1, 1000, &cfg->statement_print_tab_pages);
    else if (!strcmp(section, "comparison") || !strcmp(section, "spc") ||
             !strcmp(section, "peers") || !strcmp(section, "annotations"))
        ok = analysis_key(cfg, section, name, value);
    else if (!strcmp(section, "run") && !strcmp(name, "log"))
        ok = copy_value(cfg->run_log, sizeof cfg->run_log, value);
    else if (!strcmp(section, "run") && !strcmp(name, "inputs"))
        ok = add_run_input(cfg, value);
    else if (!strcmp(section, "run") && !strcmp(name, "statement_force"))
        ok = copy_value(cfg->run_statement_force, sizeof cfg->run_statement_force, value);
    else if (!strcmp(section, "ingest") || !strcmp(section, "extract"))
        ok = ingest_key(&cfg->ingest, section, name, value);

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
    snprintf(m->national, sizeof m->national, "%s", key);
    m->better = -1;
    m->target = NAN;
    return m;
}

static int add_string(char **list, int *n, const char *value)
{
    if (*n == CONFIG_MAX_TYPES || !*value)
        return 0;
    list[*n] = strdup(value);
    return list[(*n)++] != NULL;
}

/* Record which source a key implies; a second kind in one measure is refused. */
static int set_source(struct measure_def *m, int source)
{
    if (m->source != MEASURE_SRC_NONE && m->source != source)
        return 0;
    m->source = source;
    return 1;
}

/* The keys beyond label, crime_type and better: -1 unknown, 0 bad, 1 ok. */
static int measure_more_key(struct measure_def *m, const char *name, const char *value)
{
    char *end;
    if (!strcmp(name, "national"))
        return copy_value(m->national, sizeof m->national, value);
    if (!strcmp(name, "ho_offence_code"))
        return set_source(m, MEASURE_SRC_HOME_OFFICE) &&
               add_string(m->ho_codes, &m->n_ho_codes, value);
    if (!strcmp(name, "ho_offence_group"))
        return set_source(m, MEASURE_SRC_HO_ROLLING) &&
               add_string(m->ho_groups, &m->n_ho_groups, value);
    if (!strcmp(name, "indicator"))
        return set_source(m, MEASURE_SRC_INDICATOR) &&
               copy_value(m->indicator, sizeof m->indicator, value);
    if (!strcmp(name, "stop_search_object"))
        return set_source(m, MEASURE_SRC_STOP_SEARCH) &&
               copy_value(m->source_filter, sizeof m->source_filter, value);
    if (!strcmp(name, "outcome_crime_type"))
        return set_source(m, MEASURE_SRC_OUTCOMES) &&
               copy_value(m->source_filter, sizeof m->source_filter, value);
    if (!strcmp(name, "outcome_type"))
        return add_string(m->outcome_types, &m->n_outcome_types, value);
    if (!strcmp(name, "statistic")) {
        if (strcmp(value, "count") && strcmp(value, "proportion"))
            return 0;
        return (m->proportion = !strcmp(value, "proportion")), 1;
    }
    if (!strcmp(name, "target")) {
        m->target = strtod(value, &end);
        return *end == '\0' && end != value && isfinite(m->target);
    }
    if (!strcmp(name, "role"))
        return priority_role(value, &m->role);
    if (!strcmp(name, "precedence")) {
        long n = strtol(value, &end, 10);
        return *end == '\0' && end != value && n >= 1 && n <= 99 ? (m->precedence = (int)n) : 0;
    }
    if (!strcmp(name, "noun"))
        return copy_value(m->noun, sizeof m->noun, value);
    if (!strcmp(name, "source_note"))
        return copy_value(m->source_note, sizeof m->source_note, value);
    if (!strcmp(name, "better_reason"))
        return priority_words_add(m->better_reason, sizeof m->better_reason, value);
    return -1;
}

/* A measure without its own noun and source line gets its source kind's:
 * a chart of county lines closed must not say "crimes" or "police.uk". */
static void measure_defaults(const struct sio_config *cfg, struct measure_def *m)
{
    static const char ho[] = "Source: Home Office, police recorded crime open data tables "
                             "(Open Government Licence v3.0)";
    const char *noun = "crimes", *note = cfg->source_note;

    if (m->source == MEASURE_SRC_HOME_OFFICE || m->source == MEASURE_SRC_HO_ROLLING) {
        note = ho;
    } else if (m->source == MEASURE_SRC_STOP_SEARCH) {
        noun = "searches";
        note = "Source: police.uk stop and search data (Open Government Licence v3.0)";
    } else if (m->source == MEASURE_SRC_OUTCOMES) {
        noun = "crimes";
        note = "Source: police.uk street-level crime and outcomes data "
               "(Open Government Licence v3.0)";
    } else if (m->source == MEASURE_SRC_INDICATOR) {
        noun = "";
        note = "Source: the force's own figures, loaded as an indicator series";
    }
    if (!m->noun[0])
        snprintf(m->noun, sizeof m->noun, "%s", noun);
    if (!m->source_note[0])
        snprintf(m->source_note, sizeof m->source_note, "%s", note);
}

static int add_crime_type(struct measure_def *m, const char *value)
{
    if (m->n_crime_types == CONFIG_MAX_TYPES || !*value)
        return 0;
    m->crime_types[m->n_crime_types] = strdup(value);
    return m->crime_types[m->n_crime_types++] != NULL;
}

/* A [priority KEY] section: whether the priority applies locally, and why. */
static int priority_handler(struct parse_state *st, const char *section, const char *name,
                            const char *value)
{
    int ok = priority_key(st->cfg, section, name, value);
    if (ok == -2)
        return refuse(st, "unknown priority [%s] (want homicide, serious_violence, "
                      "drugs_supply, neighbourhood_crime, cyber_crime or "
                      "victim_satisfaction)%s", section, "");
    if (ok < 0)
        return refuse(st, "unknown key '%s' in section [%s] (want applicable or reason)",
                      name, section);
    if (!ok)
        return refuse(st, "bad value '%s' for key '%s' (applicable = yes|no; reason = "
                      "a sentence)", value, name);
    return 1;
}

static int measure_handler(void *user, const char *section, const char *name,
                           const char *value)
{
    struct parse_state *st = user;
    struct measure_def *m;

    if (!strncmp(section, PRIORITY_SECTION, strlen(PRIORITY_SECTION)))
        return priority_handler(st, section, name, value);
    if (strlen(section) >= sizeof m->key || !(m = measure_for(st->cfg, section)))
        return refuse(st, "too many measures, or name too long: [%s]%s", section, "");
    if (!strcmp(name, "label")) {
        if (!copy_value(m->label, sizeof m->label, value))
            return refuse(st, "label too long in [%s]%s", section, "");
    } else if (!strcmp(name, "crime_type")) {
        if (!add_crime_type(m, value))
            return refuse(st, "bad or too many crime types in [%s]%s", section, "");
    } else if (!strcmp(name, "applicable") || !strcmp(name, "applicability_note")) {
        return refuse(st, "'%s' belongs to a priority, not a measure: put 'applicable' and "
                      "'reason' in a [priority %s] section", name, m->national);
    } else if (!strcmp(name, "better")) {
        if (!strcmp(value, "down")) m->better = -1;
        else if (!strcmp(value, "up")) m->better = 1;
        else return refuse(st, "bad value '%s' for key 'better' (want up or down)%s", value, "");
    } else {
        int ok = measure_more_key(m, name, value);
        if (ok < 0)
            return refuse(st, "unknown key '%s' in section [%s]", name, section);
        if (!ok)
            return refuse(st, "bad value '%s' for key '%s' (or a second source kind in one "
                          "measure)", value, name);
    }
    return 1;
}

/* inih reads a line in pieces of INI_MAX_LINE - 1 bytes and takes the rest
 * as a line of its own, so a long value would be cut silently: refuse it,
 * naming the line.  Returns 0 or the first such line's number. */
static long long_line(FILE *fp)
{
    char buf[INI_MAX_LINE];
    long line = 1;
    size_t len = 0;
    while (fgets(buf, sizeof buf, fp)) {
        size_t n = strlen(buf);
        len += n;
        if (n && buf[n - 1] == '\n') {
            if (len - 1 >= INI_MAX_LINE - 1)
                return line;
            line++;
            len = 0;
        } else if (len >= INI_MAX_LINE - 1) {
            return line;
        }
    }
    return 0;
}

static int parse_file(const char *path, ini_handler fn, struct sio_config *cfg,
                      struct sio_error *err)
{
    struct parse_state st = { .cfg = cfg, .why = "" };
    FILE *fp = fopen(path, "r");
    if (!fp)
        return sio_fail(err, SIO_ENOINPUT, path, 0, "cannot open configuration: %m");
    long too_long = long_line(fp);
    if (too_long) {
        fclose(fp);
        return sio_fail(err, SIO_ECONFIG, path, too_long, "line longer than %d characters: "
                        "go on with the value on the next line, indented", INI_MAX_LINE - 2);
    }
    rewind(fp);
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

/* peers and annotations files, like measures, are named relative to sio.ini. */
static int resolve_beside(char *path, size_t size, const char *ini_path)
{
    char dir[CONFIG_PATH_MAX], rel[CONFIG_PATH_MAX];
    if (!path[0] || path[0] == '/')
        return 1;
    snprintf(dir, sizeof dir, "%s", ini_path);
    snprintf(rel, sizeof rel, "%s", path);
    int n = snprintf(path, size, "%s/%s", dirname(dir), rel);
    return n > 0 && (size_t)n < size;
}

/* Every measure's chart stem, none empty and no two the same: two sections
 * whose names differ only in punctuation would overwrite each other's charts. */
static int check_stems(struct sio_config *cfg, struct sio_error *err)
{
    for (int i = 0; i < cfg->n_measures; i++) {
        struct measure_def *m = &cfg->measures[i];
        if (!stem_make(m->key, m->stem, sizeof m->stem)[0])
            return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0, "measure [%s]: a "
                            "name needs a letter or digit (it names the chart files)", m->key);
        for (int j = 0; j < i; j++)
            if (!strcmp(cfg->measures[j].stem, m->stem))
                return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0, "measures [%s] and "
                                "[%s] would share chart files named '%s': rename one",
                                cfg->measures[j].key, m->key, m->stem);
    }
    return SIO_OK;
}

static int check_consistent(struct sio_config *cfg, struct sio_error *err)
{
    if (cfg->baseline_end < cfg->baseline_start)
        return sio_fail(err, SIO_ECONFIG, cfg->path, 0,
                        "baseline ends before it starts");
    if (cfg->n_measures == 0)
        return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0,
                        "no measures defined");
    for (int i = 0; i < cfg->n_measures; i++) {
        struct measure_def *m = &cfg->measures[i];
        if (m->n_crime_types > 0 && !set_source(m, MEASURE_SRC_POLICE_UK))
            return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0,
                            "measure [%s] has crime_type and another source", m->key);
        if (m->source == MEASURE_SRC_NONE)
            return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0,
                            "measure [%s] has no source (crime_type, ho_offence_code, "
                            "ho_offence_group, indicator, stop_search_object or "
                            "outcome_crime_type)", m->key);
        measure_defaults(cfg, m);
        if (m->source == MEASURE_SRC_HO_ROLLING && m->proportion)
            return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0,
                            "measure [%s]: ho_offence_group figures are counts, not a"
                            " proportion", m->key);
        if (m->source == MEASURE_SRC_OUTCOMES && (m->n_outcome_types == 0 || !m->proportion))
            return sio_fail(err, SIO_ECONFIG, cfg->measures_path, 0,
                            "measure [%s] needs outcome_type lines and statistic = proportion",
                            m->key);
    }
    if ((cfg->spc_limits_start == MONTH_NONE) != (cfg->spc_limits_end == MONTH_NONE) ||
        cfg->spc_limits_end < cfg->spc_limits_start)
        return sio_fail(err, SIO_ECONFIG, cfg->path, 0,
                        "[spc] limits_start and limits_end go together, start first");
    priority_rank(cfg);
    return check_stems(cfg, err);
}

const char *config_measure_unit(const struct measure_def *m)
{
    return m->proportion ? "%" : m->noun[0] ? m->noun : "count";
}

int config_load(const char *path, struct sio_config *cfg, struct sio_error *err)
{
    int rc;
    snprintf(cfg->path, sizeof cfg->path, "%s", path);
    if ((rc = parse_file(path, main_handler, cfg, err)))
        return rc;
    if (!resolve_measures(cfg, path))
        return sio_fail(err, SIO_ECONFIG, path, 0, "measures path too long");
    if (!resolve_beside(cfg->peers_path, sizeof cfg->peers_path, path) ||
        !resolve_beside(cfg->annotations_path, sizeof cfg->annotations_path, path))
        return sio_fail(err, SIO_ECONFIG, path, 0, "peers or annotations path too long");
    if (!resolve_beside(cfg->statement_text, sizeof cfg->statement_text, path) ||
        !resolve_beside(cfg->statement_reference, sizeof cfg->statement_reference, path) ||
        !resolve_beside(cfg->statement_css, sizeof cfg->statement_css, path))
        return sio_fail(err, SIO_ECONFIG, path, 0, "a [statement] path is too long");
    if ((rc = parse_file(cfg->measures_path, measure_handler, cfg, err)))
        return rc;
    return check_consistent(cfg, err);
}

void config_free(struct sio_config *cfg)
{
    for (int i = 0; i < cfg->n_measures; i++)
        for (int j = 0; j < cfg->measures[i].n_crime_types; j++)
            free(cfg->measures[i].crime_types[j]);
    for (int i = 0; i < cfg->n_measures; i++) {
        for (int j = 0; j < cfg->measures[i].n_ho_codes; j++)
            free(cfg->measures[i].ho_codes[j]);
        for (int j = 0; j < cfg->measures[i].n_ho_groups; j++)
            free(cfg->measures[i].ho_groups[j]);
        for (int j = 0; j < cfg->measures[i].n_outcome_types; j++)
            free(cfg->measures[i].outcome_types[j]);
    }
    cfg->n_measures = 0;
    for (int i = 0; i < cfg->n_run_inputs; i++)
        free(cfg->run_inputs[i]);
    free(cfg->run_inputs);
    cfg->run_inputs = NULL;
    cfg->n_run_inputs = 0;
}

const struct measure_def *config_measure(const struct sio_config *cfg, const char *key)
{
    for (int i = 0; i < cfg->n_measures; i++)
        if (!strcmp(cfg->measures[i].key, key))
            return &cfg->measures[i];
    return NULL;
}
