#!/usr/bin/env bash
# `sixgill lab demo` as a whole process, NativeAOT, from nothing to verified to gone: N runs (default
# 5) of the lab 'bench' (never 'demo', so a developer's lab is left alone); for each run its wall time
# and its phases, then the median of each. Needs root and the packages of .ci/packages.txt.
# Usage: sudo bash bench/lab-demo.sh [runs] [lab demo options…]   (publishes artifacts/aot first; SIXGILL=path skips that)
#        sudo bash bench/lab-demo.sh 5 --kind systemd              (systemd nodes; the cached root is built first if missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
shift || true
options=("$@")
bin=${SIXGILL:-}
if [[ -z $bin ]]; then
  dotnet publish "$root/src/Sixgill" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/aot" -nologo -v quiet >/dev/null
  bin="$root/artifacts/aot/sixgill"
fi
json=$(mktemp)
if [[ " ${options[*]} " == *" systemd "* ]]; then "$bin" lab root >/dev/null; fi   # the root cached: not part of a run
trap 'rm -f "$json"; "$bin" lab down --name bench >/dev/null 2>&1 || true' EXIT

phases=(up prepare verify clean down)
printf '%-4s %8s' run wall
printf ' %8s' "${phases[@]}"
printf '  %s\n' result
declare -A all
for i in $(seq "$runs"); do
  t0=$(date +%s%N)
  status=0
  "$bin" lab demo --name bench --output json "${options[@]}" >"$json" 2>/dev/null || status=$?
  t1=$(date +%s%N)
  wall=$(( (t1 - t0) / 1000000 ))
  all[wall]+="$wall "
  # elapsedMs of each phase: the first elapsedMs after a phase's "name" inside "phases".
  mapfile -t measured < <(awk '
    /"phases": \[/ {inside = 1}
    /"checks": \[/ {inside = 0}
    inside && /"name": / {gsub(/[",]/, "", $2); name = $2; taken = 0}
    inside && /"elapsedMs": / && name != "" && !taken {gsub(/,/, "", $2); print name, $2; taken = 1}
  ' "$json")
  printf '%-4s %8s' "$i" "$wall"
  for phase in "${phases[@]}"; do
    ms=$(printf '%s\n' "${measured[@]}" | awk -v p="$phase" '$1 == p {printf "%.0f", $2}')
    all[$phase]+="${ms:-0} "
    printf ' %8s' "${ms:--}"
  done
  printf '  %s\n' "$([[ $status -eq 0 ]] && echo passed || echo "FAILED (exit $status)")"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-4s %8s' med "$(median <<<"${all[wall]}")"
for phase in "${phases[@]}"; do printf ' %8s' "$(median <<<"${all[$phase]}")"; done
printf '  %s\n' "(ms; wall = process start to exit)"
