/*
 * same_file.h — whether two files hold the same non-empty bytes, for the
 * tests that check charts are reproducible.  A header of static functions,
 * like testing.h, included by each test that needs it.
 */
#ifndef SIO_TEST_SAME_FILE_H
#define SIO_TEST_SAME_FILE_H

#include "../../charts/chart.h"

#include <stdlib.h>
#include <string.h>

static int same_file(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    char *x = chart_slurp(a, &la), *y = chart_slurp(b, &lb);
    int same = x && y && la == lb && la > 0 && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

#endif
