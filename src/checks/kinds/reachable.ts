import type { Checker } from '../types.js';
import { judgeReach, reachParams, reachProbe } from '../lib/reach.js';
import { defineChecker } from '../define.js';

export const reachable: Checker<typeof reachParams> = defineChecker({
  kind: 'reachable',
  description:
    'Real traffic gets an answer: from a container or a lab host to an address, a container or a lab host, by ping, a TCP connect, or a UDP DNS query, within the timeout (at most 3 s).',
  params: reachParams,
  probes(p, ctx, facts) {
    const probe = reachProbe(p, ctx, facts, true);
    return probe ? [probe] : [];
  },
  run(facts, p, ctx) {
    return judgeReach(facts, p, ctx, true);
  },
});
