# tests/bench/pipeline-table.awk — the pipeline table from pipeline.sh's
# results file: one line a row, "name wall_s peak_kib cpu_s units unit".
function per(wall, units, unit) {
    if (unit == "-")
        return ""
    if (unit == "files" || unit == "statements")
        return sprintf("%.1f ms/%s", 1000 * wall / units, unit == "files" ? "file" : "statement")
    return sprintf("%.0f %s/s", units / (wall > 0 ? wall : 0.01), unit)
}
function row(name) {
    printf "%-20s %8.2f %8.2f %10.0f  %s\n", name, w[name], c[name], r[name] / 1024,
           per(w[name], n[name], u[name])
}
function rate(name) {
    return n[name] / (w[name] > 0 ? w[name] : 0.01)
}
function cpu_rate(name) {
    return n[name] / (c[name] > 0 ? c[name] : 0.01)
}
BEGIN { printf "%-20s %8s %8s %10s  %s\n", "stage", "wall s", "CPU s", "peak MiB", "per unit" }
{ w[$1] = $2; r[$1] = $3; c[$1] = $4; n[$1] = $5; u[$1] = $6 }
END {
    k = split("sio-ingest sio-transform sio-measures sio-charts sio-statement", st, " ")
    for (i = 1; i <= k; i++) {
        row(st[i])
        w["pipeline"] += w[st[i]]
        c["pipeline"] += c[st[i]]
        if (r[st[i]] > r["pipeline"])
            r["pipeline"] = r[st[i]]
    }
    u["pipeline"] = "-"
    row("pipeline")
    k = split("sio-run sio-run-again sio-run-always sio-run-new-month", st, " ")
    for (i = 1; i <= k; i++)
        row(st[i])
    print "peers"
    k = split("duckdb-store R-measures matplotlib", st, " ")
    for (i = 1; i <= k; i++)
        row(st[i])
    printf "sio-measures: %.1f times R's results per second (%.1f per CPU second);",
           rate("sio-measures") / rate("R-measures"), cpu_rate("sio-measures") / cpu_rate("R-measures")
    printf " sio-charts: %.1f times matplotlib's files per second\n", rate("sio-charts") / rate("matplotlib")
    if ("R-measures-turns" in n)
        printf "sio-measures and R in turns, %d runs each: %.1f times R's results per second by the median wall times (%.1f by the median CPU times)\n",
               turns, rate("sio-measures-turns") / rate("R-measures-turns"),
               cpu_rate("sio-measures-turns") / cpu_rate("R-measures-turns")
}
