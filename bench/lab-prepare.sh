#!/usr/bin/env bash
# Whole-process timings of the NativeAOT sixgill in a lab node (run as root):
#   prepare then clean of minion w1 of examples/lab.yaml (goal: <= 15 ms for the pair),
#   a no-op prepare re-run (goal: <= 8 ms),
# each the median of N runs (default 21) with the time to enter the node (nsenter ... /bin/true)
# subtracted; then one traced run (-vv: every ip call, journal save and phase with its time) and
# a syscall summary (strace -c -f) to show where the time goes.
#
# The node is bench/node.sh's: its own network namespace with eth1 on a switch whose port holds
# fd00:20::2 (the gateway), its own mount namespace with overlays on /etc and /var/lib, hostname w1.
# Nothing goes into the machine's own network namespace; everything is removed on exit, by exact name.
# Usage: sudo bench/lab-prepare.sh [runs]       SIXGILL=path/to/sixgill skips the publish.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-21}
[[ $(id -u) == 0 ]] || { echo "run as root: it builds a lab node (namespaces, overlays)" >&2; exit 3; }
bin=${SIXGILL:-}
if [[ -z $bin ]]; then
  dotnet publish "$root/src/Sixgill" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/aot" >/dev/null
  bin="$root/artifacts/aot/sixgill"
fi

# shellcheck source=bench/node.sh
source "$root/bench/node.sh"
bench_node_up "b$$"
work=$BENCH_WORK

config="$work/lab.yaml"
cp "$root/examples/lab.yaml" "$config"
sixgill() { in_node "$bin" "$@" -c "$config"; }

ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }

# Warm the page cache (binary, config, ip) once before timing.
sixgill prepare >/dev/null; sixgill clean >/dev/null

enter=() pair=() prep=() clean=() noop=()
for _ in $(seq "$runs"); do
  t0=$(now_us); in_node /bin/true; t1=$(now_us)
  enter+=($((t1 - t0)))
  t0=$(now_us); sixgill prepare >/dev/null; t1=$(now_us); sixgill clean >/dev/null; t2=$(now_us)
  prep+=($((t1 - t0))); clean+=($((t2 - t1))); pair+=($((t2 - t0)))
done
sixgill prepare >/dev/null
for _ in $(seq "$runs"); do
  t0=$(now_us); sixgill prepare >/dev/null; t1=$(now_us)
  noop+=($((t1 - t0)))
done

minimum() { sort -n | head -n 1; }
e=$(printf '%s\n' "${enter[@]}" | median)
emin=$(printf '%s\n' "${enter[@]}" | minimum)
# row LABEL PROCESSES SAMPLES...: median and minimum, each minus entering the node once per process.
row() {
  local label=$1 n=$2; shift 2
  local med low
  med=$(printf '%s\n' "$@" | median); low=$(printf '%s\n' "$@" | minimum)
  printf '%-44s %8s ms   %8s ms   (raw median %s ms)\n' "$label" "$(ms $((med - n * e)))" "$(ms $((low - n * emin)))" "$(ms "$med")"
}
echo "sixgill in a lab node, $runs runs; entering the node: median $(ms "$e") ms, minimum $(ms "$emin") ms per process (subtracted)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-44s %11s   %11s\n' "" "median" "minimum"
row "prepare then clean of w1 (goal <= 15 ms)" 2 "${pair[@]}"
row "  prepare of w1" 1 "${prep[@]}"
row "  clean of w1" 1 "${clean[@]}"
row "no-op prepare re-run (goal <= 8 ms)" 1 "${noop[@]}"

echo
echo "== where the time goes: no-op prepare, -vv"
sixgill prepare -vv 2>&1 >/dev/null | grep -E '^  (ran|journal|time|applied|undone)'
sixgill clean >/dev/null
echo
echo "== where the time goes: prepare, -vv"
sixgill prepare -vv 2>&1 >/dev/null | grep -E '^  (ran|journal|time|applied|undone)'
echo
echo "== where the time goes: clean, -vv"
sixgill clean -vv 2>&1 >/dev/null | grep -E '^  (ran|journal|time|applied|undone)'
if command -v strace >/dev/null; then
  echo
  echo "== syscalls of prepare then clean (strace -c -f, top 12 by time)"
  { in_node strace -c -f -o "$work/strace.prep" "$bin" prepare -c "$config" >/dev/null
    in_node strace -c -f -o "$work/strace.clean" "$bin" clean -c "$config" >/dev/null; } || true
  for f in prep clean; do echo "-- $f"; head -n 15 "$work/strace.$f" | tail -n +1; done
fi
