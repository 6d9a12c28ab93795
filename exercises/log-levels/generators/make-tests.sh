#!/usr/bin/env bash
# Regenerates data/sample and data/secret for log-levels (deterministic).
# Inputs: hand-written files in generators/manual/ plus generator runs;
# answers come from submissions/accepted/ref.c.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu17 -O2 -Wall -Wextra -o "$tmp/gen" "$here/gen.c"
gcc -std=gnu17 -O2 -Wall -Wextra -o "$tmp/ref" "$pkg/submissions/accepted/ref.c"
rm -f "$pkg"/data/sample/* "$pkg"/data/secret/*
mkdir -p "$pkg/data/sample" "$pkg/data/secret"

for i in 1 2 3; do cp "$here/manual/s0$i.in" "$pkg/data/sample/0$i.in"; done
for i in 1 2 3 4 5 6 7 8; do cp "$here/manual/m0$i.in" "$pkg/data/secret/0$i.in"; done
g() { local n=$1; shift; "$tmp/gen" "$@" > "$pkg/data/secret/$n.in"; }
#   name seed lines  ncomp badpct maxcl maxmsg skew nonl
g 09    9     40     4     50     6     20     0    1      # small mixed, no final newline
g 10    10    1000   30    20     12    60     1    0
g 11    11    20000  50    10     16    80     0    0
g 12    12    100000 80000 5      -12   0      0    0      # many distinct components: kills O(n*k)
g 13    13    60000  200   5      10    20     1    0      # hot components
g 14    14    60000  60000 0      -10   0      0    0      # (almost) all distinct: tie-break on huge set
g 15    15    3000   20    30     32    930    0    1      # long lines
g 16    16    40000  40000 30     -32   4      0    0      # long names, many distinct, many malformed
g 17    17    30000  3     60     4     30     0    0      # mostly malformed, 3 components

for f in "$pkg"/data/sample/*.in "$pkg"/data/secret/*.in; do
    "$tmp/ref" < "$f" > "${f%.in}.ans"
done
du -sh "$pkg/data"
