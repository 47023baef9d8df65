import { t } from '../i18n/index.js';
import { LabError, requireLabAnswering } from '../lab/lab.js';
import type { Topology } from '../lab/topology.js';
import type { LabFacts } from '../observe/facts.js';
import { observeLab } from '../observe/observe.js';

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
