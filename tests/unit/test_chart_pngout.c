/*
 * test_chart_pngout.c — the charts' PNG writer: the pixels (cairo's RGB24
 * words, rows padded) and resolution it is given come back from the file, the same pixels give the same bytes, and
 * a full disk is a write error.
 */
#include "../../charts/pngout.h"

#include "testing.h"

#include <png.h>
#include <stdlib.h>

#define STRIDE 9 /* words a row: two more than the picture is wide, as cairo pads */

/* A 7 x 5 picture whose every byte differs from its neighbours', as bytes
 * R, G, B (rgb) and as the 0x00RRGGBB words cairo holds (px, the padding
 * words at the end of each row a colour the picture never has). */
static void picture(unsigned char *rgb, uint32_t *px)
{
    for (int i = 0; i < 7 * 5 * 3; i++)
        rgb[i] = (unsigned char)(i * 37 + 11);
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < STRIDE; x++) {
            const unsigned char *p = rgb + (y * 7 + x) * 3;
            px[y * STRIDE + x] = x < 7 ? (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2]
                                       : 0xFF123456u;
        }
}

/* Write the picture to a fresh temporary file; returns it rewound, or NULL. */
static FILE *written(int dpi, int *rc)
{
    struct sio_error err;
    unsigned char rgb[7 * 5 * 3];
    uint32_t px[STRIDE * 5];
    FILE *fp = tmpfile();
    picture(rgb, px);
    *rc = fp ? pngout_write(fp, px, STRIDE, 7, 5, dpi, "test.png", &err) : -1;
    if (fp)
        rewind(fp);
    return fp;
}

static size_t slurp(FILE *fp, unsigned char *buf, size_t size)
{
    size_t n = fread(buf, 1, size, fp);
    fclose(fp);
    return n;
}

TEST(pixels_read_back_as_written)
{
    unsigned char rgb[7 * 5 * 3], back[7 * 5 * 3], file[4096];
    uint32_t px[STRIDE * 5];
    int rc;
    picture(rgb, px);
    size_t n = slurp(written(300, &rc), file, sizeof file);
    CHECK_INT(rc, SIO_OK);
    png_image im = {.version = PNG_IMAGE_VERSION};
    CHECK(png_image_begin_read_from_memory(&im, file, n));
    CHECK_INT(im.width, 7);
    CHECK_INT(im.height, 5);
    im.format = PNG_FORMAT_RGB;
    CHECK(png_image_finish_read(&im, NULL, back, 0, NULL));
    CHECK(memcmp(rgb, back, sizeof rgb) == 0);
}

/* 300 dots an inch is 11,811 a metre (300 / 0.0254, rounded). */
TEST(resolution_is_recorded_in_dots_per_metre)
{
    unsigned char file[4096];
    int rc;
    size_t n = slurp(written(300, &rc), file, sizeof file);
    unsigned char *p = NULL;
    for (size_t i = 0; i + 13 <= n && !p; i++)
        if (memcmp(file + i, "pHYs", 4) == 0)
            p = file + i + 4;
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3], 11811);
        CHECK_INT(p[4] << 24 | p[5] << 16 | p[6] << 8 | p[7], 11811);
        CHECK_INT(p[8], 1); /* the unit is the metre */
    }
}

TEST(the_same_pixels_give_the_same_bytes)
{
    unsigned char a[4096], b[4096];
    int rc1, rc2;
    size_t na = slurp(written(96, &rc1), a, sizeof a);
    size_t nb = slurp(written(96, &rc2), b, sizeof b);
    CHECK_INT(rc1, SIO_OK);
    CHECK_INT(rc2, SIO_OK);
    CHECK(na > 0 && na == nb && memcmp(a, b, na) == 0);
}

TEST(a_full_disk_is_a_write_error)
{
    unsigned char rgb[7 * 5 * 3];
    uint32_t px[STRIDE * 5];
    struct sio_error err;
    FILE *fp = fopen("/dev/full", "wb");
    picture(rgb, px);
    CHECK(fp != NULL);
    if (fp) {
        CHECK_INT(pngout_write(fp, px, STRIDE, 7, 5, 300, "full.png", &err), SIO_EIO);
        CHECK(strstr(err.msg, "write error") != NULL);
        fclose(fp);
    }
}

int main(void)
{
    RUN(pixels_read_back_as_written);
    RUN(resolution_is_recorded_in_dots_per_metre);
    RUN(the_same_pixels_give_the_same_bytes);
    RUN(a_full_disk_is_a_write_error);
    return TESTING_DONE();
}
