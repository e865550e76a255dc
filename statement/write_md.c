/*
 * write_md.c — the draft as Markdown, for editing.
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

static void md_table(FILE *out, const struct doc_block *b)
{
    fprintf(out, "Table: %s\n\n", b->text);
    for (int r = 0; r < b->rows; r++) {
        for (int c = 0; c < b->cols; c++) {
            fputs(c ? " | " : "| ", out);
            cell(out, b->cells[r * b->cols + c]);
        }
        fputs(" |\n", out);
        for (int c = 0; r == 0 && c < b->cols; c++)
            fputs(b->numeric & (1u << c) ? "|---:" : "|---", out);
        if (r == 0)
            fputs("|\n", out);
    }
    fputs("\n", out);
}

/* number: this item's place in its numbered list (from 1). */
static void md_block(FILE *out, const struct doc_block *b, int next_is_item, int number)
{
    switch (b->kind) {
    case DOC_HEADING:
        fprintf(out, "%.*s %s\n\n", b->level, "####", b->text);
        break;
    case DOC_PARA:
        fprintf(out, b->emphasis ? "*%s*\n\n" : "%s\n\n", b->text);
        break;
    case DOC_CHECK:
        fprintf(out, "> **Check before publishing:** %s\n\n", b->text);
        break;
    case DOC_ITEM:
        if (b->level == 1)
            fprintf(out, "%d. %s\n%s", number, b->text, next_is_item ? "" : "\n");
        else
            fprintf(out, "- %s\n%s", b->text, next_is_item ? "" : "\n");
        break;
    case DOC_TABLE:
        md_table(out, b);
        break;
    case DOC_CHART:
        fputs("![", out);
        for (const char *p = b->text; *p; p++)
            fputc(*p == '[' || *p == ']' || *p == '\n' ? ' ' : *p, out);
        fprintf(out, "](%s)\n\n", b->rel);
        break;
    case DOC_MARKDOWN:
        fprintf(out, "%s\n\n", b->text);
        break;
    }
}

int write_markdown(const struct statement *s, const struct doc *d, FILE *out,
                   struct sio_error *err)
{
    fprintf(out, "**%s**\n\n", s->cfg->classification);
    for (int i = 0, number = 0; i < d->n; i++) {
        number = d->b[i].kind == DOC_ITEM ? number + 1 : 0;
        md_block(out, &d->b[i], i + 1 < d->n && d->b[i + 1].kind == DOC_ITEM, number);
    }
    if (ferror(out))
        return sio_fail(err, SIO_EIO, NULL, 0, "write error: %s", strerror(errno));
    return SIO_OK;
}
