#!/usr/bin/env python3
"""Merges the rounds of generated-side-by-side.sh: each method's best median over the rounds, then per workload the
best Dual AD time against the best C++ AD time (the C++ rows from the anchors of ../shared/perf, all AD methods).

Usage: generated-table.py DIR   (DIR holds cppN.tsv and csN.tsv)
Exit status 2 when the rounds' data checksums differ between the two sides.
"""
import glob
import os
import sys


def rows(path):
    data, out = None, []
    for line in open(path, encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if c[0] == "#data":
            data = float(c[1])
        elif not line.startswith("#") and len(c) >= 8:
            out.append((c[1], int(c[2]), c[4], c[6] == "1", float(c[7])))
    return data, out


def main(d):
    best = {}  # (side, workload, n, method) -> (ns, ad)
    checks = set()
    for side, pattern in (("C++", "cpp*.tsv"), ("C#", "cs*.tsv")):
        for path in sorted(glob.glob(os.path.join(d, pattern))):
            data, rs = rows(path)
            checks.add(round(data, 6) if data is not None else None)
            for wl, n, method, ad, ns in rs:
                key = (side, wl, n, method)
                if key not in best or ns < best[key][0]:
                    best[key] = (ns, ad)
    if len(checks) != 1:
        print(f"data checksums differ: {sorted(map(str, checks))}", file=sys.stderr)
        return 2
    workloads = sorted({(k[1], k[2]) for k in best if k[0] == "C#"})
    print("| workload | n | best Dual AD (generated or generic) | its time | generic struct | best C++ AD | its time | Dual ÷ C++ | AD ÷ own base: Dual / C++ |")
    print("|---|---:|---|---:|---:|---|---:|---:|---|")
    for wl, n in workloads:
        cs = {k[3]: v for k, v in best.items() if k[0] == "C#" and k[1] == wl and k[2] == n}
        cpp = {k[3]: v for k, v in best.items() if k[0] == "C++" and k[1] == wl and k[2] == n}
        cs_ad = {m: v[0] for m, v in cs.items() if v[1] and "sincos" not in m.lower()}
        cpp_ad = {m: v[0] for m, v in cpp.items() if v[1]}
        if not cs_ad or not cpp_ad:
            continue
        m_cs = min(cs_ad, key=cs_ad.get)
        m_cpp = min(cpp_ad, key=cpp_ad.get)
        generic = next((t for m, t in cs_ad.items() if "IScalarFunction" in m or "IVectorFunction" in m), float("nan"))
        # The base: the primal for A-C, the hand-optimised analytic Jacobian for D, each side its own.
        base_name = "analytic_opt" if wl == "D" else "primal"
        cs_ratio_base = cs_ad[m_cs] / cs.get(base_name, (float("nan"),))[0]
        cpp_ratio_base = cpp_ad[m_cpp] / cpp.get(base_name, (float("nan"),))[0]
        print(f"| {wl} | {n} | {m_cs} | {fmt(cs_ad[m_cs])} | {fmt(generic)} | {m_cpp} | {fmt(cpp_ad[m_cpp])} | "
              f"**{cs_ad[m_cs] / cpp_ad[m_cpp]:.2f}** | {cs_ratio_base:.2f} / {cpp_ratio_base:.2f} |")
    return 0


def fmt(ns):
    if ns != ns:
        return "—"
    if ns >= 1e6:
        return f"{ns / 1e6:.3f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.cache/dual-perf/generated")))
