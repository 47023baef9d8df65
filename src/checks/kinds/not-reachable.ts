import type { Checker } from '../types.js';
import { judgeReach, reachParams, reachProbe } from '../lib/reach.js';
import { defineChecker } from '../define.js';

export const notReachable: Checker<typeof reachParams> = defineChecker({
  kind: 'not-reachable',
  description:
    'Real traffic gets no answer within the timeout (at most 3 s): dropped, refused or unroutable. A probe that could not run at all fails, never passes.',
  params: reachParams,
  probes(p, ctx, facts) {
    const probe = reachProbe(p, ctx, facts, false);
    return probe ? [probe] : [];
  },
  run(facts, p, ctx) {
    return judgeReach(facts, p, ctx, false);
  },
});
