import type { Probe } from '../checks/types.js';
import { buildHostFacts } from './build.js';
import type { LabFacts } from './facts.js';
import { readHost } from './read.js';

export interface ObserveRequest {
  /** The lab hosts to read (hosts named only by a probe are read too). */
  hosts: string[];
  /** Behaviour probes of this run's checks; each runs once, results keyed by probe id. */
  probes?: Probe[];
}

/**
 * One observation of the lab, shared by every check of a run: one round of reads per host,
 * hosts in parallel. Never throws for a host that cannot be read; its facts carry `errors`.
 */
export async function observeLab(req: ObserveRequest): Promise<LabFacts> {
  const probes = req.probes ?? [];
  const hosts = [...new Set([...req.hosts, ...probes.map((p) => p.host)])];
  const raws = await Promise.all(hosts.map((h) => readHost(h, probes.filter((p) => p.host === h))));
  return {
    hosts: Object.fromEntries(raws.map((raw) => [raw.host, buildHostFacts(raw)])),
    // Kernel features are detected elsewhere (once per machine, not per check run).
    features: {},
    observedAt: new Date().toISOString(),
  };
}
