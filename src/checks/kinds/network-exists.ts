import { z } from 'zod';
import type { HostFacts, NetworkFacts } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import {
  cidrContains,
  cidrWithin,
  isIPv4,
  normalizeCidr,
  sameCidr,
  stripPrefix,
} from '../lib/cidr.js';
import { bridgeOfNetwork, getHost, getNetwork, hostName, inetAddresses } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { cidr, host, ipv4, name } from '../lib/params.js';
import { defineChecker } from '../define.js';

const params = z.strictObject({
  host,
  name,
  driver: z.string().min(1).optional(),
  subnet: cidr.optional(),
  /** Extra: the subnet must lie inside this CIDR (e.g. a default address pool). */
  subnetWithin: cidr.optional(),
  gateway: ipv4.optional(),
  internal: z.boolean().optional(),
  attachable: z.boolean().optional(),
});

function v4Subnets(n: NetworkFacts) {
  return n.subnets.filter((s) => s.subnet.includes('.'));
}

/** The gateway in effect: IPAM's, else (engines ≤28 leave it out) the bridge's own address in the subnet. */
export function gatewayOf(h: HostFacts, n: NetworkFacts): { gateway?: string; from: string } {
  for (const s of v4Subnets(n))
    if (s.gateway) return { gateway: stripPrefix(s.gateway), from: 'IPAM' };
  const br = bridgeOfNetwork(n);
  const link = br ? h.links.find((l) => l.name === br) : undefined;
  if (link) {
    for (const a of inetAddresses(link)) {
      if (v4Subnets(n).some((s) => cidrContains(s.subnet, a)))
        return { gateway: stripPrefix(a), from: `${link.name} address` };
    }
  }
  return { from: 'none' };
}

export const networkExists: Checker<typeof params> = defineChecker({
  kind: 'network-exists',
  description: 'A Docker network exists, with the driver, subnet, gateway and flags asked for.',
  params,
  features(p) {
    if (p.driver === 'macvlan' || p.driver === 'ipvlan') return [p.driver];
    if (p.driver === 'overlay') return ['vxlan'];
    return [];
  },
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const nf = getNetwork(h, p.name);
    if (!nf.ok) return nf.outcome;
    const n = nf.value;
    const subnets = v4Subnets(n).map((s) => s.subnet);
    const gw = gatewayOf(h, n);
    const evidence = [
      `network ${n.name}: driver ${n.driver}, scope ${n.scope}, subnets ${subnets.join(', ') || '-'}, gateway ${gw.gateway ?? '-'} (from ${gw.from}), internal ${n.internal}, attachable ${n.attachable}`,
    ];
    const v = { network: n.name };
    if (p.driver !== undefined && n.driver !== p.driver) {
      return bad(
        'check.network-exists.driver',
        { ...v, seen: n.driver, expected: p.driver },
        { expected: p.driver, seen: n.driver, evidence },
      );
    }
    if (p.subnet !== undefined && !subnets.some((s) => sameCidr(s, p.subnet as string))) {
      const want = normalizeCidr(p.subnet) ?? p.subnet;
      const seen = subnets.join(', ') || '-';
      return bad(
        'check.network-exists.subnet',
        { ...v, seen, expected: want },
        { expected: want, seen, evidence },
      );
    }
    if (
      p.subnetWithin !== undefined &&
      !subnets.some((s) => cidrWithin(s, p.subnetWithin as string))
    ) {
      const seen = subnets.join(', ') || '-';
      return bad(
        'check.network-exists.subnetWithin',
        { ...v, seen, expected: p.subnetWithin },
        { expected: p.subnetWithin, seen, evidence },
      );
    }
    if (p.gateway !== undefined) {
      if (!gw.gateway) {
        return bad(
          'check.network-exists.gatewayUnknown',
          { ...v, expected: p.gateway },
          { expected: p.gateway, evidence },
        );
      }
      if (gw.gateway !== p.gateway) {
        return bad(
          'check.network-exists.gateway',
          { ...v, seen: gw.gateway, expected: p.gateway },
          { expected: p.gateway, seen: gw.gateway, evidence },
        );
      }
    }
    if (p.internal !== undefined && n.internal !== p.internal) {
      const key = p.internal ? 'check.network-exists.notInternal' : 'check.network-exists.internal';
      return bad(key, v, {
        expected: `internal ${p.internal}`,
        seen: `internal ${n.internal}`,
        evidence,
      });
    }
    if (p.attachable !== undefined && n.attachable !== p.attachable) {
      const key = p.attachable
        ? 'check.network-exists.notAttachable'
        : 'check.network-exists.attachable';
      return bad(key, v, {
        expected: `attachable ${p.attachable}`,
        seen: `attachable ${n.attachable}`,
        evidence,
      });
    }
    const details = [
      n.driver,
      subnets.join(', '),
      gw.gateway && isIPv4(gw.gateway) ? `gateway ${gw.gateway}` : '',
      n.internal ? 'internal' : '',
      n.attachable ? 'attachable' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return ok('check.network-exists.ok', { ...v, details }, { seen: details, evidence });
  },
});
