import { z } from 'zod';
import type { FirewallRule, HostFacts } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import { cidrContains, isCidr, isIPv4, normalizeCidr, sameCidr, stripPrefix } from '../lib/cidr.js';
import { containerIps, findContainer, findNetwork, getHost, hostName } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name, port } from '../lib/params.js';
import { defineChecker } from '../define.js';

const target = z.string().refine((s) => /^\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?$/.test(s), {
  message: 'expected ip or ip:port, like 172.17.0.2:80',
});

const params = z
  .strictObject({
    host,
    /** `source-nat`: MASQUERADE or SNAT, either rewrites the source (equivalent for a step about the way out). */
    type: z.enum(['dnat', 'masquerade', 'snat', 'source-nat']),
    /** The destination port the rule matches (a published host port for DNAT). */
    dport: port.optional(),
    protocol: z.enum(['tcp', 'udp', 'sctp']).optional(),
    toDestination: target.optional(),
    /** DNAT to this container's address (any of its networks); with containerPort, to that port. */
    container: name.optional(),
    containerPort: port.optional(),
    /** The source the rule matches: a CIDR, an address, or a Docker network name (its subnet). */
    source: z.string().min(1).optional(),
    /** Extra: for SNAT, the address it rewrites to. */
    toSource: z.string().min(1).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.containerPort !== undefined && p.container === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['containerPort'],
        message: 'containerPort needs container',
      });
    }
    if (p.type !== 'dnat' && (p.toDestination !== undefined || p.containerPort !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [p.toDestination !== undefined ? 'toDestination' : 'containerPort'],
        message: `only for type dnat, not ${p.type}`,
      });
    }
    if (p.type !== 'snat' && p.toSource !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['toSource'], message: 'only for type snat' });
    }
  });

type P = z.infer<typeof params>;

const TARGETS: Record<P['type'], string[]> = {
  dnat: ['DNAT'],
  masquerade: ['MASQUERADE'],
  snat: ['SNAT'],
  'source-nat': ['MASQUERADE', 'SNAT'],
};

/** Whether a source NAT rule applies to packets from `ip`: no source matches every address. */
function sourceCovers(r: FirewallRule, ip: string): boolean {
  if (!r.source) return true;
  const inside = cidrContains(r.source.includes('/') ? r.source : `${r.source}/32`, ip);
  return r.sourceNegated ? !inside : inside;
}

export function portMatches(rulePort: string | undefined, want: number): boolean {
  if (rulePort === undefined) return false;
  const m = /^(\d+)(?:[:-](\d+))?$/.exec(rulePort.trim());
  if (!m) return rulePort.split(',').some((x) => portMatches(x, want));
  const lo = Number(m[1]);
  const hi = m[2] !== undefined ? Number(m[2]) : lo;
  return want >= lo && want <= hi;
}

function splitTarget(s: string): { ip: string; port?: number } {
  const [ip, p] = s.split(':');
  return p !== undefined ? { ip: ip ?? '', port: Number(p) } : { ip: ip ?? '' };
}

/** A rule in a few words, without its target: `tcp dport 8080 → 172.17.0.2:80 [in !docker0]`. */
export function describeRule(r: FirewallRule): string {
  const parts: string[] = [];
  if (r.protocol) parts.push(r.protocol);
  if (r.source) parts.push(`from ${r.sourceNegated ? '!' : ''}${r.source}`);
  if (r.destination) parts.push(`to ${r.destinationNegated ? '!' : ''}${r.destination}`);
  if (r.dport) parts.push(`dport ${r.dport}`);
  const tgt = (r.target ?? '').toUpperCase();
  if (tgt === 'DNAT') parts.push(`→ ${r.toDestination ?? '?'}`);
  else if (tgt === 'SNAT') parts.push(`→ ${r.toSource ?? '?'}`);
  const ifaces: string[] = [];
  if (r.inIface) ifaces.push(`in ${r.inIfaceNegated ? '!' : ''}${r.inIface}`);
  if (r.outIface) ifaces.push(`out ${r.outIfaceNegated ? '!' : ''}${r.outIface}`);
  if (ifaces.length) parts.push(`[${ifaces.join(', ')}]`);
  return parts.join(' ');
}

/** Sources a param names: a CIDR, one address (/32), or a network's subnets. */
function sources(h: HostFacts, src: string): string[] | undefined {
  if (isCidr(src)) return [normalizeCidr(src) ?? src];
  if (isIPv4(src)) return [`${src}/32`];
  const net = findNetwork(h, src);
  if (!net) return undefined;
  return net.subnets.map((s) => s.subnet).filter((s) => s.includes('.'));
}

function sourceMatches(r: FirewallRule, wanted: string[]): boolean {
  if (!r.source || r.sourceNegated) return false;
  const src = r.source.includes('/') ? r.source : `${r.source}/32`;
  return wanted.some((w) => sameCidr(src, w));
}

export const natRule: Checker<typeof params> = defineChecker({
  kind: 'nat-rule',
  description:
    'A NAT rule exists with these properties (DNAT of a published port, MASQUERADE or SNAT of a source), matched by meaning on iptables or nftables rules, whatever the chain is called.',
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const targets = TARGETS[p.type];
    const tname = targets.join('/');
    const fwError = h.errors?.find((e) => e.source === 'firewall')?.message;
    const ofType = h.firewall.filter((r) => targets.includes((r.target ?? '').toUpperCase()));
    const evidence = [
      `firewall backend ${h.engine.firewallBackend || '?'}; ${tname} rules: ${ofType.length}`,
      ...ofType.slice(0, 12).map((r) => r.raw),
    ];
    if (!h.firewall.length && fwError) {
      return bad(
        'check.nat-rule.unread',
        { host: h.host, error: fwError },
        { evidence: [`firewall: ${fwError}`] },
      );
    }

    // What the rule must look like, in words, and the tests a rule must pass.
    const want: string[] = [];
    const tests: ((r: FirewallRule) => boolean)[] = [];
    if (p.protocol !== undefined) {
      want.push(p.protocol);
      tests.push((r) => r.protocol === p.protocol);
    }
    if (p.dport !== undefined) {
      want.push(`dport ${p.dport}`);
      const d = p.dport;
      tests.push((r) => portMatches(r.dport, d));
    }
    if (p.source !== undefined) {
      const srcs = sources(h, p.source);
      if (!srcs?.length) {
        return bad(
          'check.nat-rule.unknownSource',
          { source: p.source, host: h.host },
          { expected: p.source, evidence },
        );
      }
      want.push(`from ${srcs.join(' or ')}`);
      tests.push((r) => sourceMatches(r, srcs));
    }
    if (p.toDestination !== undefined) {
      const t = splitTarget(p.toDestination);
      want.push(`→ ${p.toDestination}`);
      tests.push((r) => {
        if (!r.toDestination) return false;
        const got = splitTarget(r.toDestination);
        return got.ip === t.ip && (t.port === undefined || got.port === t.port);
      });
    }
    if (p.container !== undefined) {
      const c = findContainer(h, p.container);
      const ips = c ? containerIps(h, c).map((x) => x.ip) : [];
      if (!c || !ips.length) {
        const key = c ? 'check.nat-rule.containerNoIp' : 'check.common.noContainer';
        return bad(
          key,
          {
            container: p.container,
            host: h.host,
            others: h.containers.map((x) => x.name).join(', ') || '-',
          },
          { expected: p.container, evidence },
        );
      }
      if (p.type === 'dnat') {
        want.push(
          `→ ${p.container} (${ips.join(' or ')})${p.containerPort !== undefined ? `:${p.containerPort}` : ''}`,
        );
        tests.push((r) => {
          if (!r.toDestination) return false;
          const got = splitTarget(r.toDestination);
          return (
            ips.includes(got.ip) && (p.containerPort === undefined || got.port === p.containerPort)
          );
        });
      } else {
        want.push(`from ${p.container} (${ips.join(' or ')})`);
        tests.push((r) => ips.some((ip) => sourceCovers(r, ip)));
      }
    }
    if (p.toSource !== undefined) {
      const ts = p.toSource;
      want.push(`→ ${ts}`);
      tests.push(
        (r) =>
          !!r.toSource &&
          stripPrefix(r.toSource.split(':')[0] ?? '') === stripPrefix(ts.split(':')[0] ?? ''),
      );
    }

    const expected = `${tname} ${want.join(' ')}`.trim();
    const hit = ofType.find((r) => tests.every((test) => test(r)));
    if (hit)
      return ok(
        'check.nat-rule.ok',
        { rule: `${(hit.target ?? tname).toUpperCase()} ${describeRule(hit)}`, type: tname },
        { expected, seen: hit.raw, evidence: [hit.raw] },
      );
    const seen = ofType.map(describeRule);
    const key = ofType.length ? 'check.nat-rule.missing' : 'check.nat-rule.none';
    return bad(
      key,
      { expected, type: tname, seen: seen.slice(0, 6).join('; ') || '-' },
      { expected, seen: seen.join('; ') || undefined, evidence },
    );
  },
});
