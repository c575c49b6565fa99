#!/usr/bin/env bash
# Prints an IPv6-only cluster file with N nodes (default 5000): n2 is master+gateway, the rest minions.
set -euo pipefail
n=${1:-5000}
cat <<YAML
general:
  mode: ipv6
  insecure: true
topology:
YAML
for ((i = 2; i < n + 2; i++)); do
  if ((i == 2)); then modes="master dns64 nat64"; else modes="minion"; fi
  printf '  n%d:\n    interface: eth1\n    opmodes: "%s"\n    id: %d\n' "$i" "$modes" "$i"
done
cat <<YAML
support_net:
  cidr: "fd00:10::/64"
  v4cidr: "198.51.100.0/24"
mgmt_net:
  cidr: "fd00:20::/64"
pod_net:
  cidr: "fd00:40::/64"
  node_size: 80
service_net:
  cidr: "fd00:30::/110"
nat64:
  v4_cidr: "198.51.100.128/25"
  v4_ip: "198.51.100.2"
  ip: "fd00:10::200"
dns64:
  remote_server: "203.0.113.53"
  cidr: "fd00:10:64:ff9b::/96"
  ip: "fd00:10::100"
  dnssec_validation: "no"
YAML
