import { z } from 'zod';
import type { ContainerFacts, HostFacts, LabFacts } from '../../observe/facts.js';
import type { CheckContext, CheckOutcome, Probe } from '../types.js';
import { isIPv4 } from './cidr.js';
import {
  containerIps,
  describeEndpoints,
  displayName,
  findContainer,
  getHost,
  getRunning,
  hostLanAddress,
  modeOf,
  sharedNetworks,
} from './lookup.js';
import { bad, ok } from './outcome.js';
import { host, name, port, timeoutMs } from './params.js';
import {
  classifyReach,
  probeLine,
  probeResult,
  REACH_TEXT,
  REACH_WINDOW_MS,
  reachProbe as windowedProbe,
  type Protocol,
} from '../../observe/probe.js';
import { t } from '../../i18n/index.js';

/** Params of `reachable` and `not-reachable`. */
export const reachParams = z
  .strictObject({
    from: z.strictObject({ host, container: name.optional() }).default({}),
    /** An IPv4 address, a container name, or a lab host name. */
    to: name,
    port: port.optional(),
    protocol: z.enum(['icmp', 'tcp', 'udp']).optional(),
    /** Kept for older lessons: every reachability probe now tries for REACH_WINDOW_MS (3 s). */
    timeoutMs: timeoutMs.default(2000),
  })
  .superRefine((p, ctx) => {
    if (p.protocol === 'udp' && p.port === undefined)
      ctx.addIssue({ code: 'custom', path: ['port'], message: 'udp needs a port' });
    if (p.protocol === 'tcp' && p.port === undefined)
      ctx.addIssue({ code: 'custom', path: ['port'], message: 'tcp needs a port' });
    if (p.protocol === 'icmp' && p.port !== undefined)
      ctx.addIssue({ code: 'custom', path: ['port'], message: 'icmp (ping) has no port' });
  });

export type ReachParams = z.infer<typeof reachParams>;

export function protocolOf(p: ReachParams): Protocol {
  return p.protocol ?? (p.port === undefined ? 'icmp' : 'tcp');
}

interface Target {
  ip: string;
  /** How `to` was understood, for evidence. */
  how: string;
  /** The target container, when `to` named one. */
  container?: ContainerFacts;
  shared: boolean;
}

type Resolved =
  { ok: true; target: Target } | { ok: false; outcome: CheckOutcome; probeable?: false };

function fromLabel(p: ReachParams, ctx: CheckContext): string {
  return p.from.container ?? p.from.host ?? ctx.defaultHost;
}

/** Resolve `to` to one IPv4 address, from the facts (or from the context alone when there are none). */
export function resolveTarget(
  p: ReachParams,
  ctx: CheckContext,
  facts: LabFacts | undefined,
  want: boolean,
): Resolved {
  const fromHost = p.from.host ?? ctx.defaultHost;
  if (isIPv4(p.to))
    return { ok: true, target: { ip: p.to, how: `${p.to} (an address)`, shared: true } };
  const hf = facts?.hosts[fromHost];
  // A container: on the probing host first, then on the other hosts (overlay networks span hosts).
  if (facts) {
    const hosts: HostFacts[] = [
      ...(hf ? [hf] : []),
      ...Object.values(facts.hosts).filter((x) => x.host !== fromHost),
    ];
    for (const h of hosts) {
      const tc = findContainer(h, p.to);
      if (!tc) continue;
      const tname = displayName(tc);
      const ips = containerIps(h, tc);
      const fc = p.from.container && hf ? findContainer(hf, p.from.container) : undefined;
      if (fc && hf && modeOf(hf, fc).kind !== 'host') {
        // Shared networks by id (swarm-scoped networks keep their id across hosts) or name.
        const shared = sharedNetworks(hf, fc, h, tc).filter((s) => s.b.ip);
        if (shared.length) {
          const s = shared[0]!;
          const ip = s.b.ip!.split('/')[0]!;
          return {
            ok: true,
            target: {
              ip,
              how: `${tname} on ${s.b.network} (${ip}), a network ${displayName(fc)} shares`,
              container: tc,
              shared: true,
            },
          };
        }
        if (want || !ips.length) {
          return {
            ok: false,
            outcome: bad(
              ips.length ? 'check.reach.noSharedNetwork' : 'check.reach.targetNoIp',
              {
                from: displayName(fc),
                to: tname,
                fromNets: describeEndpoints(hf, fc),
                toNets: describeEndpoints(h, tc),
              },
              {
                expected: t('check.reach.sharedExpected', { from: displayName(fc), to: tname }),
                seen: `${displayName(fc)}: ${describeEndpoints(hf, fc)}; ${tname}: ${describeEndpoints(h, tc)}`,
                evidence: [],
              },
            ),
          };
        }
        const first = ips[0]!;
        return {
          ok: true,
          target: {
            ip: first.ip,
            how: `${tname}'s first address ${first.ip} (on ${first.network}; no network shared with ${displayName(fc)})`,
            container: tc,
            shared: false,
          },
        };
      }
      if (!ips.length) {
        return {
          ok: false,
          outcome: bad(
            'check.reach.targetNoIp',
            { from: fromLabel(p, ctx), to: tname, fromNets: '-', toNets: describeEndpoints(h, tc) },
            { evidence: [] },
          ),
        };
      }
      const first = ips[0]!;
      return {
        ok: true,
        target: {
          ip: first.ip,
          how: `${tname} at ${first.ip} (on ${first.network})`,
          container: tc,
          shared: true,
        },
      };
    }
  }
  const byCtx = ctx.hostAddresses?.[p.to];
  if (byCtx)
    return {
      ok: true,
      target: {
        ip: byCtx.split('/')[0]!,
        how: `lab host ${p.to} (${byCtx.split('/')[0]})`,
        shared: true,
      },
    };
  const th = facts?.hosts[p.to];
  const lan = th ? hostLanAddress(th) : undefined;
  if (lan) return { ok: true, target: { ip: lan, how: `lab host ${p.to} (${lan})`, shared: true } };
  if (!facts)
    return {
      ok: false,
      outcome: bad('check.reach.unresolved', { to: p.to }, { evidence: [] }),
      probeable: false,
    };
  return {
    ok: false,
    outcome: bad(
      'check.reach.unresolved',
      { to: p.to },
      { expected: p.to, evidence: [`hosts observed: ${Object.keys(facts.hosts).join(', ')}`] },
    ),
  };
}

export function reachProbe(
  p: ReachParams,
  ctx: CheckContext,
  facts: LabFacts | undefined,
  want: boolean,
): Probe | undefined {
  const fromHost = p.from.host ?? ctx.defaultHost;
  if (facts && p.from.container) {
    const hf = facts.hosts[fromHost];
    const fc = hf ? findContainer(hf, p.from.container) : undefined;
    if (!fc || !fc.running) return undefined;
  }
  const r = resolveTarget(p, ctx, facts, want);
  if (!r.ok) return undefined;
  const where = p.from.container ? { container: p.from.container } : {};
  return windowedProbe(fromHost, where, protocolOf(p), r.target.ip, p.port);
}

/** Every-address forms of a published port's host address. */
const ANY_ADDRESS = new Set(['', '0.0.0.0', '::']);

/**
 * A refused TCP port on a lab host whose container publishes that port on another address only
 * (`-p 127.0.0.1:8080:80`): the likely cause of the refusal, to name it rather than "nothing listens".
 */
function publishedElsewhere(
  facts: LabFacts,
  ip: string,
  port: number | undefined,
): { container: string; hostIp: string } | undefined {
  if (port === undefined) return undefined;
  const h = Object.values(facts.hosts).find((x) => hostLanAddress(x) === ip);
  for (const c of h?.containers ?? []) {
    const b = c.ports.find(
      (x) =>
        x.hostPort === port &&
        x.protocol === 'tcp' &&
        !ANY_ADDRESS.has(x.hostIp) &&
        x.hostIp !== ip,
    );
    if (b && c.running) return { container: displayName(c), hostIp: b.hostIp };
  }
  return undefined;
}

function what(p: ReachParams): string {
  const proto = protocolOf(p);
  return proto === 'icmp'
    ? t('check.reach.ping')
    : t('check.reach.port', { protocol: proto, port: p.port });
}

/** Judge a reachability probe: `want` true for `reachable`, false for `not-reachable`. */
export function judgeReach(
  facts: LabFacts,
  p: ReachParams,
  ctx: CheckContext,
  want: boolean,
): CheckOutcome {
  const fromHost = p.from.host ?? ctx.defaultHost;
  const hf = getHost(facts, fromHost);
  if (!hf.ok) return hf.outcome;
  let from = fromHost;
  if (p.from.container) {
    const cf = getRunning(hf.value, p.from.container);
    if (!cf.ok) return cf.outcome;
    from = displayName(cf.value);
  }
  const r = resolveTarget(p, ctx, facts, want);
  if (!r.ok) return r.outcome;
  const probe = reachProbe(p, ctx, facts, want);
  const proto = protocolOf(p);
  const target = p.to === r.target.ip ? p.to : `${p.to} (${r.target.ip})`;
  const vars = {
    from,
    to: p.to,
    ip: r.target.ip,
    target,
    what: what(p),
    seconds: REACH_WINDOW_MS / 1000,
  };
  const expected = t(want ? 'check.reach.expected' : 'check.reach.expectedNone', {
    to: p.to,
    ip: r.target.ip,
    what: what(p),
  });
  const evidence = [`target: ${r.target.how}`];
  const res = probe ? probeResult(facts, probe) : undefined;
  if (!probe || !res) {
    return bad(
      'check.common.probeMissing',
      { from, probe: probe?.id ?? '-' },
      { expected, evidence: [...evidence, `probe ${probe?.id ?? '-'}: no result`] },
    );
  }
  const tries = res.tries ?? 1;
  evidence.push(
    `probe ${probe.id} → exit ${res.code} in ${res.ms} ms (${tries} ${tries === 1 ? 'try' : 'tries'}): ${probeLine(res)}`,
  );
  const seen = classifyReach(proto, res);
  const seenText = `${t(REACH_TEXT[seen])}: ${probeLine(res)}`;
  if (seen === 'error') {
    return bad(
      'check.common.probeError',
      { from, line: probeLine(res) },
      { expected, seen: seenText, evidence },
    );
  }
  if (want) {
    if (seen === 'reached')
      return ok('check.reachable.ok', vars, { expected, seen: seenText, evidence });
    const elsewhere =
      seen === 'refused' && proto === 'tcp'
        ? publishedElsewhere(facts, r.target.ip, p.port)
        : undefined;
    if (elsewhere)
      return bad(
        'check.reachable.publishedElsewhere',
        { ...vars, ...elsewhere, port: p.port ?? '' },
        { expected, seen: seenText, evidence },
      );
    const key =
      seen === 'refused'
        ? proto === 'udp'
          ? 'check.reachable.udpRefused'
          : 'check.reachable.refused'
        : seen === 'unreachable'
          ? 'check.reachable.noRoute'
          : proto === 'udp'
            ? 'check.reachable.udpSilent'
            : 'check.reachable.timeout';
    return bad(key, vars, { expected, seen: seenText, evidence });
  }
  if (seen === 'reached')
    return bad('check.not-reachable.reached', vars, { expected, seen: seenText, evidence });
  const key =
    seen === 'refused'
      ? 'check.not-reachable.okRefused'
      : seen === 'unreachable'
        ? 'check.not-reachable.okNoRoute'
        : 'check.not-reachable.ok';
  return ok(key, vars, { expected, seen: seenText, evidence });
}
