import type { FirewallChain, FirewallRule, HostFacts } from '../observe/facts.js';
import { cidrHas, ipOf } from './ip.js';

/**
 * A small netfilter walk over observed rules (iptables-save or nftables, one shape): which rules
 * a first packet of a connection matches, following jumps, gotos and returns, up to a verdict.
 * Pure. It models what Docker's rules use (addresses, interfaces with `+`, protocol, ports,
 * conntrack state, `addrtype LOCAL` / `fib daddr type local`); a rule with a match it does not
 * model is taken as matching and flagged `unsure`.
 */

export type Hook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
/** `raw` is walked at prerouting: from 28 Docker drops direct access to container addresses there. */
export type ChainType = 'raw' | 'nat' | 'filter';

export interface Packet {
  proto: 'tcp' | 'udp' | 'icmp';
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  inIface?: string;
  outIface?: string;
}

/** Where a rule lives, stable between two reads of the same rule set. */
export interface RuleRef {
  host: string;
  backend: FirewallRule['backend'];
  family: string;
  table: string;
  chain: string;
  /** Position among the rules of its chain (0-based). */
  index: number;
  raw: string;
  target?: string;
}

export interface RuleHit {
  ref: RuleRef;
  rule: FirewallRule;
  /** The rule has a match this walk does not model; it was taken as matching. */
  unsure?: boolean;
}

export interface WalkResult {
  verdict: 'accept' | 'drop';
  /** Rules that matched, in order (jumps included). */
  hits: RuleHit[];
  /** Set when the verdict is the base chain's policy. */
  policy?: { table: string; chain: string; policy: string; backend: FirewallRule['backend'] };
  /** The packet after NAT. */
  packet: Packet;
}

const IPT_CHAIN: Record<Hook, string> = {
  prerouting: 'PREROUTING',
  input: 'INPUT',
  forward: 'FORWARD',
  output: 'OUTPUT',
  postrouting: 'POSTROUTING',
};

/** Normalised rule text: nft prints live counters inside the rule. */
export function ruleText(raw: string): string {
  return raw.replace(/counter packets \d+ bytes \d+/g, 'counter').trim();
}

export function ruleKey(
  r: Pick<RuleRef, 'backend' | 'family' | 'table' | 'chain' | 'index'>,
): string {
  return `${r.backend}|${r.family}|${r.table}|${r.chain}|${r.index}`;
}

/** Rules of one host indexed by chain, with their refs. */
export class RuleSet {
  private readonly chains = new Map<string, { rule: FirewallRule; ref: RuleRef }[]>();
  readonly local: Set<string>;
  constructor(
    readonly host: HostFacts,
    extraLocal: string[] = [],
  ) {
    for (const rule of host.firewall) {
      const family = rule.family ?? 'ip';
      if (family !== 'ip' && family !== 'inet') continue;
      const k = `${rule.backend}|${family}|${rule.table}|${rule.chain}`;
      const list = this.chains.get(k) ?? [];
      list.push({
        rule,
        ref: {
          host: host.host,
          backend: rule.backend,
          family,
          table: rule.table,
          chain: rule.chain,
          index: list.length,
          raw: ruleText(rule.raw),
          ...(rule.target ? { target: rule.target } : {}),
        },
      });
      this.chains.set(k, list);
    }
    this.local = new Set([
      ...host.links.flatMap((l) =>
        l.addresses.filter((a) => a.family === 'inet').map((a) => a.address),
      ),
      ...extraLocal,
    ]);
  }

  rules(backend: string, family: string, table: string, chain: string) {
    return this.chains.get(`${backend}|${family}|${table}|${chain}`) ?? [];
  }

  /** Base chains for a hook and type, in the order the kernel runs them (priority). */
  bases(
    hook: Hook,
    type: ChainType,
  ): {
    backend: FirewallRule['backend'];
    family: string;
    table: string;
    chain: string;
    policy?: string;
  }[] {
    const out: {
      backend: FirewallRule['backend'];
      family: string;
      table: string;
      chain: string;
      policy?: string;
      prio: number;
    }[] = [];
    const chains: FirewallChain[] = this.host.firewallChains ?? [];
    const ipt = chains.find(
      (c) => c.backend === 'iptables' && c.table === type && c.chain === IPT_CHAIN[hook],
    );
    const hasIptRules = this.host.firewall.some(
      (r) => r.backend === 'iptables' && r.table === type && r.chain === IPT_CHAIN[hook],
    );
    if (ipt || hasIptRules)
      out.push({
        backend: 'iptables',
        family: 'ip',
        table: type,
        chain: IPT_CHAIN[hook],
        ...(ipt?.policy ? { policy: ipt.policy } : {}),
        prio: type === 'raw' ? -300 : type === 'nat' ? (hook === 'postrouting' ? 100 : -100) : 0,
      });
    for (const c of chains) {
      if (c.backend !== 'nftables' || c.hook !== hook || c.type !== type) continue;
      const family = c.family ?? 'ip';
      if (family !== 'ip' && family !== 'inet') continue;
      out.push({
        backend: 'nftables',
        family,
        table: c.table,
        chain: c.chain,
        ...(c.policy ? { policy: c.policy } : {}),
        prio: c.priority ?? 0,
      });
    }
    return out.sort((a, b) => a.prio - b.prio).map(({ prio: _p, ...rest }) => rest);
  }
}

function ifaceMatch(pattern: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (pattern.endsWith('+')) return name.startsWith(pattern.slice(0, -1));
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}

function portMatch(spec: string, port: number | undefined): boolean {
  let s = spec;
  let neg = false;
  if (s.startsWith('!')) {
    neg = true;
    s = s.slice(1);
  }
  s = s.replace(/^\{\s*|\s*\}$/g, '');
  const hit =
    port !== undefined &&
    s.split(/,\s*/).some((part) => {
      const [a, b] = part.split(/[:-]/).map(Number);
      if (a === undefined || Number.isNaN(a)) return false;
      return b === undefined ? port === a : port >= a && port <= b;
    });
  return neg ? !hit : hit;
}

/** Does the rule match a first packet? `unsure` when it uses a match this walk does not model. */
export function ruleMatches(
  rule: FirewallRule,
  p: Packet,
  local: Set<string>,
): { match: boolean; unsure: boolean } {
  const no = { match: false, unsure: false };
  if (rule.protocol && rule.protocol !== 'all') {
    const neg = rule.protocol.startsWith('!');
    const proto = rule.protocol.replace(/^!/, '');
    if ((proto === p.proto) === neg) return no;
  }
  if (rule.source && cidrHas(rule.source, p.src) === !!rule.sourceNegated) return no;
  if (rule.destination && cidrHas(rule.destination, p.dst) === !!rule.destinationNegated) return no;
  if (rule.inIface && ifaceMatch(rule.inIface, p.inIface) === !!rule.inIfaceNegated) return no;
  if (rule.outIface && ifaceMatch(rule.outIface, p.outIface) === !!rule.outIfaceNegated) return no;
  if (rule.dport && !portMatch(rule.dport, p.dport)) return no;
  if (rule.sport && !portMatch(rule.sport, p.sport)) return no;
  const raw = rule.raw;
  // Connection state of a first packet: NEW.
  const ct = /--ctstate\s+(\S+)|--state\s+(\S+)|ct state\s+(\{[^}]*\}|\S+)/.exec(raw);
  if (ct) {
    const states = (ct[1] ?? ct[2] ?? ct[3] ?? '').toLowerCase();
    const neg = /!\s*--ctstate|ct state !=/.test(raw);
    if (states.includes('new') === neg) return no;
  }
  const addrtype = /(!\s*)?--dst-type\s+(\S+)|fib daddr type\s+(!=\s*)?(\S+)/.exec(raw);
  if (addrtype) {
    const neg = !!(addrtype[1] ?? addrtype[3]);
    const type = (addrtype[2] ?? addrtype[4] ?? '').toLowerCase();
    const isLocal = local.has(p.dst) || p.dst.startsWith('127.');
    const want = type === 'local' ? isLocal : false;
    if (want === neg) return no;
  }
  const modelled = /-m (tcp|udp|conntrack|state|addrtype|comment|multiport)\b/g;
  const others = raw.replace(modelled, '').match(/ -m (\S+)/g);
  const unsure = !!others || /\bmeta (mark|skuid)|\bct (mark|status)|@\w+(?!-jumps)/.test(raw);
  return { match: true, unsure };
}

/** The target of a Docker nft verdict map (`oifname vmap @filter-forward-in-jumps`): `filter-forward-in__<ifname>`. */
function vmapChain(rule: FirewallRule, p: Packet): string | undefined {
  const m = /\b(iifname|oifname) vmap @(\S+)-jumps\b/.exec(rule.raw);
  if (!m) return undefined;
  const iface = m[1] === 'iifname' ? p.inIface : p.outIface;
  return iface ? `${m[2]}__${iface}` : undefined;
}

const TERMINAL_ACCEPT = new Set(['ACCEPT']);
const TERMINAL_DROP = new Set(['DROP', 'REJECT']);

/** Apply a NAT target to the packet (returns the new packet). */
function natApply(rule: FirewallRule, p: Packet, local: Set<string>): Packet {
  if (rule.target === 'DNAT' && rule.toDestination) {
    const [ip, port] = rule.toDestination.split(':');
    return { ...p, dst: ip ?? p.dst, ...(port ? { dport: Number(port.split('-')[0]) } : {}) };
  }
  if (rule.target === 'SNAT' && rule.toSource)
    return { ...p, src: ipOf(rule.toSource.split(':')[0] ?? p.src) };
  if (rule.target === 'MASQUERADE') {
    // The address of the outgoing interface; the caller knows it as `local` entries.
    const src = [...local][0];
    return src ? { ...p, src } : p;
  }
  return p;
}

export interface WalkOptions {
  /** Address MASQUERADE picks (the out interface's). */
  masqueradeAs?: string;
}

/**
 * Walk every base chain of a hook and type (iptables' and nft's, by priority). A DROP anywhere
 * ends the walk; NAT targets change the packet.
 */
export function walkHook(
  rs: RuleSet,
  hook: Hook,
  type: ChainType,
  packet: Packet,
  opts: WalkOptions = {},
): WalkResult {
  let p = packet;
  const hits: RuleHit[] = [];
  for (const base of rs.bases(hook, type)) {
    const stack: { chain: string; i: number }[] = [];
    let chain = base.chain;
    let i = 0;
    let verdict: 'accept' | 'drop' | undefined;
    let guard = 0;
    while (verdict === undefined && guard++ < 10_000) {
      const list = rs.rules(base.backend, base.family, base.table, chain);
      const entry = list[i];
      if (!entry) {
        const back = stack.pop();
        if (back) {
          chain = back.chain;
          i = back.i;
          continue;
        }
        // End of the base chain: its policy.
        if (base.policy === 'DROP') {
          return {
            verdict: 'drop',
            hits,
            policy: { table: base.table, chain: base.chain, policy: 'DROP', backend: base.backend },
            packet: p,
          };
        }
        verdict = 'accept';
        break;
      }
      i++;
      const { match, unsure } = ruleMatches(entry.rule, p, rs.local);
      if (!match) continue;
      const rule = entry.rule;
      const jumpTo =
        rule.target &&
        ![
          'ACCEPT',
          'DROP',
          'REJECT',
          'RETURN',
          'DNAT',
          'SNAT',
          'MASQUERADE',
          'LOG',
          'MARK',
          'CONNMARK',
          'TCPMSS',
          'CHECKSUM',
        ].includes(rule.target)
          ? rule.target
          : vmapChain(rule, p);
      if (
        jumpTo &&
        rs.rules(base.backend, base.family, base.table, jumpTo).length === 0 &&
        !rule.target
      )
        continue;
      hits.push({ ref: entry.ref, rule, ...(unsure ? { unsure } : {}) });
      if (!rule.target && !jumpTo) continue; // counter-only rule
      if (jumpTo) {
        if (!rule.goto) stack.push({ chain, i });
        chain = jumpTo;
        i = 0;
        continue;
      }
      const target = rule.target as string;
      if (target === 'RETURN') {
        const back = stack.pop();
        if (back) {
          chain = back.chain;
          i = back.i;
          continue;
        }
        verdict = 'accept';
      } else if (TERMINAL_ACCEPT.has(target)) verdict = 'accept';
      else if (TERMINAL_DROP.has(target)) return { verdict: 'drop', hits, packet: p };
      else if (target === 'DNAT' || target === 'SNAT' || target === 'MASQUERADE') {
        p = natApply(rule, p, opts.masqueradeAs ? new Set([opts.masqueradeAs]) : new Set());
        verdict = 'accept';
      }
    }
  }
  return { verdict: 'accept', hits, packet: p };
}
