#!/usr/bin/env bash
# Builds the root file system of one of Sixgill's images (dns64 or nat64) without an image
# registry: debootstrap of Debian bookworm (minbase) with the image's `packages`, plus its
# entrypoint, packed as a tarball that `docker import` (or the Engine API's image import) turns
# into the same image its Dockerfile describes. Prints the tarball's path on stdout.
#
#   images/build-offline.sh dns64|nat64 [CACHE_DIR]
#
# The tarball is cached as CACHE_DIR/<name>-<key>.tar (default /var/cache/sixgill/images), where
# the key is a hash of this script, the package list and the entrypoint: a later run with the same
# inputs takes no time, a changed input builds anew. The mirror is the one apt uses on this
# machine (SIXGILL_DEBIAN_MIRROR overrides it). Needs root, debootstrap, unshare and flock.
#
# Safety: packages are downloaded first (debootstrap --make-tarball, no package is configured),
# then installed from that download inside new network, mount and PID namespaces: a maintainer
# script that starts a daemon (bind9's does) cannot reach the machine's network, every mount that
# debootstrap makes disappears with its mount namespace, and every process it leaves is ended
# with its PID namespace.
set -euo pipefail

name=${1:?usage: build-offline.sh dns64|nat64 [CACHE_DIR]}
cache=${2:-/var/cache/sixgill/images}
here=$(cd "$(dirname "$0")" && pwd)
recipe=$here/$name
suite=bookworm
entrypoint_path=usr/local/bin/sixgill-entrypoint

case $name in
  dns64|nat64) ;;
  *) echo "build-offline.sh: unknown image '$name' (dns64 or nat64)" >&2; exit 2 ;;
esac
for program in debootstrap unshare flock apt-get; do
  command -v "$program" >/dev/null || { echo "build-offline.sh: '$program' is missing (apt-get install debootstrap util-linux)" >&2; exit 3; }
done
for f in packages entrypoint.sh; do
  [ -r "$recipe/$f" ] || { echo "build-offline.sh: $recipe/$f is missing" >&2; exit 2; }
done

mirror=${SIXGILL_DEBIAN_MIRROR:-$(apt-get indextargets --format '$(REPO_URI)' "Release: $suite" 'Created-By: Packages' 'Component: main' 2>/dev/null | head -n 1)}
if [ -z "$mirror" ]; then
  echo "build-offline.sh: apt has no '$suite main' source here; set SIXGILL_DEBIAN_MIRROR" >&2
  exit 3
fi

packages=$(grep -v '^[[:space:]]*\(#\|$\)' "$recipe/packages" | paste -sd, -)
key=$(cat "$0" "$recipe/packages" "$recipe/entrypoint.sh" | sha256sum | cut -c1-16)
out=$cache/$name-$key.tar

mkdir -p "$cache"
# One build per image at a time: a second caller waits and then finds the tarball.
exec 9>"$cache/$name.lock"
flock 9
if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi

work=$(mktemp -d "$cache/.build-$name.XXXXXX")
trap 'rm -rf --one-file-system "$work"' EXIT
start=$(date +%s)

echo "build-offline.sh: downloading $suite minbase + $packages from $mirror" >&2
debootstrap --variant=minbase --include="$packages" --make-tarball="$work/debs.tgz" \
  "$suite" "$work/download" "$mirror" >"$work/download.log" 2>&1 \
  || { tail -n 20 "$work/download.log" >&2; exit 1; }

echo "build-offline.sh: installing without network" >&2
unshare --net --mount --pid --fork --propagation private \
  debootstrap --variant=minbase --include="$packages" --unpack-tarball="$work/debs.tgz" \
  "$suite" "$work/root" "$mirror" >"$work/install.log" 2>&1 \
  || { tail -n 20 "$work/install.log" >&2; exit 1; }

install -D -m 0755 "$recipe/entrypoint.sh" "$work/root/$entrypoint_path"
# What the Dockerfile's `rm -rf /var/lib/apt/lists/*` and a slim base leave out, too.
rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"* "$work/root/debootstrap"

# /dev, /proc and /sys are provided by the container runtime; their debootstrap contents are not wanted.
tar --numeric-owner --one-file-system -C "$work/root" \
  --exclude=./dev/* --exclude=./proc/* --exclude=./sys/* -cf "$work/rootfs.tar" .
mv "$work/rootfs.tar" "$out"
# Older builds of this image are of no further use.
find "$cache" -maxdepth 1 -name "$name-*.tar" ! -path "$out" -delete
echo "build-offline.sh: $out in $(( $(date +%s) - start )) s" >&2
echo "$out"
