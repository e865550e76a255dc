/*
 * digest.c — XXH3-128 accumulators, row hashing and hex.
 *
 * Every value is hashed with its length or type in front, so ("ab", "c")
 * and ("a", "bc"), or NULL and "", never hash alike.
 */
#include "digest.h"

#include <stdio.h>
#include <string.h>
#include <xxhash.h>

void digest_begin(struct digest_acc *a)
{
    a->state = XXH3_createState();
    if (a->state)
        XXH3_128bits_reset(a->state);
}

void digest_add(struct digest_acc *a, const void *p, size_t n)
{
    unsigned long long len = n;
    if (!a->state)
        return;
    XXH3_128bits_update(a->state, &len, sizeof len);
    XXH3_128bits_update(a->state, p, n);
}

void digest_add_str(struct digest_acc *a, const char *s)
{
    digest_add(a, s ? s : "", s ? strlen(s) : 0);
}

void digest_add_int(struct digest_acc *a, long long v)
{
    digest_add(a, &v, sizeof v);
}

void digest_add_digest(struct digest_acc *a, const struct digest *d)
{
    digest_add(a, d->b, sizeof d->b);
}

void digest_end(struct digest_acc *a, struct digest *out)
{
    memset(out, 0, sizeof *out);
    if (!a->state)
        return;
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits_digest(a->state));
    memcpy(out->b, c.digest, sizeof out->b);
    XXH3_freeState(a->state);
    a->state = NULL;
}

void digest_row(sqlite3_stmt *st, struct digest_acc *a)
{
    int n = sqlite3_column_count(st);
    digest_add_int(a, n);
    for (int i = 0; i < n; i++) {
        int type = sqlite3_column_type(st, i);
        digest_add_int(a, type);
        if (type == SQLITE_INTEGER)
            digest_add_int(a, sqlite3_column_int64(st, i));
        else if (type == SQLITE_FLOAT) {
            double v = sqlite3_column_double(st, i);
            digest_add(a, &v, sizeof v);
        } else if (type != SQLITE_NULL) {
            const void *p = sqlite3_column_blob(st, i);
            digest_add(a, p, (size_t)sqlite3_column_bytes(st, i));
        }
    }
}

int digest_step(sqlite3_stmt *st, struct digest_acc *a)
{
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        digest_row(st, a);
    return step;
}

struct digest digest_file(const char *path)
{
    struct digest_acc a;
    struct digest d;
    char buf[65536];
    size_t n;
    FILE *f = fopen(path, "rb");
    digest_begin(&a);
    while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
        digest_add(&a, buf, n);
    if (!f || ferror(f)) {
        XXH3_freeState(a.state);
        a.state = NULL;
    }
    if (f)
        fclose(f);
    digest_end(&a, &d);
    return d;
}

char *digest_hex(const struct digest *d, char hex[33])
{
    for (int i = 0; i < 16; i++)
        snprintf(hex + 2 * i, 3, "%02x", d->b[i]);
    return hex;
}

static int digest_hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int digest_parse(const char *s, struct digest *d)
{
    for (int i = 0; i < 16; i++) {
        int hi = digest_hexval(s[2 * i]), lo = hi < 0 ? -1 : digest_hexval(s[2 * i + 1]);
        if (lo < 0)
            return 0;
        d->b[i] = (unsigned char)(hi << 4 | lo);
    }
    return 1;
}
