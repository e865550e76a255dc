/*
 * pngout.h — a drawn page as a PNG file, written quickly.
 *
 * cairo's own PNG writer (what PLplot's pngcairo device calls) keeps the
 * alpha channel, tries all five PNG row filters on every row and deflates at
 * zlib's default level: a profile of a national chart run put four fifths of
 * sio-charts' time there, on the 300 dpi pages.  A chart page is opaque and
 * mostly flat colour, so sio writes it as 8-bit RGB, rows unfiltered, at
 * zlib level 2: about a fifth of the time, for files about a fifth larger.
 * The bytes depend only on the pixels and the resolution (no dates, no
 * library names), so the same chart gives the same file.
 */
#ifndef SIO_CHARTS_PNGOUT_H
#define SIO_CHARTS_PNGOUT_H

#include "sys/error.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Write width x height pixels of px (one 0x00RRGGBB word a pixel, as cairo's
 * RGB24 image surface holds them; rows top first, stride words apart) to fp
 * as a PNG recording dpi as its resolution.  path names the file in
 * messages.  SIO_OK, SIO_EIO on a write error, SIO_ESOFTWARE when libpng
 * fails otherwise. */
int pngout_write(FILE *fp, const uint32_t *px, size_t stride, int width, int height, int dpi,
                 const char *path, struct sio_error *err);

#endif
