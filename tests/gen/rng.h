/*
 * rng.h — sio-gen's deterministic random numbers.
 *
 * splitmix64, one stream per (seed, a, b) so that what a file holds depends
 * only on the seed and that file's own keys (force, month, kind), never on
 * which other files were made or in what order.  Every draw is integer
 * arithmetic or libm's exp/log/sqrt on the same inputs, so the same seed
 * gives the same bytes on every run of the same build.
 */
#ifndef SIO_GEN_RNG_H
#define SIO_GEN_RNG_H

#include <stdint.h>

struct rng {
    uint64_t s; /* splitmix64 state */
};

/* Stream keys: the first key of rng_for() says which kind of draw a stream
 * is for, so two files' streams never coincide. */
enum {
    RNG_STREET = 0,         /* + force index: street rows, per month */
    RNG_POOL = 1000,        /* + force index: the location pool */
    RNG_OUTCOMES = 2000,    /* + force index: outcomes file order, per month */
    RNG_SEARCH = 3000,      /* + force index: stop and search, per month */
    RNG_HO = 4000,          /* + force index: Home Office quarters */
    RNG_INDICATOR = 5000,   /* + force index: indicator series */
};

/* A stream for (seed, a, b): independent of every other (a, b). */
struct rng rng_for(uint64_t seed, uint64_t a, uint64_t b);

uint64_t rng_next(struct rng *r);

/* Uniform in [0, 1). */
double rng_unit(struct rng *r);

/* Uniform in 0 .. n-1 (n > 0). */
uint32_t rng_below(struct rng *r, uint32_t n);

/* Poisson(lambda): Knuth's product below 30, else a rounded normal. */
long rng_poisson(struct rng *r, double lambda);

/* Gamma(shape, 1): Marsaglia and Tsang's method. */
double rng_gamma(struct rng *r, double shape);

/* A gamma-Poisson (negative binomial) count with the given mean and a
 * gamma multiplier of squared coefficient of variation cv2: variance
 * mean + cv2 * mean^2, the over-dispersion real monthly counts show.
 * cv2 = 0 is plain Poisson. */
long rng_gamma_poisson(struct rng *r, double mean, double cv2);

/* Index of a draw from weights w[0..n-1] (not all zero), by cumulative sum. */
int rng_pick(struct rng *r, const double *w, int n);

#endif
