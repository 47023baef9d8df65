import { z } from 'zod';
import type { Checker } from '../types.js';
import { isCidr } from '../lib/cidr.js';
import { displayName, getHost, getRunning, hostName, inetAddresses } from '../lib/lookup.js';
import { describeLink } from '../lib/netns.js';
import { bad, list, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';

/**
 * A link inside a running container's own network namespace, as the engine's observer read it
 * there (`ip -j -d addr` in the sandbox): it exists, is up or down, holds an address. What a
 * learner changes with `nsenter --net=<SandboxKey>` or `nsenter -t <pid> -n` is judged here,
 * never from a file the learner wrote.
 */
const params = z.strictObject({
  host,
  container: name,
  link: name,
  up: z.boolean().optional(),
  /** Addresses the link must hold (others are harmless), each with its prefix: 10.9.9.9/32. */
  addresses: z
    .array(
      z.string().refine((s) => isCidr(s) && !s.includes(':'), {
        message: 'expected an IPv4 address with its prefix like 10.9.9.9/32',
      }),
    )
    .min(1)
    .optional(),
});

export const containerLink: Checker<typeof params> = defineChecker({
  kind: 'container-link',
  description:
    "A link inside a running container's network namespace: it exists, is up or down, and holds at least the addresses given (with their prefix).",
  params,
  run(facts, p, ctx) {
    const h = hostName(p.host, ctx);
    const hf = getHost(facts, h);
    if (!hf.ok) return hf.outcome;
    const cf = getRunning(hf.value, p.container);
    if (!cf.ok) return cf.outcome;
    const c = cf.value;
    const container = displayName(c);
    const links = c.links ?? [];
    const evidence = links.map((l) => `${container}: ${describeLink(l)}`);
    const all = list(links.map((l) => l.name));
    const l = links.find((x) => x.name === p.link);
    if (!l)
      return bad(
        'check.container-link.noLink',
        { container, link: p.link, links: all },
        { expected: p.link, seen: all, evidence },
      );
    const have = inetAddresses(l);
    for (const want of p.addresses ?? []) {
      if (have.includes(want)) continue;
      const ip = want.split('/')[0]!;
      const sameIp = have.find((a) => a.split('/')[0] === ip);
      const elsewhere = links
        .filter((x) => x !== l && inetAddresses(x).some((a) => a.split('/')[0] === ip))
        .map((x) => x.name);
      const hostHas = hf.value.links.some((x) =>
        inetAddresses(x).some((a) => a.split('/')[0] === ip),
      );
      const key = sameIp
        ? 'check.container-link.prefix'
        : elsewhere.length
          ? 'check.container-link.otherLink'
          : hostHas
            ? 'check.container-link.onHost'
            : 'check.container-link.noAddress';
      return bad(
        key,
        {
          container,
          link: p.link,
          address: want,
          seen: sameIp ?? (have.length ? have.join(' ') : '-'),
          other: elsewhere.join(', '),
          host: h,
        },
        { expected: want, seen: describeLink(l), evidence },
      );
    }
    if (p.up !== undefined && l.up !== p.up)
      return bad(
        p.up ? 'check.container-link.down' : 'check.container-link.up',
        { container, link: p.link },
        { expected: p.up ? 'UP' : 'DOWN', seen: describeLink(l), evidence },
      );
    return ok(
      'check.container-link.ok',
      { container, link: describeLink(l) },
      { seen: describeLink(l), evidence },
    );
  },
});
