#!/usr/bin/env bash
# Install the Docker engines dnlab owns, as root: each into /opt/dnlab/engines/<major.minor>/bin
# (dockerd, docker, containerd, containerd-shim-runc-v2, docker-proxy, docker-init; never runc:
# the machine's own runc serves them all). Called by provision.sh; runnable alone.
#
#   sudo bash sandbox-vm/engines.sh
#
# Packages come from Debian (28.5 from sid, 26.1 from trixie) through apt-get download under a
# PRIVATE apt configuration: its own sources list, lists and cache, so the machine's apt sources,
# package database and own Docker are never touched. apt checks the Release file against the
# Debian archive keyring (signed-by) and each .deb against the signed hashes. The .debs and a
# manifest of their sha256 stay in /var/cache/dnlab/engines/, so a rebuild needs no network.
# Exit status: 0 nothing changed, 10 an engine was installed, anything else an error.
#
# Environment: DNLAB_DEBIAN_MIRROR (default http://deb.debian.org/debian),
# DNLAB_ENGINES_ROOT (default /opt/dnlab/engines), DNLAB_ENGINES="28.5 26.1" (the slots to install).
set -euo pipefail

ROOT=${DNLAB_ENGINES_ROOT:-/opt/dnlab/engines}
CACHE=/var/cache/dnlab/engines
MIRROR=${DNLAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
# slot  suite  pinned docker.io upstream version  fallback: newest with this major or above / within
SLOTS=(
  "28.5 sid 28.5.2 >=28"
  "26.1 trixie 26.1.5 =26"
)
WANTED=${DNLAB_ENGINES:-28.5 26.1}
changed=0

say() { printf 'dnlab engines: %s\n' "$*"; }
die() { printf 'dnlab engines: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root, for example: sudo bash $0"
[ -r "$KEYRING" ] || die "$KEYRING is missing: install the debian-archive-keyring package, then run again"

# apt options for one suite: everything private under $CACHE/apt/<suite>.
apt_opts() {
  local dir=$CACHE/apt/$1
  APT_OPTS=(-o "Dir::Etc::sourcelist=$dir/sources.list" -o Dir::Etc::sourceparts=/dev/null
    -o Dir::Etc::preferences=/dev/null -o Dir::Etc::preferencesparts=/dev/null
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o Dir::State::status=/dev/null
    -o APT::Architecture=amd64 -o APT::Sandbox::User=root -o Debug::NoLocking=1
    -o Acquire::Languages=none -o APT::Default-Release=)
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  printf 'deb [signed-by=%s] %s %s main\n' "$KEYRING" "$MIRROR" "$1" > "$dir/sources.list"
}

# Versions of a package the suite offers, newest first.
versions() { apt-cache "${APT_OPTS[@]}" madison "$1" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}'; }

# upstream major of a Debian version: 28.5.2+dfsg4-5 -> 28
major() { local v=${1#*:}; echo "${v%%.*}"; }

# The docker.io version for a slot: the pinned upstream version, else the newest acceptable.
choose() {
  local pin=$1 rule=$2 v op want
  op=${rule%%[0-9]*}; want=${rule#"$op"}
  for v in $(versions docker.io); do
    case "${v#*:}" in "$pin"+*|"$pin"-*) echo "$v"; return ;; esac
  done
  for v in $(versions docker.io); do
    if { [ "$op" = ">=" ] && [ "$(major "$v")" -ge "$want" ]; } ||
       { [ "$op" = "=" ] && [ "$(major "$v")" -eq "$want" ]; }; then
      say "docker.io $pin is gone from the archive; taking $v instead" >&2
      echo "$v"; return
    fi
  done
}

# major.minor of a Debian version: 28.5.2+dfsg4-5 -> 28.5
short() { local v=${1#*:}; v=${v%%[+~-]*}; echo "${v%.*}"; }

install_slot() {
  local slot=$1 suite=$2 pin=$3 rule=$4 asked=$1
  # A slot filled by a fallback version earlier (28.5 → 29.0, say) is found under that version.
  [ -s "$CACHE/$asked.slot" ] && slot=$(cat "$CACHE/$asked.slot")
  local dest=$ROOT/$slot manifest=$CACHE/$slot.manifest
  if [ -x "$dest/bin/dockerd" ] && [ -s "$dest/engine.txt" ] && [ -s "$manifest" ] &&
     (cd "$CACHE" && sha256sum --quiet -c "$manifest" >/dev/null 2>&1); then
    say "$slot already installed in $dest ($(head -1 "$dest/engine.txt"))"
    return
  fi
  mkdir -p "$CACHE"
  if [ -s "$manifest" ] && (cd "$CACHE" && sha256sum --quiet -c "$manifest" >/dev/null 2>&1); then
    say "$slot: unpacking the cached packages listed in $manifest"
  else
    apt_opts "$suite"
    say "$slot: reading Debian $suite from $MIRROR (signatures checked with $KEYRING)"
    apt-get "${APT_OPTS[@]}" -qq update || die "apt-get update for $suite failed: check the network and $MIRROR"
    local dv; dv=$(choose "$pin" "$rule")
    [ -n "$dv" ] || die "no docker.io $rule in Debian $suite: set DNLAB_ENGINES to skip slot $slot"
    if [ "$(short "$dv")" != "$slot" ]; then
      say "$slot: installing $(short "$dv") in its place"
      slot=$(short "$dv"); dest=$ROOT/$slot; manifest=$CACHE/$slot.manifest
      mkdir -p "$CACHE"; echo "$slot" > "$CACHE/$asked.slot"
    fi
    local tini=tini-static pkgs=("docker.io=$dv") files=() p v
    [ -n "$(versions tini-static | head -1)" ] || tini=tini
    for p in containerd "$tini"; do pkgs+=("$p=$(versions "$p" | head -1)"); done
    [ -n "$(versions docker-cli | head -1)" ] && pkgs+=("docker-cli=$dv")
    (cd "$CACHE" && apt-get "${APT_OPTS[@]}" -qq download "${pkgs[@]}" >/dev/null) ||
      die "downloading ${pkgs[*]} from $suite failed: check the network and $MIRROR"
    for p in "${pkgs[@]}"; do
      v=${p#*=}
      files+=("$(cd "$CACHE" && ls "${p%%=*}_${v//:/%3a}"_*.deb)")
    done
    (cd "$CACHE" && sha256sum "${files[@]}") > "$manifest.tmp"
    mv "$manifest.tmp" "$manifest"
  fi
  unpack "$slot" "$manifest"
  changed=1
}

unpack() {
  local slot=$1 manifest=$2 dest=$ROOT/$1 tmp f
  tmp=$(mktemp -d)
  while read -r _ f; do dpkg-deb -x "$CACHE/$f" "$tmp"; done < "$manifest"
  rm -rf "$dest.new"; mkdir -p "$dest.new/bin"
  local bin
  for bin in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/docker usr/bin/containerd \
             usr/bin/containerd-shim-runc-v2; do
    [ -x "$tmp/$bin" ] || die "$slot: $bin is not in the packages of $manifest"
    install -m 0755 "$tmp/$bin" "$dest.new/bin/"
  done
  local init=$tmp/usr/bin/tini-static
  [ -x "$init" ] || die "$slot: tini-static (docker-init) is not in the packages of $manifest"
  install -m 0755 "$init" "$dest.new/bin/docker-init"
  {
    "$dest.new/bin/dockerd" --version
    "$dest.new/bin/containerd" --version
    echo "packages:"; cat "$manifest"
  } > "$dest.new/engine.txt" || die "$slot: the unpacked dockerd does not run on this machine"
  rm -rf "$tmp" "$dest"; mv "$dest.new" "$dest"
  say "$slot installed in $dest: $(head -1 "$dest/engine.txt")"
}

for row in "${SLOTS[@]}"; do
  read -r slot suite pin rule <<< "$row"
  case " $WANTED " in *" $slot "*) install_slot "$slot" "$suite" "$pin" "$rule" ;; esac
done

[ "$changed" = 0 ] && exit 0 || exit 10
