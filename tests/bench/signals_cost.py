#!/usr/bin/env python3
"""What the interview signals add to one grade (docs/performance.md, "What the interview signals cost").

Alternating rounds of `proctor grade EXERCISE SUBMISSION` without and with --signals (alternating, so
both see the same drift in the machine's load); the wall time of each command, and from each signalled
result the passes' own duration_ms (sanitizer, analyzer, complexity). Prints Markdown: medians and
ranges, and the load average before and after.

Usage: tests/bench/signals_cost.py PROCTOR EXERCISE SUBMISSION [--rounds N]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time


def grade(proctor, exercise, submission, signals, out):
    args = [proctor, "grade", exercise, submission, "--color", "never", "--json", out]
    if signals:
        args.append("--signals")
    start = time.monotonic()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.monotonic() - start
    with open(out) as f:
        return wall, json.load(f)


def spread(values, unit="s"):
    med = statistics.median(values)
    return f"{med:.2f} {unit} ({min(values):.2f}-{max(values):.2f})"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("proctor")
    p.add_argument("exercise")
    p.add_argument("submission")
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
    load_before = os.getloadavg()
    plain, signalled = [], []
    passes = {"sanitizer": [], "analysis": [], "complexity": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        grade(a.proctor, a.exercise, a.submission, True, out)  # warm the caches (files, harness, compiler)
        for _ in range(a.rounds):
            wall, _doc = grade(a.proctor, a.exercise, a.submission, False, out)
            plain.append(wall)
            wall, doc = grade(a.proctor, a.exercise, a.submission, True, out)
            signalled.append(wall)
            for kind, values in passes.items():
                part = doc.get("signals", {}).get(kind)
                if part is not None:
                    values.append(part["duration_ms"] / 1000)
    load_after = os.getloadavg()
    extra = [s - p for p, s in zip(plain, signalled)]
    print(f"{a.rounds} alternating rounds; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after\n")
    print("| grade | grade --signals | extra | sanitizer pass | analyzer | complexity pass |")
    print("|---|---|---|---|---|---|")
    cells = [spread(plain), spread(signalled), spread(extra)]
    for kind in ("sanitizer", "analysis", "complexity"):
        cells.append(spread(passes[kind]) if passes[kind] else "-")
    print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
