#!/usr/bin/env bash
# Regenerates data/sample and data/secret for zone-wp (deterministic).
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
#   name seed zones   size          cap           maxopen q      hot   maxn         resetall‰
g 07    7    8       16            12            3       500    4     5            20
g 08    8    100     64            64            5       5000   10    20           5
g 09    9    1000    4096          3000          14      20000  64    500          2
g 10    10   50      1000000       999999        50      20000  50    300000       1
g 11    11   1000000 1048576       1044480       14      50000  1000  300000       0
g 12    12   1000000 1048576       1048576       14      100000 100   400000       250   # reset-all heavy
g 13    13   1000000 65536         65000         128     50000  10000 20000        50
g 14    14   500000  4096          4096          8       100000 20    4096         500
g 15    15   2       1099511627776 1099511627775 1       20000  2     549755813888 3
g 16    16   1000000 256           200           1000000 50000  0     100          10
g 17    17   16      32            30            1       50000  16    8            1
for f in "$pkg"/data/sample/*.in "$S"/*.in; do "$tmp/ref" < "$f" > "${f%.in}.ans"; done
du -sh "$pkg/data"
