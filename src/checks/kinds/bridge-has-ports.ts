import { z } from 'zod';
import type { Checker } from '../types.js';
import {
  displayName,
  findContainer,
  getHost,
  hostName,
  hostPeerOf,
  isLoopback,
  masterOf,
  portsOf,
  resolveBridge,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { count, host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({
  host,
  /** A Linux bridge (docker0, br-lab) or the name of the Docker network it belongs to. */
  bridge: name,
  count: count.optional(),
  min: count.optional(),
  containers: z.array(name).optional(),
});

export const bridgeHasPorts: Checker<typeof params> = defineChecker({
  kind: 'bridge-has-ports',
  description:
    "A Linux bridge's ports: how many, and which containers' veths (paired by ifindex) are among them.",
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const { bridge } = resolveBridge(h, p.bridge);
    const link = h.links.find((l) => l.name === bridge);
    if (!link) {
      const bridges = h.links.filter((l) => l.kind === 'bridge').map((l) => l.name);
      return bad(
        'check.bridge-has-ports.noBridge',
        { bridge: p.bridge, host: h.host, bridges: bridges.join(', ') || '-' },
        {
          expected: p.bridge,
          seen: bridges.join(', ') || undefined,
          evidence: [`bridges on ${h.host}: ${bridges.join(', ') || 'none'}`],
        },
      );
    }
    const ports = portsOf(h, bridge);
    const names = ports.map((x) => x.name);
    const evidence = [
      `${bridge}: ${ports.length} port(s): ${names.join(', ') || 'none'}${link.operstate ? ` (operstate ${link.operstate})` : ''}`,
    ];
    const vars = { bridge, count: ports.length, names: names.join(', ') || '-' };
    if (p.count !== undefined && ports.length !== p.count) {
      return bad(
        'check.bridge-has-ports.count',
        { ...vars, expected: p.count },
        { expected: String(p.count), seen: String(ports.length), evidence },
      );
    }
    if (p.min !== undefined && ports.length < p.min) {
      return bad(
        'check.bridge-has-ports.min',
        { ...vars, expected: p.min },
        { expected: t('check.value.atLeast', { n: p.min }), seen: String(ports.length), evidence },
      );
    }
    for (const ref of p.containers ?? []) {
      const c = findContainer(h, ref);
      if (!c)
        return bad(
          'check.common.noContainer',
          { container: ref, host: h.host, others: h.containers.map(displayName).join(', ') || '-' },
          { expected: ref, evidence },
        );
      if (!c.running)
        return bad(
          'check.common.notRunning',
          { container: displayName(c), status: c.status },
          { expected: t('check.value.running'), seen: c.status, evidence },
        );
      const elsewhere: string[] = [];
      let found = false;
      for (const l of (c.links ?? []).filter((x) => !isLoopback(x))) {
        const peer = hostPeerOf(h, l);
        if (!peer) continue;
        const m = masterOf(h, peer);
        evidence.push(
          `${displayName(c)} ${l.name} (iflink ${l.peerIfindex ?? '-'}) ↔ ${peer.name} (ifindex ${peer.ifindex}) master ${m ?? '-'}`,
        );
        if (m === bridge) found = true;
        else
          elsewhere.push(
            `${l.name} → ${t('check.value.onBridge', { name: peer.name, bridge: m ?? t('check.value.noBridge') })}`,
          );
      }
      if (!found) {
        return bad(
          'check.bridge-has-ports.containerMissing',
          { container: displayName(c), bridge, elsewhere: elsewhere.join('; ') || '-' },
          {
            expected: t('check.value.onBridge', { name: displayName(c), bridge }),
            seen: elsewhere.join('; ') || undefined,
            evidence,
          },
        );
      }
    }
    return ok('check.bridge-has-ports.ok', vars, { seen: String(ports.length), evidence });
  },
});
