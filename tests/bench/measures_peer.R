# tests/bench/measures_peer.R — the measures benchmark's peer, in base R.
#
#   Rscript measures_peer.R COUNTS POPULATION OUTDIR BASE_START BASE_END LEVEL SHIFT TREND [MIN_POINTS]
#
# What an analyst would write in R to get sio-measures' figures for the
# police.uk monthly counts: for every force x measure in COUNTS
# (force,measure,month,count; a month with no row is missing, not zero), the
# same rows sio-measures stores, by the same methods:
#   - counts by month, financial quarter, financial year and rolling 12
#     months, each with the exact Poisson interval (poisson.test), and the
#     rate per 1,000 for each whole 12-month window (POPULATION:
#     force,year,population; the estimate nearest the window's middle);
#   - the three comparisons (the latest 12 months against the baseline
#     months BASE_START..BASE_END and against the 12 months before, the
#     latest complete financial quarter against the same quarter a year
#     earlier): change in per cent of the rates per covered month, with an
#     interval that allows for over-dispersion (the quasi-Poisson dispersion
#     of the two windows' monthly counts, glm(y ~ window [+ month]): the
#     quasi-Poisson Wald-t interval, or poisson.test when it is at most 1),
#     and its verdict (none when the dispersion has fewer than 10 df);
#   - the XmR chart: mean +/- 2.66 mean moving range, fixed on the baseline
#     months widened to MIN_POINTS points (default 15: earlier months first,
#     then later ones; the series' first points when it does not reach the
#     baseline) and applied to every point, with the four special-cause rules
#     (beyond the limits; a shift of SHIFT points; a trend of TREND points;
#     two of three beyond 2 sigma), none when the limits rest on fewer than
#     MIN_POINTS points;
#   - the least-squares trend per year with its t interval (lm, confint),
#     and the F test of month-of-year terms about it.
# It leaves out what sio-measures also does (the robust trend, the peer
# comparisons, the sentences, the store): R is charged only for the
# arithmetic.  Writes OUTDIR/results.csv (the measure_results rows),
# OUTDIR/verdicts.csv and OUTDIR/spc_points.csv, and prints the number of
# results.
#
# Each method is one function below (interval, compare_counts, xmr, trend,
# seasonal): when sio-measures' method changes, change that function to
# match; t0900 checks that the two still agree on a small store.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 8 && length(args) != 9)
    stop("usage: measures_peer.R COUNTS POPULATION OUTDIR BASE_START BASE_END LEVEL SHIFT TREND [MIN_POINTS]")
level <- as.numeric(args[6])
shift_run <- as.integer(args[7])
trend_run <- as.integer(args[8])
min_points <- if (length(args) == 9) as.integer(args[9]) else 15L

# Months as integers, year * 12 + month - 1, as sio keeps them.
month_int <- function(s) as.integer(substr(s, 1, 4)) * 12L + as.integer(substr(s, 6, 7)) - 1L
month_text <- function(m) sprintf("%04d-%02d", m %/% 12L, m %% 12L + 1L)
fy_start <- function(m) m - ((m %% 12L) - 3L) %% 12L     # April of m's financial year
fq_start <- function(m) m - ((m %% 12L) - 3L) %% 3L      # first month of m's quarter
fq_label <- function(q) {
    y <- fy_start(q) %/% 12L
    sprintf("%d/%02d Q%d", y, (y + 1L) %% 100L, (q - fy_start(q)) %/% 3L + 1L)
}
base_start <- month_int(args[4])
base_end <- month_int(args[5])

counts <- read.csv(args[1], colClasses = c("character", "character", "character", "numeric"))
population <- read.csv(args[2], colClasses = c("character", "integer", "numeric"))

# ---- methods ------------------------------------------------------------

# A count and its exact Poisson interval.
interval <- function(x) {
    if (is.na(x)) return(c(NA, NA, NA))
    if (x < 0) return(c(x, NA, NA))
    c(x, poisson.test(x, conf.level = level)$conf.int)
}

# The extra-Poisson variation of the monthly counts in two spans (latest
# first): Pearson dispersion of a quasi-Poisson fit on a window indicator,
# with month-of-year terms when the series is seasonal and both spans are
# whole years of months.
dispersion <- function(y, first, spans, seasonal) {
    d <- NULL; whole <- TRUE
    for (k in 1:2) {
        i <- (spans[[k]][1]:spans[[k]][2]) - first + 1L
        i <- i[i >= 1L & i <= length(y)]
        ok <- !is.na(y[i])
        whole <- whole && spans[[k]][2] - spans[[k]][1] == 11L && sum(ok) == 12L
        d <- rbind(d, data.frame(y = y[i][ok], w = k, moy = (first + i[ok] - 1L) %% 12L))
    }
    # The fit's means in closed form, as glm(y ~ factor(w) [+ factor(moy)],
    # quasipoisson) converges to them (its IRLS stops about 1e-8 short):
    # each window's mean, or for a complete two-way table row total x column
    # total / grand total.
    if (sum(d$y) == 0)
        return(list(phi = 0, df = nrow(d) - 2L))
    if (seasonal && whole) {
        mu <- ave(d$y, d$w, FUN = sum) * ave(d$y, d$moy, FUN = sum) / sum(d$y)
        df <- nrow(d) - 1L - length(unique(d$moy))
    } else {
        mu <- ave(d$y, d$w)
        df <- nrow(d) - 2L
    }
    list(phi = sum(ifelse(mu > 0, (d$y - mu)^2 / mu, 0)) / df, df = df)
}

# Latest against base as a % change of rates per covered month, its
# interval allowing for the dispersion d, and its direction: -1 fall, 0 none,
# +1 rise, 2 not tested (too few points to estimate d).
compare_counts <- function(x1, t1, x2, t2, d) {
    r <- (x1 / t1) / (x2 / t2)
    if (d$df < 10) return(c(if (x2 > 0) 100 * (r - 1) else NA, NA, NA, 2))
    if (x1 + x2 == 0) return(c(NA, NA, NA, 0))
    phi <- max(1, d$phi)
    if (phi <= 1) {
        ci <- poisson.test(c(x1, x2), c(t1, t2), conf.level = level)$conf.int
    } else if (x1 == 0 || x2 == 0) {        # the effective counts x / phi
        a <- (1 - level) / 2
        p <- c(if (x1 == 0) 0 else qbeta(a, x1 / phi, x2 / phi + 1),
               if (x2 == 0) 1 else qbeta(1 - a, x1 / phi + 1, x2 / phi))
        ci <- p / (1 - p) * t2 / t1
    } else {
        ci <- r * exp(c(-1, 1) * qt((1 + level) / 2, d$df) * sqrt(phi * (1 / x1 + 1 / x2)))
    }
    c(100 * (r - 1), 100 * (ci - 1), if (ci[2] < 1) -1 else if (ci[1] > 1) 1 else 0)
}

# The points (1-based, inclusive) the limits are fixed on: the baseline
# months the series has, widened to min_points present points.
limits_span <- function(y, first) {
    n <- length(y)
    if (base_end < first || base_start > first + n - 1L) { a <- 1L; b <- 0L }
    else { a <- max(base_start - first + 1L, 1L); b <- min(base_end - first + 1L, n) }
    present <- function(a, b) if (b < a) 0L else sum(!is.na(y[a:b]))
    while (present(a, b) < min_points && a > 1L) a <- a - 1L
    while (present(a, b) < min_points && b < n) b <- b + 1L
    c(a, b, present(a, b))
}

# XmR limits fixed on limits_span() and the four rules; one row per point.
xmr <- function(y, first) {
    n <- length(y)
    span <- limits_span(y, first)
    ys <- y[span[1]:span[2]]
    mr <- abs(diff(ys))
    centre <- mean(ys, na.rm = TRUE)
    w <- 2.66 * mean(mr, na.rm = TRUE)
    lower <- centre - w; upper <- centre + w
    lower2 <- centre - 2 / 3 * w; upper2 <- centre + 2 / 3 * w
    side <- ifelse(is.na(y), 0, sign(y - centre))
    beyond <- !is.na(y) & (y > upper | y < lower)
    runs <- function(key, len, back) {
        flag <- logical(n); start <- 1L
        for (i in seq_len(n)) {
            if (key[i] == 0 || i == 1L || key[i] != key[i - 1L]) start <- i
            if (key[i] != 0 && i - start + 1L >= len) flag[(start - back):i] <- TRUE
        }
        flag
    }
    shift <- if (shift_run > 0) runs(side, shift_run, 0L) else logical(n)
    step <- c(0, ifelse(is.na(diff(y)), 0, sign(diff(y))))
    trend <- if (trend_run > 0) runs(step, trend_run - 1L, 1L) else logical(n)
    far <- !is.na(y) & (y > upper2 | y < lower2)
    two <- logical(n)
    for (s in seq_len(max(0L, n - 2L))) {
        k <- s:(s + 2L)
        if (side[s] != 0 && all(side[k] == side[s]) && sum(far[k]) >= 2) two[k] <- two[k] | far[k]
    }
    rules <- paste0(ifelse(beyond, "beyond,", ""), ifelse(shift, "shift,", ""),
                    ifelse(trend, "trend,", ""), ifelse(two, "two_of_three,", ""))
    if (span[3] < min_points) rules[] <- ""   # provisional limits judge nothing
    data.frame(centre = centre, lower = lower, upper = upper, rules = sub(",$", "", rules))
}

# Least-squares slope per year with its t interval.
trend <- function(x, y) {
    if (sum(!is.na(y)) < 3) return(c(NA, NA, NA))
    fit <- lm(y ~ x)
    c(coef(fit)[2], confint(fit, "x", level = level))
}

# p-value of month-of-year terms about the linear trend, or NA when there
# are fewer than 24 months or a month of the year is never seen.
seasonal <- function(x, y, moy) {
    ok <- !is.na(y)
    if (sum(ok) < 24 || length(unique(moy[ok])) < 12) return(NA)
    anova(lm(y ~ x, subset = ok), lm(y ~ x + factor(moy), subset = ok))$`Pr(>F)`[2]
}

# ---- the loop -----------------------------------------------------------

pop_for <- function(force, start, end) {
    p <- population[population$force == force & population$population > 0, ]
    if (nrow(p) == 0) return(NA)
    mid <- start + (end - start) %/% 2L
    d <- abs(p$year * 12L + 5L - mid)
    p <- p[order(d, -p$year), ]
    p$population[1]
}

results <- list(); verdicts <- list(); spc <- list()
row <- function(force, measure, type, period, stat, est) {
    results[[length(results) + 1L]] <<- list(force, measure, type, period, stat,
                                               est[1], est[2], est[3])
}
window <- function(y, first, from, to) {
    i <- (from:to) - first + 1L
    i <- i[i >= 1L & i <= length(y)]
    v <- y[i]
    list(covered = sum(!is.na(v)), expected = to - from + 1L, num = sum(v, na.rm = TRUE))
}
figure <- function(force, measure, type, label, y, first, from, to) {
    w <- window(y, first, from, to)
    est <- interval(if (w$covered > 0) w$num else NA)
    row(force, measure, type, label, "count", est)
    if (w$expected == 12L && w$covered == 12L && is.finite(est[2])) {
        pop <- pop_for(force, from, to)
        if (!is.na(pop)) row(force, measure, type, label, "rate_per_1000", est * 1000 / pop)
    }
}

series <- split(counts, list(counts$force, counts$measure), drop = TRUE)
for (s in series) {
    force <- s$force[1]; measure <- s$measure[1]
    m <- month_int(s$month)
    first <- min(m); last <- max(m)
    y <- rep(NA_real_, last - first + 1L)
    y[m - first + 1L] <- s$count
    for (k in seq_along(y))
        figure(force, measure, "month", month_text(first + k - 1L), y, first,
               first + k - 1L, first + k - 1L)
    for (q in seq(fq_start(first), last, by = 3L))
        figure(force, measure, "fq", fq_label(q), y, first, q, q + 2L)
    for (a in seq(fy_start(first), last, by = 12L))
        figure(force, measure, "fy", sprintf("%d/%02d", a %/% 12L, (a %/% 12L + 1L) %% 100L),
               y, first, a, a + 11L)
    for (k in seq_along(y)) {
        end <- first + k - 1L
        figure(force, measure, "r12", paste("12 months to", month_text(end)), y, first,
               end - 11L, end)
    }
    q_end <- fq_start(last) + 2L
    if (q_end > last) q_end <- q_end - 3L
    windows <- list(baseline = c(last - 11L, last, base_start, base_end),
                    year_earlier = c(last - 11L, last, last - 23L, last - 12L),
                    quarter_last_year = c(q_end - 2L, q_end, q_end - 14L, q_end - 12L))
    x <- (seq_along(y) - 1) / 12
    p <- seasonal(x, y, (first + seq_along(y) - 1L) %% 12L)
    for (kind in names(windows)) {
        b <- windows[[kind]]
        a <- window(y, first, b[1], b[2]); z <- window(y, first, b[3], b[4])
        ok <- a$covered == a$expected && z$covered == z$expected && a$num >= 0 && z$num >= 0 &&
              (b[2] < b[3] || b[4] < b[1])            # windows that overlap are not compared
        # a quarter's dispersion is that of the 12 months ending with each quarter
        spans <- if (kind == "quarter_last_year") list(c(b[2] - 11L, b[2]), c(b[4] - 11L, b[4]))
                 else list(b[1:2], b[3:4])
        ch <- if (ok) compare_counts(a$num, a$covered, z$num, z$covered,
                                     dispersion(y, first, spans, !is.na(p) && p < 1 - level))
              else c(NA, NA, NA, NA)
        row(force, measure, "comparison", kind, "change_pct", ch)
        verdicts[[length(verdicts) + 1L]] <- list(force, measure, kind,
                                                  if (is.na(ch[4])) "" else if (ch[4] == 2)
                                                      "untested" else as.character(ch[4]))
    }
    row(force, measure, "series", "whole series", "slope_per_year", trend(x, y))
    if (!is.na(p)) row(force, measure, "series", "whole series", "seasonal_f_p", c(p, NA, NA))
    if (sum(!is.na(y[-1]) & !is.na(y[-length(y)])) > 0)
        spc[[length(spc) + 1L]] <- cbind(force = force, measure = measure,
                                         month = month_text(first + seq_along(y) - 1L),
                                         value = y, xmr(y, first))
}

dir.create(args[3], showWarnings = FALSE, recursive = TRUE)
table_of <- function(rows, names) {
    df <- as.data.frame(lapply(seq_along(names), function(k)
        unlist(lapply(rows, `[[`, k), use.names = FALSE)), stringsAsFactors = FALSE)
    names(df) <- names
    df
}
res <- table_of(results, c("force", "measure", "period_type", "period", "statistic",
                           "value", "ci_low", "ci_high"))
write.csv(res, file.path(args[3], "results.csv"), row.names = FALSE, na = "")
write.csv(table_of(verdicts, c("force", "measure", "comparison", "direction")),
          file.path(args[3], "verdicts.csv"), row.names = FALSE, na = "")
write.csv(do.call(rbind, spc), file.path(args[3], "spc_points.csv"), row.names = FALSE, na = "")
cat(nrow(res), "\n")
