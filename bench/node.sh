# Sourced by the bench scripts (not run): one throw-away lab node made from plain commands.
#   bench_node_up TAG   makes network namespace sg-<TAG>-w1 with eth1 on a switch namespace
#                       sg-<TAG>-sw whose port holds fd00:20::2 (the gateway's address), and its own
#                       mount and UTS namespaces: overlays on /etc and /var/lib, a tmpfs on /run,
#                       hostname w1. Nothing goes into the machine's own network namespace, and no
#                       directory is made on the machine outside the work directory.
#   in_node CMD...      runs CMD in the node (network, mount and UTS namespaces).
#   bench_node_down     removes all of it by exact name (also set as the EXIT trap by bench_node_up).
# Needs root, ip, nsenter, unshare, mount.

bench_node_up() {
  BENCH_TAG=$1
  BENCH_NODE="sg-$BENCH_TAG-w1"; BENCH_SW="sg-$BENCH_TAG-sw"
  BENCH_WORK=$(mktemp -d /tmp/sg-bench.XXXXXX)
  trap bench_node_down EXIT
  local ns
  for ns in "$BENCH_NODE" "$BENCH_SW"; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    nsenter --net="/run/netns/$ns" sysctl -q -w net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_dad=0
  done
  ip link add eth1 netns "$BENCH_NODE" type veth peer name p-w1 netns "$BENCH_SW"
  ip -n "$BENCH_SW" link set p-w1 up
  ip -n "$BENCH_SW" address add fd00:20::2/64 dev p-w1
  ip -n "$BENCH_NODE" link set eth1 up

  local w=$BENCH_WORK
  mkdir -p "$w/ns" "$w/etc/up" "$w/etc/wk" "$w/lib/up" "$w/lib/wk"
  mount --bind "$w/ns" "$w/ns"; mount --make-private "$w/ns"
  chown --reference=/etc "$w/etc/up"; chmod --reference=/etc "$w/etc/up"
  chown --reference=/var/lib "$w/lib/up"; chmod --reference=/var/lib "$w/lib/up"
  touch "$w/ns/w1.mnt" "$w/ns/w1.uts"
  unshare --mount="$w/ns/w1.mnt" --uts="$w/ns/w1.uts" --propagation slave -- true
  local in_mounts=(nsenter --mount="$w/ns/w1.mnt" --uts="$w/ns/w1.uts" --)
  "${in_mounts[@]}" umount --recursive "$w/ns"
  "${in_mounts[@]}" sh -e -c "
    mount -n -t overlay overlay -o lowerdir=/etc,upperdir=$w/etc/up,workdir=$w/etc/wk /etc
    mount -n -t overlay overlay -o lowerdir=/var/lib,upperdir=$w/lib/up,workdir=$w/lib/wk /var/lib
    mount -n -t tmpfs -o mode=0755 tmpfs /run
    hostname w1"
}

in_node() { nsenter --net="/run/netns/$BENCH_NODE" --mount="$BENCH_WORK/ns/w1.mnt" --uts="$BENCH_WORK/ns/w1.uts" -- "$@"; }

bench_node_down() {
  set +e
  [[ -n ${BENCH_WORK:-} ]] || return 0
  umount "$BENCH_WORK/ns/w1.mnt" "$BENCH_WORK/ns/w1.uts" 2>/dev/null
  umount "$BENCH_WORK/ns" 2>/dev/null
  ip netns delete "$BENCH_NODE" 2>/dev/null
  ip netns delete "$BENCH_SW" 2>/dev/null
  rm -rf --one-file-system "$BENCH_WORK"
  BENCH_WORK=
}

# median: the middle of the numbers on stdin (the mean of the two middle ones for an even count).
median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) exit 1; print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2] + v[NR/2+1]) / 2)}'; }

# now_us: the wall clock in microseconds.
now_us() { local t; t=$(date +%s%N); echo $((t / 1000)); }
