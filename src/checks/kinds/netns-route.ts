import { z } from 'zod';
import type { RouteFacts } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import { isIPv4, sameCidr } from '../lib/cidr.js';
import { hostName } from '../lib/lookup.js';
import { describeRoute, netnsName, netnsProbes, readNetns } from '../lib/netns.js';
import { bad, list, ok } from '../lib/outcome.js';
import { cidr, host, ipv4, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({
  host,
  /** A namespace made with `ip netns add` inside the host; absent: the host's own namespace. */
  netns: netnsName.optional(),
  /** `default` or a CIDR (a host route may be written as a bare address). */
  dst: z.union([z.literal('default'), cidr, ipv4]),
  /** The next hop the route must use. */
  via: ipv4.optional(),
  /** The link the route must leave by. */
  dev: name.optional(),
});

type P = z.infer<typeof params>;

function isDefault(dst: string): boolean {
  return dst === 'default' || dst === '0.0.0.0/0';
}

function matchesDst(r: RouteFacts, dst: string): boolean {
  if (r.type && r.type !== 'unicast') return false;
  if (isDefault(dst)) return isDefault(r.dst);
  const want = isIPv4(dst) ? `${dst}/32` : dst;
  const seen = isIPv4(r.dst) ? `${r.dst}/32` : r.dst;
  return sameCidr(want, seen);
}

function routeVars(p: P) {
  return isDefault(p.dst)
    ? t('check.netns-route.default')
    : t('check.netns-route.to', { dst: p.dst });
}

export const netnsRoute: Checker<typeof params> = defineChecker({
  kind: 'netns-route',
  description:
    "A route in a network namespace made with `ip netns add` inside a lab host (or in the host's own): to `default` or a CIDR, optionally via a next hop and out of a link.",
  params,
  probes(p, ctx) {
    return netnsProbes(hostName(p.host, ctx), p.netns, true);
  },
  run(facts, p, ctx) {
    const host = hostName(p.host, ctx);
    const read = readNetns(facts, host, p.netns, true);
    if (!read.ok) return read.outcome;
    const { label: where, routes, evidence: ev } = read.value;
    const all = list(routes.map(describeRoute));
    const evidence = [...ev, ...routes.map((r) => `${where}: ${describeRoute(r)}`)];
    const expected = [p.dst, p.via ? `via ${p.via}` : '', p.dev ? `dev ${p.dev}` : '']
      .filter(Boolean)
      .join(' ');
    const route = routeVars(p);
    const cands = routes.filter((r) => matchesDst(r, p.dst));
    if (!cands.length)
      return bad(
        isDefault(p.dst) ? 'check.netns-route.noDefault' : 'check.netns-route.noRoute',
        { where, dst: p.dst, routes: all },
        { expected, seen: all, evidence },
      );
    if (p.via !== undefined) {
      const next = cands.filter((r) => r.gateway === p.via);
      if (!next.length)
        return bad(
          'check.netns-route.wrongVia',
          {
            where,
            route,
            via: p.via,
            seen: list(cands.map(describeRoute)),
          },
          { expected, seen: list(cands.map(describeRoute)), evidence },
        );
      if (p.dev !== undefined && !next.some((r) => r.dev === p.dev))
        return bad(
          'check.netns-route.wrongDev',
          { where, route, dev: p.dev, seen: list(next.map(describeRoute)) },
          { expected, seen: list(next.map(describeRoute)), evidence },
        );
      const r = next.find((x) => p.dev === undefined || x.dev === p.dev)!;
      return ok(
        'check.netns-route.ok',
        { where, route: describeRoute(r) },
        { expected, seen: describeRoute(r), evidence },
      );
    }
    const r = cands.find((x) => p.dev === undefined || x.dev === p.dev);
    if (!r)
      return bad(
        'check.netns-route.wrongDev',
        { where, route, dev: p.dev, seen: list(cands.map(describeRoute)) },
        { expected, seen: list(cands.map(describeRoute)), evidence },
      );
    return ok(
      'check.netns-route.ok',
      { where, route: describeRoute(r) },
      { expected, seen: describeRoute(r), evidence },
    );
  },
});
