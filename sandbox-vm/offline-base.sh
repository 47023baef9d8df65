#!/usr/bin/env bash
# Make a Debian 13 (trixie) base image as a root filesystem tar, without any container registry:
# debootstrap from the Debian archive, with everything the Dockerfile's provisioning would
# otherwise apt-get (so `docker build --build-arg BASE=…` needs no network at all). Used by
# test/integration/image.test.ts; the tar is cached, a second run only prints its path.
#
#   sudo bash sandbox-vm/offline-base.sh        # prints the tar's path on its last line
#
# Environment: DNLAB_DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

CACHE=/var/cache/dnlab
TAR=$CACHE/trixie-base.tar
MIRROR=${DNLAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
# The packages provision.sh --with-node installs, plus kmod (modprobe br_netfilter at start).
INCLUDE=docker.io,iproute2,iptables,bridge-utils,tcpdump,busybox-static,curl,iputils-ping,conntrack,nftables,util-linux,graphviz,debian-archive-keyring,ca-certificates,nodejs,kmod,procps
STAMP="trixie minbase $INCLUDE v1"

say() { printf 'dnlab offline-base: %s\n' "$*" >&2; }

[ "$(id -u)" -eq 0 ] || { say "run as root, for example: sudo bash $0"; exit 1; }
command -v debootstrap >/dev/null || { say "debootstrap is missing: run sudo bash sandbox-vm/provision.sh"; exit 1; }

mkdir -p "$CACHE"
# One maker at a time (CI starts one early, in the background; the image test then waits for it
# and finds the tar made). The wait has a deadline.
exec 9>"$CACHE/trixie-base.lock"
flock -w 1800 9 || { say "another offline-base.sh held $CACHE/trixie-base.lock for 30 minutes"; exit 1; }
if [ -s "$TAR" ] && [ "$(cat "$TAR.stamp" 2>/dev/null)" = "$STAMP" ]; then
  echo "$TAR"; exit 0
fi
root=$(mktemp -d "$CACHE/trixie-root.XXXXXX")
trap 'rm -rf "$root"' EXIT
say "debootstrap of Debian trixie from $MIRROR into $root (a few minutes the first time)"
debootstrap --variant=minbase --keyring="$KEYRING" --include="$INCLUDE" trixie "$root" "$MIRROR" >&2 ||
  { say "debootstrap failed: check the network and $MIRROR (see $root/debootstrap/debootstrap.log)"; exit 1; }
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar --numeric-owner -C "$root" -cf "$TAR.tmp" .
mv "$TAR.tmp" "$TAR"
echo "$STAMP" > "$TAR.stamp"
echo "$TAR"
