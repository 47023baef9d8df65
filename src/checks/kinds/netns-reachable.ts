import { z } from 'zod';
import type { Checker, Probe } from '../types.js';
import { hostName } from '../lib/lookup.js';
import { netnsListProbe, netnsName, noNetns } from '../lib/netns.js';
import { bad, ok } from '../lib/outcome.js';
import { host, ipv4, port, timeoutMs } from '../lib/params.js';
import {
  classifyReach,
  probeLine,
  probeResult,
  REACH_TEXT,
  REACH_WINDOW_MS,
  reachProbe as windowedProbe,
  type Protocol,
} from '../../observe/probe.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

/**
 * Real traffic from a learner's namespace: the probe is the same windowed BusyBox ping / nc /
 * nslookup as `reachable` (src/observe/probe.ts), run by the machine's busybox in that
 * namespace (the runner finds it in the host's /run/netns). A missing namespace: exit 255,
 * "Cannot open network namespace".
 */
const params = z
  .strictObject({
    host,
    netns: netnsName,
    to: ipv4,
    port: port.optional(),
    protocol: z.enum(['icmp', 'tcp', 'udp']).optional(),
    timeoutMs: timeoutMs.default(2000),
  })
  .superRefine((p, ctx) => {
    if ((p.protocol === 'udp' || p.protocol === 'tcp') && p.port === undefined)
      ctx.addIssue({ code: 'custom', path: ['port'], message: `${p.protocol} needs a port` });
    if (p.protocol === 'icmp' && p.port !== undefined)
      ctx.addIssue({ code: 'custom', path: ['port'], message: 'icmp (ping) has no port' });
  });

type P = z.infer<typeof params>;

function protocolOf(p: P): Protocol {
  return p.protocol ?? (p.port === undefined ? 'icmp' : 'tcp');
}

function reachProbe(p: P, host: string): Probe {
  return windowedProbe(host, { netns: p.netns }, protocolOf(p), p.to, p.port);
}

export const netnsReachable: Checker<typeof params> = defineChecker({
  kind: 'netns-reachable',
  description:
    'Real traffic from a network namespace made with `ip netns add` inside a lab host gets an answer: ping, a TCP connect or a UDP DNS query to an address, within the timeout (at most 3 s).',
  params,
  probes(p, ctx) {
    const host = hostName(p.host, ctx);
    return [reachProbe(p, host), netnsListProbe(host)];
  },
  run(facts, p, ctx) {
    const host = hostName(p.host, ctx);
    const probe = reachProbe(p, host);
    const proto = protocolOf(p);
    const what =
      proto === 'icmp'
        ? t('check.reach.ping')
        : t('check.reach.port', { protocol: proto, port: p.port });
    const vars = { netns: p.netns, to: p.to, what, seconds: REACH_WINDOW_MS / 1000, line: '' };
    const expected = t('check.netns-reachable.expected', { to: p.to, what, netns: p.netns });
    const res = probeResult(facts, probe);
    if (!res)
      return bad(
        'check.common.probeMissing',
        { from: p.netns, probe: probe.id },
        { expected, evidence: [`probe ${probe.id}: no result`] },
      );
    if (res.code === 255 && /Cannot open network namespace/i.test(res.stderr))
      return noNetns(facts, host, p.netns);
    const line = probeLine(res);
    vars.line = line;
    const evidence = [`probe ${probe.id} → exit ${res.code} in ${res.ms} ms: ${line}`];
    const seen = classifyReach(proto, res);
    const d = { expected, seen: `${t(REACH_TEXT[seen])}: ${line}`, evidence };
    switch (seen) {
      case 'reached':
        return ok('check.netns-reachable.ok', vars, d);
      case 'unreachable':
        return bad('check.netns-reachable.noRoute', vars, d);
      case 'refused':
        return bad('check.netns-reachable.refused', vars, d);
      case 'timeout':
        return bad('check.netns-reachable.timeout', vars, d);
      default:
        return bad('check.common.probeError', { from: p.netns, line }, d);
    }
  },
});
