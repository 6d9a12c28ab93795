#!/usr/bin/env bash
# Regenerates data/sample and data/secret for path-normalize (deterministic).
# Answers come from submissions/accepted/ref.c.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu17 -O2 -Wall -Wextra -o "$tmp/gen" "$here/gen.c"
gcc -std=gnu17 -O2 -Wall -Wextra -o "$tmp/ref" "$pkg/submissions/accepted/ref.c"
rm -f "$pkg"/data/sample/* "$pkg"/data/secret/*
mkdir -p "$pkg/data/sample" "$pkg/data/secret"
S="$pkg/data/secret"
for i in 1 2 3; do cp "$here/manual/s0$i.in" "$pkg/data/sample/0$i.in"; done
for i in 1 2 3 4 5; do cp "$here/manual/m0$i.in" "$S/0$i.in"; done
g() { local n=$1; shift; "$tmp/gen" "$@" > "$S/$n.in"; }
#   name seed lines  minsegs maxsegs escape‰ bad%
g 06    6    20     0       8       50      10
g 07    7    1000   0       20      50      10
g 08    8    8000   0       40      30      10
g 09    9    20000  0       10      5       2
g 10    10   5      1000    5000    0       0
g 11    11   2      120000  150000  0       0     # long paths: quadratic rewriting is too slow
# one long path that climbs back to the root and then one step too far
{ printf '/dir%.0s' $(seq 100000); printf '/..%.0s' $(seq 100001); printf '/x\n'; } > "$S/12.in"
g 13    13   100    2000    4000    2       5
g 14    14   2      150000  150000  0       100   # long paths with a syntax error somewhere
g 15    15   50000  0       3       20      5
g 16    16   2      100000  100000  0       0
for f in "$pkg"/data/sample/*.in "$S"/*.in; do "$tmp/ref" < "$f" > "${f%.in}.ans"; done
du -sh "$pkg/data"
