#!/usr/bin/env bash
# Sixgill side by side with lazyjack (Orca's Go successor, which does the same minion job), on this
# machine, in the same run, alternating A B A B so both see the same load; prints medians and ratios.
#   1. start-up: `sixgill version` and `sixgill validate -c examples/orca.yaml` against `lazyjack version`;
#   2. a minion's prepare + clean cycle (examples/lab.yaml, node w1) of each, as whole processes inside
#      one throw-away lab node (bench/node.sh), entering the node included.
# The peer is looked for at ../shared/peer/lazyjack beside the clone (or beside the main clone of a
# worktree; LAZYJACK=path overrides); where it
# is absent this says so and prints Sixgill's figures alone. Run as root (the cycle makes a lab node).
# Usage: sudo bench/vs-lazyjack.sh [runs]      (default 15)   SIXGILL=path/to/sixgill skips the publish.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
[[ $(id -u) == 0 ]] || { echo "run as root: the cycle runs in a lab node (namespaces, overlays)" >&2; exit 3; }
bin=${SIXGILL:-}
if [[ -z $bin ]]; then
  dotnet publish "$root/src/Sixgill" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/aot" -nologo -v quiet >/dev/null
  bin="$root/artifacts/aot/sixgill"
fi
bin=$(readlink -f "$bin")
peer=${LAZYJACK:-$root/../shared/peer/lazyjack}
if [[ -z ${LAZYJACK:-} && ! -x $peer ]] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
  peer="$(dirname "$(dirname "$common")")/shared/peer/lazyjack"   # a worktree: beside the main clone
fi
if [[ -x $peer ]]; then
  peer=$(readlink -f "$peer")
else
  echo "lazyjack is not at $peer (set LAZYJACK=path): Sixgill's figures alone, no comparison"
  peer=
fi
# shellcheck source=bench/node.sh
source "$root/bench/node.sh"

# times_us VAR CMD...: appends the wall time of one run of CMD (output discarded) to array VAR.
times_us() {
  local -n into=$1; shift
  local t0 t1
  t0=$(now_us); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; t1=$(now_us)
  into+=($((t1 - t0)))
}
ms() { awk -v us="$1" 'BEGIN {printf "%.1f", us / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; median of $runs, alternating"
echo "sixgill: $bin ($(stat -c %s "$bin") bytes)${peer:+; lazyjack: $peer}"

# 1. Start-up.
version=() validate=() peer_version=()
for ((i = 0; i < runs; i++)); do
  times_us version "$bin" version
  [[ -n $peer ]] && times_us peer_version "$peer" version
  times_us validate "$bin" validate --config "$root/examples/orca.yaml"
done
v=$(printf '%s\n' "${version[@]}" | median); c=$(printf '%s\n' "${validate[@]}" | median)
echo
echo "start-up (whole process)"
printf '  %-46s %8s ms\n' "sixgill version" "$(ms "$v")" "sixgill validate -c examples/orca.yaml" "$(ms "$c")"
if [[ -n $peer ]]; then
  p=$(printf '%s\n' "${peer_version[@]}" | median)
  printf '  %-46s %8s ms\n' "lazyjack version" "$(ms "$p")"
  echo "  ratio version / lazyjack version   $(ratio "$v" "$p")   (goal <= 1.0)"
  echo "  ratio validate / lazyjack version  $(ratio "$c" "$p")   (goal <= 1.5)"
fi

# 2. The minion cycle in a lab node.
bench_node_up "b$$"
work=$BENCH_WORK
cp "$root/examples/lab.yaml" "$work/sg.yaml"
cat > "$work/sg-cycle" <<S
#!/bin/sh
"$bin" prepare --config $work/sg.yaml --host w1 >/dev/null || exit 1
"$bin" clean --config $work/sg.yaml --host w1 >/dev/null || exit 1
S
if [[ -n $peer ]]; then
  # The same cluster in lazyjack's dialect; a kubeadm that only answers `version` (the peer checks it).
  mkdir -p "$work/bin"
  printf '#!/bin/sh\n[ "$1" = version ] && { echo v1.13.0; exit 0; }\nexit 0\n' > "$work/bin/kubeadm"
  cat > "$work/lj.yaml" <<'Y'
general: {plugin: bridge, insecure: true}
topology:
    gw: {interface: "eth1", opmodes: "master dns64 nat64", id: 2}
    w1: {interface: "eth1", opmodes: "minion", id: 3}
    w2: {interface: "eth1", opmodes: "minion", id: 4}
support_net: {cidr: "fd00:10::/64", v4cidr: "198.51.100.0/24"}
mgmt_net: {cidr: "fd00:20::/64"}
pod_net: {cidr: "fd00:40::/72"}
service_net: {cidr: "fd00:30::/110"}
nat64: {v4_cidr: "198.51.100.128/25", v4_ip: "198.51.100.2", ip: "fd00:10::200"}
dns64: {remote_server: "203.0.113.53", cidr: "fd00:10:64:ff9b::/96", ip: "fd00:10::100"}
Y
  cat > "$work/lj-cycle" <<S
#!/bin/sh
export PATH=$work/bin:\$PATH
cd $work
"$peer" --config $work/lj.yaml --host w1 prepare >/dev/null 2>&1 || exit 1
"$peer" --config $work/lj.yaml --host w1 clean >/dev/null 2>&1 || exit 1
S
fi
chmod +x "$work"/*-cycle "$work/bin/kubeadm" 2>/dev/null || true
in_node "$work/sg-cycle" || { echo "the sixgill cycle fails in the lab node" >&2; exit 1; }
[[ -z $peer ]] || in_node "$work/lj-cycle" || { echo "the lazyjack cycle fails in the lab node" >&2; exit 1; }
cycle=() peer_cycle=()
for ((i = 0; i < runs; i++)); do
  times_us cycle in_node "$work/sg-cycle"
  [[ -z $peer ]] || times_us peer_cycle in_node "$work/lj-cycle"
done
s=$(printf '%s\n' "${cycle[@]}" | median)
echo
echo "prepare + clean of minion w1 (two whole processes, entering the node included)"
printf '  %-46s %8s ms\n' "sixgill" "$(ms "$s")"
if [[ -n $peer ]]; then
  p=$(printf '%s\n' "${peer_cycle[@]}" | median)
  printf '  %-46s %8s ms\n' "lazyjack" "$(ms "$p")"
  echo "  ratio sixgill / lazyjack           $(ratio "$s" "$p")   (goal <= 0.8)"
fi
