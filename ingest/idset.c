/*
 * idset.c — linear probing over (hash, offset, length) slots, at most 70%
 * full; the strings live in one growing buffer.
 */
#include "idset.h"
#include "crimeset.h"

#include <stdlib.h>
#include <string.h>

struct idset_slot {
    uint64_t h;                  /* 0: empty (crimeset_hash() is never 0) */
    size_t off, len;
};

static struct idset_slot *find(const struct idset *s, uint64_t h, const char *id, size_t len)
{
    size_t mask = ((size_t)1 << s->bits) - 1;
    for (size_t i = (size_t)(h >> (64 - s->bits));; i = (i + 1) & mask) {
        struct idset_slot *t = &s->slot[i];
        if (!t->h || (t->h == h && t->len == len && !memcmp(s->bytes + t->off, id, len)))
            return t;
    }
}

static int grow(struct idset *s, struct sio_error *err)
{
    unsigned bits = s->bits ? s->bits + 1 : 8;
    struct idset_slot *old = s->slot, *slot = calloc((size_t)1 << bits, sizeof *slot);
    size_t n = s->bits ? (size_t)1 << s->bits : 0;
    if (!slot)
        return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for a Crime ID set");
    s->slot = slot;
    s->bits = bits;
    for (size_t i = 0; i < n; i++)
        if (old[i].h)
            *find(s, old[i].h, s->bytes + old[i].off, old[i].len) = old[i];
    free(old);
    return SIO_OK;
}

int idset_add(struct idset *s, const char *id, size_t len, struct sio_error *err)
{
    int rc;
    if ((s->used + 1) * 10 > (s->bits ? (size_t)7 << s->bits : 0) && (rc = grow(s, err)))
        return rc;
    uint64_t h = crimeset_hash(id, len);
    struct idset_slot *t = find(s, h, id, len);
    if (t->h)
        return SIO_OK;
    if (s->bytes_len + len > s->bytes_cap) {
        size_t cap = s->bytes_cap ? s->bytes_cap : 4096;
        while (cap < s->bytes_len + len)
            cap *= 2;
        char *b = realloc(s->bytes, cap);
        if (!b)
            return sio_fail(err, SIO_ESOFTWARE, NULL, 0, "out of memory for a Crime ID set");
        s->bytes = b;
        s->bytes_cap = cap;
    }
    memcpy(s->bytes + s->bytes_len, id, len);
    *t = (struct idset_slot){ h, s->bytes_len, len };
    s->bytes_len += len;
    s->used++;
    return SIO_OK;
}

int idset_has(const struct idset *s, const char *id, size_t len)
{
    return s->used && find(s, crimeset_hash(id, len), id, len)->h != 0;
}

void idset_free(struct idset *s)
{
    free(s->bytes);
    free(s->slot);
    memset(s, 0, sizeof *s);
}
