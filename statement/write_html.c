/*
 * write_html.c — the statement as one self-contained, accessible page.
 *
 * Semantic structure: one h1, an h2 per part and priority, tables with a
 * caption and th scope, figures with alt text from the store's chart_files.  The CSS is
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
    "h4{font-size:1.05rem;margin-bottom:.25rem}"
    ".quiet{font-style:italic;color:#3d3d3d}"
    ".check{border-left:6px solid #f46a25;background:#fdf0e9;padding:.5rem 1rem;margin:1rem 0}"
    "table{border-collapse:collapse;margin:1rem 0;width:100%}"
    "caption{text-align:left;font-weight:bold;padding-bottom:.5rem}"
    "th,td{border-bottom:1px solid #b1b4b6;padding:.4rem .6rem;text-align:left;vertical-align:top}"
    "tbody th{font-weight:normal}.num{text-align:right}thead th{border-bottom:2px solid #0b0c0c}"
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

static void html_chart(FILE *out, const struct doc_block *b)
{
    fputs("<figure><img src=\"", out);
    data_uri(out, b->path);
    fputs("\" alt=\"", out);
    write_html_escaped(out, b->text);
    fputs("\"></figure>\n", out);
}

static void html_table(FILE *out, const struct doc_block *b)
{
    tag_text(out, "<table>\n<caption>", b->text, "</caption>\n<thead><tr>");
    for (int c = 0; c < b->cols; c++)
        tag_text(out, b->numeric & (1u << c) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">",
                 b->cells[c], "</th>");
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int r = 1; r < b->rows; r++) {
        fputs("<tr>", out);
        for (int c = 0; c < b->cols; c++) {
            const char *text = b->cells[r * b->cols + c];
            if (c == 0)
                tag_text(out, "<th scope=\"row\">", text, "</th>");
            else
                tag_text(out, b->numeric & (1u << c) ? "<td class=\"num\">" : "<td>", text, "</td>");
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

/* The analyst's Markdown, through cmark in its safe default mode. */
static void html_markdown(FILE *out, const char *md)
{
    char *html = cmark_markdown_to_html(md, strlen(md), CMARK_OPT_DEFAULT);
    if (!html)
        return;
    fputs("<div class=\"analyst\">\n", out);
    fputs(html, out);
    fputs("</div>\n", out);
    free(html);
}

static void html_heading(FILE *out, const struct doc_block *b)
{
    fprintf(out, "<h%d", b->level);
    if (b->id && b->id[0])
        tag_text(out, " id=\"", b->id, "\"");
    tag_text(out, ">", b->text, "");
    fprintf(out, "</h%d>\n", b->level);
}

static void html_block(FILE *out, const struct doc_block *b, int prev_item, int next_item)
{
    switch (b->kind) {
    case DOC_HEADING: html_heading(out, b); break;
    case DOC_PARA: tag_text(out, b->emphasis ? "<p class=\"quiet\">" : "<p>", b->text, "</p>\n"); break;
    case DOC_CHECK:
        tag_text(out, "<p class=\"check\"><strong>Check before publishing:</strong> ", b->text, "</p>\n");
        break;
    case DOC_ITEM:
        tag_text(out, prev_item ? "<li>" : b->level == 1 ? "<ol>\n<li>" : "<ul>\n<li>", b->text,
                 next_item ? "</li>\n" : b->level == 1 ? "</li>\n</ol>\n" : "</li>\n</ul>\n");
        break;
    case DOC_TABLE: html_table(out, b); break;
    case DOC_CHART: html_chart(out, b); break;
    case DOC_MARKDOWN: html_markdown(out, b->text); break;
    }
}

static void html_head(FILE *out, const struct statement *s)
{
    char title[256];

    snprintf(title, sizeof title, "National Crime and Policing Measures: %s, %s", s->force_name,
             s->quarter_label);
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", out);
    tag_text(out, "<title>", title, "</title>\n");
    fprintf(out, "<style>%s</style>\n</head>\n<body>\n<main>\n", css);
    tag_text(out, "<p class=\"marking\">", s->cfg->classification, "</p>\n");
}

int write_html(const struct statement *s, const struct doc *d, FILE *out, struct sio_error *err)
{
    html_head(out, s);
    for (int i = 0; i < d->n; i++)
        html_block(out, &d->b[i], i > 0 && d->b[i - 1].kind == DOC_ITEM,
                   i + 1 < d->n && d->b[i + 1].kind == DOC_ITEM);
    fputs("</main>\n</body>\n</html>\n", out);
    if (ferror(out))
        return sio_fail(err, SIO_EIO, NULL, 0, "write error: %s", strerror(errno));
    return SIO_OK;
}
