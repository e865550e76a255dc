# dispersion.R — R's numbers for tests/unit/test_dispersion.c: quasi-Poisson
# and quasi-binomial dispersion of two windows of monthly figures, and the
# change intervals lib/stats/dispersion.c gives with it.
# Run: Rscript tests/tools/dispersion.R   (R 4.2.2, Debian bookworm; prints
# every number the unit tests hold, at 12 digits)
options(digits = 12)
show <- function(...) cat(..., "\n")
fmt <- function(x) format(x, digits = 12)
window <- factor(rep(c("base", "latest"), each = 12), levels = c("base", "latest"))
month <- factor(rep(1:12, 2))
# glm's default stops IRLS at a relative deviance change of 1e-8, which
# leaves phi about 1e-8 from the maximum-likelihood fit sio computes in
# closed form; a tighter stop gives the fit itself (glm may then warn that
# it "did not converge": the deviance stops changing at machine precision).
tight <- glm.control(epsilon = 1e-15, maxit = 100)
wald_t <- function(fit) {   # the quasi GLM's Wald interval with summary.glm's t
  cs <- coef(summary(fit))[2, ]
  exp(cs[1] + c(-1, 1) * qt(0.975, fit$df.residual) * cs[2])
}

# Case A/B/C: counts drawn once with set.seed(17) from
# rnbinom(12, mu = 300 * s, size = 60) and mu = 330 * s,
# s = 1 + 0.25 cos(2 pi m / 12); the values are written out here.
base <- c(329, 322, 307, 306, 280, 265, 282, 292, 333, 351, 321, 321)
late <- c(403, 362, 415, 320, 216, 224, 324, 350, 370, 337, 380, 359)
y <- c(base, late)
a <- glm(y ~ window, family = quasipoisson, control = tight)
show("A phi", fmt(summary(a)$dispersion), "df", a$df.residual)
show("A ratio", fmt(exp(coef(a)[2])), "ci", fmt(wald_t(a)))
b <- glm(y ~ window + month, family = quasipoisson, control = tight)
show("B phi", fmt(summary(b)$dispersion), "df", b$df.residual)
show("B ratio", fmt(exp(coef(b)[2])), "ci", fmt(wald_t(b)))
k <- -17   # the latest window's May missing
c <- glm(y[k] ~ window[k] + month[k], family = quasipoisson, control = tight)
show("C phi", fmt(summary(c)$dispersion), "df", c$df.residual)
show("Poisson alone", fmt(poisson.test(c(sum(late), sum(base)), c(12, 12))$conf.int))

# Case D: under-dispersed counts (phi < 1): the exact interval stands.
base <- c(88, 95, 102, 79, 110, 97, 85, 120, 93, 101, 89, 104)
late <- c(99, 118, 107, 95, 131, 112, 96, 140, 101, 122, 109, 117)
d <- glm(c(base, late) ~ window + month, family = quasipoisson, control = tight)
show("D phi", fmt(summary(d)$dispersion), "df", d$df.residual)
show("D exact", fmt(poisson.test(c(sum(late), sum(base)), c(12, 12))$conf.int))

# Case Z: a zero total with phi 2.5: the exact conditional interval of the
# effective counts x / phi (Clopper-Pearson limits as beta quantiles).
phi <- 2.5
hi <- qbeta(0.975, 0 / phi + 1, 20 / phi);  show("Z 0 vs 20 high", fmt(hi / (1 - hi)))
lo <- qbeta(0.025, 20 / phi, 0 / phi + 1);  show("Z 20 vs 0 low", fmt(lo / (1 - lo)))

# Case P: monthly shares (victim satisfaction: satisfied of respondents).
n1 <- c(60, 70, 67, 85, 72, 66, 74, 80, 69, 71, 77, 64)
x1 <- c(50, 53, 51, 53, 57, 49, 60, 58, 50, 55, 62, 47)
n2 <- c(65, 73, 62, 81, 70, 69, 75, 78, 72, 68, 74, 66)
x2 <- c(44, 52, 47, 57, 48, 52, 50, 58, 49, 47, 53, 46)
x <- c(x2, x1); n <- c(n2, n1)
p <- glm(cbind(x, n - x) ~ window, family = quasibinomial, control = tight)
show("P phi", fmt(summary(p)$dispersion), "df", p$df.residual)
wilson <- function(x, n, z = qnorm(0.975)) {   # prop.test(correct = FALSE)
  q <- x / n; c1 <- q + z^2 / (2 * n); h <- z * sqrt(q * (1 - q) / n + z^2 / (4 * n^2))
  c(q, max(0, (c1 - h) / (1 + z^2 / n)), min(1, (c1 + h) / (1 + z^2 / n)))
}
newcombe <- function(xa, na, xb, nb, s) {      # method 10 on x/s of n/s
  a <- wilson(xa / s, na / s); b <- wilson(xb / s, nb / s); d <- a[1] - b[1]
  c(d, d - sqrt((a[1] - a[2])^2 + (b[3] - b[1])^2), d + sqrt((a[3] - a[1])^2 + (b[1] - b[2])^2))
}
show("P sums", sum(x1), sum(n1), sum(x2), sum(n2))
show("P newcombe phi 1", fmt(newcombe(sum(x1), sum(n1), sum(x2), sum(n2), 1)))
show("P newcombe phi 2.5", fmt(newcombe(sum(x1), sum(n1), sum(x2), sum(n2), 2.5)))

# Case Q: shares that vary more than binomial sampling allows (phi > 1),
# base window first, as a series from 2018-07 (tests/unit/test_measures_compare.c).
nb <- c(70, 72, 68, 75, 71, 69, 74, 70, 73, 72, 68, 71)
xb <- c(60, 45, 55, 40, 58, 47, 62, 44, 57, 49, 52, 59)
nl <- c(71, 69, 74, 70, 72, 73, 68, 75, 70, 71, 74, 69)
xl <- c(50, 38, 56, 41, 55, 36, 49, 58, 40, 52, 57, 39)
x <- c(xb, xl); n <- c(nb, nl)
q <- glm(cbind(x, n - x) ~ window, family = quasibinomial, control = tight)
phi <- summary(q)$dispersion
show("Q phi", fmt(phi), "df", q$df.residual)
show("Q sums", sum(xl), sum(nl), sum(xb), sum(nb))
show("Q newcombe", fmt(100 * newcombe(sum(xl), sum(nl), sum(xb), sum(nb), phi)))
show("Q newcombe phi 1", fmt(100 * newcombe(sum(xl), sum(nl), sum(xb), sum(nb), 1)))

# Case Y: a quarterly series of four financial years (neighbourhood crime of
# the demo's Warwickshire, Home Office table, 2018/19 Q1 to 2021/22 Q4), whose
# two windows of four quarters leave 6 df: the whole series with one rate a
# year (year 0 the latest), and the latest year against the one before with
# phi from it (dispersion_poisson_years; tests/unit/test_dispersion.c).
y <- c(2043, 2117, 2338, 2184, 2013, 1931, 2129, 1851,
       1248, 1682, 1708, 1433, 1582, 1780, 2057, 1850)
year <- factor(rep(3:0, each = 4))
f <- glm(y ~ year, family = quasipoisson, offset = log(rep(3, 16)), control = tight)
show("Y phi", fmt(summary(f)$dispersion), "df", f$df.residual)
b <- coef(f)["year1"]; se <- summary(f)$coefficients["year1", "Std. Error"]
qy <- qt(0.975, f$df.residual)
show("Y latest year / year before", fmt(exp(-c(b, b + qy * se, b - qy * se))))

# Case S: a share by quarter over four financial years (victims of domestic
# abuse satisfied, x of n asked each quarter, year 0 the latest), whose two
# windows of four quarters leave 6 df: the whole series with one share a
# year (dispersion_binomial_years), and the latest quarter against the same
# quarter a year earlier by Newcombe on the effective counts x/phi of n/phi.
xs <- c(52, 40, 47, 62, 55, 38, 63, 45, 44, 59, 36, 60, 48, 62, 35, 53)
ns <- c(60, 68, 59, 66, 64, 58, 70, 61, 55, 64, 60, 67, 58, 65, 52, 66)
years <- factor(rep(3:0, each = 4))
s <- glm(cbind(xs, ns - xs) ~ years, family = quasibinomial, control = tight)
phis <- summary(s)$dispersion
show("S phi", fmt(phis), "df", s$df.residual)
show("S latest quarter / a year earlier", xs[16], ns[16], xs[12], ns[12])
show("S newcombe", fmt(100 * newcombe(xs[16], ns[16], xs[12], ns[12], max(1, phis))))
