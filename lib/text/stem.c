/*
 * stem.c — names as file-name stems (stem.h).
 */
#include "text/stem.h"

#include <ctype.h>

static int stem_keeps(unsigned char c)
{
    return (c < 0x80 && isalnum(c)) || c == '_';
}

char *stem_make(const char *name, char *buf, size_t size)
{
    size_t n = 0;
    int dash = 0;

    for (; *name && n + 1 < size; name++) {
        unsigned char c = (unsigned char)*name;
        if (!stem_keeps(c)) {
            dash = n > 0;
            continue;
        }
        if (dash && n + 2 >= size)
            break;
        if (dash)
            buf[n++] = '-';
        buf[n++] = (char)tolower(c);
        dash = 0;
    }
    buf[n] = '\0';
    return buf;
}
