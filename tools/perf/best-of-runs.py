#!/usr/bin/env python3
"""Best-of-runs ratios from several run-side-by-side.sh result folders: per side and method, the fastest time any
run measured (each side's least disturbed measurement), then best Dual AD / best C++ AD per workload, as
best-ratios.py does for one run. Also prints each run's own ratio, for the spread. Usage: best-of-runs.py DIR..."""
import os, sys

def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        c = line.rstrip("\n").split("\t")
        wl, n, method, ad, ns = c[1], int(c[2]), c[4], c[6], float(c[7])
        rows[(wl, n, method)] = (ns, ad == "1" and "sincos" not in method.lower(), c[3])
    return rows

def best(rows):
    b = {}
    for (wl, n, m), (ns, ad, kind) in rows.items():
        if ad and ((wl, n) not in b or ns < b[(wl, n)][0]):
            b[(wl, n)] = (ns, m)
    return b

runs = [(load(os.path.join(d, "cs.tsv")), load(os.path.join(d, "cpp.tsv"))) for d in sys.argv[1:]]
def merged(side):
    m = {}
    for r in runs:
        for k, v in r[side].items():
            if k not in m or v[0] < m[k][0]:
                m[k] = v
    return m
cs, cpp = merged(0), merged(1)
bc, bp = best(cs), best(cpp)
fmt = lambda ns: f"{ns:.1f} ns" if ns < 1e3 else (f"{ns/1e3:.2f} µs" if ns < 1e6 else f"{ns/1e6:.3f} ms")
print("| workload | n | best Dual AD (best of runs) | best C++ AD (best of runs) | Dual ÷ C++ | per run |")
print("|---|---:|---|---|---:|---|")
for k in sorted(set(bc) & set(bp)):
    per = []
    for r in runs:
        a, b = best(r[0]), best(r[1])
        if k in a and k in b:
            per.append(f"{a[k][0]/b[k][0]:.2f}")
    print(f"| {k[0]} | {k[1]} | {fmt(bc[k][0])} ({bc[k][1]}) | {fmt(bp[k][0])} ({bp[k][1]}) | {bc[k][0]/bp[k][0]:.2f} | {' / '.join(per)} |")
