#!/usr/bin/env bash
# Provision a Debian 12 / Ubuntu 22.04+ machine for dnlab, as root. Idempotent: a second run
# changes nothing and says so. Used by the Vagrantfile, by CI (.ci/run) and by the quick start.
#
#   sudo bash sandbox-vm/provision.sh [--with-node] [--image]
#
# --with-node also installs Node.js from the distribution when `node` is missing (the VM path).
# --image     provisions the container image (Dockerfile): kmod instead of debootstrap, and the
#             apt lists and the engines' .deb cache are removed afterwards to keep the image small.
# Engines: 20.10 is the distribution's docker.io; newer ones (28.5 from Debian sid, 26.1 from
# trixie) are unpacked into /opt/dnlab/engines/<version>/bin by sandbox-vm/engines.sh.
set -euo pipefail

IMAGE_DIR=/var/cache/dnlab
IMAGE_TAR=$IMAGE_DIR/busybox-rootfs.tar
PACKAGES=(docker.io iproute2 iptables bridge-utils tcpdump busybox-static curl iputils-ping
  conntrack nftables util-linux graphviz debian-archive-keyring)
# debootstrap: the image test (test/integration/image.test.ts) makes its Debian 13 base with it.
MACHINE_PACKAGES=(debootstrap)
# kmod: the image's entrypoint loads br_netfilter; sandbox-vm/offline-base.sh includes the same list.
IMAGE_PACKAGES=(kmod procps)
changed=0

say() { printf 'dnlab provision: %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "dnlab provision: run as root, for example: sudo bash $0" >&2
  exit 1
fi

with_node=0
image=0
for arg in "$@"; do
  case "$arg" in
    --with-node) with_node=1 ;;
    --image) image=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "dnlab provision: unknown option $arg" >&2; exit 2 ;;
  esac
done

# An engine already installed (Docker's own packages, say) is accepted: dnlab needs dockerd,
# containerd and runc binaries, not a running system daemon.
if [ "$image" = 1 ]; then PACKAGES+=("${IMAGE_PACKAGES[@]}"); else PACKAGES+=("${MACHINE_PACKAGES[@]}"); fi
missing=()
for pkg in "${PACKAGES[@]}"; do
  if [ "$pkg" = docker.io ] && command -v dockerd >/dev/null && command -v containerd >/dev/null; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "$with_node" = 1 ] && ! command -v node >/dev/null; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  changed=1
fi

for bin in dockerd containerd runc ip iptables nsenter unshare busybox; do
  command -v "$bin" >/dev/null || { echo "dnlab provision: $bin is still missing after install" >&2; exit 1; }
done

# The lab image: busybox-static with one symlink per applet, as a root filesystem tar. Each lab
# host imports it (docker import) at `dnlab up`; nothing is ever pulled from a registry.
busybox_bin=$(command -v busybox)
stamp="$(sha256sum "$busybox_bin" | cut -d' ' -f1) v1"
if [ ! -s "$IMAGE_TAR" ] || [ "$(cat "$IMAGE_TAR.stamp" 2>/dev/null)" != "$stamp" ]; then
  say "building the lab image $IMAGE_TAR from $busybox_bin"
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root"/{bin,sbin,etc,tmp,root,proc,sys,dev,var/www,usr/bin,usr/sbin}
  chmod 1777 "$root/tmp"
  cp "$busybox_bin" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
  printf '<h1>hello from dnlab</h1>\n' > "$root/var/www/index.html"
  mkdir -p "$IMAGE_DIR"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$IMAGE_TAR.tmp" .
  mv "$IMAGE_TAR.tmp" "$IMAGE_TAR"
  echo "$stamp" > "$IMAGE_TAR.stamp"
  changed=1
fi

# The engines dnlab owns (/opt/dnlab/engines/<version>/bin). Exit status 10 = it installed something.
engines_status=0
bash "$(dirname "$0")/engines.sh" || engines_status=$?
case "$engines_status" in
  0) ;;
  10) changed=1 ;;
  *) exit "$engines_status" ;;
esac

if [ "$image" = 1 ]; then
  # The image never provisions again: the engines are unpacked, their .debs are dead weight.
  rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/dnlab/engines
fi

if [ "$changed" = 0 ]; then
  say "nothing to do: packages, engines and the lab image are already in place"
else
  say "done"
fi
