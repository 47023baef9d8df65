import { LabError } from '../../lab/lab.js';
import { traceLive } from '../../topo/live.js';
import { renderTrace } from '../../topo/trace-text.js';
import { TraceError } from '../../topo/trace.js';
import { safeJson } from '../../text/safe.js';

/** `dnlab trace <from> <to>`: the path a packet takes, planned from the lab's state, then probed. */
export async function runTrace(
  fromArg: string,
  toArg: string,
  opts: { host?: string; probe: boolean; json?: boolean },
): Promise<void> {
  let traced;
  try {
    traced = await traceLive(fromArg, toArg, opts);
  } catch (e) {
    if (e instanceof TraceError) throw new LabError(e.message, 'dnlab trace --help');
    throw e;
  }
  const { plan, confirmation } = traced;
  if (opts.json) {
    process.stdout.write(`${safeJson({ plan, ...(confirmation ? { confirmation } : {}) }, 2)}\n`);
    return;
  }
  process.stdout.write(`${renderTrace(plan, confirmation).join('\n')}\n`);
}
