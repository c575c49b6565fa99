#!/bin/sh
# Entrypoint of Sixgill's NAT64 container: TAYGA with its tunnel and the routes into it, in the
# foreground. The configuration is either mounted at /etc/tayga/sixgill.conf or made from the
# environment:
#   TAYGA_IPV4_ADDR     TAYGA's own IPv4 address (nat64.v4_ip)
#   TAYGA_IPV6_ADDR     TAYGA's own IPv6 address (nat64.ip); optional
#   TAYGA_PREFIX        the DNS64/NAT64 prefix, e.g. fd00:10:64:ff9b::/96
#   TAYGA_DYNAMIC_POOL  the IPv4 pool, e.g. 198.51.100.128/25
# The container's own addresses (docker's, on the support network) stay on eth0; only the prefix
# and the pool are routed into the tunnel, where TAYGA translates between them.
set -eu
# As PID 1 the shell would ignore a stop request until the daemon replaces it: end at once instead.
trap 'exit 143' TERM INT
conf=/etc/tayga/sixgill.conf
if [ ! -e "$conf" ]; then
  : "${TAYGA_IPV4_ADDR:?is not set (or mount a tayga.conf at $conf)}"
  : "${TAYGA_PREFIX:?is not set (or mount a tayga.conf at $conf)}"
  : "${TAYGA_DYNAMIC_POOL:?is not set (or mount a tayga.conf at $conf)}"
  mkdir -p /var/lib/tayga
  conf=/var/lib/tayga/tayga.conf
  {
    echo "tun-device nat64"
    echo "ipv4-addr $TAYGA_IPV4_ADDR"
    if [ -n "${TAYGA_IPV6_ADDR:-}" ]; then echo "ipv6-addr $TAYGA_IPV6_ADDR"; fi
    echo "prefix $TAYGA_PREFIX"
    echo "dynamic-pool $TAYGA_DYNAMIC_POOL"
    echo "data-dir /var/lib/tayga"
  } > "$conf"
fi

# The routes come from the file itself, so a mounted file and the environment behave the same.
setting() { sed -n "s/^[[:space:]]*$1[[:space:]]\{1,\}\([^[:space:]#]*\).*/\1/p" "$conf" | head -n 1; }
tun=$(setting tun-device)
prefix=$(setting prefix)
pool=$(setting dynamic-pool)
if [ -z "$tun" ] || [ -z "$prefix" ] || [ -z "$pool" ]; then
  echo "sixgill-nat64: $conf needs tun-device, prefix and dynamic-pool" >&2
  exit 64
fi

# The tunnel is a new link: it takes the namespace's default IPv6 setting, which docker turns off
# (and /proc/sys is read-only inside a container), so the container must be started with it on.
if [ "$(cat /proc/sys/net/ipv6/conf/default/disable_ipv6 2>/dev/null || echo 0)" != 0 ]; then
  echo "sixgill-nat64: IPv6 is off for new links: start the container with the sysctl net.ipv6.conf.default.disable_ipv6=0" >&2
  exit 64
fi

# A restarted container keeps no links, but a tunnel left by an earlier start is reused.
ip link show "$tun" >/dev/null 2>&1 || tayga -c "$conf" --mktun
ip link set "$tun" up
ip -4 route replace "$pool" dev "$tun"
ip -6 route replace "$prefix" dev "$tun"
exec tayga -c "$conf" --nodetach "$@"
