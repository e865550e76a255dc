"""peer_agrees.py SIO_CSV_DIR PEER_DIR: does the R peer get sio's figures?

For every force x measure the peer (measures_peer.R) worked on, compares its
rows with sio-measures' CSV tables: every measures.csv row of the statistics
the peer computes (count, rate_per_1000, change_pct, slope_per_year,
seasonal_f_p) must be in the peer's results.csv and the reverse, with the
same value and interval (sio's CSV rounds to 6 decimal places); each
comparison's verdict must have the peer's direction; every SPC point the
same centre line and limits (sio rounds to 4 places) and the same rules.
Prints the first differences and exits 1 when there are any; prints the
number of rows compared otherwise.
"""
import csv
import math
import sys

STATISTICS = {"count", "rate_per_1000", "change_pct", "slope_per_year", "seasonal_f_p"}


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def number(text):
    return float("nan") if text in ("", "NA", None) else float(text)


def same(a, b, places):
    a, b = number(a), number(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 0.6 * 10 ** -places + 1e-9 * max(1.0, abs(a))


def compare_rows(what, sio, peer, columns, places, problems):
    """Rows keyed alike in both, with the same numbers in columns."""
    for k in sorted(set(sio) ^ set(peer)):
        problems.append(f"{what}{'/'.join(k)}: only in {'sio' if k in sio else 'the peer'}")
    for k in sorted(set(sio) & set(peer)):
        for col in columns:
            if not same(sio[k][col], peer[k][col], places):
                problems.append(f"{what}{'/'.join(k)} {col}: sio {sio[k][col]},"
                                f" peer {peer[k][col]}")
    return len(peer)


def compare_results(sio_dir, peer_dir, pairs, problems):
    key = lambda r: (r["force"], r["measure"], r["period_type"], r["period"], r["statistic"])
    peer = {key(r): r for r in read(f"{peer_dir}/results.csv")}
    sio = {key(r): r for r in read(f"{sio_dir}/measures.csv")
           if (r["force"], r["measure"]) in pairs and r["statistic"] in STATISTICS}
    return compare_rows("", sio, peer, ("value", "ci_low", "ci_high"), 6, problems)


def compare_verdicts(sio_dir, peer_dir, pairs, problems):
    key = lambda r: (r["force"], r["measure"], r["comparison"])
    sio = {key(r): r for r in read(f"{sio_dir}/verdicts.csv")}
    n = 0
    for r in read(f"{peer_dir}/verdicts.csv"):
        s = sio.get(key(r))
        n += 1
        if s is None:
            problems.append(f"{'/'.join(key(r))}: no sio verdict")
            continue
        v = s["verdict"]
        want = ("" if v == "not comparable" else "untested" if v == "not tested"
                else "0" if v == "no significant change"
                else "1" if number(s["change"]) > 0 else "-1")
        got = (r["direction"] if r["direction"] in ("", "0", "untested")
               else str(int(float(r["direction"]))))
        if got != want:
            problems.append(f"{'/'.join(key(r))}: sio '{v}' ({s['change']}), peer {got}")
    return n


def compare_spc(sio_dir, peer_dir, pairs, problems):
    key = lambda r: (r["force"], r["measure"], r["month"])
    sio = {key(r): r for r in read(f"{sio_dir}/spc_points.csv")
           if (r["force"], r["measure"]) in pairs}
    peer = {key(r): r for r in read(f"{peer_dir}/spc_points.csv")}
    n = compare_rows("SPC ", sio, peer, ("centre", "lower", "upper"), 4, problems)
    for k in sorted(set(sio) & set(peer)):
        if sio[k]["rules"] != peer[k]["rules"]:
            problems.append(f"SPC {'/'.join(k)} rules: sio '{sio[k]['rules']}',"
                            f" peer '{peer[k]['rules']}'")
    return n


def main(sio_dir, peer_dir):
    pairs = {(r["force"], r["measure"]) for r in read(f"{peer_dir}/results.csv")}
    problems = []
    n = sum(f(sio_dir, peer_dir, pairs, problems)
            for f in (compare_results, compare_verdicts, compare_spc))
    for p in problems[:20]:
        print(p)
    if problems:
        print(f"{len(problems)} differences")
        return 1
    print(f"{n} rows agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
