# robust_se.R — an independent R computation of GSL's documented bisquare
# robust line (gsl_multifit_robust, GSL 2.x "Robust linear regression"),
# used to check lib/stats/trend.c trend_robust_fit() in tests/unit/test_trend.c.
#
# Method, as the GSL manual and multifit/robust.c describe it:
#   start from OLS; h_i = leverage of the OLS design; each iteration
#   r_adj = r / sqrt(1 - h); sigma = MAD / 0.6745 with the median taken over
#   the n - p + 1 largest |r_adj| (Street et al. 1988, smallest p - 1 left
#   out); u = r_adj / (4.685 * max(sigma, 1e-6 sd(y))); w = (1 - u^2)^2 for
#   |u| < 1 else 0; weighted least squares; stop when every coefficient moves
#   by at most sqrt(DBL_EPSILON) of its size.
#   Then s = MAD sigma of the final raw residuals (same median rule);
#   u = r / sqrt(1 - h) / (s * tune); a = mean(psi'(u)),
#   b = sum((1 - h) psi(u)^2) / (n - p), lambda = 1 + p/n (1 - a) / a,
#   sigma_rob = lambda sqrt(b) s tune / a          (Street et al. Eq. 3, 5);
#   sigma = max(sigma_rob, sqrt((p^2 sigma_ols^2 + n sigma_rob^2) / (p^2 + n)))
#                                                  (DuMouchel & O'Brien 4.1);
#   cov = sigma^2 (X^T X)^-1 — the unweighted OLS cross-product, not X^T W X.
# Run: Rscript tests/tools/robust_se.R   (development aid, not run by tests)

gsl_bisquare <- function(x, y, tune = 4.685) {
  X <- cbind(1, x); n <- nrow(X); p <- ncol(X)
  h <- pmin(hat(X, intercept = FALSE), 0.9999)
  resfac <- 1 / sqrt(1 - h)
  madsigma <- function(r) median(sort(abs(r))[p:n]) / 0.6745
  ols <- lm.fit(X, y)
  c <- ols$coefficients; r <- ols$residuals
  sigma_ols <- sqrt(sum(r^2) / (n - p))
  sig_lower <- 1e-6 * sd(y); if (sig_lower == 0) sig_lower <- 1
  for (it in 1:100) {
    ra <- r * resfac
    u <- ra / (max(madsigma(ra), sig_lower) * tune)
    w <- ifelse(abs(u) < 1, (1 - u^2)^2, 0)
    prev <- c
    c <- lm.wfit(X, y, w)$coefficients
    r <- as.vector(y - X %*% c)
    if (all(abs(c - prev) <= sqrt(.Machine$double.eps) * pmax(abs(c), abs(prev)))) break
  }
  s <- madsigma(r); st <- s * tune
  u <- r * resfac / st
  inside <- abs(u) < 1
  psi <- ifelse(inside, u * (1 - u^2)^2, 0)
  dpsi <- ifelse(inside, (1 - u^2) * (1 - 5 * u^2), 0)
  a <- mean(dpsi)
  b <- sum((1 - h) * psi^2) / (n - p)
  lambda <- 1 + p / n * (1 - a) / a
  sigma_rob <- lambda * sqrt(b) * st / a
  sigma <- max(sigma_rob, sqrt((sigma_ols^2 * p^2 + sigma_rob^2 * n) / (p^2 + n)))
  cov <- sigma^2 * solve(crossprod(X))
  list(coef = c, se = sqrt(diag(cov)), sigma = sigma, sigma_rob = sigma_rob,
       sigma_ols = sigma_ols, iterations = it)
}

i <- 0:23; x <- i / 12
noise <- c(3,-2,1,-4,2,0,-1,4,-3,1,2,-2,0,3,-1,-2,4,-3,1,0,-4,2,1,-1)
y <- 100 - 0.5 * i + noise
yo <- y; yo[16] <- yo[16] + 40
for (s in list(list("clean", y), list("outlier", yo))) {
  f <- gsl_bisquare(x, s[[2]])
  cat(s[[1]], ": intercept", format(f$coef[1], digits = 12),
      " slope", format(f$coef[2], digits = 12),
      " slope_se", format(f$se[2], digits = 12),
      " sigma", format(f$sigma, digits = 12),
      " sigma_rob", format(f$sigma_rob, digits = 12),
      " sigma_ols", format(f$sigma_ols, digits = 12),
      " iterations", f$iterations, "\n")
}
