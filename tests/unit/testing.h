/*
 * testing.h — the unit-test harness: one behaviour per TEST, named after it.
 *
 * Each test binary defines TESTs and lists them in main() with RUN().  A
 * failed CHECK prints file:line and the failing expression and marks the
 * current test failed; the binary prints one "ok"/"FAIL" line per test and a
 * closing "N passed, N failed" that tests/run adds up.  Exit status is 0 only
 * when every test passed.
 */
#ifndef SIO_TESTING_H
#define SIO_TESTING_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int testing_failed_now; /* the running test has failed a CHECK */
static int testing_passed;     /* tests passed so far in this binary */
static int testing_failed;     /* tests failed so far in this binary */

#define TEST(name) static void name(void)

#define CHECK(expr)                                                          \
    do {                                                                     \
        if (!(expr)) {                                                       \
            printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #expr); \
            testing_failed_now = 1;                                          \
        }                                                                    \
    } while (0)

#define CHECK_INT(got, want)                                                 \
    do {                                                                     \
        long long g_ = (long long)(got), w_ = (long long)(want);             \
        if (g_ != w_) {                                                      \
            printf("  %s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__,   \
                   #got, g_, w_);                                            \
            testing_failed_now = 1;                                          \
        }                                                                    \
    } while (0)

#define CHECK_STR(got, want)                                                 \
    do {                                                                     \
        const char *g_ = (got), *w_ = (want);                                \
        if (!g_ || strcmp(g_, w_) != 0) {                                    \
            printf("  %s:%d: %s = \"%s\", want \"%s\"\n", __FILE__,         \
                   __LINE__, #got, g_ ? g_ : "(null)", w_);                  \
            testing_failed_now = 1;                                          \
        }                                                                    \
    } while (0)

/* Relative tolerance for values published to a few significant figures. */
#define CHECK_NEAR(got, want, rel)                                           \
    do {                                                                     \
        double g_ = (got), w_ = (want);                                      \
        if (!(fabs(g_ - w_) <= (rel) * fmax(fabs(w_), 1e-300))) {            \
            printf("  %s:%d: %s = %.10g, want %.10g (rel %g)\n", __FILE__,   \
                   __LINE__, #got, g_, w_, (double)(rel));                   \
            testing_failed_now = 1;                                          \
        }                                                                    \
    } while (0)

#define RUN(name)                                                            \
    do {                                                                     \
        testing_failed_now = 0;                                              \
        name();                                                              \
        if (testing_failed_now) {                                            \
            testing_failed++;                                                \
            printf("FAIL %s\n", #name);                                      \
        } else {                                                             \
            testing_passed++;                                                \
            printf("ok   %s\n", #name);                                      \
        }                                                                    \
    } while (0)

#define TESTING_DONE()                                                       \
    (printf("%d passed, %d failed\n", testing_passed, testing_failed),       \
     testing_failed ? 1 : 0)

#endif
