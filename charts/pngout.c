/*
 * pngout.c — libpng with sio's settings (pngout.h says why these).
 *
 * libpng reports errors by longjmp to the png_jmpbuf, so everything it
 * touches after setjmp is volatile or set before it.
 */
#include "pngout.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#define PNGOUT_LEVEL 2 /* zlib level: 1-3 run at about the same speed; 2 is smaller */

static void pngout_warning(png_structp png, png_const_charp msg)
{
    (void)png, (void)msg; /* a warning changes nothing in the file */
}

static void pngout_header(png_structp png, png_infop info, int width, int height, int dpi)
{
    png_uint_32 per_metre = (png_uint_32)(dpi / 0.0254 + 0.5);

    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, PNGOUT_LEVEL);
}

/* One row of 0x00RRGGBB words as R, G, B bytes.  On a little-endian
 * machine each pixel is one 4-byte store of its bytes reversed, the fourth
 * byte overwritten by the next pixel (rgb has a byte to spare at its end):
 * 8 instructions a pixel where the byte-by-byte loop takes 11 (callgrind,
 * GCC 12 -O2). */
static void pngout_row(const uint32_t *px, int width, unsigned char *rgb)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (int x = 0; x < width; x++) {
        uint32_t bgr = __builtin_bswap32(px[x] << 8); /* bytes R, G, B, 0 in memory */
        memcpy(rgb + 3 * (size_t)x, &bgr, 4);
    }
#else
    for (int x = 0; x < width; x++, rgb += 3) {
        rgb[0] = (unsigned char)(px[x] >> 16);
        rgb[1] = (unsigned char)(px[x] >> 8);
        rgb[2] = (unsigned char)px[x];
    }
#endif
}

int pngout_write(FILE *fp, const uint32_t *px, size_t stride, int width, int height, int dpi,
                 const char *path, struct sio_error *err)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL,
                                              pngout_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    unsigned char *volatile row = info ? malloc((size_t)width * 3 + 1) : NULL;

    if (!row) {
        png_destroy_write_struct(&png, info ? &info : NULL);
        return sio_fail(err, SIO_ESOFTWARE, path, 0, "libpng: out of memory");
    }
    errno = 0;
    if (setjmp(png_jmpbuf(png))) {
        int io = errno != 0 || ferror(fp);
        free(row);
        png_destroy_write_struct(&png, &info);
        return io ? sio_fail(err, SIO_EIO, path, 0, "write error: %s",
                             strerror(errno ? errno : EIO))
                  : sio_fail(err, SIO_ESOFTWARE, path, 0, "libpng could not write the chart");
    }
    png_init_io(png, fp);
    pngout_header(png, info, width, height, dpi);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        pngout_row(px + (size_t)y * stride, width, row);
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    if (fflush(fp) != 0 || ferror(fp))
        return sio_fail(err, SIO_EIO, path, 0, "write error: %s", strerror(errno));
    return SIO_OK;
}
