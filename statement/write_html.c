/*
 * write_html.c — the statement as one self-contained, accessible page.
 *
 * Semantic structure: one h1, an h2 per measure, tables with a caption and
 * th scope, figures with alt text from the chart sidecars.  The CSS is
 * inline and plain, with a print style (charts never split across pages,
 * no background colours needed); there is no script and nothing is loaded
 * from elsewhere, so a PCC website can publish the file as it is.
 */
#include "write.h"

#include <cmark.h>
#include <nettle/base64.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char css[] =
    "body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;margin:0;line-height:1.45}"
    "main{max-width:52rem;margin:0 auto;padding:1.5rem}"
    "h1{font-size:2rem;margin:.5rem 0 1rem}h2{font-size:1.5rem;margin-top:2.5rem;border-top:2px solid #12436d;padding-top:.75rem}"
    "h3{font-size:1.2rem}"
    ".marking{font-weight:bold;text-align:right;letter-spacing:.05em;margin:0}"
    ".applicability{font-style:italic;color:#3d3d3d}"
    ".verdict{font-size:1.1rem}"
    ".check{border-left:6px solid #f46a25;background:#fdf0e9;padding:.5rem 1rem;margin:1rem 0}"
    "table{border-collapse:collapse;margin:1rem 0;width:100%}"
    "caption{text-align:left;font-weight:bold;padding-bottom:.5rem}"
    "th,td{border-bottom:1px solid #b1b4b6;padding:.4rem .6rem;text-align:left;vertical-align:top}"
    "tbody th{font-weight:normal}td{text-align:right}thead th{border-bottom:2px solid #0b0c0c}"
    "thead th:last-child{text-align:right}"
    "figure{margin:1.5rem 0}img{width:100%;height:auto;display:block}"
    ".analyst{border-left:4px solid #28a197;padding-left:1rem}"
    "@media print{main{max-width:none;padding:0}h2{break-before:auto}"
    "figure,table{break-inside:avoid}.check{border:2px solid #f46a25}}";

void write_html_escaped(FILE *out, const char *text)
{
    for (; *text; text++) {
        switch (*text) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*text, out);
        }
    }
}

static void tag_text(FILE *out, const char *open, const char *text, const char *close)
{
    fputs(open, out);
    write_html_escaped(out, text);
    fputs(close, out);
}

/* The file at path as a base64 data: URI, or 0 when it cannot be read. */
static int data_uri(FILE *out, const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0, cap = 1 << 16, got;
    uint8_t *buf = malloc(cap);
    int svg = strlen(path) > 4 && strcmp(path + strlen(path) - 4, ".svg") == 0;

    while (f && buf && (got = fread(buf + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap) {
            uint8_t *p = realloc(buf, cap *= 2);
            if (!p)
                free(buf);
            buf = p;
        }
    char *b64 = buf && f ? malloc(BASE64_ENCODE_RAW_LENGTH(n) + 1) : NULL;
    if (b64) {
        base64_encode_raw(b64, n, buf);
        b64[BASE64_ENCODE_RAW_LENGTH(n)] = '\0';
        fprintf(out, "data:%s;base64,%s", svg ? "image/svg+xml" : "image/png", b64);
    }
    if (f)
        fclose(f);
    free(buf);
    free(b64);
    return b64 != NULL;
}

static void html_chart(FILE *out, const struct statement_chart *c)
{
    if (!c->path[0])
        return;
    fputs("<figure><img src=\"", out);
    data_uri(out, c->path);
    fputs("\" alt=\"", out);
    write_html_escaped(out, c->alt);
    fputs("\"></figure>\n", out);
}

static void html_table(FILE *out, const struct statement *s, const struct statement_measure *m)
{
    char label[256], value[256], caption[512];

    if (!m->fig.found) {
        snprintf(caption, sizeof caption, "No figures for %s in the store.", s->quarter_label);
        tag_text(out, "<p>", caption, "</p>\n");
        return;
    }
    snprintf(caption, sizeof caption, "%s, %s, %s", m->def.label, s->force_name, s->quarter_label);
    tag_text(out, "<table>\n<caption>", caption, "</caption>\n");
    fputs("<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th></tr></thead>\n<tbody>\n", out);
    for (int i = 0; statement_figure_row(s, m, i, label, sizeof label, value, sizeof value); i++) {
        tag_text(out, "<tr><th scope=\"row\">", label, "</th>");
        tag_text(out, "<td>", value, "</td></tr>\n");
    }
    fputs("</tbody>\n</table>\n", out);
}

/* The analyst's Markdown, through cmark in its safe default mode. */
static void html_analyst(FILE *out, const struct statement_measure *m)
{
    if (!m->text || !m->text->body || !m->text->body[0])
        return;
    char *html = cmark_markdown_to_html(m->text->body, strlen(m->text->body), CMARK_OPT_DEFAULT);
    if (!html)
        return;
    fputs("<div class=\"analyst\">\n", out);
    fputs(html, out);
    fputs("</div>\n", out);
    free(html);
}

static void html_measure(FILE *out, const struct statement *s, const struct statement_measure *m)
{
    char words[1024];

    tag_text(out, "<section id=\"m-", m->def.stem, "\">\n");
    tag_text(out, "<h2>", m->def.label, "</h2>\n");
    tag_text(out, "<p class=\"applicability\">", statement_applicability(m, words, sizeof words),
             "</p>\n");
    if (m->sentence[0])
        tag_text(out, "<p class=\"verdict\">", m->sentence, "</p>\n");
    html_table(out, s, m);
    for (int k = 0; k < m->n_charts; k++)
        html_chart(out, &m->charts[k]);
    if (m->text_flag[0])
        tag_text(out, "<p class=\"check\"><strong>Check before publishing:</strong> ", m->text_flag, "</p>\n");
    html_analyst(out, m);
    fputs("</section>\n", out);
}

static void html_checks(FILE *out, const struct statement *s)
{
    char words[128];
    int n = statement_flag_count(s);

    if (!n)
        return;
    snprintf(words, sizeof words, "%d of %d measures need the analyst's words (missing or older than the data):", n, s->n);
    tag_text(out, "<div class=\"check\"><p><strong>Check before publishing:</strong> ", words, "</p>\n<ul>\n");
    for (int i = 0; i < s->n; i++)
        if (s->m[i].text_flag[0])
            tag_text(out, "<li>", s->m[i].def.label, "</li>\n");
    fputs("</ul></div>\n", out);
}

static void html_head(FILE *out, const struct statement *s)
{
    char title[256];

    snprintf(title, sizeof title, "Crime and policing measures: %s, %s", s->force_name, s->quarter_label);
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", out);
    tag_text(out, "<title>", title, "</title>\n");
    fprintf(out, "<style>%s</style>\n</head>\n<body>\n<main>\n", css);
    tag_text(out, "<p class=\"marking\">", s->cfg->classification, "</p>\n");
    tag_text(out, "<h1>", title, "</h1>\n");
}

int write_html(const struct statement *s, FILE *out, struct sio_error *err)
{
    char para[4096];

    html_head(out, s);
    snprintf(para, sizeof para, "Draft statement on the national crime and policing measures, made by "
                                "sio %s from the figures in its store.", s->version);
    tag_text(out, "<p>", para, "</p>\n");
    html_checks(out, s);
    if (s->overview && s->overview->path[0]) {
        fputs("<section id=\"overview\">\n<h2>Overview</h2>\n", out);
        html_chart(out, s->overview);
        fputs("</section>\n", out);
    }
    for (int i = 0; i < s->n; i++)
        html_measure(out, s, &s->m[i]);
    fputs("<section id=\"methods\">\n<h2>Methods and data sources</h2>\n", out);
    for (int i = 0; statement_method(s, i, para, sizeof para); i++)
        tag_text(out, "<p>", para, "</p>\n");
    fputs("</section>\n</main>\n</body>\n</html>\n", out);
    if (ferror(out))
        return sio_fail(err, SIO_EIO, NULL, 0, "write error: %s", strerror(errno));
    return SIO_OK;
}
