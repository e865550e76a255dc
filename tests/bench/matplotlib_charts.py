"""matplotlib_charts.py DB OUTDIR [FORMATS [FORCES]]: the chart benchmark's peer.

For every force x measure in a sio store, the three charts sio-charts draws
from the same tables, with matplotlib (Debian python3-matplotlib), in each
of FORMATS (default "svg"; a comma list of svg, pdf and png:DPI, such as
sio's default "png:300,png:96,svg,pdf", each figure drawn once and saved in
every format), for every force or the first FORCES in name order:
quarterly bars (measure_quarters) with the baseline level, the XmR chart
(spc_points: values, centre line and limits), and the peer bars
(peer_results, with their intervals), each with a title, axis labels and a
source line.  Prints the number of files written.
"""
import os
import sqlite3
import sys

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402

NAN = float("nan")


def rows(db, sql, force, measure):
    return db.execute(sql, (force, measure)).fetchall()


def quarterly(ax, q):
    ax.bar(range(len(q)), [r[1] for r in q], color="#12436D")
    if q[0][3]:
        ax.axhline(q[0][2] / q[0][3] * 3, color="#801650")
    ax.set_xticks(range(len(q)), [r[0] for r in q], rotation=90, fontsize=7)


def xmr(ax, p):
    x = range(len(p))
    ax.plot(x, [NAN if r[0] is None else r[0] for r in p], marker="o", color="#12436D")
    for col, style in ((1, "-"), (2, "--"), (3, "--")):
        ax.plot(x, [NAN if r[col] is None else r[col] for r in p], linestyle=style,
                color="#3D3D3D")


def peers(ax, m):
    ax.barh(range(len(m)), [r[1] for r in m], color="#12436D")
    ax.set_yticks(range(len(m)), [r[0] for r in m])
    for i, r in enumerate(m):
        if r[2] is not None and r[3] is not None:
            ax.plot([r[2], r[3]], [i, i], color="black")


CHARTS = (
    ("", "Per quarter", quarterly,
     "SELECT quarter, count, baseline_count, baseline_months FROM measure_quarters"
     " WHERE force = ? AND measure = ? ORDER BY quarter_start"),
    ("-spc", "Per month", xmr,
     "SELECT value, centre, lower, upper FROM spc_points"
     " WHERE force = ? AND measure = ? ORDER BY month"),
    ("-peers", "Per 1,000 population", peers,
     "SELECT member, rate_per_1000, ci_low, ci_high FROM peer_results"
     " WHERE force = ? AND measure = ? AND rate_per_1000 IS NOT NULL ORDER BY rate_per_1000"),
)


def save(fig, stem, formats):
    for f in formats:
        kind, _, dpi = f.partition(":")
        suffix = "" if not dpi or dpi == formats[0].partition(":")[2] else f"-{dpi}dpi"
        fig.savefig(f"{stem}{suffix}.{kind}", dpi=int(dpi) if dpi else "figure")
    return len(formats)


def main(db_path, out, formats, forces):
    os.makedirs(out, exist_ok=True)
    db = sqlite3.connect(db_path)
    pairs = db.execute("SELECT DISTINCT force, measure FROM measure_quarters WHERE force IN"
                       " (SELECT DISTINCT force FROM measure_quarters ORDER BY force LIMIT ?)"
                       " ORDER BY force, measure", (forces,)).fetchall()
    files = 0
    for force, measure in pairs:
        for suffix, ylabel, draw, sql in CHARTS:
            data = rows(db, sql, force, measure)
            if not data:
                continue
            fig, ax = plt.subplots(figsize=(7.87, 4.9))
            draw(ax, data)
            ax.set_title(f"{measure}: {force}{suffix}", loc="left", fontsize=11,
                         fontweight="bold")
            ax.set_ylabel(ylabel)
            fig.text(0.01, 0.01, "Source: sio store; matplotlib", fontsize=7)
            files += save(fig, f"{out}/{force}-{measure}{suffix}", formats)
            plt.close(fig)
    print(files)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], (sys.argv[3] if len(sys.argv) > 3 else "svg").split(","),
         int(sys.argv[4]) if len(sys.argv) > 4 else -1)
