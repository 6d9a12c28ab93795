#!/usr/bin/env bash
# Regenerates data/sample and data/secret for ring-buffer (deterministic).
# Answers come from submissions/accepted/ref.c linked with the harness.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu17 -O2 -Wall -Wextra -o "$tmp/gen" "$here/gen.c"
gcc -std=gnu17 -O2 -c -I"$pkg/include/c" "$pkg/include/c/harness.c" -o "$tmp/h.o"
gcc -std=gnu17 -O2 -c -I"$pkg/include/c" -Dmain=proctor_unused_main "$pkg/submissions/accepted/ref.c" -o "$tmp/r.o"
gcc -o "$tmp/ref" "$tmp/h.o" "$tmp/r.o"
rm -f "$pkg"/data/sample/* "$pkg"/data/secret/*
mkdir -p "$pkg/data/sample" "$pkg/data/secret"
S="$pkg/data/secret"
for i in 1 2 3; do cp "$here/manual/s0$i.in" "$pkg/data/sample/0$i.in"; done
for i in 1 2 3 4; do cp "$here/manual/m0$i.in" "$S/0$i.in"; done
g() { local n=$1; shift; "$tmp/gen" "$@" > "$S/$n.in"; }
#   name seed cap       nops    maxn    mode
g 05    5    2         200     3       0
g 06    6    3         300     4       2
g 07    7    16        1000    20      0
g 08    8    64        1000    100     2
g 09    9    100       2000    150     3
g 10    10   255       5000    300     0
g 11    11   1000      20000   700     2
g 12    12   4096      20000   5000    3
g 13    13   65537     50000   1000    0
g 14    14   4194304   30      1000000 2     # bulk copies through a 4 MiB ring
g 15    15   4194304   100000  64      1     # half-full 4 MiB ring, small ops: O(used) per pop is too slow
g 16    16   1048573   100000  512     1
g 17    17   7         100000  9       0
g 18    18   16777216  150000  64      1     # max-size ring kept 8 MiB full, small ops: O(used) per pop takes ~10 s
for f in "$pkg"/data/sample/*.in "$S"/*.in; do "$tmp/ref" < "$f" > "${f%.in}.ans"; done
du -sh "$pkg/data"
