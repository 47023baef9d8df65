#!/bin/sh
# The image's entrypoint (Dockerfile): make a privileged container a lab machine, then run dnlab.
#
#   docker run --rm -it --privileged dnlab               # the TUI
#   docker run --rm -it --privileged dnlab doctor        # any dnlab command
#   docker run --rm -it --privileged dnlab /bin/bash     # a program by absolute path, or sh/bash
#
# DNLAB_IPTABLES=nft|legacy forces the iptables backend (default: the one the kernel offers).
# DNLAB_ENTRY_SETUP_ONLY=1 does the set-up and exits (a dev container, whose own command replaces
# this entrypoint, runs it from postStartCommand).
set -eu

say() { printf 'dnlab entrypoint: %s\n' "$*" >&2; }

# cgroup v2: the lab's dockerd makes child groups of this container's group, and a group with
# processes in it cannot hand controllers to children ("no internal processes"). Move every process
# into a child group and enable all controllers for the children, as Docker-in-Docker's `dind` does.
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  if ! mkdir -p /sys/fs/cgroup/init 2>/dev/null; then
    say "/sys/fs/cgroup is read-only: run the container with --privileged"
  else
    # Processes may start meanwhile (a dev container's): move them all again until the write of
    # the controllers succeeds, which it does only once the group holds no process.
    tries=0
    until sed -e 's/ / +/g' -e 's/^/+/' < /sys/fs/cgroup/cgroup.controllers \
        > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; do
      tries=$((tries + 1))
      if [ "$tries" -gt 10 ]; then
        say "could not delegate cgroup controllers; 'dnlab doctor' tells what the lab lacks"
        break
      fi
      xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
    done
  fi
fi

# iptables: the backend the kernel offers. nf_tables where it works, else the legacy xtables.
backend=${DNLAB_IPTABLES:-}
if [ -z "$backend" ]; then
  if iptables-nft -t filter -n -L >/dev/null 2>&1; then backend=nft
  elif iptables-legacy -t filter -n -L >/dev/null 2>&1; then backend=legacy
  fi
fi
case "$backend" in
  nft|legacy)
    for tool in iptables ip6tables; do
      if [ -x "/usr/sbin/$tool-$backend" ]; then
        update-alternatives --set "$tool" "/usr/sbin/$tool-$backend" >/dev/null 2>&1 || :
      fi
    done ;;
  *) say "neither iptables-nft nor iptables-legacy works with this kernel: 'dnlab doctor' explains" ;;
esac

# br_netfilter, where the kernel has it as a module (Docker Desktop's kernel builds it in).
[ -d /proc/sys/net/bridge ] || modprobe br_netfilter 2>/dev/null || :

[ "${DNLAB_ENTRY_SETUP_ONLY:-0}" = 1 ] && exit 0
cd /opt/dnlab/app
case "${1:-}" in
  /*|sh|bash) exec "$@" ;;
esac
exec ./dnlab "$@"
