/*
 * docx.c — pandoc's command line, its Lua filter and the marked reference.
 */
#include "docx.h"

#include "marking.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pandoc's Lua filter.  Each image's .svg as the .png beside it; an error
 * names a chart that has none, as pandoc would otherwise leave a hole and
 * only warn.  And each table's column widths (below). */
static const char docx_filter[] =
    "-- sio-statement: charts as the print PNG beside the SVG the Markdown names.\n"
    "local function exists(path)\n"
    "  for _, dir in ipairs(PANDOC_STATE.resource_path) do\n"
    "    local f = io.open(dir .. '/' .. path, 'rb')\n"
    "    if f then f:close() return true end\n"
    "  end\n"
    "  return false\n"
    "end\n"
    "function Image(img)\n"
    "  local png = img.src:gsub('%.svg$', '.png')\n"
    "  if not exists(png) then\n"
    "    error('no chart ' .. png .. ' for the Word statement: add png to [charts] formats')\n"
    "  end\n"
    "  img.src = png\n"
    "  return img\n"
    "end\n"
    /* Column widths from the cells' text: pandoc gives a pipe table's
     * columns equal shares once a row is longer than 72 characters, so
     * "Comparison" and "deterioration" broke mid-word in Word.  Each column
     * gets its longest word (plus room for padding), and what is left of a
     * line of about 72 characters goes to the columns whose texts are
     * longer than that, in proportion. */
    "local function measure(row, need, least)\n"
    "  for i, cell in ipairs(row.cells) do\n"
    "    local text = pandoc.utils.stringify(cell.contents)\n"
    "    need[i] = math.max(need[i] or 0, utf8.len(text) or #text)\n"
    "    for word in text:gmatch('%S+') do\n"
    "      least[i] = math.max(least[i] or 0, utf8.len(word) or #word)\n"
    "    end\n"
    "  end\n"
    "end\n"
    "function Table(tbl)\n"
    "  local need, least, fixed, spare = {}, {}, 0, 0\n"
    "  for _, row in ipairs(tbl.head.rows) do measure(row, need, least) end\n"
    "  for _, body in ipairs(tbl.bodies) do\n"
    "    for _, row in ipairs(body.body) do measure(row, need, least) end\n"
    "  end\n"
    "  for i = 1, #tbl.colspecs do\n"
    "    least[i] = (least[i] or 0) + 4\n"
    "    need[i] = math.max((need[i] or 0) + 4, least[i])\n"
    "    fixed = fixed + least[i]\n"
    "    spare = spare + need[i] - least[i]\n"
    "  end\n"
    "  local room = math.max(72 - fixed, 0)\n"
    "  local total = fixed + math.min(room, spare)\n"
    "  for i, spec in ipairs(tbl.colspecs) do\n"
    "    local extra = spare > 0 and (need[i] - least[i]) / spare * math.min(room, spare) or 0\n"
    "    tbl.colspecs[i] = {spec[1], (least[i] + extra) / total}\n"
    "  end\n"
    "  return tbl\n"
    "end\n";

static int write_filter(const char *path, struct sio_error *err)
{
    FILE *fp = fopen(path, "w");
    int failed = !fp;
    if (fp) {
        failed = fputs(docx_filter, fp) == EOF;
        failed |= fclose(fp) != 0;
    }
    return failed ? sio_fail(err, SIO_EIO, path, 0, "cannot write pandoc's filter: %m") : SIO_OK;
}

/* The Markdown at from, each chart line's .svg as the .png beside it (as
 * the filter would make it): pandoc 2.17, given an SVG, tries to run
 * rsvg-convert for each one before the filter has turned it into the PNG
 * (19 failed starts a statement, a sixth of pandoc's time), and not at all
 * for a PNG. */
static int png_markdown(const char *from, const char *to, struct sio_error *err)
{
    FILE *in = fopen(from, "r"), *out = in ? fopen(to, "w") : NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int failed = !in || !out;
    while (!failed && (n = getline(&line, &cap, in)) > 0) {
        size_t len = (size_t)n, end = len - (line[len - 1] == '\n');
        if (end > 7 && !strncmp(line, "![", 2) && !memcmp(line + end - 5, ".svg)", 5))
            memcpy(line + end - 4, "png", 3);
        failed = fwrite(line, 1, len, out) != len;
    }
    failed |= in && ferror(in);
    free(line);
    if (in)
        fclose(in);
    if (out)
        failed |= fclose(out) != 0;
    return failed ? sio_fail(err, SIO_EIO, to, 0, "cannot write pandoc's Markdown: %m") : SIO_OK;
}

int docx_start(struct office_file *f, const struct sio_config *cfg, const char *md,
               const char *source, struct sio_error *err)
{
    char path[PATH_MAX], dir[PATH_MAX], ref[PATH_MAX + 32], lua[PATH_MAX + 32],
        res[PATH_MAX + 32], meta[160], out[PATH_MAX + 1200];
    int rc;
    if (!(cfg->chart_formats & CHART_PNG))
        return sio_fail(err, SIO_ECONFIG, cfg->path, 0, "the Word statement needs the PNG charts: "
                        "add png to [charts] formats, or docx out of [statement] formats");
    office_sibling(md, "docx", path, sizeof path);
    snprintf(dir, sizeof dir, "%s", md);
    if ((rc = office_scratch_file(f, 0, path, ".docx", err)) ||
        (rc = marking_reference(cfg->statement_reference, f->scratch[0], cfg->classification,
                                err)) ||
        (rc = office_scratch_file(f, 1, path, ".lua", err)) ||
        (rc = write_filter(f->scratch[1], err)) ||
        (rc = office_scratch_file(f, 2, path, ".md", err)) ||
        (rc = png_markdown(source, f->scratch[2], err)))
        return rc;
    snprintf(ref, sizeof ref, "--reference-doc=%s", f->scratch[0]);
    snprintf(lua, sizeof lua, "--lua-filter=%s", f->scratch[1]);
    snprintf(res, sizeof res, "--resource-path=%s", dirname(dir));
    snprintf(meta, sizeof meta, "--metadata=classification=%s", cfg->classification);
    if ((rc = office_open(f, path, err)))
        return rc;
    snprintf(out, sizeof out, "--output=%s", f->out.tmp);
    char *argv[] = { "pandoc", "--quiet", "--from=markdown-implicit_figures-smart", "--to=docx",
                     ref, lua, res, "--metadata=lang=en-GB", meta, out, f->scratch[2], NULL };
    f->job.name = "pandoc";
    f->job.package = "pandoc";
    return convert_start(&f->job, argv, err);
}
