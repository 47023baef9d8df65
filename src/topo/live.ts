import { t } from '../i18n/index.js';
import { LabError, requireLabAnswering } from '../lab/lab.js';
import type { Topology } from '../lab/topology.js';
import type { LabFacts } from '../observe/facts.js';
import { observeLab } from '../observe/observe.js';
import { confirmTrace, type TraceConfirmation } from './confirm.js';
import { TraceError, parseTraceTarget, planTrace, type TracePlan } from './trace.js';

/** Observe the running lab for the map or a trace (I/O): its topology and facts of its hosts. */
export async function observeForMap(
  host?: string,
): Promise<{ topology: Topology; facts: LabFacts }> {
  const state = await requireLabAnswering();
  const topology = state.topology;
  const names = topology.hosts.map((h) => h.name);
  if (host !== undefined && !names.includes(host))
    throw new LabError(t('topo.noHost', { host, hosts: names.join(', ') }));
  const facts = await observeLab({ hosts: names });
  return { topology, facts };
}

/**
 * Trace a packet between two ends as `dnlab trace` takes them (I/O): planned from the lab's
 * state, then confirmed by probes when `probe`. A bad end throws a TraceError that says why.
 */
export async function traceLive(
  fromArg: string,
  toArg: string,
  opts: { host?: string; probe: boolean },
): Promise<{ plan: TracePlan; confirmation?: TraceConfirmation }> {
  const { topology, facts } = await observeForMap(opts.host);
  const defaultHost = opts.host ?? topology.hosts[0]?.name;
  const from = parseTraceTarget(fromArg, facts, topology, defaultHost);
  if (from.port !== undefined) throw new TraceError(t('cli.trace.sourcePort', { arg: fromArg }));
  const to = parseTraceTarget(toArg, facts, topology, defaultHost);
  const plan = planTrace(facts, from.end, to, topology);
  if (!opts.probe) return { plan };
  return { plan, confirmation: await confirmTrace(facts, plan, topology) };
}
