#!/usr/bin/env bash
# Regenerates data/sample and data/secret for masked-search (deterministic).
# Small tests: hand-written (generators/manual) and gen.c (explicit hex);
# large tests: the harness's "gen" buffer format, queries written below.
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
for i in 1 2 3 4 5; do cp "$here/manual/m0$i.in" "$S/0$i.in"; done
#              seed len    q   alpha periodic
"$tmp/gen"     6    5      7   2     0 > "$S/06.in"
"$tmp/gen"     7    64     14  3     1 > "$S/07.in"
"$tmp/gen"     8    1000   21  4     0 > "$S/08.in"
"$tmp/gen"     9    4099   28  256   0 > "$S/09.in"
"$tmp/gen"     10   100000 28  2     1 > "$S/10.in"
"$tmp/gen"     11   200001 35  16    0 > "$S/11.in"
# large: buffer expanded by the harness; Q*len <= 2^26
L=16777216 H=8388608
big() { # name len seed and or  then query lines
    local n=$1 len=$2 seed=$3 a=$4 o=$5; shift 5
    { echo "gen $len $seed $a $o"; echo $#; printf '%s\n' "$@"; } > "$S/$n.in"
}
# nearly every offset matches in most bits: bit-by-bit comparison is slow
big 12 $L 12 01 00 "00000000 fefefefe 16" "01000100 ffffffff 1000" "00000001 fefefeff 20" "00010000 00ffffff 100000"
# every byte zero: every offset matches
big 13 $H 13 00 00 "00000000 ffffffff 1048576" "00000000 00000000 3" "12345600 000000ff 0" "ffffffff 00000000 17" \
                   "00000000 ffffffff 0" "00000000 7fffffff 1" "00000000 fffffffe 2" "00000000 ffffffff 3"
# random bytes, rare matches, full masks
big 14 $H 14 ff 00 "d1f6a17c ffffffff 50" "00000000 ffffffff 50" "0000abcd 0000ffff 1000" "a5000000 ff000000 16"
# two varying bits per byte, half-width masks
big 15 $H 15 81 00 "81008100 ffffffff 100" "00000081 000000ff 64" "00810000 7f7f7f7f 64" "80018001 81818181 0"
# all bytes 0xff; queries never match or always match
big 16 $H 16 00 ff "ffffffff ffffffff 5" "fffffffe ffffffff 5" "7fffffff 80000000 5" "ffffffff 00000000 0"
# short buffer, many queries (Q*len = 2^25)
qs=(); for i in $(seq 0 63); do qs+=("$(printf '%08x %08x %d' $((i * 0x01010101 & 0x3f3f3f3f)) 0x3f3f3f3f $((i % 7)))"); done
big 17 524288 17 3f 40 "${qs[@]}"
# two-valued bytes, low-bit masks: matches at half the offsets, unpredictable branches
big 18 $H 18 03 00 "00000000 00000001 10" "00000001 00000101 10" "03020100 03030303 1000" "00000003 ffffffff 10"

for f in "$pkg"/data/sample/*.in "$S"/*.in; do
    "$tmp/ref" < "$f" > "${f%.in}.ans"
done
du -sh "$pkg/data"
