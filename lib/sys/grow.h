/*
 * grow.h — room for one more element in a growable array.
 *
 * Doubling keeps appends amortised O(1); the array is untouched when memory
 * runs out, so the caller still owns what it had.
 */
#ifndef SIO_GROW_H
#define SIO_GROW_H

#include <stddef.h>
#include <stdlib.h>

/* items (of *cap elements of size bytes, n in use) with room for one more:
 * as it is, or moved and grown to first elements or double (*cap updated);
 * NULL when out of memory, items still valid. */
static inline void *grow_for_one(void *items, size_t *cap, size_t n, size_t size, size_t first)
{
    if (n < *cap)
        return items;
    size_t want = *cap ? 2 * *cap : first;
    void *more = realloc(items, want * size);
    if (more)
        *cap = want;
    return more;
}

#endif
