# verdicts_check.R — recompute every tested verdict of a store in R and
# compare: the dispersion (summary(glm(..., quasipoisson or quasibinomial))
# $dispersion) and the change's interval (for counts, the quasi-Poisson
# Wald interval exp(coef +/- qt(., df.residual) SE), or poisson.test when the
# dispersion is at most 1; for shares, Newcombe's interval on the effective
# counts x/phi of n/phi).  Called by tests/e2e/t0650-verdicts-against-r.sh.
#
# Usage: Rscript verdicts_check.R POINTS.csv VERDICTS.csv CONFIDENCE
#   POINTS:   force,measure,month,y,n,quarter,t   (one row per month, or
#             financial quarter (quarter 1), with data; n is the denominator
#             of a share, empty for counts; t the months it spans)
#   VERDICTS: force,measure,comparison,latest_start,latest_end,base_start,
#             base_end,change,low,high,dispersion,df,seasonal,unit,years
#             (years 1: the dispersion is of the whole quarterly series
#             with one rate a year, glm(y ~ factor(year), quasipoisson,
#             offset = log(t)), or one share a year, glm(cbind(x, n - x) ~
#             factor(year), quasibinomial), the years counted back from
#             latest_end)
# Prints one line per mismatch, then "checked N verdicts, M mismatches";
# exits 1 when any verdict differs.
args <- commandArgs(trailingOnly = TRUE)
pts <- read.csv(args[1], colClasses = c("character", "character", "character",
                                        "numeric", "numeric", "integer", "numeric"))
ver <- read.csv(args[2], stringsAsFactors = FALSE)
level <- as.numeric(args[3])
tight <- glm.control(epsilon = 1e-15, maxit = 100)
ym <- function(s) { p <- as.integer(strsplit(s, "-")[[1]]); p[1] * 12 + p[2] - 1 }
pts$m <- vapply(pts$month, ym, 0)
wilson <- function(x, n, z = qnorm((1 + level) / 2)) {
  q <- x / n; c1 <- q + z^2 / (2 * n); h <- z * sqrt(q * (1 - q) / n + z^2 / (4 * n^2))
  c(q, max(0, (c1 - h) / (1 + z^2 / n)), min(1, (c1 + h) / (1 + z^2 / n)))
}
newcombe <- function(xa, na, xb, nb, s) {
  a <- wilson(xa / s, na / s); b <- wilson(xb / s, nb / s); d <- a[1] - b[1]
  100 * c(d - sqrt((a[1] - a[2])^2 + (b[3] - b[1])^2), d + sqrt((a[3] - a[1])^2 + (b[1] - b[2])^2))
}
close <- function(a, b, rel) abs(a - b) <= rel * max(abs(b), 1e-9)
bad <- 0; checked <- 0
for (i in seq_len(nrow(ver))) {
  v <- ver[i, ]
  le <- ym(v$latest_end); be <- ym(v$base_end)
  ls <- if (v$comparison == "quarter_last_year") le - 11 else ym(v$latest_start)
  bs <- if (v$comparison == "quarter_last_year") be - 11 else ym(v$base_start)
  p <- pts[pts$force == v$force & pts$measure == v$measure & pts$quarter == v$years, ]
  late <- p[p$m >= ls & p$m <= le, ]; base <- p[p$m >= bs & p$m <= be, ]
  d <- rbind(transform(base, w = 0), transform(late, w = 1))
  d$w <- factor(d$w, levels = c(0, 1)); d$moy <- factor(d$m %% 12)
  share <- v$unit == "percentage points"
  if (v$years == 1) {
    d <- p[p$m + p$t - 1 <= le, ]
    d$year <- factor((le - (d$m + d$t - 1)) %/% 12)
    if (share) {
      d$x <- round(d$y * d$n / 100)
      fit <- glm(cbind(x, n - x) ~ year, family = quasibinomial, data = d, control = tight)
    } else {
      fit <- glm(y ~ year, family = quasipoisson, offset = log(t), data = d, control = tight)
    }
  } else if (share) {
    d$x <- round(d$y * d$n / 100)
    fit <- glm(cbind(x, n - x) ~ w, family = quasibinomial, data = d, control = tight)
  } else if (v$seasonal == 1) {
    fit <- glm(y ~ w + moy, family = quasipoisson, data = d, control = tight)
  } else {
    fit <- glm(y ~ w, family = quasipoisson, data = d, control = tight)
  }
  phi <- summary(fit)$dispersion
  # the compared windows themselves (a quarter for quarter_last_year)
  x1 <- p[p$m >= ym(v$latest_start) & p$m <= le, ]; x2 <- p[p$m >= ym(v$base_start) & p$m <= be, ]
  if (share) {
    ci <- newcombe(sum(round(x1$y * x1$n / 100)), sum(x1$n), sum(round(x2$y * x2$n / 100)),
                   sum(x2$n), max(1, phi))
  } else if (phi <= 1) {
    ci <- 100 * (poisson.test(c(sum(x1$y), sum(x2$y)), c(sum(x1$t), sum(x2$t)),
                              conf.level = level)$conf.int - 1)
  } else {
    r <- (sum(x1$y) / sum(x1$t)) / (sum(x2$y) / sum(x2$t))
    se <- sqrt(phi * (1 / sum(x1$y) + 1 / sum(x2$y)))
    ci <- 100 * (exp(log(r) + c(-1, 1) * qt((1 + level) / 2, fit$df.residual) * se) - 1)
  }
  ok <- fit$df.residual == v$df && close(phi, v$dispersion, 1e-6) &&
        close(ci[1], v$low, 1e-6) && close(ci[2], v$high, 1e-6)
  checked <- checked + 1
  if (!ok) {
    bad <- bad + 1
    cat(sprintf("MISMATCH %s %s %s: sio phi %.9g df %d ci %.9g %.9g; R phi %.9g df %d ci %.9g %.9g\n",
                v$force, v$measure, v$comparison, v$dispersion, v$df, v$low, v$high,
                phi, fit$df.residual, ci[1], ci[2]))
  }
}
cat(sprintf("checked %d verdicts, %d mismatches\n", checked, bad))
quit(status = if (bad > 0) 1 else 0)
