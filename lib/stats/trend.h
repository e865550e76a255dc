/*
 * trend.h — the straight-line trend of a monthly series, in units per year.
 *
 * x is time in years (month index / 12, see trend_years) and y the values;
 * a NaN y is a missing month and is left out with its x, never read as
 * zero.  Three views of one line: ordinary least squares with a t-based
 * confidence interval for the slope; a bisquare robust fit that a few wild
 * months cannot drag; and an outlier test that says when the two may
 * disagree.  Every function needs at least three present points and two
 * distinct x values, because a line through two points has no error left
 * to estimate.
 */
#ifndef SIO_TREND_H
#define SIO_TREND_H

#include <stddef.h>

#include "sys/error.h"

#define TREND_OUTLIER_Z 3.0 /* |standardised residual| beyond this */

struct trend_ols {
    double slope;      /* change in y per unit x (per year) */
    double intercept;  /* y at x = 0 */
    double slope_se;   /* standard error of the slope */
    double slope_low;  /* lower confidence limit of the slope */
    double slope_high; /* upper confidence limit of the slope */
    size_t n;          /* present points used; df = n - 2 */
};

struct trend_robust {
    double slope;     /* bisquare M-estimate of the slope */
    double intercept; /* bisquare M-estimate of the intercept */
    double slope_se;  /* GSL's: sqrt of sigma^2 (X^T X)^-1, sigma the
                         DuMouchel-O'Brien blend of robust and OLS sigma
                         (tests/tools/robust_se.R recomputes it) */
    size_t n;         /* present points used */
};

struct trend_outliers {
    size_t count;   /* points with |standardised residual| > 3 */
    size_t worst;   /* index into the caller's arrays of the largest |r| */
    double worst_z; /* that standardised residual, signed */
};

/* Fill x[0..n) with i / 12, the month index in years. */
void trend_years(double *x, size_t n);

/* Least-squares line of y on x with a two-sided slope interval at level
 * (0 < level < 1) from the t distribution on n - 2 df; SIO_EDATA for fewer
 * than three present points, equal x values or a bad level. */
int trend_ols_fit(const double *x, const double *y, size_t n, double level,
                  struct trend_ols *out, struct sio_error *err);

/* Bisquare robust line (gsl_multifit_robust, tuning 4.685); SIO_EDATA as
 * for trend_ols_fit or when nearly every point is equal (a quarterly
 * homicide count of 0 but once: no robust scale, so no standard error);
 * SIO_ESOFTWARE if GSL fails or does not converge. */
int trend_robust_fit(const double *x, const double *y, size_t n,
                     struct trend_robust *out, struct sio_error *err);

/* Count points whose internally studentised OLS residual (R's rstandard:
 * e_i / (s sqrt(1 - h_i))) exceeds TREND_OUTLIER_Z in size; errors as
 * trend_ols_fit.  Such a residual can reach at most sqrt(n - 2), so with
 * fewer than 12 points no point can be an outlier by this rule. */
int trend_outliers_find(const double *x, const double *y, size_t n,
                        struct trend_outliers *out, struct sio_error *err);

struct trend_seasonal {
    double f;       /* F statistic for the 11 month-of-year terms */
    double p;       /* its upper-tail p-value */
    size_t df1;     /* 11 */
    size_t df2;     /* present points - 13 */
};

/* Is there a month-of-year pattern about the line?  Compares y ~ x with
 * y ~ x + month of year (point i is month (first_moy - 1 + i) mod 12) by an
 * F test, as R's anova(lm(y ~ x), lm(y ~ x + factor(moy))) does.  SIO_EDATA
 * unless every month of the year is present and there are at least 24
 * present points; first_moy is 1..12. */
int trend_seasonal_test(const double *x, const double *y, size_t n, int first_moy,
                        struct trend_seasonal *out, struct sio_error *err);

#endif
