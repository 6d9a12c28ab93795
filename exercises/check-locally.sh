#!/usr/bin/env bash
# check-locally.sh — validate one exercise package without the Proctor grader.
#
# Usage: exercises/check-locally.sh [-q] [-k] exercises/<id> [submission.c ...]
#   -q  quiet: print only the per-submission summary, not the per-test table
#   -k  keep the build/run directory (printed at the end)
#
# For every submission under submissions/{accepted,wrong_answer,time_limit_exceeded}
# (or just the given files) it builds the program exactly as the grader does,
# runs it on data/sample/*.in and data/secret/*.in with `timeout` 2x the time
# limit, compares whitespace-separated tokens against the .ans file
# (case-insensitively unless checker.case_sensitive is true) and checks:
#   accepted/             passes every test, max CPU time <= time_ms / 2
# Times are CPU time (user+sys) of the run, robust against a busy machine;
# the wall time is shown too. A run is killed after 2x the limit (wall).
#   wrong_answer/         fails (WA or RTE) at least one secret test
#   time_limit_exceeded/  runs longer than 1.5 x time_ms on at least one test
# Exit status is 0 iff every expectation holds.
set -u

quiet=0 keep=0
while getopts "qk" opt; do
    case $opt in
        q) quiet=1 ;;
        k) keep=1 ;;
        *) echo "usage: $0 [-q] [-k] exercises/<id> [sub.c ...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-q] [-k] exercises/<id> [sub.c ...]" >&2; exit 2; }

pkg=$(cd "$1" && pwd) || exit 2
shift
json="$pkg/exercise.json"
[ -f "$json" ] || { echo "no exercise.json in $pkg" >&2; exit 2; }

# Tiny JSON field extraction (the files are flat and hand-written; jq if present).
jget() { # jget <jq-path> <grep-key>
    if command -v jq >/dev/null 2>&1; then
        jq -r "$1 // empty" "$json"
    else
        grep -o "\"$2\"[[:space:]]*:[[:space:]]*[^,}]*" "$json" | head -1 |
            sed 's/.*:[[:space:]]*//; s/"//g'
    fi
}
kind=$(jget .kind kind)
time_ms=$(jget .limits.time_ms time_ms)
mem_mb=$(jget .limits.memory_mb memory_mb)
case_sens=$(jget .checker.case_sensitive case_sensitive)
std=$(jget .compile.std std); std=${std:-gnu17}
: "${time_ms:=1000}" "${mem_mb:=256}" "${case_sens:=false}"

work=$(mktemp -d /tmp/proctor-check.XXXXXX)
cleanup() { if [ $keep -eq 0 ]; then rm -rf "$work"; else echo "kept $work"; fi; }
trap cleanup EXIT

CFLAGS=(-std="$std" -O2 -pipe -static -Wall -Wextra)

if [ "$kind" = "function" ]; then
    gcc "${CFLAGS[@]}" -c -I"$pkg/include/c" "$pkg/include/c/harness.c" -o "$work/harness.o" ||
        { echo "harness does not compile" >&2; exit 1; }
fi

build() { # build <src> <out>  -> 0 on success
    if [ "$kind" = "function" ]; then
        gcc "${CFLAGS[@]}" -c -I"$pkg/include/c" -Dmain=proctor_unused_main "$1" -o "$2.o" 2>"$2.cerr" &&
            gcc -static -o "$2" "$work/harness.o" "$2.o" -lm 2>>"$2.cerr"
    else
        gcc "${CFLAGS[@]}" -o "$2" "$1" -lm 2>"$2.cerr"
    fi
}

norm() { # token stream, one per line
    if [ "$case_sens" = "true" ]; then tr -s ' \n\t\r' '\n' <"$1" | sed '/^$/d'
    else tr -s ' \n\t\r' '\n' <"$1" | sed '/^$/d' | tr '[:upper:]' '[:lower:]'; fi
}

tests=()
for f in "$pkg"/data/sample/*.in "$pkg"/data/secret/*.in; do [ -f "$f" ] && tests+=("$f"); done
[ ${#tests[@]} -gt 0 ] || { echo "no tests" >&2; exit 1; }

subs=()
if [ $# -gt 0 ]; then subs=("$@")
else
    for d in accepted wrong_answer time_limit_exceeded; do
        for s in "$pkg"/submissions/$d/*.c; do [ -f "$s" ] && subs+=("$s"); done
    done
fi

tl2=$(awk -v t="$time_ms" 'BEGIN{printf "%.3f", 2*t/1000}')
mem_kb=$((mem_mb * 1024))
overall=0
summary=()

printf 'package %s  kind=%s  time_ms=%s  memory_mb=%s  tests=%d\n' \
    "$(basename "$pkg")" "$kind" "$time_ms" "$mem_mb" "${#tests[@]}"

for s in "${subs[@]}"; do
    s=$(cd "$(dirname "$s")" && pwd)/$(basename "$s")
    cat=$(basename "$(dirname "$s")")
    name="$cat/$(basename "$s")"
    exe="$work/$(echo "$name" | tr '/' '_').bin"
    if ! build "$s" "$exe"; then
        echo "== $name: COMPILE ERROR"; sed 's/^/   /' "$exe.cerr" | head -20
        summary+=("$(printf '%-44s CE' "$name")")
        [ "$cat" = "wrong_answer" ] || overall=1
        continue
    fi
    [ $quiet -eq 1 ] || echo "== $name"
    maxt=0 nfail=0 nsecfail=0 slow=0 failed=()
    for t in "${tests[@]}"; do
        tn="$(basename "$(dirname "$t")")/$(basename "$t" .in)"
        ans="${t%.in}.ans"
        TIMEFORMAT='%3R %3U %3S'
        { time { ( ulimit -v $((mem_kb + 65536)); ulimit -s unlimited
            exec timeout -s KILL "$tl2" "$exe" <"$t" >"$work/out" ); echo $? >"$work/rc"; } 2>/dev/null; } 2>"$work/time"
        rc=$(cat "$work/rc")
        read -r wall usr sys <"$work/time"
        wms=$(awk -v w="$wall" 'BEGIN{printf "%d", w*1000}')
        ms=$(awk -v u="$usr" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000}')
        [ $rc -eq 137 ] && ms=$wms   # killed: CPU time of the victim is not reported
        [ $ms -gt $maxt ] && maxt=$ms
        if [ $rc -eq 137 ] || [ $ms -gt "$time_ms" ]; then
            v=TLE
            { [ $rc -eq 137 ] || [ $((ms * 2)) -gt $((time_ms * 3)) ]; } && slow=1
        elif [ $rc -ne 0 ]; then v="RTE($rc)"
        elif cmp -s <(norm "$work/out") <(norm "$ans"); then v=AC
        else v=WA; fi
        if [ "$v" != AC ]; then
            nfail=$((nfail + 1)); failed+=("$tn:$v")
            case $tn in secret/*) nsecfail=$((nsecfail + 1)) ;; esac
        fi
        [ $quiet -eq 1 ] || printf '   %-16s %-8s %6d ms cpu %6d ms wall\n' "$tn" "$v" "$ms" "$wms"
    done
    ok=1 why=""
    case $cat in
        accepted)
            [ $nfail -eq 0 ] || { ok=0; why="fails ${failed[*]}"; }
            [ $((maxt * 2)) -le "$time_ms" ] || { ok=0; why="$why max ${maxt}ms > limit/2"; } ;;
        wrong_answer)
            [ $nsecfail -gt 0 ] || { ok=0; why="passes every secret test"; } ;;
        time_limit_exceeded)
            [ $slow -eq 1 ] || { ok=0; why="never exceeds 1.5x limit (max ${maxt}ms)"; } ;;
    esac
    [ $ok -eq 1 ] || overall=1
    summary+=("$(printf '%-44s %-4s max %5d ms  failed %d/%d %s %s' "$name" \
        "$([ $ok -eq 1 ] && echo OK || echo BAD)" "$maxt" "$nfail" "${#tests[@]}" \
        "$([ $nfail -gt 0 ] && echo "[${failed[*]}]")" "$why")")
done

echo "-- summary ($(basename "$pkg"), limit ${time_ms} ms)"
printf '%s\n' "${summary[@]}"
[ $overall -eq 0 ] && echo "ALL EXPECTATIONS MET" || echo "SOME EXPECTATIONS FAILED"
exit $overall
