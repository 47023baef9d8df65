import { classifyReach, makeProbe, probeLine, reachArgv, type Reach } from '../observe/probe.js';
import type { Topology } from '../lab/topology.js';
import type { FirewallChain, FirewallRule, LabFacts, ProbeResult } from '../observe/facts.js';
import { parseIptablesSave } from '../observe/iptables.js';
import { parseNftRuleset } from '../observe/nftables.js';
import { runProbes } from '../observe/probes.js';
import { readIptablesSave, readNftRuleset } from '../observe/read.js';
import { ruleKey, ruleText, type RuleRef } from './firewall.js';
import type { TraceEnd, TracePlan } from './trace.js';

/**
 * Confirm a planned trace on the real lab: read every involved host's rule counters, send ONE
 * probe, read them again, and say which counters moved (I/O; the diff itself is pure).
 */

export interface CounterSnapshot {
  host: string;
  rules: { ref: RuleRef; packets: number }[];
  /** Base chain policies with counters (iptables-save -c). */
  policies: { key: string; table: string; chain: string; policy: string; packets: number }[];
  error?: string;
}

export interface MovedCounter {
  host: string;
  /** `rule` or a chain's `policy`. */
  what: 'rule' | 'policy';
  table: string;
  chain: string;
  text: string;
  target?: string;
  delta: number;
  ref?: RuleRef;
  onPath: boolean;
}

export interface TraceConfirmation {
  probe: { host: string; container?: string; argv: string[] };
  result: ProbeResult;
  reach: Reach;
  moved: MovedCounter[];
  /** The moved DROP/REJECT rule or DROP policy, when the probe did not get through. */
  droppedBy?: MovedCounter;
  errors: string[];
}

function refsOf(host: string, rules: FirewallRule[]): { ref: RuleRef; packets: number }[] {
  const index = new Map<string, number>();
  const out: { ref: RuleRef; packets: number }[] = [];
  for (const r of rules) {
    const family = r.family ?? 'ip';
    const k = `${r.backend}|${family}|${r.table}|${r.chain}`;
    const i = index.get(k) ?? 0;
    index.set(k, i + 1);
    out.push({
      ref: {
        host,
        backend: r.backend,
        family,
        table: r.table,
        chain: r.chain,
        index: i,
        raw: ruleText(r.raw),
        ...(r.target ? { target: r.target } : {}),
      },
      packets: r.packets ?? 0,
    });
  }
  return out;
}

function policiesOf(chains: FirewallChain[]): CounterSnapshot['policies'] {
  return chains
    .filter((c) => c.policy && c.packets !== undefined)
    .map((c) => ({
      key: `${c.backend}|${c.family ?? 'ip'}|${c.table}|${c.chain}`,
      table: c.table,
      chain: c.chain,
      policy: c.policy as string,
      packets: c.packets as number,
    }));
}

/** Read one host's counters: iptables-save -c, and nft's counters when its engine uses nftables. */
export async function snapshotCounters(host: string, nft: boolean): Promise<CounterSnapshot> {
  const snap: CounterSnapshot = { host, rules: [], policies: [] };
  try {
    const parsed = parseIptablesSave(await readIptablesSave(host));
    snap.rules.push(...refsOf(host, parsed.rules));
    snap.policies.push(...policiesOf(parsed.chains));
  } catch (e) {
    snap.error = (e as Error).message;
  }
  if (nft) {
    try {
      snap.rules.push(...refsOf(host, parseNftRuleset(await readNftRuleset(host)).rules));
    } catch (e) {
      snap.error = (e as Error).message.startsWith('nft')
        ? (e as Error).message
        : `nft: ${(e as Error).message}`;
    }
  }
  return snap;
}

/** Counters that moved between two snapshots of a host (pure). */
export function diffCounters(
  before: CounterSnapshot,
  after: CounterSnapshot,
  plan?: TracePlan,
): MovedCounter[] {
  const moved: MovedCounter[] = [];
  const was = new Map(before.rules.map((r) => [ruleKey(r.ref), r]));
  const planned = new Set(
    (plan?.rules ?? []).filter((r) => r.host === after.host).map((r) => `${ruleKey(r)}|${r.raw}`),
  );
  for (const r of after.rules) {
    const old = was.get(ruleKey(r.ref));
    if (!old || old.ref.raw !== r.ref.raw) continue; // the rule set changed meanwhile
    const delta = r.packets - old.packets;
    if (delta <= 0) continue;
    moved.push({
      host: after.host,
      what: 'rule',
      table: r.ref.table,
      chain: r.ref.chain,
      text: r.ref.raw,
      ...(r.ref.target ? { target: r.ref.target } : {}),
      delta,
      ref: r.ref,
      onPath: planned.has(`${ruleKey(r.ref)}|${r.ref.raw}`),
    });
  }
  const pol = new Map(before.policies.map((p) => [p.key, p]));
  for (const p of after.policies) {
    const old = pol.get(p.key);
    const delta = old ? p.packets - old.packets : 0;
    if (delta <= 0) continue;
    const onPath =
      plan?.stop?.text.includes(`${p.table} ${p.chain} policy`) === true &&
      plan.stop.where === after.host;
    moved.push({
      host: after.host,
      what: 'policy',
      table: p.table,
      chain: p.chain,
      text: `${p.chain} policy ${p.policy}`,
      target: p.policy,
      delta,
      onPath,
    });
  }
  return moved;
}

/** Which moved counter dropped the packet: a moved DROP/REJECT rule (on the plan first), else a DROP policy. */
export function dropCulprit(moved: MovedCounter[]): MovedCounter | undefined {
  const drops = moved.filter((m) => m.target === 'DROP' || m.target === 'REJECT');
  return (
    drops.find((m) => m.onPath && m.what === 'rule') ??
    drops.find((m) => m.what === 'rule') ??
    drops[0]
  );
}

/** Where the probe runs: the source container, or the source host (or the internet namespace). */
export function probeSource(from: TraceEnd): { host: string; container?: string } {
  if (from.kind === 'container') return { host: from.host, container: from.container };
  if (from.kind === 'host') return { host: from.host };
  throw new Error('a trace starts at a lab host or a container');
}

export async function confirmTrace(
  facts: LabFacts,
  plan: TracePlan,
  topology?: Topology,
): Promise<TraceConfirmation> {
  const hosts = [...new Set([...plan.hosts, ...Object.keys(facts.hosts)])].filter(
    (h) => facts.hosts[h],
  );
  const nft = (h: string) => (facts.hosts[h]?.engine.firewallBackend ?? '').startsWith('nftables');
  const src = probeSource(plan.from);
  // One try (the counters must move once): the same runner and rules as the checks' probes.
  const argv = reachArgv(plan.dst.proto, plan.dst.ip, plan.dst.port, 2);
  const probe = makeProbe(src.host, src.container, argv, 3000);
  const before = await Promise.all(hosts.map((h) => snapshotCounters(h, nft(h))));
  const containers = facts.hosts[src.host]?.containers ?? [];
  const results = await runProbes(src.host, [probe], containers);
  const result = results[probe.id] ?? {
    code: 125,
    stdout: '',
    stderr: 'the probe did not run',
    ms: 0,
  };
  const after = await Promise.all(hosts.map((h) => snapshotCounters(h, nft(h))));
  const moved = after.flatMap((a, i) => diffCounters(before[i] as CounterSnapshot, a, plan));
  const reach = classifyReach(plan.dst.proto, result);
  const errors = [...before, ...after].flatMap((s) => (s.error ? [`${s.host}: ${s.error}`] : []));
  const out: TraceConfirmation = {
    probe: { host: src.host, ...(src.container ? { container: src.container } : {}), argv },
    result,
    reach,
    moved,
    errors: [...new Set(errors)],
  };
  void topology;
  if (reach !== 'reached' && reach !== 'refused') {
    const culprit = dropCulprit(moved);
    if (culprit) out.droppedBy = culprit;
  }
  return out;
}

export { probeLine };
