#!/bin/sh
# Entrypoint of Sixgill's DNS64 container: BIND 9 in the foreground (its log goes to the
# container's log) with the configuration Sixgill mounts at /etc/bind/sixgill. Checked first, so a
# bad file stops the container with named-checkconf's message instead of a silent restart loop.
#   SIXGILL_DROP_IPV4=yes   remove the IPv4 address docker gave the container: DNS64 is IPv6-only
#   DNS64_PREFIX, NAT64_ADDRESS   route the DNS64 prefix via the NAT64 container, so forwarded
#                                 queries (to remote_server inside the prefix) go straight to it
# Done here, at every start, rather than once from outside: a restarted container gets docker's
# address back, and the settings stay visible in the container's configuration.
set -eu
# As PID 1 the shell would ignore a stop request until the daemon replaces it: end at once instead.
trap 'exit 143' TERM INT
if [ "${SIXGILL_DROP_IPV4:-}" = yes ]; then
  ip -4 address flush scope global
fi
if [ -n "${DNS64_PREFIX:-}" ] && [ -n "${NAT64_ADDRESS:-}" ]; then
  ip -6 route replace "$DNS64_PREFIX" via "$NAT64_ADDRESS"
fi
conf=${SIXGILL_NAMED_CONF:-/etc/bind/sixgill/named.conf}
if [ ! -r "$conf" ]; then
  echo "sixgill-dns64: $conf is missing: mount the directory that holds named.conf at $(dirname "$conf")" >&2
  exit 64
fi
named-checkconf "$conf"
# -u bind: named binds its port as root, then runs as the Debian package's unprivileged user.
exec named -g -u bind -c "$conf" "$@"
