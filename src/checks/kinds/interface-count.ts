import { z } from 'zod';
import type { Checker } from '../types.js';
import {
  displayName,
  getHost,
  getRunning,
  hostName,
  inetAddresses,
  isLoopback,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { count, host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';

const params = z.strictObject({ host, container: name, count });

export const interfaceCount: Checker<typeof params> = defineChecker({
  kind: 'interface-count',
  description:
    "The number of interfaces, loopback aside, inside a running container's network namespace.",
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const cf = getRunning(hf.value, p.container);
    if (!cf.ok) return cf.outcome;
    const c = cf.value;
    const cname = displayName(c);
    if (!c.links) {
      return bad(
        'check.interface-count.unread',
        { container: cname },
        { expected: String(p.count), evidence: [`no links were read inside ${cname}`] },
      );
    }
    const links = c.links.filter((l) => !isLoopback(l));
    const names = links.map((l) => l.name);
    const evidence = c.links.map((l) =>
      `${c.name}: ${l.ifindex}: ${l.name}${l.kind ? ` (${l.kind})` : ''} ${inetAddresses(l).join(' ')}`.trim(),
    );
    const vars = {
      container: cname,
      count: links.length,
      names: names.join(', ') || '-',
      expected: p.count,
    };
    if (links.length === p.count)
      return ok('check.interface-count.ok', vars, { seen: String(links.length), evidence });
    return bad('check.interface-count.wrong', vars, {
      expected: String(p.count),
      seen: `${links.length} (${names.join(', ') || '-'})`,
      evidence,
    });
  },
});
