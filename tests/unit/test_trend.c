/*
 * test_trend.c — OLS and robust trend slopes and the outlier screen.
 *
 * Expected values were printed by R 4.2.2 (lm, confint, rstandard) and
 * MASS 7.3 (rlm with psi = psi.bisquare, maxit = 100) with
 * format(..., digits = 12); the call is written beside each.  The series:
 *   i = 0:23; x = i/12
 *   noise = c(3,-2,1,-4,2,0,-1,4,-3,1,2,-2,0,3,-1,-2,4,-3,1,0,-4,2,1,-1)
 *   y = 100 - 0.5*i + noise            (a fall of 6 a year)
 *   yo = y; yo[16] = yo[16] + 40       (R index 16 = C index 15)
 */
#include "stats/poisson.h"
#include "stats/trend.h"
#include "testing.h"

#define REL 1e-9

static const double clean[24] = {
    103.0, 97.5, 100.0, 94.5, 100.0, 97.5, 96.0, 100.5, 93.0, 96.5, 97.0, 92.5,
    94.0,  96.5, 92.0,  90.5, 96.0,  88.5, 92.0, 90.5,  86.0, 91.5, 90.0, 87.5};

static void with_outlier(double *y)
{
    memcpy(y, clean, sizeof clean);
    y[15] += 40.0; /* 90.5 -> 130.5 */
}

static double x24[24];

TEST(test_ols_slope_and_ci_match_r_lm)
{
    struct trend_ols f;
    struct sio_error err;
    CHECK_INT(trend_ols_fit(x24, clean, 24, 0.95, &f, &err), SIO_OK);
    /* R: coef(lm(y ~ x)) = 100.2766666667 -6.2452173913 */
    CHECK_NEAR(f.intercept, 100.2766666667, 1e-11);
    CHECK_NEAR(f.slope, -6.2452173913, 1e-10);
    /* R: summary(m)$coefficients[2,2] = 0.86176692959 */
    CHECK_NEAR(f.slope_se, 0.86176692959, REL);
    /* R: confint(m)[2,] = -8.03241261739 -4.45802216522 */
    CHECK_NEAR(f.slope_low, -8.03241261739, REL);
    CHECK_NEAR(f.slope_high, -4.45802216522, REL);
    CHECK_INT(f.n, 24);
}

TEST(test_ols_ci_at_level_90_matches_r_confint)
{
    struct trend_ols f;
    struct sio_error err;
    CHECK_INT(trend_ols_fit(x24, clean, 24, 0.90, &f, &err), SIO_OK);
    /* R: confint(m, level=0.9)[2,] = -7.72499562648 -4.76543915613 */
    CHECK_NEAR(f.slope_low, -7.72499562648, REL);
    CHECK_NEAR(f.slope_high, -4.76543915613, REL);
}

TEST(test_ols_skips_a_missing_month)
{
    double y[24];
    memcpy(y, clean, sizeof y);
    y[5] = NAN;
    struct trend_ols f;
    struct sio_error err;
    CHECK_INT(trend_ols_fit(x24, y, 24, 0.95, &f, &err), SIO_OK);
    CHECK_INT(f.n, 23);
    /* R: ym[6] <- NA; coef(lm(ym ~ x)) = 100.29686271426 -6.25805944331,
     *    confint = -8.12834386595 -4.38777502067 */
    CHECK_NEAR(f.slope, -6.25805944331, REL);
    CHECK_NEAR(f.slope_low, -8.12834386595, REL);
    CHECK_NEAR(f.slope_high, -4.38777502067, REL);
}

TEST(test_ols_with_three_points_matches_r)
{
    const double x[] = {0.0, 1.0 / 12, 2.0 / 12}, y[] = {1, 3, 2};
    struct trend_ols f;
    struct sio_error err;
    CHECK_INT(trend_ols_fit(x, y, 3, 0.95, &f, &err), SIO_OK);
    /* R: coef(lm(y3 ~ x3)) = 1.5 6.0;
     *    confint(m3)[2,] = -126.046753047 138.046753047 */
    CHECK_NEAR(f.slope, 6.0, REL);
    CHECK_NEAR(f.slope_low, -126.046753047, REL);
    CHECK_NEAR(f.slope_high, 138.046753047, REL);
}

TEST(test_fewer_than_three_points_is_a_data_error)
{
    const double y[] = {1, 2, NAN};
    struct trend_ols f;
    struct trend_robust r;
    struct trend_outliers o;
    struct sio_error err;
    CHECK_INT(trend_ols_fit(x24, y, 3, 0.95, &f, &err), SIO_EDATA);
    CHECK(strstr(err.msg, "at least 3") != NULL);
    CHECK_INT(trend_robust_fit(x24, y, 2, &r, &err), SIO_EDATA);
    CHECK_INT(trend_outliers_find(x24, y, 3, &o, &err), SIO_EDATA);
}

/* A quarterly homicide count of 0 in 15 quarters and 1 in one (a small
 * force's real pattern): the bisquare scale (MAD of the residuals) is 0, so
 * there is no standard error to give. */
TEST(test_robust_fit_of_all_but_one_equal_points_is_a_data_error)
{
    const double y[] = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    struct trend_robust r;
    struct sio_error err;
    CHECK_INT(trend_robust_fit(x24, y, 16, &r, &err), SIO_EDATA);
    CHECK(strstr(err.msg, "nearly every point") != NULL);
}

TEST(test_equal_times_are_a_data_error)
{
    const double x[] = {1, 1, 1}, y[] = {1, 2, 3};
    struct trend_ols f;
    struct sio_error err;
    CHECK_INT(trend_ols_fit(x, y, 3, 0.95, &f, &err), SIO_EDATA);
}

TEST(test_robust_slope_is_close_to_r_rlm_bisquare_despite_outlier)
{
    double y[24];
    with_outlier(y);
    struct trend_robust r;
    struct sio_error err;
    CHECK_INT(trend_robust_fit(x24, y, 24, &r, &err), SIO_OK);
    /* R MASS: coef(rlm(yo ~ x, psi=psi.bisquare)) = 100.32212670476
     * -6.17622159599.  GSL scales residuals by leverage and MAD as MATLAB's
     * robustfit does, rlm by MAD alone, so they agree to ~3e-4, not 1e-9.
     * OLS on the same data gives -4.78434782609 (R), 23% away. */
    CHECK_NEAR(r.slope, -6.17622159599, 1e-3);
    CHECK_NEAR(r.intercept, 100.32212670476, 1e-4);
    CHECK(r.slope_se > 0 && isfinite(r.slope_se));
}

TEST(test_robust_slope_is_close_to_r_rlm_bisquare_on_clean_series)
{
    struct trend_robust r;
    struct sio_error err;
    CHECK_INT(trend_robust_fit(x24, clean, 24, &r, &err), SIO_OK);
    /* R MASS: coef(rlm(y ~ x, psi=psi.bisquare)) = 100.30152661904
     * -6.25980879835 */
    CHECK_NEAR(r.slope, -6.25980879835, 1e-3);
    CHECK_INT(r.n, 24);
}

/* GSL's own documented method, recomputed independently in R by
 * tests/tools/robust_se.R (Rscript tests/tools/robust_se.R): OLS start;
 * residuals scaled by 1/sqrt(1 - h) and by 4.685 x MAD/0.6745 of the n - p + 1
 * largest; bisquare IRLS to |dc| <= sqrt(eps)|c|; then
 *   sigma_rob = lambda sqrt(b) s t / a    (Street et al. 1988 Eq. 3, 5:
 *     a = mean psi'(u), b = sum (1 - h) psi(u)^2 / (n - p),
 *     lambda = 1 + (p/n)(1 - a)/a, s = final MAD sigma, t = 4.685),
 *   sigma = max(sigma_rob, sqrt((p^2 sigma_ols^2 + n sigma_rob^2) / (p^2 + n)))
 *     (DuMouchel and O'Brien 1989, sec. 4.1),
 *   cov = sigma^2 (X^T X)^-1 — the unweighted cross-product, as GSL's
 *     robust_covariance() forms it (not sigma^2 (X^T W X)^-1).
 * GSL 2.7.1 reproduces these to the last printed digit. */
TEST(test_robust_slope_se_matches_gsl_method_recomputed_in_r_despite_outlier)
{
    double y[24];
    with_outlier(y);
    struct trend_robust r;
    struct sio_error err;
    CHECK_INT(trend_robust_fit(x24, y, 24, &r, &err), SIO_OK);
    /* robust_se.R on yo: slope -6.17412526330497, intercept
     * 100.318773599041, slope_se 1.41780148449448 (sigma 4.00666563266936 =
     * the DuMouchel-O'Brien blend, above sigma_rob 2.72900043438946 because
     * sigma_ols is 8.22732801210143) */
    CHECK_NEAR(r.slope, -6.17412526330497, REL);
    CHECK_NEAR(r.intercept, 100.318773599041, REL);
    CHECK_NEAR(r.slope_se, 1.41780148449448, REL);
}

TEST(test_robust_slope_se_matches_gsl_method_recomputed_in_r_on_clean_series)
{
    struct trend_robust r;
    struct sio_error err;
    CHECK_INT(trend_robust_fit(x24, clean, 24, &r, &err), SIO_OK);
    /* robust_se.R on y: slope -6.25897965565969, slope_se
     * 0.938453321492822 (sigma = sigma_rob 2.65204170838511) */
    CHECK_NEAR(r.slope, -6.25897965565969, REL);
    CHECK_NEAR(r.slope_se, 0.938453321492822, REL);
}

TEST(test_outlier_screen_finds_the_shifted_month)
{
    double y[24];
    with_outlier(y);
    struct trend_outliers o;
    struct sio_error err;
    CHECK_INT(trend_outliers_find(x24, y, 24, &o, &err), SIO_OK);
    /* R: r <- rstandard(lm(yo ~ x)); sum(abs(r) > 3) = 1;
     *    which.max(abs(r)) = 16 (C index 15); r[16] = 4.48696942263 */
    CHECK_INT(o.count, 1);
    CHECK_INT(o.worst, 15);
    CHECK_NEAR(o.worst_z, 4.48696942263, REL);
}

TEST(test_outlier_screen_finds_none_in_clean_series)
{
    struct trend_outliers o;
    struct sio_error err;
    CHECK_INT(trend_outliers_find(x24, clean, 24, &o, &err), SIO_OK);
    /* R: max(abs(rstandard(lm(y ~ x)))) = 1.82912278087 */
    CHECK_INT(o.count, 0);
    CHECK_NEAR(fabs(o.worst_z), 1.82912278087, REL);
}

TEST(test_years_are_month_index_over_twelve)
{
    double x[13];
    trend_years(x, 13);
    CHECK(x[0] == 0.0);
    CHECK(x[12] == 1.0);
    CHECK_NEAR(x[6], 0.5, REL);
}

/* R 4.2.2: x <- (0:35)/12; m <- factor(((0:35) + 3) %% 12) (April first);
 * anova(lm(y ~ x), lm(y ~ x + m)) gives F 98.3669315884, p 1.2268793869e-16. */
TEST(test_seasonal_f_test_matches_r_anova_on_a_seasonal_series)
{
    double y[36] = {10, 12, 15, 11, 9, 8, 7, 8, 9, 10, 11, 14,
                    10, 13, 16, 12, 9, 8, 6, 8, 10, 10, 12, 15,
                    11, 13, 15, 12, 10, 8, 7, 9, 10, 11, 12, 14}, x[36];
    struct trend_seasonal st;
    struct sio_error err;
    trend_years(x, 36);
    CHECK_INT(trend_seasonal_test(x, y, 36, 4, &st, &err), SIO_OK);
    CHECK_NEAR(st.f, 98.3669315884, 1e-8);
    CHECK_NEAR(st.p, 1.2268793869e-16, 1e-5);
    CHECK_INT(st.df2, 23);
}

/* R 4.2.2 on y2 (24 months from April): F 0.640989966555, p 0.763652510673. */
TEST(test_seasonal_f_test_finds_no_season_in_flat_noise)
{
    double y[24] = {5, 7, 6, 5, 8, 6, 7, 5, 6, 7, 6, 5,
                    6, 5, 7, 6, 5, 7, 6, 6, 5, 7, 5, 6}, x[24];
    struct trend_seasonal st;
    struct sio_error err;
    trend_years(x, 24);
    CHECK_INT(trend_seasonal_test(x, y, 24, 4, &st, &err), SIO_OK);
    CHECK_NEAR(st.f, 0.640989966555, 1e-8);
    CHECK_NEAR(st.p, 0.763652510673, 1e-8);
}

TEST(test_seasonal_f_test_needs_every_month_of_the_year)
{
    double y[24], x[24];
    struct trend_seasonal st;
    struct sio_error err;
    trend_years(x, 24);
    for (int i = 0; i < 24; i++)
        y[i] = (i % 12 == 5) ? NAN : (double)(i % 5); /* every September missing */
    CHECK_INT(trend_seasonal_test(x, y, 24, 4, &st, &err), SIO_EDATA);
}

int main(void)
{
    poisson_gsl_init();
    trend_years(x24, 24);
    RUN(test_ols_slope_and_ci_match_r_lm);
    RUN(test_ols_ci_at_level_90_matches_r_confint);
    RUN(test_ols_skips_a_missing_month);
    RUN(test_ols_with_three_points_matches_r);
    RUN(test_fewer_than_three_points_is_a_data_error);
    RUN(test_equal_times_are_a_data_error);
    RUN(test_robust_fit_of_all_but_one_equal_points_is_a_data_error);
    RUN(test_robust_slope_is_close_to_r_rlm_bisquare_despite_outlier);
    RUN(test_robust_slope_is_close_to_r_rlm_bisquare_on_clean_series);
    RUN(test_robust_slope_se_matches_gsl_method_recomputed_in_r_despite_outlier);
    RUN(test_robust_slope_se_matches_gsl_method_recomputed_in_r_on_clean_series);
    RUN(test_outlier_screen_finds_the_shifted_month);
    RUN(test_outlier_screen_finds_none_in_clean_series);
    RUN(test_years_are_month_index_over_twelve);
    RUN(test_seasonal_f_test_matches_r_anova_on_a_seasonal_series);
    RUN(test_seasonal_f_test_finds_no_season_in_flat_noise);
    RUN(test_seasonal_f_test_needs_every_month_of_the_year);
    return TESTING_DONE();
}
