import { z } from 'zod';
import type { Checker } from '../types.js';
import { getHost, hostName } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { count, host } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({ host, count, ready: z.boolean().default(true) });

export const swarmNodes: Checker<typeof params> = defineChecker({
  kind: 'swarm-nodes',
  description: 'The swarm, seen from a manager, has this many nodes (ready ones, by default).',
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const s = h.swarm;
    const evidence = [
      `${h.host}: swarm ${s.state}${s.isManager ? ', manager' : ''}${s.nodeAddr ? `, address ${s.nodeAddr}` : ''}${s.error ? `, error ${s.error}` : ''}`,
    ];
    const ready = p.ready ? t('check.swarm-nodes.readyWord') : '';
    const expected = t('check.swarm-nodes.expected', { count: p.count, ready });
    if (s.state !== 'active') {
      return bad(
        'check.swarm-nodes.notActive',
        { host: h.host, state: s.state },
        { expected, seen: `swarm ${s.state}`, evidence },
      );
    }
    if (!s.isManager || !s.nodes) {
      return bad(
        'check.swarm-nodes.notManager',
        { host: h.host },
        { expected, seen: t('check.swarm-nodes.worker'), evidence },
      );
    }
    for (const n of s.nodes)
      evidence.push(
        `node ${n.hostname}: ${n.role}, ${n.state}${n.availability ? `, ${n.availability}` : ''}${n.addr ? `, ${n.addr}` : ''}`,
      );
    const counted = p.ready ? s.nodes.filter((n) => n.state === 'ready') : s.nodes;
    const seenList = s.nodes.map((n) => `${n.hostname} (${n.state})`).join(', ');
    const vars = {
      host: h.host,
      count: counted.length,
      expected: p.count,
      nodes: seenList || '-',
      ready,
    };
    if (counted.length === p.count)
      return ok('check.swarm-nodes.ok', vars, { expected, seen: seenList, evidence });
    return bad('check.swarm-nodes.wrong', vars, { expected, seen: seenList, evidence });
  },
});
