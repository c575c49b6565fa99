#!/usr/bin/env bash
# Prints examples/lab.yaml with its topology replaced by N nodes (default 5000):
# n2 is master and gateway (dns64 nat64), the rest minions. The networks are the lab's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-5000}
lab="$root/examples/lab.yaml"
sed -n '1,/^topology:/p' "$lab"
for ((i = 2; i < n + 2; i++)); do
  if ((i == 2)); then modes="master dns64 nat64"; else modes="minion"; fi
  printf '  n%d:\n    interface: eth1\n    opmodes: "%s"\n    id: %d\n' "$i" "$modes" "$i"
done
sed -n '/^support_net:/,$p' "$lab"
