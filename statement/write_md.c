/*
 * write_md.c — the statement draft as Markdown, for editing.
 *
 * Charts are linked relative to the statement folder (../charts/...), so
 * the draft renders wherever the out folder is copied whole.  Table cells
 * escape '|'; other text is printed as it is, since it is the analyst's
 * Markdown or plain words from the store.
 */
#include "write.h"

#include <errno.h>
#include <string.h>

static void cell(FILE *out, const char *text)
{
    for (; *text; text++) {
        if (*text == '|')
            fputc('\\', out);
        fputc(*text == '\n' ? ' ' : *text, out);
    }
}

static void md_chart(FILE *out, const struct statement_chart *c)
{
    if (!c->path[0])
        return;
    fputs("![", out);
    for (const char *p = c->alt; *p; p++)
        fputc(*p == '[' || *p == ']' ? ' ' : *p, out);
    fprintf(out, "](%s)\n\n", c->rel);
}

static void md_table(FILE *out, const struct statement *s, const struct statement_measure *m)
{
    char label[256], value[256];

    if (!m->fig.found) {
        fprintf(out, "No figures for %s in the store.\n\n", s->quarter_label);
        return;
    }
    fprintf(out, "Table: %s, %s, %s\n\n| Figure | Value |\n|---|---:|\n", m->def.label, s->force_name,
            s->quarter_label);
    for (int i = 0; statement_figure_row(s, m, i, label, sizeof label, value, sizeof value); i++) {
        fputs("| ", out);
        cell(out, label);
        fputs(" | ", out);
        cell(out, value);
        fputs(" |\n", out);
    }
    fputs("\n", out);
}

static void md_measure(FILE *out, const struct statement *s, const struct statement_measure *m)
{
    fprintf(out, "## %s\n\n", m->def.label);
    char words[1024];
    fprintf(out, "*%s*\n\n", statement_applicability(m, words, sizeof words));
    if (m->sentence[0])
        fprintf(out, "%s\n\n", m->sentence);
    md_table(out, s, m);
    for (int k = 0; k < m->n_charts; k++)
        md_chart(out, &m->charts[k]);
    if (m->text_flag[0])
        fprintf(out, "> **Check before publishing:** %s\n\n", m->text_flag);
    if (m->text && m->text->body && m->text->body[0])
        fprintf(out, "%s\n\n", m->text->body);
}

static void md_checks(FILE *out, const struct statement *s)
{
    int n = statement_flag_count(s);

    if (!n)
        return;
    fprintf(out, "> **Check before publishing:** %d of %d measures need the analyst's words "
                 "(missing or older than the data):", n, s->n);
    for (int i = 0; i < s->n; i++)
        if (s->m[i].text_flag[0])
            fprintf(out, " %s%s", s->m[i].def.label, --n ? ";" : ".");
    fputs("\n\n", out);
}

int write_markdown(const struct statement *s, FILE *out, struct sio_error *err)
{
    char para[4096];

    fprintf(out, "**%s**\n\n# Crime and policing measures: %s, %s\n\n", s->cfg->classification,
            s->force_name, s->quarter_label);
    fprintf(out, "Draft statement on the national crime and policing measures, made by sio %s "
                 "from the figures in its store.\n\n", s->version);
    md_checks(out, s);
    if (s->overview && s->overview->path[0]) {
        fputs("## Overview\n\n", out);
        md_chart(out, s->overview);
    }
    for (int i = 0; i < s->n; i++)
        md_measure(out, s, &s->m[i]);
    fputs("## Methods and data sources\n\n", out);
    for (int i = 0; statement_method(s, i, para, sizeof para); i++)
        fprintf(out, "%s\n\n", para);
    if (ferror(out))
        return sio_fail(err, SIO_EIO, NULL, 0, "write error: %s", strerror(errno));
    return SIO_OK;
}
