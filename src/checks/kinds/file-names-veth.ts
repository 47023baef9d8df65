import { z } from 'zod';
import type { ContainerFacts, HostFacts, LabFacts, LinkFacts } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import {
  displayName,
  getHost,
  getRunning,
  hostName,
  hostPeerOf,
  isLoopback,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { probeResult } from '../../observe/probe.js';
import { catProbe, catProbeIfRunning } from '../lib/file-probe.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

/**
 * Evidence that a learner found a container's host-side veth: a file inside a running container
 * (written by the learner, e.g. `docker exec web sh -c 'echo vethab12cd3 > /tmp/veth'`) names the
 * host link whose ifindex is the container interface's iflink. The name is never in the lesson —
 * Docker picks it at random each time the container starts — so only looking finds it. A wrong
 * name is judged for what it is: another container's veth (found by order or by name), the
 * bridge, a veth that no longer exists (a stop deletes it), or no link at all.
 */
const params = z.strictObject({
  host,
  /** The container whose interface's host-side peer must be named. */
  container: name,
  interface: name.default('eth0'),
  path: z.string().regex(/^\//, { message: 'expected an absolute path like /tmp/veth' }),
  /** The running container that holds the file (default: `container`). */
  in: name.optional(),
});

type P = z.infer<typeof params>;

function holderOf(p: P): string {
  return p.in ?? p.container;
}

/** The words of a file that could be link names (`veth1a2b3c4@if15:` → veth1a2b3c4, if15). */
export function linkWords(text: string): string[] {
  return [...new Set(text.split(/[^A-Za-z0-9_.-]+/).filter((w) => w !== ''))];
}

const VETH_LIKE = /^veth[0-9a-f]{3,}$/;

/** The container (and its interface) whose host-side peer is `link`, if any. */
function ownerOf(
  h: HostFacts,
  link: LinkFacts,
): { container: ContainerFacts; inner: LinkFacts } | undefined {
  for (const c of h.containers) {
    for (const inner of (c.links ?? []).filter((l) => !isLoopback(l))) {
      if (hostPeerOf(h, inner)?.ifindex === link.ifindex) return { container: c, inner };
    }
  }
  return undefined;
}

function excerpt(s: string): string {
  const shown = s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' / ');
  return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown || t('check.value.empty');
}

export const fileNamesVeth: Checker<typeof params> = defineChecker({
  kind: 'file-names-veth',
  description:
    "A file inside a running container names the host-side veth of a container's interface (the host link whose ifindex is that interface's iflink): evidence that the learner paired them by iflink, not by name or order.",
  params,
  probes(p, ctx, facts?: LabFacts) {
    return catProbeIfRunning(facts, hostName(p.host, ctx), holderOf(p), p.path);
  },
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const sf = getRunning(h, p.container);
    if (!sf.ok) return sf.outcome;
    const subject = sf.value;
    const hf2 = getRunning(h, holderOf(p));
    if (!hf2.ok) return hf2.outcome;
    const cname = displayName(subject);
    const holder = displayName(hf2.value);
    const inner = subject.links?.find((l) => l.name === p.interface);
    if (!inner) {
      const names = (subject.links ?? []).map((l) => l.name).join(', ') || '-';
      return bad(
        'check.file-names-veth.noInterface',
        { container: cname, interface: p.interface, names },
        { expected: p.interface, seen: names, evidence: [`links in ${cname}: ${names}`] },
      );
    }
    const iflink = inner.peerIfindex ?? '-';
    const peer = hostPeerOf(h, inner);
    const evidence = [`${cname} ${inner.name}: ifindex ${inner.ifindex}, iflink ${iflink}`];
    const base = {
      container: cname,
      interface: inner.name,
      iflink,
      host: h.host,
      path: p.path,
      holder,
    };
    if (!peer) {
      return bad('check.file-names-veth.noPeer', base, {
        evidence: [...evidence, `no link with ifindex ${iflink} in ${h.host}'s namespace`],
      });
    }
    evidence.push(
      `${h.host} ${peer.name}: ifindex ${peer.ifindex}, peer ${peer.peerIfindex ?? '-'}`,
    );
    const probe = catProbe(hostName(p.host, ctx), holderOf(p), p.path);
    const res = probeResult(facts, probe);
    if (!res)
      return bad(
        'check.common.probeMissing',
        { from: holder, probe: probe.id },
        { evidence: [...evidence, `probe ${probe.id}: no result`] },
      );
    if (res.code !== 0) {
      const error = res.stderr.trim().split('\n')[0] || `exit ${res.code}`;
      return bad(
        'check.file-names-veth.unreadable',
        { ...base, error },
        {
          expected: peer.name,
          seen: error,
          evidence: [...evidence, `probe ${probe.id} → exit ${res.code}: ${error}`],
        },
      );
    }
    const seen = excerpt(res.stdout);
    evidence.push(`${holder}:${p.path}: ${seen}`);
    const words = linkWords(res.stdout);
    const named = words
      .map((w) => h.links.find((l) => l.name === w))
      .filter((l): l is LinkFacts => l !== undefined);
    const detail = { expected: peer.name, seen, evidence };
    // Other containers' veths named in the file (the right one may be among them).
    const others = named
      .filter((l) => l.ifindex !== peer.ifindex)
      .map((l) => ({ link: l, owner: ownerOf(h, l) }))
      .filter((x) => x.owner !== undefined);
    if (named.some((l) => l.ifindex === peer.ifindex)) {
      if (others.length === 0)
        return ok(
          'check.file-names-veth.ok',
          { ...base, peer: peer.name, ifindex: peer.ifindex },
          detail,
        );
      return bad(
        'check.file-names-veth.several',
        { ...base, named: [peer, ...others.map((x) => x.link)].map((l) => l.name).join(', ') },
        detail,
      );
    }
    const first = others[0];
    if (first?.owner) {
      const { container: oc, inner: oi } = first.owner;
      return bad(
        'check.file-names-veth.otherContainer',
        {
          ...base,
          named: first.link.name,
          owner: displayName(oc),
          ownerInterface: oi.name,
          ownerIflink: oi.peerIfindex ?? first.link.ifindex,
        },
        detail,
      );
    }
    const bridge = named.find((l) => l.kind === 'bridge');
    if (bridge) return bad('check.file-names-veth.bridge', { ...base, named: bridge.name }, detail);
    const otherLink = named.find((l) => !isLoopback(l)) ?? named[0];
    if (otherLink)
      return bad(
        'check.file-names-veth.notPeer',
        { ...base, named: otherLink.name, ifindex: otherLink.ifindex },
        detail,
      );
    const ghost = words.find((w) => VETH_LIKE.test(w));
    if (ghost) return bad('check.file-names-veth.gone', { ...base, named: ghost }, detail);
    return bad('check.file-names-veth.missing', { ...base, seen }, detail);
  },
});
