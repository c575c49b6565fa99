#!/usr/bin/env bash
# `prepare --all` over SSH, NativeAOT, on labs of 1, 10 and 30 nodes (or the sizes given): each lab
# is the gateway (master dns64 nat64) and N-1 minions, made with `lab up -c CONFIG --name benchN`;
# from its admin node, `prepare --all` twice (the first sends the program and the config to every
# node, the second finds them there by SHA-256 and sends nothing), then `clean --all`, then
# `lab down`. Printed per size: the time of `lab up`, the wall time of each run, the gateway's and
# the slowest minion's own time (connect + check + send + run, from the JSON summary), and what
# was sent. Needs root and the packages of .ci/packages.txt; labs are named bench1, bench10…
# (never a developer's) and removed on exit.
# Usage: sudo bash bench/fleet.sh [sizes…]      (default: 1 10 30; SIXGILL=path skips the publish)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1 10 30)
[[ $(id -u) == 0 ]] || { echo "run as root: it builds labs (namespaces, an sshd in every node)" >&2; exit 3; }
bin=${SIXGILL:-}
if [[ -z $bin ]]; then
  dotnet publish "$root/src/Sixgill" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/aot" -nologo -v quiet >/dev/null
  bin="$root/artifacts/aot/sixgill"
fi
work=$(mktemp -d)
current=""
trap '[[ -z $current ]] || "$bin" lab down --name "$current" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# The lab's own config with N nodes: gw (id 2) and minions w1… (ids 3…).
config_of() {
  local n=$1 i
  sed -n '1,/^topology:/p' "$root/examples/lab.yaml"
  printf '  gw:\n    interface: eth1\n    opmodes: "master dns64 nat64"\n    id: 2\n'
  for ((i = 1; i < n; i++)); do
    printf '  w%d:\n    interface: eth1\n    opmodes: "minion"\n    id: %d\n' "$i" $((i + 2))
  done
  sed -n '/^support_net:/,$p' "$root/examples/lab.yaml"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# One run from the admin node: its wall time (ms), then per-node facts from the JSON summary.
fleet() {
  local lab=$1 verb=$2 out=$3 t0 t1
  t0=$(now_ms)
  "$bin" lab exec admin --name "$lab" -- sixgill "$verb" --all -c "/tmp/sixgill-lab-$lab/config.yaml" --output json >"$out" 2>"$out.err" || true
  t1=$(now_ms)
  echo $((t1 - t0))
}

# gateway seconds, slowest minion seconds, nodes ok / all, nodes that were sent something
summary() {
  python3 - "$1" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
nodes = doc["nodes"]
gw = next((n["seconds"] for n in nodes if n["node"] == "gw"), 0)
minions = [n["seconds"] for n in nodes if n["node"] != "gw"]
ok = sum(1 for n in nodes if n["result"] == "ok")
sent = sum(1 for n in nodes if n["sent"])
print(f'{gw:6.1f} {max(minions) if minions else 0:6.1f} {ok:3d}/{len(nodes):<3d} {sent:4d}')
EOF
}

printf '%-5s %8s  %-8s %9s %7s %7s %7s %5s\n' nodes "lab up" run "wall ms" "gw s" "minion" ok sent
for n in "${sizes[@]}"; do
  lab="bench$n"
  config_of "$n" >"$work/config.yaml"
  "$bin" lab down --name "$lab" >/dev/null 2>&1 || true
  t0=$(now_ms)
  current=$lab
  "$bin" lab up -c "$work/config.yaml" --name "$lab" >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 1; }
  up=$(($(now_ms) - t0))
  for run in prepare again clean; do
    verb=$run; [[ $run == again ]] && verb=prepare
    wall=$(fleet "$lab" "$verb" "$work/$run.json")
    printf '%-5s %8s  %-8s %9s %s\n' "$n" "$up" "$run" "$wall" "$(summary "$work/$run.json" 2>/dev/null || echo "(no JSON: $(tail -n 2 "$work/$run.json.err" | tr '\n' ' '))")"
  done
  "$bin" lab down --name "$lab" >/dev/null
  current=""
done
