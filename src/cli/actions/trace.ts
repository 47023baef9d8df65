import { t } from '../../i18n/index.js';
import { LabError } from '../../lab/lab.js';
import { confirmTrace } from '../../topo/confirm.js';
import { observeForMap } from '../../topo/live.js';
import { renderTrace } from '../../topo/trace-text.js';
import { TraceError, parseTraceTarget, planTrace } from '../../topo/trace.js';
import { safeJson } from '../../text/safe.js';

/** `dnlab trace <from> <to>`: the path a packet takes, planned from the lab's state, then probed. */
export async function runTrace(
  fromArg: string,
  toArg: string,
  opts: { host?: string; probe: boolean; json?: boolean },
): Promise<void> {
  const { topology, facts } = await observeForMap(opts.host);
  const defaultHost = opts.host ?? topology.hosts[0]?.name;
  let plan;
  try {
    const from = parseTraceTarget(fromArg, facts, topology, defaultHost);
    if (from.port !== undefined) throw new TraceError(t('cli.trace.sourcePort', { arg: fromArg }));
    const to = parseTraceTarget(toArg, facts, topology, defaultHost);
    plan = planTrace(facts, from.end, to, topology);
  } catch (e) {
    if (e instanceof TraceError) throw new LabError(e.message, 'dnlab trace --help');
    throw e;
  }
  const confirmation = opts.probe ? await confirmTrace(facts, plan, topology) : undefined;
  if (opts.json) {
    process.stdout.write(`${safeJson({ plan, ...(confirmation ? { confirmation } : {}) }, 2)}\n`);
    return;
  }
  process.stdout.write(`${renderTrace(plan, confirmation).join('\n')}\n`);
}
