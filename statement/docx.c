/*
 * docx.c — pandoc's command line, its Lua filter and the marked reference.
 */
#include "docx.h"

#include "marking.h"

#include <libgen.h>
#include <stdio.h>
#include <string.h>

/* Each image's .svg as the .png beside it; an error names a chart that has
 * none, as pandoc would otherwise leave a hole and only warn. */
static const char png_filter[] =
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
    "end\n";

static int write_filter(const char *path, struct sio_error *err)
{
    FILE *fp = fopen(path, "w");
    int failed = !fp;
    if (fp) {
        failed = fputs(png_filter, fp) == EOF;
        failed |= fclose(fp) != 0;
    }
    return failed ? sio_fail(err, SIO_EIO, path, 0, "cannot write pandoc's filter: %m") : SIO_OK;
}

int docx_start(struct office_file *f, const struct sio_config *cfg, const char *md,
               struct sio_error *err)
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
        (rc = write_filter(f->scratch[1], err)))
        return rc;
    snprintf(ref, sizeof ref, "--reference-doc=%s", f->scratch[0]);
    snprintf(lua, sizeof lua, "--lua-filter=%s", f->scratch[1]);
    snprintf(res, sizeof res, "--resource-path=%s", dirname(dir));
    snprintf(meta, sizeof meta, "--metadata=classification=%s", cfg->classification);
    if ((rc = office_open(f, path, err)))
        return rc;
    snprintf(out, sizeof out, "--output=%s", f->out.tmp);
    char *argv[] = { "pandoc", "--quiet", "--from=markdown-implicit_figures-smart", "--to=docx",
                     ref, lua, res, "--metadata=lang=en-GB", meta, out, (char *)md, NULL };
    f->job.name = "pandoc";
    f->job.package = "pandoc";
    return convert_start(&f->job, argv, err);
}
