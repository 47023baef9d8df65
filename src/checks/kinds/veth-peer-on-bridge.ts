import { z } from 'zod';
import type { Checker } from '../types.js';
import {
  bridgeOfNetwork,
  displayName,
  endpointOfLink,
  findNetwork,
  getHost,
  getRunning,
  hostName,
  hostPeerOf,
  masterOf,
  resolveBridge,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({
  host,
  container: name,
  interface: name.default('eth0'),
  bridge: name.optional(),
  /** The host end must be up (true) or set down (false): a cable cut on the host side. */
  peerUp: z.boolean().optional(),
});

export const vethPeerOnBridge: Checker<typeof params> = defineChecker({
  kind: 'veth-peer-on-bridge',
  description:
    "A container interface is one end of a veth pair whose other end (found by ifindex/iflink, never by name) is a port of the bridge (by default, the bridge of that interface's network).",
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const cf = getRunning(h, p.container);
    if (!cf.ok) return cf.outcome;
    const c = cf.value;
    const cname = displayName(c);
    const inner = c.links?.find((l) => l.name === p.interface);
    if (!inner) {
      const names = (c.links ?? []).map((l) => l.name);
      return bad(
        'check.veth-peer-on-bridge.noInterface',
        { container: cname, interface: p.interface, names: names.join(', ') || '-' },
        {
          expected: p.interface,
          seen: names.join(', ') || undefined,
          evidence: [`links in ${cname}: ${names.join(', ') || 'none read'}`],
        },
      );
    }
    const evidence = [
      `${cname} ${inner.name}: ifindex ${inner.ifindex}, iflink ${inner.peerIfindex ?? '-'}${inner.kind ? `, kind ${inner.kind}` : ''}`,
    ];
    if (inner.kind && inner.kind !== 'veth') {
      return bad(
        'check.veth-peer-on-bridge.notVeth',
        { container: cname, interface: inner.name, kind: inner.kind },
        { expected: 'veth', seen: inner.kind, evidence },
      );
    }
    // The bridge asked for, or the one of the network this interface carries.
    let wanted: string | undefined;
    if (p.bridge !== undefined) {
      wanted = resolveBridge(h, p.bridge).bridge;
    } else {
      const ep = endpointOfLink(c, inner);
      const net = ep
        ? (findNetwork(h, ep.networkId || ep.network) ?? findNetwork(h, ep.network))
        : undefined;
      wanted = net ? bridgeOfNetwork(net) : undefined;
      if (net)
        evidence.push(
          `${inner.name} carries ${cname}'s endpoint on ${net.name} (bridge ${wanted ?? '-'})`,
        );
    }
    const peer = hostPeerOf(h, inner);
    if (!peer) {
      return bad(
        'check.veth-peer-on-bridge.noPeer',
        { container: cname, interface: inner.name, iflink: inner.peerIfindex ?? '-', host: h.host },
        {
          expected: wanted,
          evidence: [
            ...evidence,
            `no link with ifindex ${inner.peerIfindex ?? '-'} in ${h.host}'s namespace`,
          ],
        },
      );
    }
    const master = masterOf(h, peer);
    evidence.push(
      `${h.host} ${peer.name}: ifindex ${peer.ifindex}, peer ${peer.peerIfindex ?? '-'}, master ${master ?? '-'}`,
    );
    const vars = {
      container: cname,
      interface: inner.name,
      peer: peer.name,
      ifindex: peer.ifindex,
      master: master ?? '-',
      bridge: wanted ?? '-',
    };
    if (!wanted) {
      return bad('check.veth-peer-on-bridge.noBridge', vars, { seen: master, evidence });
    }
    if (master !== wanted) {
      const key = master
        ? 'check.veth-peer-on-bridge.wrongBridge'
        : 'check.veth-peer-on-bridge.noMaster';
      return bad(key, vars, { expected: wanted, seen: master, evidence });
    }
    if (p.peerUp !== undefined && peer.up !== p.peerUp) {
      const key = p.peerUp
        ? 'check.veth-peer-on-bridge.peerDown'
        : 'check.veth-peer-on-bridge.peerUp';
      return bad(key, vars, {
        expected: p.peerUp ? 'UP' : 'DOWN',
        seen: peer.up ? 'UP' : 'DOWN',
        evidence,
      });
    }
    return ok('check.veth-peer-on-bridge.ok', vars, {
      expected: wanted,
      seen: t('check.value.onBridge', { name: peer.name, bridge: master }),
      evidence,
    });
  },
});
