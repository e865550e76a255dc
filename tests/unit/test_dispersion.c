/*
 * test_dispersion.c — quasi-Poisson and quasi-binomial dispersion of two
 * windows, or of a whole series by year, and the change intervals widened
 * by it, against R.
 *
 * Every expected number was printed by R 4.2.2 (Debian bookworm r-base-core)
 * with tests/tools/dispersion.R, which holds the data and the R calls
 * (glm(y ~ window [+ month], family = quasipoisson), glm(cbind(x, n - x) ~
 * window, family = quasibinomial), poisson.test, qbeta); each call is also
 * written beside its number here.  The fits use glm.control(epsilon =
 * 1e-15): glm's default stop leaves phi about 1e-8 from the maximum-
 * likelihood fit, which sio computes in closed form.
 */
#include "stats/dispersion.h"
#include "testing.h"

#define REL 1e-9

/* Case A/B/C data of dispersion.R (base first, then latest; April first). */
static const double base_a[12] = {329, 322, 307, 306, 280, 265, 282, 292, 333, 351, 321, 321};
static const double late_a[12] = {403, 362, 415, 320, 216, 224, 324, 350, 370, 337, 380, 359};
/* Case D: under-dispersed about the seasonal pattern. */
static const double base_d[12] = {88, 95, 102, 79, 110, 97, 85, 120, 93, 101, 89, 104};
static const double late_d[12] = {99, 118, 107, 95, 131, 112, 96, 140, 101, 122, 109, 117};

/* 24 monthly points, skipping index `skip` (-1: none); returns how many. */
static size_t points(const double *base, const double *late, int skip,
                     struct dispersion_point *p)
{
    size_t n = 0;
    for (int i = 0; i < 24; i++)
        if (i != skip)
            p[n++] = (struct dispersion_point){i < 12 ? base[i] : late[i - 12], 1.0,
                                               i >= 12, i % 12 + 1};
    return n;
}

static struct dispersion_fit fit_or_fail(const double *base, const double *late, int skip,
                                         int seasonal)
{
    struct dispersion_point p[24];
    struct dispersion_fit f = {0, 0, 0, 0, 0};
    struct sio_error err;
    size_t n = points(base, late, skip, p);
    CHECK_INT(dispersion_poisson(p, n, seasonal, &f, &err), SIO_OK);
    return f;
}

static long total(const double *v)
{
    double s = 0;
    for (int i = 0; i < 12; i++)
        s += v[i];
    return (long)s;
}

/* The latest 12 months' total against the base's, with f's interval. */
static struct poisson_ratio ratio_or_fail(const double *base, const double *late,
                                          const struct dispersion_fit *f)
{
    struct poisson_ratio r = {0, 0, 0};
    struct sio_error err;
    CHECK_INT(dispersion_ratio_ci(total(late), 12, total(base), 12, f, 0.95, &r, &err), SIO_OK);
    return r;
}

TEST(test_poisson_phi_matches_r_quasipoisson_window_only)
{
    struct dispersion_fit f = fit_or_fail(base_a, late_a, -1, 0);
    /* R: summary(glm(y ~ window, family = quasipoisson))$dispersion
     *    = 6.74032574932, df.residual 22 */
    CHECK_NEAR(f.phi, 6.74032574932, REL);
    CHECK_INT(f.df, 22);
    CHECK_INT(f.seasonal, 0);
}

TEST(test_ratio_ci_matches_r_quasipoisson_wald_t_window_only)
{
    struct dispersion_fit f = fit_or_fail(base_a, late_a, -1, 0);
    struct poisson_ratio r = ratio_or_fail(base_a, late_a, &f);
    /* R: exp(coef(a)[2]) = 1.09463467242; exp(coef +/- qt(0.975, 22) SE)
     *    = 0.968626932033 1.237034637831 */
    CHECK_NEAR(r.ratio, 1.09463467242, REL);
    CHECK_NEAR(r.low, 0.968626932033, REL);
    CHECK_NEAR(r.high, 1.237034637831, REL);
}

TEST(test_poisson_alone_would_call_the_same_change_significant)
{
    struct poisson_ratio r;
    struct sio_error err;
    /* R: poisson.test(c(4060, 3709), c(12, 12))$conf.int
     *    = 1.04671345616 1.14477571158: wholly above 1, where the
     *    quasi-Poisson interval above includes 1 */
    CHECK_INT(poisson_ratio_ci(total(late_a), 12, total(base_a), 12, 0.95, &r, &err), SIO_OK);
    CHECK_NEAR(r.low, 1.04671345616, REL);
    CHECK(poisson_verdict(&r) == CHANGE_INCREASE);
}

TEST(test_poisson_phi_matches_r_with_month_of_year_terms)
{
    struct dispersion_fit f = fit_or_fail(base_a, late_a, -1, 1);
    /* R: summary(glm(y ~ window + month, quasipoisson))$dispersion
     *    = 3.60720457833, df.residual 11 */
    CHECK_NEAR(f.phi, 3.60720457833, REL);
    CHECK_INT(f.df, 11);
    CHECK_INT(f.seasonal, 1);
}

TEST(test_ratio_ci_matches_r_with_month_of_year_terms)
{
    struct dispersion_fit f = fit_or_fail(base_a, late_a, -1, 1);
    struct poisson_ratio r = ratio_or_fail(base_a, late_a, &f);
    /* R: exp(coef(b)[2]) = 1.09463467242 (the ratio of the totals);
     *    exp(coef +/- qt(0.975, 11) SE) = 0.995481208815 1.203664173116 */
    CHECK_NEAR(r.ratio, 1.09463467242, REL);
    CHECK_NEAR(r.low, 0.995481208815, REL);
    CHECK_NEAR(r.high, 1.203664173116, REL);
}

TEST(test_seasonal_phi_matches_r_with_a_month_missing)
{
    /* Index 16: the latest window's fifth month. */
    struct dispersion_fit f = fit_or_fail(base_a, late_a, 16, 1);
    /* R: summary(glm(y[-17] ~ window[-17] + month[-17], quasipoisson))
     *    $dispersion = 2.3594991412, df.residual 10 */
    CHECK_NEAR(f.phi, 2.3594991412, REL);
    CHECK_INT(f.df, 10);
}

TEST(test_under_dispersion_keeps_the_exact_poisson_interval)
{
    struct dispersion_fit f = fit_or_fail(base_d, late_d, -1, 1);
    /* R: summary(glm(y ~ window + month, quasipoisson))$dispersion
     *    = 0.131510899605: below 1, taken as 1 */
    CHECK_NEAR(f.phi, 0.131510899605, REL);
    CHECK(dispersion_factor(&f) == 1.0);
    struct poisson_ratio r = ratio_or_fail(base_d, late_d, &f);
    /* R: poisson.test(c(1347, 1163), c(12, 12))$conf.int
     *    = 1.07002072997 1.25381622636 */
    CHECK_NEAR(r.low, 1.07002072997, REL);
    CHECK_NEAR(r.high, 1.25381622636, REL);
}

TEST(test_zero_total_uses_exact_interval_of_effective_counts)
{
    struct dispersion_fit f = {2.5, 55, 22, 0, 0};
    struct poisson_ratio r;
    struct sio_error err;
    CHECK_INT(dispersion_ratio_ci(0, 12, 20, 12, &f, 0.95, &r, &err), SIO_OK);
    /* R: h <- qbeta(0.975, 0/2.5 + 1, 20/2.5); h / (1 - h) = 0.585833175137 */
    CHECK(r.low == 0.0);
    CHECK_NEAR(r.high, 0.585833175137, REL);
    CHECK_INT(dispersion_ratio_ci(20, 12, 0, 12, &f, 0.95, &r, &err), SIO_OK);
    /* R: l <- qbeta(0.025, 20/2.5, 0/2.5 + 1); l / (1 - l) = 1.70697058897 */
    CHECK_NEAR(r.low, 1.70697058897, REL);
    CHECK(isinf(r.high));
}

/* Case P of dispersion.R: satisfied respondents of those asked, a month each. */
static const double n_late[12] = {60, 70, 67, 85, 72, 66, 74, 80, 69, 71, 77, 64};
static const double x_late[12] = {50, 53, 51, 53, 57, 49, 60, 58, 50, 55, 62, 47};
static const double n_base[12] = {65, 73, 62, 81, 70, 69, 75, 78, 72, 68, 74, 66};
static const double x_base[12] = {44, 52, 47, 57, 48, 52, 50, 58, 49, 47, 53, 46};

TEST(test_binomial_phi_matches_r_quasibinomial)
{
    struct dispersion_point p[24];
    struct dispersion_fit f;
    struct sio_error err;
    for (int i = 0; i < 12; i++) {
        p[i] = (struct dispersion_point){x_base[i], n_base[i], 0, 0};
        p[12 + i] = (struct dispersion_point){x_late[i], n_late[i], 1, 0};
    }
    CHECK_INT(dispersion_binomial(p, 24, &f, &err), SIO_OK);
    /* R: summary(glm(cbind(x, n - x) ~ window, quasibinomial))$dispersion
     *    = 0.784657270687, df.residual 22 */
    CHECK_NEAR(f.phi, 0.784657270687, REL);
    CHECK_INT(f.df, 22);
}

TEST(test_newcombe_with_effective_counts_matches_r)
{
    struct dispersion_fit f = {2.5, 55, 22, 0, 0};
    struct binomial_difference d;
    struct sio_error err;
    CHECK_INT(dispersion_newcombe_ci(645, 855, 603, 853, &f, 0.95, &d, &err), SIO_OK);
    /* R (dispersion.R's newcombe() on 645/2.5 of 855/2.5 and 603/2.5 of
     * 853/2.5): 0.0474692005512 -0.0190640934597 0.1134692417918 */
    CHECK_NEAR(d.estimate, 0.0474692005512, REL);
    CHECK_NEAR(d.low, -0.0190640934597, REL);
    CHECK_NEAR(d.high, 0.1134692417918, REL);
}

TEST(test_newcombe_with_phi_below_one_is_the_plain_interval)
{
    struct dispersion_fit f = {0.784657270687, 17.26, 22, 0, 0};
    struct binomial_difference d;
    struct sio_error err;
    CHECK_INT(dispersion_newcombe_ci(645, 855, 603, 853, &f, 0.95, &d, &err), SIO_OK);
    /* R: newcombe(645, 855, 603, 853, 1)
     *    = 0.04746920055120 0.00538673187779 0.08933746208926 */
    CHECK_NEAR(d.low, 0.00538673187779, REL);
    CHECK_NEAR(d.high, 0.08933746208926, REL);
}

TEST(test_too_few_degrees_of_freedom_is_not_usable)
{
    /* Four quarters against four: 8 points, 2 parameters, df 6. */
    struct dispersion_point p[8];
    struct dispersion_fit f;
    struct sio_error err;
    for (int i = 0; i < 8; i++)
        p[i] = (struct dispersion_point){30.0 + i * 3, 3.0, i >= 4, 0};
    CHECK_INT(dispersion_poisson(p, 8, 0, &f, &err), SIO_OK);
    CHECK_INT(f.df, 6);
    CHECK(!dispersion_usable(&f));
    CHECK_INT(f.df + 4, DISPERSION_MIN_DF);
}

/* Case Y of dispersion.R: 16 quarters of four financial years, year 0 the
 * latest. */
static const double quarters_y[16] = {2043, 2117, 2338, 2184, 2013, 1931, 2129, 1851,
                                      1248, 1682, 1708, 1433, 1582, 1780, 2057, 1850};

/* 16 quarters of four years, year 0 the latest: counts over 3 months each
 * (trials NULL), or successes of trials[i]. */
static struct dispersion_fit by_year_or_fail(const double *y, const double *trials)
{
    struct dispersion_point p[16];
    struct dispersion_fit f = {0, 0, 0, 0, 0};
    struct sio_error err;
    for (int i = 0; i < 16; i++)
        p[i] = (struct dispersion_point){y[i], trials ? trials[i] : 3.0, 3 - i / 4, 0};
    CHECK_INT(trials ? dispersion_binomial_years(p, 16, &f, &err)
                     : dispersion_poisson_years(p, 16, &f, &err), SIO_OK);
    return f;
}

static struct dispersion_fit years_fit_or_fail(void)
{
    return by_year_or_fail(quarters_y, NULL);
}

/* R's dispersion of a 16-quarter fit by year: 4 years, 12 residual df. */
static void check_by_year(const struct dispersion_fit *f, double r_phi)
{
    CHECK_NEAR(f->phi, r_phi, REL);
    CHECK_INT(f->df, 12);
    CHECK_INT(f->years, 4);
    CHECK(dispersion_usable(f));
}

TEST(test_whole_series_by_year_matches_r_quasipoisson)
{
    struct dispersion_fit f = years_fit_or_fail();
    /* R: summary(glm(y ~ year, quasipoisson, offset = log(3)))$dispersion
     *    = 16.7434549865, df.residual 12 */
    check_by_year(&f, 16.7434549865);
}

TEST(test_latest_year_against_the_one_before_with_the_series_dispersion_matches_r)
{
    struct dispersion_fit f = years_fit_or_fail();
    struct poisson_ratio r;
    struct sio_error err;
    /* 2021/22: 1582 + 1780 + 2057 + 1850 = 7269; 2020/21: 6071.
     * R: exp(-(b + c(0, 1, -1) * qt(0.975, 12) * se)) of year1
     *    = 1.19733157635 1.02540516507 1.39808434026 */
    CHECK_INT(dispersion_ratio_ci(7269, 12, 6071, 12, &f, 0.95, &r, &err), SIO_OK);
    CHECK_NEAR(r.ratio, 1.19733157635, REL);
    CHECK_NEAR(r.low, 1.02540516507, REL);
    CHECK_NEAR(r.high, 1.39808434026, REL);
}

/* Case S of dispersion.R: a share by quarter, 16 quarters of four
 * financial years, year 0 the latest. */
static const double shares_x[16] = {52, 40, 47, 62, 55, 38, 63, 45, 44, 59, 36, 60, 48, 62, 35, 53};
static const double shares_n[16] = {60, 68, 59, 66, 64, 58, 70, 61, 55, 64, 60, 67, 58, 65, 52, 66};

static struct dispersion_fit share_years_fit_or_fail(void)
{
    return by_year_or_fail(shares_x, shares_n);
}

TEST(test_shares_by_year_match_r_quasibinomial)
{
    struct dispersion_fit f = share_years_fit_or_fail();
    /* R: summary(glm(cbind(xs, ns - xs) ~ years, quasibinomial))$dispersion
     *    = 6.99137962378, df.residual 12 */
    check_by_year(&f, 6.99137962378);
}

TEST(test_latest_quarter_share_with_the_series_dispersion_matches_r)
{
    struct dispersion_fit f = share_years_fit_or_fail();
    struct binomial_difference d;
    struct sio_error err;
    /* 53 of 66 against 60 of 67.  R: 100 * newcombe(53, 66, 60, 67, phi)
     *    = -9.24920850294 -42.26245845954 25.10465720270 */
    CHECK_INT(dispersion_newcombe_ci(53, 66, 60, 67, &f, 0.95, &d, &err), SIO_OK);
    CHECK_NEAR(100 * d.estimate, -9.24920850294, REL);
    CHECK_NEAR(100 * d.low, -42.26245845954, REL);
    CHECK_NEAR(100 * d.high, 25.10465720270, REL);
}

TEST(test_more_successes_than_trials_in_a_year_fit_is_an_error)
{
    struct dispersion_point p[2] = {{5, 4, 0, 0}, {2, 3, 1, 0}};
    struct dispersion_fit f;
    struct sio_error err;
    CHECK_INT(dispersion_binomial_years(p, 2, &f, &err), SIO_EDATA);
}

TEST(test_a_negative_year_is_an_error)
{
    struct dispersion_point p[2] = {{1, 3, 0, 0}, {2, 3, -1, 0}};
    struct dispersion_fit f;
    struct sio_error err;
    CHECK_INT(dispersion_poisson_years(p, 2, &f, &err), SIO_EDATA);
}

TEST(test_one_window_only_is_an_error)
{
    struct dispersion_point p[3] = {{1, 1, 0, 0}, {2, 1, 0, 0}, {3, 1, 0, 0}};
    struct dispersion_fit f;
    struct sio_error err;
    CHECK_INT(dispersion_poisson(p, 3, 0, &f, &err), SIO_EDATA);
}

TEST(test_seasonal_fit_needs_a_month_for_every_point)
{
    struct dispersion_point p[2] = {{1, 1, 0, 4}, {2, 1, 1, 0}};
    struct dispersion_fit f;
    struct sio_error err;
    CHECK_INT(dispersion_poisson(p, 2, 1, &f, &err), SIO_EDATA);
}

int main(void)
{
    poisson_gsl_init();
    RUN(test_poisson_phi_matches_r_quasipoisson_window_only);
    RUN(test_ratio_ci_matches_r_quasipoisson_wald_t_window_only);
    RUN(test_poisson_alone_would_call_the_same_change_significant);
    RUN(test_poisson_phi_matches_r_with_month_of_year_terms);
    RUN(test_ratio_ci_matches_r_with_month_of_year_terms);
    RUN(test_seasonal_phi_matches_r_with_a_month_missing);
    RUN(test_under_dispersion_keeps_the_exact_poisson_interval);
    RUN(test_zero_total_uses_exact_interval_of_effective_counts);
    RUN(test_binomial_phi_matches_r_quasibinomial);
    RUN(test_shares_by_year_match_r_quasibinomial);
    RUN(test_latest_quarter_share_with_the_series_dispersion_matches_r);
    RUN(test_more_successes_than_trials_in_a_year_fit_is_an_error);
    RUN(test_newcombe_with_effective_counts_matches_r);
    RUN(test_newcombe_with_phi_below_one_is_the_plain_interval);
    RUN(test_too_few_degrees_of_freedom_is_not_usable);
    RUN(test_whole_series_by_year_matches_r_quasipoisson);
    RUN(test_latest_year_against_the_one_before_with_the_series_dispersion_matches_r);
    RUN(test_a_negative_year_is_an_error);
    RUN(test_one_window_only_is_an_error);
    RUN(test_seasonal_fit_needs_a_month_for_every_point);
    return TESTING_DONE();
}
