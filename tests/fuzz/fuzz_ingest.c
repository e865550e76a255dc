/*
 * fuzz_ingest.c — libFuzzer harness over sio-ingest's file loading: header
 * detection, the row checks in ingest/sink.c and the store writes in
 * ingest/load.c, against a fresh in-memory SQLite store per input.
 *
 * Each input is written to a file named like a police.uk stop-and-search
 * file (so a stop-and-search header gets its force and month from the name;
 * street and outcomes files take theirs from their first usable row) and
 * loaded with ingest_file(); ingest_check.h says what must then hold.
 * Built with -fsanitize=fuzzer,address,undefined.
 */
#include "ingest_check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[256];

static char dir[200];

static void remove_path(void)
{
    unlink(path);
    rmdir(dir);
}

static void make_path(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/sio-fuzz-ingest-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/2022-01-test-police-stop-and-search.csv", dir);
    atexit(remove_path);
}

static void write_file(const uint8_t *data, size_t size)
{
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0])
        make_path();
    write_file(data, size);
    const char *why = ingest_check_file(path);
    if (why) {
        fprintf(stderr, "fuzz_ingest: %s (input of %zu bytes)\n", why, size);
        abort();
    }
    return 0;
}
