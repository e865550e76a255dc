# tests/bench/pipeline-table.awk — the pipeline table from pipeline.sh's
# results file: one line a row, "name wall_s peak_kib units unit".
function per(wall, units, unit) {
    if (unit == "-")
        return ""
    if (unit == "files" || unit == "statements")
        return sprintf("%.1f ms/%s", 1000 * wall / units, unit == "files" ? "file" : "statement")
    return sprintf("%.0f %s/s", units / (wall > 0 ? wall : 0.01), unit)
}
function row(name) {
    printf "%-20s %8.2f %10.0f  %s\n", name, w[name], r[name] / 1024, per(w[name], n[name], u[name])
}
function rate(name) {
    return n[name] / (w[name] > 0 ? w[name] : 0.01)
}
BEGIN { printf "%-20s %8s %10s  %s\n", "stage", "wall s", "peak MiB", "per unit" }
{ w[$1] = $2; r[$1] = $3; n[$1] = $4; u[$1] = $5 }
END {
    k = split("sio-ingest sio-transform sio-measures sio-charts sio-statement", st, " ")
    for (i = 1; i <= k; i++) {
        row(st[i])
        w["pipeline"] += w[st[i]]
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
    printf "sio-measures: %.1f times R's results per second;", rate("sio-measures") / rate("R-measures")
    printf " sio-charts: %.1f times matplotlib's files per second\n", rate("sio-charts") / rate("matplotlib")
}
