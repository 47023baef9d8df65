import { z } from 'zod';
import type { Checker } from '../types.js';
import { stripPrefix } from '../lib/cidr.js';
import {
  containerIps,
  describeEndpoints,
  displayName,
  endpointOn,
  getHostContainer,
  hostName,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, ipv4, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({ host, container: name, network: name.optional(), ip: ipv4 });

export const containerIp: Checker<typeof params> = defineChecker({
  kind: 'container-ip',
  description: 'A running container has this IPv4 address (on a given network, or on any).',
  params,
  run(facts, p, ctx) {
    const found = getHostContainer(facts, hostName(p.host, ctx), p.container);
    if (!found.ok) return found.outcome;
    const { h, c } = found.value;
    const cname = displayName(c);
    const seen = describeEndpoints(h, c);
    const evidence = [`container ${cname}: ${c.status}, endpoints ${seen}`];
    const asked = c.endpoints.find((e) => e.requestedIp);
    if (!c.running && asked) {
      // Older engines create the container, then refuse to start it with an --ip they cannot give.
      return bad(
        'check.container-ip.ipRefused',
        {
          container: cname,
          status: c.status,
          ip: stripPrefix(asked.requestedIp!),
          network: asked.network,
        },
        { expected: p.ip, seen: c.status, evidence },
      );
    }
    if (!c.running) {
      return bad(
        'check.common.notRunning',
        { container: cname, status: c.status },
        { expected: p.ip, seen: c.status, evidence },
      );
    }
    if (p.network !== undefined) {
      const e = endpointOn(h, c, p.network);
      if (!e)
        return bad(
          'check.container-ip.notOnNetwork',
          { container: cname, network: p.network, seen },
          { expected: t('check.value.ipOn', { ip: p.ip, network: p.network }), seen, evidence },
        );
      const ip = e.ip ? stripPrefix(e.ip) : undefined;
      if (ip === p.ip)
        return ok(
          'check.container-ip.ok',
          { container: cname, ip, network: e.network },
          { seen: ip, evidence },
        );
      if (e.requestedIp && stripPrefix(e.requestedIp) !== ip)
        evidence.push(`asked for --ip ${e.requestedIp}`);
      return bad(
        'check.container-ip.wrong',
        { container: cname, seen: ip ?? '-', network: e.network, expected: p.ip },
        { expected: p.ip, seen: ip, evidence },
      );
    }
    const ips = containerIps(h, c);
    const hit = ips.find((x) => x.ip === p.ip);
    if (hit)
      return ok(
        'check.container-ip.ok',
        { container: cname, ip: hit.ip, network: hit.network },
        { seen: hit.ip, evidence },
      );
    const seenIps = ips.map((x) => t('check.value.ipOn', x)).join(', ') || '-';
    return bad(
      'check.container-ip.wrongAny',
      { container: cname, seen: seenIps, expected: p.ip },
      { expected: p.ip, seen: seenIps, evidence },
    );
  },
});
