#!/usr/bin/env python3
"""scripts/bench: Proctor against the honest floor for launching a program.

The floor is posix_spawn + wait4 of a static binary from a small process (floor.c, gcc -O2), with
no isolation at all; fork + exec + wait4 from the same small process is shown beside it. Every
measurement alternates with the floor in the same run (ROUNDS rounds, medians reported), so that
load on a shared machine hits both sides alike; ratios are medians of the per-round ratios.

Usage: run_bench.py BUILD_DIR PROCTOR EXERCISES [--runs N] [--tests N] [--rounds N]
Prints Markdown. Exit 1 if any sandboxed run or grade fails.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def sh(*args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw).stdout


def gcc(out, source, *flags):
    sh("gcc", "-O2", *flags, "-o", out, source)
    os.chmod(out, 0o755)


def floor(binary, floor_bin, mode, runs, stdin=None):
    """(wall ms, cpu ms) per run of the bare launch from the small process."""
    args = [floor_bin, mode, str(runs), binary] + ([stdin] if stdin else [])
    wall, cpu = sh(*args).split()
    return float(wall), float(cpu)


def floor_all_cores(binary, floor_bin, runs, cores, stdin):
    """Wall ms per launch of `cores` floor processes started together, each launching runs/cores
    times: the most launches this machine completes per millisecond with every core busy."""
    each = max(1, runs // cores)
    start = time.monotonic()
    procs = [subprocess.Popen([floor_bin, "spawn", str(each), binary, stdin], stdout=subprocess.DEVNULL)
             for _ in range(cores)]
    if any(p.wait() != 0 for p in procs):
        sys.exit("bench: a floor process failed")
    return (time.monotonic() - start) * 1000 / (each * cores)


def sandboxed(bench_bin, binary, runs, *extra):
    """(wall ms, cpu ms, layers) per run of the program profile."""
    wall, cpu, layers = sh(bench_bin, str(runs), binary, *extra).split(" ", 2)
    return float(wall), float(cpu), layers.strip()


def grade(proctor, exercise, submission, jobs, result_path):
    """Wall ms of `proctor grade`, compile ms, number of tests and verdict."""
    start = time.monotonic()
    run = subprocess.run([proctor, "grade", exercise, submission, "--json", result_path, "--jobs", str(jobs),
                          "--color", "never"], text=True, capture_output=True)
    wall = (time.monotonic() - start) * 1000
    with open(result_path) as f:
        result = json.load(f)
    if run.returncode not in (0, 1):
        sys.exit(f"bench: proctor grade {exercise} exited {run.returncode}: {run.stderr.strip()}")
    return wall, result["compile"]["duration_ms"], len(result["tests"]), result["verdict"]


def med(values):
    return statistics.median(values)


def make_many_tests(root, tests):
    ex = os.path.join(root, "many-tests")
    os.makedirs(os.path.join(ex, "data", "sample"))
    os.makedirs(os.path.join(ex, "data", "secret"))
    with open(os.path.join(ex, "exercise.json"), "w") as f:
        json.dump({"id": "many-tests", "title": "Echo", "kind": "program", "language": "c", "duration_minutes": 30,
                   "limits": {"time_ms": 1000, "memory_mb": 64, "output_kb": 64}, "checker": {"type": "tokens"}}, f)
    with open(os.path.join(ex, "statement.md"), "w") as f:
        f.write("Echo the input.\n")
    for kind, names in (("sample", ["1"]), ("secret", [f"{i:04d}" for i in range(tests - 1)])):
        for name in names:
            for ext in (".in", ".ans"):
                with open(os.path.join(ex, "data", kind, name + ext), "w") as f:
                    f.write(f"{name} tiny\n")
    return ex


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("proctor")
    ap.add_argument("exercises")
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--tests", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=7)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    bench_bin = os.path.join(a.build_dir, "proctor_bench")
    cores = os.cpu_count() or 1

    tmp = tempfile.mkdtemp(prefix="proctor-bench-")
    os.chmod(tmp, 0o755)  # the sandbox user must reach the binaries
    try:
        floor_bin = os.path.join(tmp, "floor")
        gcc(floor_bin, os.path.join(here, "floor.c"))
        trivial = os.path.join(tmp, "trivial")
        with open(trivial + ".c", "w") as f:
            f.write("int main(void) { return 0; }\n")
        gcc(trivial, trivial + ".c", "-static")
        cat_source = os.path.join(tmp, "cat.c")
        with open(cat_source, "w") as f:
            f.write("#include <stdio.h>\nint main(void) { int c; while ((c = getchar()) != EOF) putchar(c); "
                    "return 0; }\n")
        cat = os.path.join(tmp, "cat")
        gcc(cat, cat_source, "-static")

        load = open("/proc/loadavg").read().split()[:3]
        print(f"# Proctor benchmark, {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, {cores} cores, "
              f"kernel {os.uname().release}, load {' '.join(load)}\n")

        # 1. One run of a trivial static binary.
        floor(trivial, floor_bin, "spawn", 50)  # warm the page cache and the CPU frequency
        sandboxed(bench_bin, trivial, 20)
        rows = {k: [] for k in ("spawn", "fork", "box", "box_ns")}
        layers = {}
        for _ in range(a.rounds):
            rows["spawn"].append(floor(trivial, floor_bin, "spawn", a.runs))
            rows["fork"].append(floor(trivial, floor_bin, "fork", a.runs))
            wall, cpu, layers["box"] = sandboxed(bench_bin, trivial, a.runs)
            rows["box"].append((wall, cpu))
            wall, cpu, layers["box_ns"] = sandboxed(bench_bin, trivial, a.runs, "--no-namespaces")
            rows["box_ns"].append((wall, cpu))

        def ratio(key, i):
            return med([r[i] / s[i] for r, s in zip(rows[key], rows["spawn"])])

        print(f"## One run of a trivial static binary ({a.rounds} alternating rounds of {a.runs} runs, medians)\n")
        print("| launcher | wall ms per run | × floor (wall) | CPU ms per run | × floor (CPU) |")
        print("|---|---|---|---|---|")
        names = {"spawn": "**floor**: posix_spawn + wait4 from a small process",
                 "fork": "fork + exec + wait4 from a small process",
                 "box": "proctor `program` profile (seccomp + Landlock + empty root in prepared namespaces + rlimits + "
                        "cgroup + uid drop + supervision)",
                 "box_ns": "the same without the empty root (`--namespaces off`)"}
        for key, name in names.items():
            print(f"| {name} | {med([r[0] for r in rows[key]]):.3f} | {ratio(key, 0):.2f} | "
                  f"{med([r[1] for r in rows[key]]):.3f} | {ratio(key, 1):.2f} |")
        print(f"\nlayers: {layers['box']}  \nwithout the empty root: {layers['box_ns']}\n")

        # 2. Grading 500 tiny tests of a cat-like program, compile excluded.
        ex = make_many_tests(tmp, a.tests)
        stdin = os.path.join(ex, "data", "secret", "0000.in")
        result = os.path.join(tmp, "result.json")
        grade(a.proctor, ex, cat_source, cores, result)  # warm up: page cache of the package
        per = {"spawn": [], "spawn_all": [], "one": [], "all": []}
        verdicts = set()
        graded = 0
        rounds = max(3, a.rounds // 2)
        for _ in range(rounds):
            per["spawn"].append(floor(cat, floor_bin, "spawn", a.tests, stdin)[0])
            per["spawn_all"].append(floor_all_cores(cat, floor_bin, a.tests, cores, stdin))
            for key, jobs in (("one", 1), ("all", cores)):
                wall, compile_ms, graded, verdict = grade(a.proctor, ex, cat_source, jobs, result)
                verdicts.add(verdict)
                per[key].append((wall - compile_ms) / graded)

        def gratio(key):
            return med([g / s for g, s in zip(per[key], per["spawn"])])

        print(f"## Grading {graded} tiny tests of a cat-like program ({rounds} alternating rounds, medians)\n")
        print(f"Verdicts: {', '.join(sorted(verdicts))}. Per test: (whole `proctor grade` wall time − compile) / "
              "tests, so process start, package loading, checking and the result file are included.\n")
        print("| measure | ms per test | × floor |\n|---|---|---|")
        print(f"| **floor**: posix_spawn + wait4 of the same program, stdin from a test file | "
              f"{med(per['spawn']):.3f} | 1.00 |")
        print(f"| the floor with all cores: {cores} floor processes at once, wall time / launches | "
              f"{med(per['spawn_all']):.3f} | {gratio('spawn_all'):.2f} |")
        print(f"| proctor grade --jobs 1 | {med(per['one']):.3f} | {gratio('one'):.2f} |")
        print(f"| proctor grade --jobs {cores} (all cores) | {med(per['all']):.3f} | {gratio('all'):.2f} |\n")
        scaling = med([s / m for s, m in zip(per["spawn"], per["spawn_all"])])
        grading = med([o / m for o, m in zip(per["one"], per["all"])])
        print(f"With {cores} cores this machine launches {scaling:.2f}× as many programs per second as with one "
              f"(the floor's own scaling); `proctor grade` gains {grading:.2f}× from --jobs {cores}.\n")

        # 3. End to end: each bundled exercise's reference solution, compile included.
        print("## End to end: each bundled exercise's reference solution (compile included)\n")
        print("| exercise | tests | verdict | seconds |\n|---|---|---|---|")
        failed = "AC" not in verdicts or len(verdicts) != 1
        for name in sorted(os.listdir(a.exercises)):
            ref = os.path.join(a.exercises, name, "submissions", "accepted", "ref.c")
            if not os.path.exists(ref):
                continue
            wall, _, tests, verdict = grade(a.proctor, os.path.join(a.exercises, name), ref, cores, result)
            failed |= verdict != "AC"
            print(f"| {name} | {tests} | {verdict} | {wall / 1000:.2f} |")
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
