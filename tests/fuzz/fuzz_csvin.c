/*
 * fuzz_csvin.c — libFuzzer harness over the CSV reader (lib/csv/csvin.c).
 *
 * Each input is read twice through csvin_open_fd(), with the quote-free fast
 * path on and off; every row must pass csvin_check_row() (csvin_check.h) and
 * the two readings must give identical rows.  Built with
 * -fsanitize=fuzzer,address,undefined, so a crash, an out-of-bounds access,
 * undefined behaviour or a leak also counts as a finding.
 *
 * The input reaches csvin through a memfd (a seekable file, as sio-ingest
 * reads), or through a pipe when it starts with the byte 0xB1 (not seekable:
 * csvin cannot go back after a quote that never closes).  When it starts with
 * 0xB0 the next two bytes choose how far before csvin's first 1 MiB + 64 KiB
 * read block the rest of the input begins, after padding lines: that puts
 * lines, quotes and multi-byte characters across a refill, which inputs of
 * -max_len=65536 never reach on their own.
 */
#define _GNU_SOURCE
#include "csvin_check.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* lib/csv/csvin.c reads in blocks of CSVIN_MAX_ROW + 65536 bytes. */
#define FIRST_BLOCK (CSVIN_MAX_ROW + 65536)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *why, const uint8_t *data, size_t size)
{
    fprintf(stderr, "fuzz_csvin: %s (input of %zu bytes)\n", why, size);
    (void)data;
    abort();
}

static void write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w <= 0)
            abort();
        c += w;
        n -= (size_t)w;
    }
}

/* Padding lines that end skip bytes before the first block boundary: a line
 * of 1000000 bytes and one of the rest (built once; the caller writes its
 * final '\n'). */
static const char *padding(size_t skip, size_t *len)
{
    static char *pad;
    if (!pad) {
        if (!(pad = malloc(FIRST_BLOCK)))
            abort();
        memset(pad, 'p', FIRST_BLOCK);
        pad[999999] = '\n';
    }
    *len = FIRST_BLOCK - skip;
    return pad;
}

/* A seekable descriptor holding pad then data, positioned at 0. */
static int memfd_with(const char *pad, size_t plen, const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz_csvin", MFD_CLOEXEC);
    if (fd < 0)
        abort();
    if (plen) {
        write_all(fd, pad, plen - 1);
        write_all(fd, "\n", 1);
    }
    write_all(fd, data, size);
    if (lseek(fd, 0, SEEK_SET) != 0)
        abort();
    return fd;
}

/* A pipe already holding data (its buffer is made big enough first). */
static int pipe_with(const uint8_t *data, size_t size)
{
    int p[2];
    if (pipe(p) != 0 || fcntl(p[1], F_SETPIPE_SZ, 1 << 20) < (int)size)
        abort();
    write_all(p[1], data, size);
    close(p[1]);
    return p[0];
}

static void read_both_ways(int mode, const char *pad, size_t plen, const uint8_t *data,
                           size_t size, long max_rows)
{
    struct rowlog log[2] = { { 0 }, { 0 } };
    /* the padding is quote-free: the libcsv-only reading adds nothing there
     * but time, so boundary inputs are read with the fast path only */
    for (int fast = pad ? 1 : 0; fast < 2; fast++) {
        int fd = mode == 0xB1 ? pipe_with(data, size) : memfd_with(pad, plen, data, size);
        const char *why = csvin_check_read(fd, fast, max_rows, &log[fast]);
        close(fd);
        if (why)
            die(why, data, size);
    }
    if (!pad && (log[0].len != log[1].len ||
                 (log[0].len && memcmp(log[0].buf, log[1].buf, log[0].len))))
        die("the fast path and libcsv give different rows", data, size);
    rowlog_free(&log[0]);
    rowlog_free(&log[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int mode = size >= 3 && (data[0] == 0xB0 || data[0] == 0xB1) ? data[0] : 0;
    const char *pad = NULL;
    size_t plen = 0;

    if (mode == 0xB0) {
        pad = padding((size_t)(data[1] | data[2] << 8) % 4096 + 1, &plen);
        data += 3;
        size -= 3;
    } else if (mode == 0xB1) {
        data++;
        size--;
    }
    long max_rows = csvin_check_max_rows(data, size) + (pad ? 2 : 0);
    read_both_ways(mode, pad, plen, data, size, max_rows);
    return 0;
}
