import { z } from 'zod';
import type { Checker } from '../types.js';
import { displayName, getContainer, getHost, hostName } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({ host, container: name });

export const containerRunning: Checker<typeof params> = defineChecker({
  kind: 'container-running',
  description: 'A container exists and is running.',
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const cf = getContainer(hf.value, p.container);
    if (!cf.ok) return cf.outcome;
    const c = cf.value;
    const evidence = [
      `container ${displayName(c)} (${c.id.slice(0, 12)}, image ${c.image}): ${c.status}`,
    ];
    if (c.running)
      return ok(
        'check.container-running.ok',
        { container: displayName(c), status: c.status },
        { seen: c.status, evidence },
      );
    const key =
      c.exitCode !== undefined && c.exitCode !== 0
        ? 'check.container-running.exited'
        : 'check.container-running.stopped';
    return bad(
      key,
      { container: displayName(c), status: c.status, code: c.exitCode },
      { expected: t('check.value.running'), seen: c.status, evidence },
    );
  },
});
