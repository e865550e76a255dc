/*
 * rng.c — splitmix64 and the distributions sio-gen draws from (see rng.h).
 */
#include "rng.h"

#include <math.h>

uint64_t rng_next(struct rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

struct rng rng_for(uint64_t seed, uint64_t a, uint64_t b)
{
    struct rng r = {seed ^ 0x5eedULL};
    r.s = rng_next(&r) ^ (a * 0xd1b54a32d192ed03ULL);
    r.s = rng_next(&r) ^ (b * 0x8cb92ba72f3d8dd7ULL);
    rng_next(&r);
    return r;
}

double rng_unit(struct rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

uint32_t rng_below(struct rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Standard normal, as the sum of 12 uniforms less 6 (Irwin-Hall): no libm
 * call, and ample for counts. */
static double rng_normal(struct rng *r)
{
    double z = -6.0;
    for (int i = 0; i < 12; i++)
        z += rng_unit(r);
    return z;
}

long rng_poisson(struct rng *r, double lambda)
{
    if (lambda <= 0)
        return 0;
    if (lambda < 30) {
        double limit = exp(-lambda), p = 1.0;
        long k = -1;
        do {
            k++;
            p *= rng_unit(r);
        } while (p > limit);
        return k;
    }
    long k = (long)(lambda + sqrt(lambda) * rng_normal(r) + 0.5);
    return k < 0 ? 0 : k;
}

double rng_gamma(struct rng *r, double shape)
{
    if (shape < 1) /* boost: Gamma(a) = Gamma(a + 1) * U^(1/a) */
        return rng_gamma(r, shape + 1) * pow(1.0 - rng_unit(r), 1.0 / shape);
    double d = shape - 1.0 / 3.0, c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x = rng_normal(r), v = 1.0 + c * x;
        if (v <= 0)
            continue;
        v = v * v * v;
        double u = 1.0 - rng_unit(r);
        if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
            return d * v;
    }
}

long rng_gamma_poisson(struct rng *r, double mean, double cv2)
{
    if (mean <= 0)
        return 0;
    double g = cv2 > 0 ? rng_gamma(r, 1.0 / cv2) * cv2 : 1.0;
    return rng_poisson(r, mean * g);
}

int rng_pick(struct rng *r, const double *w, int n)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i];
    double u = rng_unit(r) * sum;
    for (int i = 0; i < n; i++) {
        if (u < w[i])
            return i;
        u -= w[i];
    }
    return n - 1;
}
