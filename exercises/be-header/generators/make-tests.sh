#!/usr/bin/env bash
# Regenerates data/sample and data/secret for be-header (deterministic).
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
for i in 1 2 3 4 5 6; do cp "$here/manual/m0$i.in" "$S/0$i.in"; done
g() { local n=$1; shift; "$tmp/gen" "$@" > "$S/$n.in"; }
MAX=18446744073709551615
#   name seed n      device        bs    maxblk bad%
g 07    7    100    1000000000    4     4      50
g 08    8    2000   $MAX          512   2      40
g 09    9    20000  1000000000000 16    8      30
g 10    10   25000  1000000       4     1      30
g 11    11   4      $MAX          4096  300    0     # megabyte lines: strlen() per byte is too slow
g 12    12   12     $MAX          4096  100    25
g 13    13   200    4096          512   2      100
g 14    14   30000  1099511627776 8     8      10
g 15    15   600    1000          4096  1      20
for f in "$pkg"/data/sample/*.in "$S"/*.in; do "$tmp/ref" < "$f" > "${f%.in}.ans"; done
du -sh "$pkg/data"
