import type { FirewallChain, FirewallRule } from './facts.js';
import type { ParsedFirewall } from './iptables.js';

/**
 * nftables JSON (`nft -j list ruleset`, schema version 1) into the same rule shape as iptables.
 * Docker 29's nftables backend keeps its rules in `table ip docker-bridges` (and `ip6`), e.g.
 * `iifname != "bridge1" tcp dport 8080 counter dnat to 192.0.2.2:80 comment "DNAT"`.
 */

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Tables that iptables-nft owns; their rules are read from iptables-save instead. */
const XTABLES = new Set(['filter', 'nat', 'mangle', 'raw', 'security']);

export interface NftParseOptions {
  /**
   * Leave out the ip/ip6 tables named filter, nat, mangle, raw and security: on a machine whose
   * iptables is iptables-nft they hold iptables rules (as `xt` expressions), which iptables-save
   * reads better. Default true.
   */
  skipIptablesNftTables?: boolean;
}

/** A single address gets its prefix length, so both backends report `127.0.0.1/32`. */
function asCidr(addr: string): string {
  if (addr.includes('/')) return addr;
  return addr.includes(':') ? `${addr}/128` : `${addr}/32`;
}

/** The value on the right of a match, as text (`8080`, `8000-8010`, `80,443`, `10.0.0.0/8`). */
function valueText(v: Json, quote = false): string {
  if (typeof v === 'string') return quote ? `"${v}"` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => valueText(x, quote)).join(',');
  if (isObj(v)) {
    if (isObj(v.prefix)) return `${String(v.prefix.addr)}/${String(v.prefix.len)}`;
    if (Array.isArray(v.range)) return v.range.map((x) => valueText(x, quote)).join('-');
    if (Array.isArray(v.set)) return `{ ${v.set.map((x) => valueText(x, quote)).join(', ')} }`;
  }
  return JSON.stringify(v);
}

/** Ports as iptables prints them: ranges with `:`, lists with `,`. */
function portText(v: Json): string {
  if (isObj(v) && Array.isArray(v.range)) return v.range.map((x) => valueText(x)).join(':');
  if (isObj(v) && Array.isArray(v.set)) return v.set.map((x) => portText(x)).join(',');
  return valueText(v);
}

function addrText(v: Json): string {
  if (typeof v === 'string') return asCidr(v);
  return valueText(v);
}

function leftText(left: Json): string {
  if (!isObj(left)) return valueText(left);
  if (isObj(left.meta)) {
    const key = String(left.meta.key);
    return ['iifname', 'oifname', 'iif', 'oif'].includes(key) ? key : `meta ${key}`;
  }
  if (isObj(left.payload)) {
    const p = left.payload;
    return p.protocol !== undefined
      ? `${String(p.protocol)} ${String(p.field)}`
      : `@${String(p.base)},${String(p.offset)},${String(p.len)}`;
  }
  if (isObj(left.ct)) return `ct ${String(left.ct.key)}`;
  if (isObj(left.fib)) {
    const flags = Array.isArray(left.fib.flags) ? left.fib.flags.map(String).join(' . ') : '';
    return `fib ${flags} ${String(left.fib.result)}`;
  }
  return JSON.stringify(left);
}

function isIfnameMatch(left: Json): boolean {
  return isObj(left) && isObj(left.meta) && ['iifname', 'oifname'].includes(String(left.meta.key));
}

/** One expression of a rule in `nft list` syntax, for the rule's `raw` text. */
function renderExpr(e: Json): string {
  if (!isObj(e)) return JSON.stringify(e);
  const [key] = Object.keys(e);
  const v = key === undefined ? undefined : e[key];
  switch (key) {
    case 'match': {
      if (!isObj(v)) break;
      const op = String(v.op);
      const right = valueText(v.right, isIfnameMatch(v.left));
      const opText = op === '==' || op === 'in' ? '' : `${op} `;
      return `${leftText(v.left)} ${opText}${right}`;
    }
    case 'counter':
      return isObj(v)
        ? `counter packets ${String(v.packets)} bytes ${String(v.bytes)}`
        : `counter name ${valueText(v)}`;
    case 'accept':
    case 'drop':
    case 'return':
    case 'continue':
      return key;
    case 'reject':
      return 'reject';
    case 'jump':
    case 'goto':
      return isObj(v) ? `${key} ${String(v.target)}` : key;
    case 'masquerade':
    case 'redirect':
      return isObj(v) && v.port !== undefined ? `${key} to :${valueText(v.port)}` : key;
    case 'dnat':
    case 'snat':
      return isObj(v) ? `${key} to ${natTarget(v)}` : key;
    case 'vmap':
      return isObj(v) ? `${leftText(v.key)} vmap ${valueText(v.data)}` : 'vmap';
    case 'log':
      return 'log';
    default:
      break;
  }
  return JSON.stringify(e);
}

function natTarget(v: Obj): string {
  const addr = v.addr === undefined ? '' : valueText(v.addr);
  const port = v.port === undefined ? '' : `:${valueText(v.port)}`;
  return `${addr}${port}`;
}

const VERDICTS: Record<string, string> = {
  accept: 'ACCEPT',
  drop: 'DROP',
  return: 'RETURN',
  reject: 'REJECT',
  masquerade: 'MASQUERADE',
  redirect: 'REDIRECT',
  dnat: 'DNAT',
  snat: 'SNAT',
};

/** Fill a rule's fields from one `match` expression. */
function applyMatch(rule: FirewallRule, m: Obj): void {
  const negated = m.op === '!=';
  const left = m.left;
  const right = m.right;
  if (!isObj(left)) return;
  if (isObj(left.meta)) {
    const key = String(left.meta.key);
    if (key === 'iifname' || key === 'iif') {
      rule.inIface = valueText(right);
      if (negated) rule.inIfaceNegated = true;
    } else if (key === 'oifname' || key === 'oif') {
      rule.outIface = valueText(right);
      if (negated) rule.outIfaceNegated = true;
    } else if (key === 'l4proto' && !negated) {
      rule.protocol = valueText(right);
    }
    return;
  }
  if (isObj(left.payload)) {
    const proto = String(left.payload.protocol ?? '');
    const field = String(left.payload.field ?? '');
    if ((proto === 'ip' || proto === 'ip6') && (field === 'saddr' || field === 'daddr')) {
      if (field === 'saddr') {
        rule.source = addrText(right);
        if (negated) rule.sourceNegated = true;
      } else {
        rule.destination = addrText(right);
        if (negated) rule.destinationNegated = true;
      }
    } else if (
      (proto === 'ip' && field === 'protocol') ||
      (proto === 'ip6' && field === 'nexthdr')
    ) {
      if (!negated) rule.protocol = valueText(right);
    } else if (field === 'dport' || field === 'sport') {
      if (proto && proto !== 'th') rule.protocol = proto;
      rule[field] = negated ? `!${portText(right)}` : portText(right);
    }
  }
}

function parseRule(r: Obj): FirewallRule {
  const family = String(r.family ?? '');
  const rule: FirewallRule = {
    backend: 'nftables',
    table: String(r.table ?? ''),
    chain: String(r.chain ?? ''),
    raw: '',
    family,
  };
  const exprs = Array.isArray(r.expr) ? r.expr : [];
  for (const e of exprs) {
    if (!isObj(e)) continue;
    if (isObj(e.match)) applyMatch(rule, e.match);
    else if (isObj(e.counter)) {
      rule.packets = Number(e.counter.packets ?? 0);
      rule.bytes = Number(e.counter.bytes ?? 0);
    } else if (isObj(e.jump) || isObj(e.goto)) {
      const j = (e.jump ?? e.goto) as Obj;
      rule.target = String(j.target);
      if (e.goto) rule.goto = true;
    } else if (isObj(e.dnat)) {
      rule.target = 'DNAT';
      rule.toDestination = natTarget(e.dnat);
    } else if (isObj(e.snat)) {
      rule.target = 'SNAT';
      rule.toSource = natTarget(e.snat);
    } else {
      const [key] = Object.keys(e);
      if (key !== undefined && VERDICTS[key]) rule.target = VERDICTS[key];
    }
  }
  const comment = typeof r.comment === 'string' ? r.comment : undefined;
  if (comment !== undefined) rule.comment = comment;
  rule.raw = [
    ...exprs.map(renderExpr),
    ...(comment !== undefined ? [`comment "${comment}"`] : []),
  ].join(' ');
  return rule;
}

function parseChain(c: Obj): FirewallChain {
  const chain: FirewallChain = {
    backend: 'nftables',
    table: String(c.table ?? ''),
    chain: String(c.name ?? ''),
    family: String(c.family ?? ''),
  };
  if (typeof c.hook === 'string') chain.hook = c.hook;
  if (typeof c.type === 'string') chain.type = c.type;
  if (typeof c.prio === 'number') chain.priority = c.prio;
  if (typeof c.policy === 'string') chain.policy = c.policy.toUpperCase();
  return chain;
}

/** Parse `nft -j list ruleset` (text or already parsed) into rules and chains. */
export function parseNftRuleset(input: string | Json, opts: NftParseOptions = {}): ParsedFirewall {
  const doc = typeof input === 'string' ? (JSON.parse(input) as Json) : input;
  const items = isObj(doc) && Array.isArray(doc.nftables) ? doc.nftables : [];
  const skip = opts.skipIptablesNftTables ?? true;
  const skipped = (o: Obj) =>
    skip &&
    (o.family === 'ip' || o.family === 'ip6') &&
    XTABLES.has(String(o.table ?? o.name ?? ''));
  const rules: FirewallRule[] = [];
  const chains: FirewallChain[] = [];
  for (const item of items) {
    if (!isObj(item)) continue;
    if (isObj(item.chain) && !skipped(item.chain)) chains.push(parseChain(item.chain));
    else if (isObj(item.rule) && !skipped(item.rule)) rules.push(parseRule(item.rule));
  }
  return { rules, chains };
}
