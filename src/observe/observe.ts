import type { Probe } from './facts.js';
import { buildHostFacts } from './build.js';
import type { LabFacts } from './facts.js';
import { deferCostlyReads } from './lazy.js';
import { runProbes } from './probes.js';
import { readHost, type ObserveScope } from './read.js';

export interface ObserveRequest {
  /** The lab hosts to read (hosts named only by a probe are read too). */
  hosts: string[];
  /** Behaviour probes of this run's checks; each runs once, results keyed by probe id. */
  probes?: Probe[];
  /** Skip reads no check of this run looks at (default: read everything). */
  scope?: ObserveScope;
  /**
   * Leave out container links/routes and the firewall (unless `scope` asks for them) and read
   * them only when looked at: see lazy.ts (`judgeLazily`, `resolveDeferredReads`).
   */
  lazy?: boolean;
}

/**
 * One observation of the lab, shared by every check of a run: one round of reads per host,
 * hosts in parallel, probes (if given) in the same round. Never throws for a host that cannot
 * be read; its facts carry `errors`.
 */
export async function observeLab(req: ObserveRequest): Promise<LabFacts> {
  const probes = req.probes ?? [];
  const hosts = [...new Set([...req.hosts, ...probes.map((p) => p.host)])];
  const firewallNow = req.lazy ? (req.scope?.firewall ?? false) : (req.scope?.firewall ?? true);
  const scope: ObserveScope = req.lazy
    ? { containerLinks: req.scope?.containerLinks ?? false, firewall: firewallNow }
    : (req.scope ?? {});
  const raws = await Promise.all(
    hosts.map((h) =>
      readHost(
        h,
        probes.filter((p) => p.host === h),
        scope,
      ),
    ),
  );
  const facts: LabFacts = {
    hosts: Object.fromEntries(raws.map((raw) => [raw.host, buildHostFacts(raw)])),
    // Kernel features are detected elsewhere (once per machine, not per check run).
    features: {},
    observedAt: new Date().toISOString(),
  };
  if (req.lazy) deferCostlyReads(facts, { firewall: !firewallNow });
  return facts;
}

/**
 * Run probes against facts already observed (for checks whose probes depend on the state, e.g.
 * a container's address): containers are found by the facts' names and pids, nothing else is
 * read again. Results are added to `facts.hosts[host].probes` (and the same object returned).
 * A probe on a host the facts do not hold makes that host be observed in full.
 */
export async function runLabProbes(facts: LabFacts, probes: Probe[]): Promise<LabFacts> {
  const hosts = [...new Set(probes.map((p) => p.host))];
  await Promise.all(
    hosts.map(async (host) => {
      const mine = probes.filter((p) => p.host === host);
      const known = facts.hosts[host];
      if (!known) {
        facts.hosts[host] = buildHostFacts(await readHost(host, mine));
        return;
      }
      Object.assign(known.probes, await runProbes(host, mine, known.containers));
    }),
  );
  return facts;
}
