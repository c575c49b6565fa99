#!/usr/bin/env bash
# The gateway's own prepare and clean, with named's own start-up measured apart: one kept namespace
# lab 'benchgw' (examples/lab.yaml), then R rounds (default 10) in which each binary given prepares
# and cleans gw with -vv, the binaries taking turns and their order rotated every round. Per binary,
# the medians (ms) of: prepare and clean (`time: run`), named's start-up (`ran /usr/sbin/named …`:
# until named has forked away; named's work, not Sixgill's) and prepare + clean without it.
# Needs root and the packages of .ci/packages.txt. NativeAOT binaries: compare main with a branch.
# Usage: sudo bash bench/gateway.sh [rounds] BINARY [BINARY…]   (default: artifacts/aot/sixgill, published first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-10}
shift || true
bins=("$@")
if [[ ${#bins[@]} -eq 0 ]]; then
  dotnet publish "$root/src/Sixgill" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/aot" -nologo -v quiet >/dev/null
  bins=("$root/artifacts/aot/sixgill")
fi
lab=benchgw
config=/tmp/sixgill-lab-$lab/config.yaml
results=$(mktemp -d)
trap 'rm -rf "$results"; "${bins[0]}" lab down --name "$lab" >/dev/null 2>&1 || true' EXIT
"${bins[0]}" lab up -c "$root/examples/lab.yaml" --name "$lab" >/dev/null 2>&1

# The number before " ms" on the first line matching $1.
ms_of() { grep -m1 -- "$1" | sed -E 's/.* in ([0-9.]+) ms.*/\1/; s/.*time: run ([0-9.]+) ms.*/\1/'; }

for round in $(seq "$rounds"); do
  for turn in $(seq 0 $(( ${#bins[@]} - 1 ))); do
    i=$(( (turn + round) % ${#bins[@]} ))
    bin=${bins[$i]}
    prepare=$("$bin" lab exec gw --name "$lab" -- "$bin" prepare -c "$config" -vv 2>&1) || { echo "$bin: prepare failed:" >&2; echo "$prepare" >&2; exit 1; }
    clean=$("$bin" lab exec gw --name "$lab" -- "$bin" clean -c "$config" -vv 2>&1) || { echo "$bin: clean failed:" >&2; echo "$clean" >&2; exit 1; }
    p=$(ms_of 'time: run' <<<"$prepare")
    c=$(ms_of 'time: run' <<<"$clean")
    n=$(ms_of 'ran /usr/sbin/named ' <<<"$prepare")
    echo "$p $c $n" >>"$results/$i"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-8s %9s %9s %9s %22s  %s\n' binary prepare clean named 'prepare+clean-named' path
for i in "${!bins[@]}"; do
  printf '%-8s %9s %9s %9s %22s  %s\n' "#$i" \
    "$(awk '{print $1}' "$results/$i" | median)" "$(awk '{print $2}' "$results/$i" | median)" \
    "$(awk '{print $3}' "$results/$i" | median)" "$(awk '{print $1 + $2 - $3}' "$results/$i" | median)" "${bins[$i]}"
done
echo "(ms, medians of $rounds rounds; named = named's own start-up until it forks away)"
