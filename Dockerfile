# dnlab in one privileged container: Docker Desktop (macOS, Windows), Codespaces, CI runners.
#
#   docker build -t dnlab .
#   docker run --rm -it --privileged -v dnlab:/root/.local/state dnlab
#
# The lab hosts are network namespaces inside this container, each with its own dockerd, exactly
# as on a Linux machine; nothing touches the Docker that runs the container. The named volume
# keeps the learner's progress ($XDG_STATE_HOME/dnlab/progress.json) across `docker run`s.
#
# Build arguments:
#   BASE      the Debian 13 base (default debian:trixie; the offline test passes a debootstrapped one)
#   ENGINES   dnlab's own engines to install (default "28.5 26.1")
#   PREBUILT  1: take node_modules/ and dist/ from the build context instead of `npm ci`
#             (an offline build; the context must then hold them, built for Linux x64)
ARG BASE=debian:trixie
FROM ${BASE}

ARG ENGINES="28.5 26.1"
ARG PREBUILT=0
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 TERM=xterm-256color

WORKDIR /opt/dnlab/app
# Provisioning first, so an edit to the code does not redo it. Packages come from the base's apt
# sources (none are fetched when the base already has them); the engines come from the Debian
# archive, or from sandbox-vm/cache/engines/ in the context (the .debs and manifests that
# sandbox-vm/engines.sh leaves in /var/cache/dnlab/engines/) when the build is offline.
COPY sandbox-vm/ sandbox-vm/
RUN if [ -d sandbox-vm/cache/engines ]; then \
      mkdir -p /var/cache/dnlab && cp -a sandbox-vm/cache/engines /var/cache/dnlab/; fi \
 && DNLAB_ENGINES="$ENGINES" bash sandbox-vm/provision.sh --with-node --image \
 && rm -rf sandbox-vm/cache

# PREBUILT=1 writes dist/manifest.json again: it names this image's busybox (grade --verify).
COPY . .
RUN if [ "$PREBUILT" = 1 ]; then \
      test -f dist/cli/main.js && test -d node_modules/ink \
        || { echo "PREBUILT=1 needs dist/ and node_modules/ in the build context" >&2; exit 1; }; \
      node scripts/manifest.mjs; \
    else \
      command -v npm >/dev/null || { echo "npm is missing: provision.sh --with-node installs it" >&2; exit 1; }; \
      npm ci --no-audit --no-fund && npm cache clean --force; \
    fi \
 && rm -rf sandbox-vm/cache \
 && printf '#!/bin/sh\nexec node /opt/dnlab/app/dist/cli/main.js "$@"\n' > /usr/local/bin/dnlab \
 && chmod 0755 /usr/local/bin/dnlab

# Lab state (the lab hosts' dockerd data) must not sit on the container's overlayfs: overlay2
# does not stack on it. An anonymous volume per container, removed with --rm.
VOLUME /var/lib/dnlab
ENTRYPOINT ["/opt/dnlab/app/sandbox-vm/entrypoint.sh"]
CMD []
