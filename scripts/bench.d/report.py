#!/usr/bin/env python3
"""Prints scripts/bench's table from its result files.

usage: report.py CASES_TSV RESULTS_TSV
CASES_TSV:   id, title, targets ("metric:subject<op>number ...", subject farol or ratio)
RESULTS_TSV: id, metric, server (farol|nginx|off|info), value  -- one line per run
The median of each (case, metric, server) is shown, with the Farol/nginx ratio of medians. A
Farol-only comparison records its baseline as "off" (Farol with reach counting off), shown in the
nginx column with the metric marked "(vs off)".
"""
import re
import statistics
import sys
from collections import OrderedDict

cases = OrderedDict()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        cid, title, targets = line.rstrip("\n").split("\t")
        parsed = {}
        for t in targets.split():
            m = re.fullmatch(r"([^:]+):(farol|ratio)(<=|>=)([0-9.]+)", t)
            if not m:
                sys.exit(f"report.py: bad target {t!r} in case {cid}")
            parsed[m[1]] = (m[2], m[3], float(m[4]))
        cases[cid] = (title, parsed)

runs = OrderedDict()  # (id, metric) -> {server: [values]}
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        cid, metric, server, value = line.rstrip("\n").split("\t")
        runs.setdefault((cid, metric), {}).setdefault(server, []).append(float(value))


def fmt(v):
    if v is None:
        return "-"
    a = abs(v)
    return f"{v:.0f}" if a >= 1000 else f"{v:.1f}" if a >= 10 else f"{v:.2f}" if a >= 0.1 else f"{v:.3f}"


rows = []
for cid, (title, targets) in cases.items():
    metrics = [m for (c, m) in runs if c == cid]
    if not metrics:
        continue
    for i, metric in enumerate(metrics):
        vals = runs[(cid, metric)]
        fv, nv = vals.get("farol"), vals.get("nginx") or vals.get("off")
        shown = metric + " (vs off)" if "off" in vals else metric
        f = statistics.median(fv) if fv else None
        n = statistics.median(nv) if nv else None
        ratio = f / n if f is not None and n else None
        target, met = "", ""
        if metric in targets:
            subj, op, num = targets[metric]
            x = f if subj == "farol" else ratio
            target = f"{subj} {op} {num:g}"
            if x is not None:
                met = "yes" if (x >= num if op == ">=" else x <= num) else "NO"
        runs_n = max(len(fv or []), len(nv or []))
        rows.append((title if i == 0 else "", shown, fmt(f), fmt(n),
                     f"{ratio:.2f}x" if ratio is not None else "-", target, met, str(runs_n)))

head = ("case", "metric", "farol", "nginx", "farol/nginx", "target", "met", "runs")
widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
right = {2, 3, 4, 7}
def line(r):
    return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
print(line(head))
print("  ".join("-" * w for w in widths))
for r in rows:
    print(line(r))
