#!/usr/bin/env python3
"""The modules of runner/ and sandbox/ (one directory of src/ each) must not include each other in a
cycle: a cycle is how `grade` came to need `signals`, which needed `grade` again, and it makes every
module depend on every other one.

A module depends on another when one of its files includes a header of that module, either a private
one ("execute/compile.hpp") or a public one (runner/include/proctor/runner/grade.hpp) that the other
module implements. A public header X.hpp is implemented by the module whose X.cpp includes it first
(clang-format's place for a file's own header); the other public headers (exercise.hpp, result.hpp,
error.hpp: the shared vocabulary of types) belong to no module.

Usage: module_graph_test.py [repository root]; exit 0 when acyclic, 1 with the cycle printed."""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
ANY_INCLUDE = re.compile(r'^\s*#\s*include\s+(["<])([^">]+)[">]', re.M)


def modules_of(src: pathlib.Path):
    return sorted(p.name for p in src.iterdir() if p.is_dir())


def graph(root: pathlib.Path):
    """{module: {module it depends on: an include that shows it}} over runner/src and sandbox/src."""
    files = {}  # module -> [files]
    for lib in ("runner", "sandbox"):
        src = root / lib / "src"
        for m in modules_of(src):
            files[f"{lib}/{m}"] = sorted(p for p in (src / m).rglob("*") if p.suffix in (".cpp", ".hpp"))
        loose = sorted(p for p in src.glob("*") if p.suffix in (".cpp", ".hpp"))
        if loose:
            files[f"{lib}/."] = loose
    owner = {}  # public header -> module
    for m, fs in files.items():
        for f in fs:
            if f.suffix != ".cpp":
                continue
            first = ANY_INCLUDE.search(f.read_text(errors="replace"))
            if (first and first.group(1) == '"' and first.group(2).startswith("proctor/")
                    and pathlib.Path(first.group(2)).stem == f.stem):
                owner.setdefault(first.group(2), m)
    edges = {m: {} for m in files}
    for m, fs in files.items():
        lib = m.split("/")[0]
        for f in fs:
            for inc in INCLUDE.findall(f.read_text(errors="replace")):
                target = owner.get(inc)
                if target is None and "/" in inc and not inc.startswith("proctor/"):
                    candidate = f"{lib}/{inc.split('/')[0]}"
                    target = candidate if candidate in files else None
                if target and target != m:
                    edges[m].setdefault(target, f"{f.relative_to(root)}: #include \"{inc}\"")
    return edges


def find_cycle(edges):
    state = {}
    stack = []

    def visit(m):
        state[m] = "open"
        stack.append(m)
        for n in sorted(edges[m]):
            if state.get(n) == "open":
                return stack[stack.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = "done"
        return None

    for m in sorted(edges):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
    edges = graph(root)
    if len(edges) < 10 or sum(len(v) for v in edges.values()) < 10:
        print(f"module_graph: found only {len(edges)} modules under {root}; is this the repository?")
        return 1
    cycle = find_cycle(edges)
    if cycle:
        print("module_graph: include cycle " + " -> ".join(cycle))
        for a, b in zip(cycle, cycle[1:]):
            print(f"  {a} -> {b}: {edges[a][b]}")
        return 1
    print(f"module_graph: {len(edges)} modules, {sum(len(v) for v in edges.values())} dependencies, no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
