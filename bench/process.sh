#!/usr/bin/env bash
# Whole-process timings of the NativeAOT binary: median of N runs (default 21) for
#   sixgill version, sixgill validate (Orca example), sixgill explain of a generated 5,000-node config.
# Usage: bench/process.sh [runs]     (builds the binary into artifacts/aot first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-21}
bin="$root/artifacts/aot/sixgill"
dotnet publish "$root/src/Sixgill" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/aot" >/dev/null
big="$root/artifacts/bench-5000.yaml"
bash "$root/bench/make-config.sh" 5000 > "$big"

median_ms() {  # median wall time in ms of running "$@" $runs times (output discarded)
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

printf '%-55s %10s\n' "command (median of $runs runs)" "ms"
printf '%-55s %10s\n' "sixgill version" "$(median_ms "$bin" version)"
printf '%-55s %10s\n' "sixgill validate --config examples/orca.yaml" "$(median_ms "$bin" validate --config "$root/examples/orca.yaml")"
printf '%-55s %10s\n' "sixgill explain (5,000 nodes)" "$(median_ms "$bin" explain --config "$big" --host n2)"
printf '%-55s %10s\n' "sixgill explain (5,000 nodes, all nodes)" "$(median_ms "$bin" explain --config "$big")"
