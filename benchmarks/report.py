"""Writes REPORT.md and ratios.png from the pytest-benchmark JSON of one run.

    python benchmarks/report.py benchmarks/results.json --out benchmarks

Ratios are other library's median / rustorch's median: > 1 means rustorch is faster.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rows import LIBS, SECTIONS, size_str  # noqa: E402

# The machine's limits, from shared/PLATFORM.md (2-core AMD EPYC Zen 4), by thread count.
LIMITS = {
    1: {"sgemm": 94e9, "fma": 116e9, "bandwidth": 25e9},
    2: {"sgemm": 172e9, "fma": 230e9, "bandwidth": 43e9},
}
BANDWIDTH_MIN_BYTES = 100e6  # below this the data can sit in the 32 MiB L3: GB/s shown, no % of DRAM bandwidth
SHORT = {"rustorch": "rt", "torch": "torch", "numpy": "np"}


def fmt_time(s):
    if s is None:
        return "—"
    if s < 1e-6:
        return f"{s * 1e9:.0f} ns"
    if s < 1e-3:
        return f"{s * 1e6:.2f} µs" if s < 1e-5 else f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.2f} ms"
    return f"{s:.2f} s"


def fmt_ratio(r):
    if r is None:
        return "—"
    text = f"{r:.2f}" if r < 10 else f"{r:.1f}"
    return text if r >= 1 else f"**{text}**"


def load(path):
    with open(path) as f:
        data = json.load(f)
    rows = {}
    for b in data.get("benchmarks", []):
        ei = b["extra_info"]
        key = (ei["order"], ei["section"], ei["op"], tuple(ei["shape"]))
        entry = rows.setdefault(key, {"flops": ei.get("flops"), "bytes": ei.get("bytes"),
                                      "note": ei.get("note", ""), "stats": {}})
        entry["stats"][ei["library"]] = b["stats"]
    return data, rows


def rate_cell(entry, threads):
    """GFLOP/s or GB/s of each library, and rustorch's share of the machine's limit."""
    med = {lib: s["median"] for lib, s in entry["stats"].items()}
    limits = LIMITS.get(threads, LIMITS[2])
    if entry["flops"]:
        rates = {lib: entry["flops"] / m / 1e9 for lib, m in med.items()}
        parts = [f"{SHORT[lib]} {rates[lib]:.1f}" for lib in LIBS if lib in rates]
        text = "GFLOP/s: " + " · ".join(parts)
        if "rustorch" in rates:
            text += f"; rt = {100 * rates['rustorch'] * 1e9 / limits['sgemm']:.0f}% of OpenBLAS sgemm"
            if "numpy" in rates:
                text += f" ({100 * rates['rustorch'] / rates['numpy']:.0f}% of NumPy's OpenBLAS here)"
        return text
    if entry["bytes"]:
        rates = {lib: entry["bytes"] / m / 1e9 for lib, m in med.items()}
        parts = [f"{SHORT[lib]} {rates[lib]:.1f}" for lib in LIBS if lib in rates]
        text = "GB/s: " + " · ".join(parts)
        if "rustorch" in rates and entry["bytes"] >= BANDWIDTH_MIN_BYTES:
            text += f"; rt = {100 * rates['rustorch'] * 1e9 / limits['bandwidth']:.0f}% of bandwidth"
        return text
    return ""


def ratios(entry):
    med = {lib: s["median"] for lib, s in entry["stats"].items()}
    rt = med.get("rustorch")
    return {lib: (med[lib] / rt if rt and lib in med else None) for lib in ("torch", "numpy")}


def markdown(data, rows, png_name):
    info = data.get("machine_info", {}).get("rustorch_bench", {})
    threads = info.get("threads", 2)
    v = info.get("versions", {})
    out = ["# rustorch benchmark report", ""]
    out.append(f"Generated {data.get('datetime', datetime.datetime.now().isoformat())[:19]} by "
               f"`make bench` ({info.get('mode', '?')} mode). Every library is timed through the same "
               "Python call path, in one run, on identical float32 inputs, with the same thread count; "
               "each result is checked against NumPy's before it is timed.")
    out.append("")
    out.append("Cells are median times per call. **Ratios are the other library's median divided by "
               "rustorch's: above 1 means rustorch is faster**; bold marks rows where it is slower. "
               "Limits are those of shared/PLATFORM.md for this thread count "
               f"(sgemm {LIMITS.get(threads, LIMITS[2])['sgemm'] / 1e9:.0f} GFLOP/s, memory bandwidth "
               f"{LIMITS.get(threads, LIMITS[2])['bandwidth'] / 1e9:.0f} GB/s); % of bandwidth is shown "
               f"only where a call moves ≥ {BANDWIDTH_MIN_BYTES / 1e6:.0f} MB.")
    out.append("")
    out.append("| machine | |")
    out.append("|---|---|")
    out.append(f"| CPU | {info.get('cpu_model', '?')} ({info.get('cpu_count', '?')} logical cores) |")
    out.append(f"| threads | {threads} for every library (rustorch {info.get('rustorch_threads', '?')}, "
               f"torch {info.get('torch_threads', '?')}, BLAS pools via threadpoolctl) |")
    out.append(f"| versions | Python {v.get('python', '?')}, rustorch {v.get('rustorch', '?')}, "
               f"torch {v.get('torch', '?')}, NumPy {v.get('numpy', '?')} |")
    pools = "; ".join(f"{p.get('internal_api')} {p.get('version') or ''} "
                      f"({os.path.basename(p.get('filepath') or '')}, {p.get('architecture') or '-'}, "
                      f"{p.get('num_threads')} threads)" for p in info.get("threadpools", []))
    out.append(f"| BLAS / OpenMP | {pools or '?'} |")
    env = ", ".join(f"{k}={val}" for k, val in sorted(info.get("env", {}).items()))
    out.append(f"| environment | {env or '-'} |")
    out.append(f"| platform | {info.get('platform', '?')} |")
    if info.get("loadavg_at_end"):
        out.append(f"| load average at the end (1, 5, 15 min) | {', '.join(map(str, info['loadavg_at_end']))} "
                   f"on {info.get('cpu_count', '?')} cores (other jobs share this machine) |")
    out.append("")

    all_ratios = [(key, ratios(e)) for key, e in sorted(rows.items())]
    with_torch = [r["torch"] for _, r in all_ratios if r["torch"] is not None]
    if with_torch:
        ahead = sum(r >= 1 for r in with_torch)
        out.append(f"**Summary**: rustorch is at least as fast as torch on {ahead} of {len(with_torch)} "
                   "measured rows (goal: all).")
        behind = [f"{op} {size_str(shape)} ({r['torch']:.2f})" for (o, sec, op, shape), r in all_ratios
                  if r["torch"] is not None and r["torch"] < 1]
        if behind:
            out.append(f"Behind torch: {', '.join(behind)}.")
        out.append("")
    out.append(f"![ratios]({png_name})")
    out.append("")

    for section, title in SECTIONS.items():
        entries = [(key, e) for key, e in sorted(rows.items()) if key[1] == section]
        if not entries:
            continue
        out.append(f"## {title}")
        out.append("")
        out.append("| op | size | rustorch | torch | numpy | torch/rt | numpy/rt | rate | notes |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        notes_seen = set()
        for (order, sec, op, shape), e in entries:
            st = e["stats"]
            r = ratios(e)
            note = e["note"] if e["note"] not in notes_seen else "″"
            notes_seen.add(e["note"])
            out.append(f"| {op} | {size_str(shape)} | "
                       + " | ".join(fmt_time(st[lib]["median"]) if lib in st else "—" for lib in LIBS)
                       + f" | {fmt_ratio(r['torch'])} | {fmt_ratio(r['numpy'])} | "
                       f"{rate_cell(e, threads)} | {note} |")
        out.append("")

    not_run = data.get("not_run", [])
    if not_run:
        out.append("## Not run")
        out.append("")
        out.append("| case | outcome | reason |")
        out.append("|---|---|---|")
        for n in not_run:
            m = re.search(r"\[(.*)\]", n["nodeid"])
            case = m.group(1) if m else n["nodeid"]
            out.append(f"| {case} | {n['outcome']} | {n['reason'].replace('|', '/')} |")
        out.append("")
    out.append("Raw data: `results.json` (pytest-benchmark format: each case's statistics, machine "
               "and library details).")
    out.append("")
    return "\n".join(out)


def plot(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, NullFormatter, NullLocator

    items = [(f"{sec}: {op} {size_str(shape)}", ratios(e)) for (o, sec, op, shape), e in sorted(rows.items())]
    items = [(label, r) for label, r in items if r["torch"] is not None or r["numpy"] is not None]
    fig, ax = plt.subplots(figsize=(10, 0.34 * max(len(items), 3) + 1.6))
    ax.set_xscale("log")
    values = [v for _, r in items for v in r.values() if v]
    lo, hi = min(values + [0.5]) / 1.3, max(values + [2.0]) * 1.3
    if items:
        ys = range(len(items))
        h = 0.38
        for k, (lib, color) in enumerate((("torch", "#d62728"), ("numpy", "#1f77b4"))):
            vals = [r[lib] for _, r in items]
            # bars grow from 1.0: to the right where rustorch is faster, to the left where slower
            ax.barh([y + (k - 0.5) * h for y, v in zip(ys, vals) if v], [v - 1 for v in vals if v],
                    left=1.0, height=h, color=color, label=f"{lib} time / rustorch time")
        ax.set_yticks(list(ys))
        ax.set_yticklabels([label for label, _ in items], fontsize=8)
        ax.invert_yaxis()
    ticks = [t for t in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100) if lo <= t <= hi]
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.set_xticklabels([f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.axvline(1.0, color="black", linewidth=1)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("ratio of median times (log scale): right of 1 = rustorch faster, left = slower")
    ax.set_title("rustorch vs torch and NumPy, same run and thread count", pad=24)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def drop_raw_samples(path, data):
    """Rewrites the JSON without each case's list of per-round times (tens of MB for a full run);
    the summary statistics (min, median, IQR, rounds, ...) stay. Written atomically."""
    for b in data.get("benchmarks", []):
        b.get("stats", {}).pop("data", None)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, path)


def keep_script_sections(path, text):
    """Sections that separate scripts write between ``<!-- NAME: begin -->`` and ``<!-- NAME: end -->``
    (e.g. benchmarks/ddp_throughput.py's multi-process "Distributed" table) survive a rerun."""
    try:
        with open(path) as f:
            old = f.read()
    except OSError:
        return text
    kept = re.findall(r"<!-- ([\w.-]+): begin -->.*?<!-- \1: end -->", old, flags=re.S)
    for name in kept:
        block = re.search(rf"<!-- {re.escape(name)}: begin -->.*?<!-- {re.escape(name)}: end -->", old, flags=re.S)
        text = text.rstrip("\n") + "\n\n" + block.group(0) + "\n"
    return text


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("json", help="pytest-benchmark JSON (results.json)")
    p.add_argument("--out", default=None, help="folder for REPORT.md and ratios.png (default: the JSON's)")
    args = p.parse_args(argv)
    out_dir = args.out or os.path.dirname(os.path.abspath(args.json))
    data, rows = load(args.json)
    drop_raw_samples(args.json, data)
    plot(rows, os.path.join(out_dir, "ratios.png"))
    text = markdown(data, rows, "ratios.png")
    text = keep_script_sections(os.path.join(out_dir, "REPORT.md"), text)
    with open(os.path.join(out_dir, "REPORT.md"), "w") as f:
        f.write(text)
    print(f"report: {os.path.join(out_dir, 'REPORT.md')} ({len(rows)} rows, "
          f"{len(data.get('not_run', []))} cases not run)")


if __name__ == "__main__":
    main()
