# peers_check.R — recompute in R whether each peer row's rate differs from
# the other members' pooled rate, allowing for over-dispersion as
# sio-measures does: the monthly counts of the member and of the others
# pooled (12 months each) fitted by glm(y ~ group, family = quasipoisson);
# phi = summary(fit)$dispersion; the rate ratio (x1 / pop1) / (x0 / pop0)
# with exp(log ratio +/- qt(., df) sqrt(phi (1/x1 + 1/x0))) when phi > 1,
# poisson.test(c(x1, x0), c(pop1, pop0)) otherwise; significant when the
# interval excludes 1.  Called by tests/e2e/t0650-verdicts-against-r.sh.
#
# Usage: Rscript peers_check.R COUNTS.csv PEERS.csv CONFIDENCE
#   COUNTS: force,measure,month,count (monthly counts by force key)
#   PEERS:  force,measure,period_end,group_name,member,count,population,significant
# Prints one line per mismatch, then "checked N peer rows, M mismatches".
args <- commandArgs(trailingOnly = TRUE)
counts <- read.csv(args[1], stringsAsFactors = FALSE)
peers <- read.csv(args[2], stringsAsFactors = FALSE)
level <- as.numeric(args[3])
ym <- function(s) { p <- as.integer(strsplit(s, "-")[[1]]); p[1] * 12 + p[2] - 1 }
counts$m <- vapply(counts$month, ym, 0)
months_of <- function(force, measure, end) {
  c <- counts[counts$force == force & counts$measure == measure & counts$m > end - 12 &
              counts$m <= end, ]
  if (nrow(c) != 12) return(NULL)
  c$count[order(c$m)]
}
bad <- 0; checked <- 0
for (i in seq_len(nrow(peers))) {
  p <- peers[i, ]
  end <- ym(p$period_end)
  group <- peers[peers$force == p$force & peers$measure == p$measure &
                 peers$group_name == p$group_name & !is.na(peers$population), ]
  others <- group[group$member != p$member, ]
  y1 <- months_of(p$member, p$measure, end)
  y0 <- Reduce(`+`, lapply(others$member, months_of, measure = p$measure, end = end))
  x1 <- sum(y1); x0 <- sum(y0)
  fit <- glm(c(y1, y0) ~ factor(rep(1:0, each = 12)), family = quasipoisson)
  phi <- summary(fit)$dispersion
  if (phi <= 1 || x1 == 0 || x0 == 0) {
    ci <- poisson.test(c(x1, x0), c(p$population, sum(others$population)),
                       conf.level = level)$conf.int
  } else {
    r <- (x1 / p$population) / (x0 / sum(others$population))
    ci <- r * exp(c(-1, 1) * qt((1 + level) / 2, fit$df.residual) * sqrt(phi * (1 / x1 + 1 / x0)))
  }
  sig <- as.integer(ci[1] > 1 || ci[2] < 1)
  checked <- checked + 1
  if (sig != p$significant) {
    bad <- bad + 1
    cat(sprintf("MISMATCH %s %s %s %s: sio %d, R %d (phi %.4g, ci %.6g %.6g)\n", p$force,
                p$measure, p$group_name, p$member, p$significant, sig, phi, ci[1], ci[2]))
  }
}
cat(sprintf("checked %d peer rows, %d mismatches\n", checked, bad))
quit(status = if (bad > 0) 1 else 0)
