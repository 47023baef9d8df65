import { z } from 'zod';
import type { Checker } from '../types.js';
import { cidrContains, stripPrefix } from '../lib/cidr.js';
import {
  describeEndpoints,
  describeMode,
  displayName,
  endpointOn,
  findNetwork,
  getHostContainer,
  hostName,
  modeOf,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({
  host,
  container: name,
  network: name,
  ipInSubnet: z.boolean().default(true),
});

export const containerOnNetwork: Checker<typeof params> = defineChecker({
  kind: 'container-on-network',
  description:
    "A running container has an endpoint on a network (at run time or by `network connect`), with an address inside the network's subnet.",
  params,
  run(facts, p, ctx) {
    const found = getHostContainer(facts, hostName(p.host, ctx), p.container);
    if (!found.ok) return found.outcome;
    const { h, c } = found.value;
    const cname = displayName(c);
    const seen = describeEndpoints(h, c);
    const evidence = [`container ${cname}: network mode ${c.networkMode}, endpoints ${seen}`];
    const mode = modeOf(h, c);
    if (mode.kind === 'host' || mode.kind === 'none' || mode.kind === 'container') {
      return bad(
        'check.container-on-network.sharedMode',
        { container: cname, mode: describeMode(mode), network: p.network },
        { expected: p.network, seen, evidence },
      );
    }
    if (!c.running) {
      return bad(
        'check.container-on-network.notRunning',
        { container: cname, status: c.status, network: p.network },
        { expected: p.network, seen: c.status, evidence },
      );
    }
    const e = endpointOn(h, c, p.network);
    if (!e) {
      return bad(
        'check.container-on-network.missing',
        { container: cname, network: p.network, seen },
        { expected: p.network, seen, evidence },
      );
    }
    const net = findNetwork(h, p.network);
    if (p.ipInSubnet) {
      const subnets = (net?.subnets ?? []).map((s) => s.subnet).filter((s) => s.includes('.'));
      if (!e.ip) {
        return bad(
          'check.container-on-network.noIp',
          { container: cname, network: e.network },
          {
            expected: subnets.join(', ') || p.network,
            seen: t('check.value.noAddressOn', { network: e.network }),
            evidence,
          },
        );
      }
      if (subnets.length && !subnets.some((s) => cidrContains(s, e.ip as string))) {
        evidence.push(`network ${e.network}: subnets ${subnets.join(', ')}`);
        return bad(
          'check.container-on-network.outside',
          {
            container: cname,
            network: e.network,
            ip: stripPrefix(e.ip),
            subnet: subnets.join(', '),
          },
          { expected: subnets.join(', '), seen: stripPrefix(e.ip), evidence },
        );
      }
    }
    return ok(
      'check.container-on-network.ok',
      { container: cname, network: e.network, ip: e.ip ? stripPrefix(e.ip) : '-' },
      { seen, evidence },
    );
  },
});
