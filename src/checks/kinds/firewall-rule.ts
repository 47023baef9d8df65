import { z } from 'zod';
import type { FirewallRule, HostFacts } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import { cidrContains, isCidr, isIPv4, normalizeCidr, sameCidr } from '../lib/cidr.js';
import { containerIps, displayName, getContainer, getHost, hostName } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';

const params = z
  .strictObject({
    host,
    /** The filter-table chain the rule must be in and reached in (default DOCKER-USER). */
    chain: z.string().min(1).default('DOCKER-USER'),
    target: z.enum(['DROP', 'REJECT', 'ACCEPT']).default('DROP'),
    /** The rule matches traffic from this container (one of its addresses). */
    container: name.optional(),
    /** Or from this CIDR or address. */
    source: z
      .string()
      .refine((s) => isCidr(s) || isIPv4(s), { message: 'expected a CIDR or an IPv4 address' })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.container === undefined) === (p.source === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['container'],
        message: 'give one of container or source',
      });
    }
  });

type P = z.infer<typeof params>;

const asCidr = (s: string) => (s.includes('/') ? s : `${s}/32`);

/** A rule every packet stops at: `-A <chain> -j RETURN|ACCEPT` with no match at all. */
function stopsEverything(r: FirewallRule): boolean {
  if (r.backend !== 'iptables') return false;
  return /^-A \S+ -j (RETURN|ACCEPT)$/.test(r.raw.trim());
}

/** Whose address an IP is: a container on this host, or nothing. */
function whose(h: HostFacts, ip: string): string | undefined {
  for (const c of h.containers) {
    if (containerIps(h, c).some((x) => cidrContains(asCidr(ip), x.ip))) return displayName(c);
  }
  return undefined;
}

export const firewallRule: Checker<typeof params> = defineChecker({
  kind: 'firewall-rule',
  description:
    "A filter rule (default: DROP in DOCKER-USER) for traffic from a container or source, in the chain and reached: not behind an unconditional RETURN/ACCEPT. Tells apart a rule in another chain, after the RETURN, or for someone else's address.",
  params,
  run(facts, p: P, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    let ips: string[];
    let who: string;
    if (p.container !== undefined) {
      const cf = getContainer(h, p.container);
      if (!cf.ok) return cf.outcome;
      ips = containerIps(h, cf.value).map((x) => x.ip);
      who = displayName(cf.value);
      if (!ips.length) {
        return bad('check.firewall-rule.noIp', { container: who }, { expected: p.container });
      }
    } else {
      ips = [];
      who = normalizeCidr(asCidr(p.source!)) ?? p.source!;
    }
    const matchesSource = (r: FirewallRule): boolean => {
      if (!r.source || r.sourceNegated) return false;
      if (p.source !== undefined) return sameCidr(asCidr(r.source), asCidr(p.source));
      return ips.some((ip) => cidrContains(asCidr(r.source!), ip));
    };
    const filter = h.firewall.filter((r) => r.backend === 'iptables' && r.table === 'filter');
    const inChain = filter.filter((r) => r.chain === p.chain);
    const evidence = [
      `firewall backend ${h.engine.firewallBackend || '?'}; ${p.chain}: ${inChain.length} rule(s)`,
      ...inChain.slice(0, 12).map((r) => r.raw),
    ];
    const vars = {
      chain: p.chain,
      target: p.target,
      who: ips.length ? `${who} (${ips.join(', ')})` : who,
      ip: ips[0] ?? p.source ?? '',
    };
    const expected = `-A ${p.chain} -s ${ips[0] ?? who} -j ${p.target}`;
    const chainKnown =
      inChain.length > 0 ||
      (h.firewallChains ?? []).some((c) => c.table === 'filter' && c.chain === p.chain);
    if (!chainKnown) {
      const fwError = h.errors?.find((e) => e.source === 'firewall')?.message;
      return bad(
        'check.firewall-rule.noChain',
        { ...vars, host: h.host, backend: h.engine.firewallBackend || '?', error: fwError ?? '-' },
        { expected, evidence },
      );
    }
    const idx = inChain.findIndex(
      (r) => (r.target ?? '').toUpperCase() === p.target && matchesSource(r),
    );
    if (idx >= 0) {
      const hit = inChain[idx]!;
      const stop = inChain.slice(0, idx).find(stopsEverything);
      if (stop) {
        return bad(
          'check.firewall-rule.unreached',
          { ...vars, rule: hit.raw, stop: stop.raw },
          { expected, seen: inChain.map((r) => r.raw).join('; '), evidence },
        );
      }
      return ok(
        'check.firewall-rule.ok',
        { ...vars, rule: hit.raw },
        { expected, seen: hit.raw, evidence: [hit.raw] },
      );
    }
    const elsewhere = filter.find(
      (r) => r.chain !== p.chain && (r.target ?? '').toUpperCase() === p.target && matchesSource(r),
    );
    if (elsewhere) {
      return bad(
        'check.firewall-rule.otherChain',
        { ...vars, rule: elsewhere.raw, other: elsewhere.chain },
        { expected, seen: elsewhere.raw, evidence },
      );
    }
    const sameTarget = inChain.filter(
      (r) => (r.target ?? '').toUpperCase() === p.target && r.source,
    );
    if (sameTarget.length) {
      const seen = sameTarget
        .map((r) => {
          const o = whose(h, r.source!.replace(/\/32$/, ''));
          return `${r.source}${o ? ` (${o})` : ''}`;
        })
        .join(', ');
      return bad(
        'check.firewall-rule.otherSource',
        { ...vars, seen },
        { expected, seen, evidence },
      );
    }
    return bad('check.firewall-rule.none', vars, { expected, evidence });
  },
});
