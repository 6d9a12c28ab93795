#!/usr/bin/env bash
# Regenerates data/sample and data/secret for dirty-bitmap (deterministic).
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
#   name seed nbits      nops    maxlen    align% scan‰
g 05    5    64         200     64        30     50
g 06    6    65         300     65        50     50
g 07    7    200        1000    200       40     20
g 08    8    1000       5000    300       30     10
g 09    9    4096       20000   4096      60     5
g 10    10   100003     50000   5000      20     1
g 11    11   1000000    100000  2000      50     0
g 12    12   67108864   100000  65536     50     0    # long ranges: bit-at-a-time is too slow
g 13    13   268435456  1000    8000000   20     0
g 14    14   10000000   100000  50000     90     0 
g 15    15   1048576    100000  64        0      0    # short ranges, lots of word edges
g 16    16   5000000    20000   200000    50     1    # full scans of a large bitmap
for f in "$pkg"/data/sample/*.in "$S"/*.in; do "$tmp/ref" < "$f" > "${f%.in}.ans"; done
du -sh "$pkg/data"
