/*
 * template.c — @MARK@ substitution and the quoting each scheduler needs.
 */
#include "template.h"

#include "sys/atomic.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEMPLATE_MAX (256 * 1024)
#define MARK_MAX 24

enum quoting { AS_IS, CRON, UNIT_DIRECTIVE, UNIT_COMMAND };

/* Shell single quotes for cron: ' becomes '\'' and % (a newline to cron)
 * becomes \%, which cron passes on as %. */
static void put_cron(FILE *fp, const char *s)
{
    fputc('\'', fp);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", fp);
        else if (*s == '%')
            fputs("\\%", fp);
        else
            fputc(*s, fp);
    }
    fputc('\'', fp);
}

/* systemd: % starts a specifier, so it is doubled; a command line word is
 * double-quoted, with \ and " escaped. */
static void put_unit(FILE *fp, const char *s, int quoted)
{
    if (quoted)
        fputc('"', fp);
    for (; *s; s++) {
        if (*s == '%')
            fputc('%', fp);
        else if (quoted && (*s == '"' || *s == '\\'))
            fputc('\\', fp);
        fputc(*s, fp);
    }
    if (quoted)
        fputc('"', fp);
}

static void put(FILE *fp, const char *s, enum quoting q)
{
    switch (q) {
    case AS_IS: fputs(s, fp); break;
    case CRON: put_cron(fp, s); break;
    case UNIT_DIRECTIVE: put_unit(fp, s, 0); break;
    case UNIT_COMMAND: put_unit(fp, s, 1); break;
    }
}

/* Write the value of mark (len bytes, without the @s); 0 when unknown. */
static int put_mark(FILE *fp, const char *mark, size_t len, const struct template_values *v)
{
    const struct {
        const char *name;
        const char *value;
        enum quoting q;
    } marks[] = {
        { "FORCE_NAME", v->force_name, AS_IS }, { "FORCE_SLUG", v->force_slug, AS_IS },
        { "FOLDER", v->folder, AS_IS },         { "SIO_RUN", v->sio_run, AS_IS },
        { "DATE", v->date, AS_IS },             { "VERSION", SIO_VERSION, AS_IS },
        { "FOLDER_CRON", v->folder, CRON },     { "SIO_RUN_CRON", v->sio_run, CRON },
        { "FOLDER_UNIT", v->folder, UNIT_DIRECTIVE },
        { "SIO_RUN_UNIT", v->sio_run, UNIT_COMMAND },
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strlen(marks[i].name) == len && !memcmp(marks[i].name, mark, len)) {
            put(fp, marks[i].value, marks[i].q);
            return 1;
        }
    return 0;
}

/* The length of a mark's name at s (capitals and _, then '@'), or 0. */
static size_t mark_at(const char *s)
{
    size_t n = 0;
    while (n < MARK_MAX && ((s[n] >= 'A' && s[n] <= 'Z') || s[n] == '_'))
        n++;
    return n > 0 && s[n] == '@' ? n : 0;
}

static int fill(FILE *fp, const char *text, const char *from, const struct template_values *v,
                struct sio_error *err)
{
    long line = 1;
    for (const char *p = text; *p; p++) {
        size_t n = *p == '@' ? mark_at(p + 1) : 0;
        line += *p == '\n';
        if (!n) {
            fputc(*p, fp);
            continue;
        }
        if (!put_mark(fp, p + 1, n, v))
            return sio_fail(err, SIO_ECONFIG, from, line, "unknown mark @%.*s@ in a template",
                            (int)n, p + 1);
        p += n + 1;
    }
    return SIO_OK;
}

/* The whole file at path, NUL-terminated (caller frees), or NULL. */
static char *slurp(const char *path, struct sio_error *err)
{
    FILE *fp = fopen(path, "rb");
    char *buf = fp ? malloc(TEMPLATE_MAX + 1) : NULL;
    size_t n = buf ? fread(buf, 1, TEMPLATE_MAX + 1, fp) : 0;
    if (!fp)
        sio_fail(err, SIO_ENOINPUT, path, 0, "cannot read the template: %m");
    else if (!buf || n > TEMPLATE_MAX || ferror(fp)) {
        sio_fail(err, SIO_ENOINPUT, path, 0, "cannot read the template (or over %d bytes)",
                 TEMPLATE_MAX);
        free(buf);
        buf = NULL;
    } else
        buf[n] = '\0';
    if (fp)
        fclose(fp);
    return buf;
}

int template_write(FILE *fp, const char *from, const struct template_values *v,
                   struct sio_error *err)
{
    char *text = slurp(from, err);
    if (!text)
        return err->status;
    int rc = SIO_OK;
    if (v)
        rc = fill(fp, text, from, v, err);
    else
        fputs(text, fp);
    free(text);
    return rc;
}

int template_copy(const char *from, const char *to, const struct template_values *v,
                  struct sio_error *err)
{
    struct atomic_file af;
    int rc = atomic_open(&af, to, err);
    if (!rc && (rc = template_write(af.fp, from, v, err)))
        atomic_abort(&af);
    else if (!rc)
        rc = atomic_commit(&af, err);
    return rc;
}
