# funnel_limits.R POINTS.csv -- recompute sio's funnel plots in R.
#
# POINTS.csv: measure, force, count, population, rate_per_1000, low_95,
# high_95, low_998, high_998, position, target_rate_per_1000 (the store's
# funnel_points joined to funnel_plots, full precision).  For each measure
# the target is the pooled rate of the forces plotted, sum(count) /
# sum(population) x 1,000; for each force the expected count is the target
# per person x population, and the control limits are the exact Poisson
# interval of a count equal to it (the formula of lib/stats/funnel.h and of
# the Public Health England funnel plot tools):
#     lower = qchisq((1 - level) / 2, 2 * e) / 2,  upper = qchisq((1 + level) / 2, 2 * e + 2) / 2
# divided by the population and multiplied by 1,000.  Prints one line per
# disagreement (relative difference over 1e-9, or another position) and
# "funnel_limits.R: N forces, M measures agree", exiting 1 on any.
args <- commandArgs(trailingOnly = TRUE)
p <- read.csv(args[1], stringsAsFactors = FALSE)
bad <- 0
near <- function(a, b) abs(a - b) <= 1e-9 * max(abs(b), 1e-12)
for (m in unique(p$measure)) {
  q <- p[p$measure == m, ]
  target <- sum(q$count) / sum(q$population) * 1000
  if (!near(q$target_rate_per_1000[1], target)) {
    cat(sprintf("%s: target %.12g, R %.12g\n", m, q$target_rate_per_1000[1], target)); bad <- bad + 1
  }
  for (i in seq_len(nrow(q))) {
    n <- q$population[i]; e <- target / 1000 * n
    lim <- function(level, upper) {
      a <- (1 - level) / 2
      if (upper) qchisq(1 - a, 2 * e + 2) / 2 / n * 1000 else qchisq(a, 2 * e) / 2 / n * 1000
    }
    want <- c(lim(0.95, FALSE), lim(0.95, TRUE), lim(0.998, FALSE), lim(0.998, TRUE))
    got <- c(q$low_95[i], q$high_95[i], q$low_998[i], q$high_998[i])
    for (k in 1:4) if (!near(got[k], want[k])) {
      cat(sprintf("%s %s: limit %d is %.12g, R %.12g\n", m, q$force[i], k, got[k], want[k])); bad <- bad + 1
    }
    r <- q$count[i] / n * 1000
    pos <- if (r > want[4]) "above 99.8%" else if (r > want[2]) "above 95%" else
           if (r < want[3]) "below 99.8%" else if (r < want[1]) "below 95%" else "within"
    if (!near(q$rate_per_1000[i], r) || q$position[i] != pos) {
      cat(sprintf("%s %s: rate %.12g %s, R %.12g %s\n", m, q$force[i], q$rate_per_1000[i],
                  q$position[i], r, pos)); bad <- bad + 1
    }
  }
}
cat(sprintf("funnel_limits.R: %d forces, %d measures %s\n", nrow(p), length(unique(p$measure)),
            if (bad) "DISAGREE" else "agree"))
quit(status = if (bad) 1 else 0)
