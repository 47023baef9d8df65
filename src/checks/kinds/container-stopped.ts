import { z } from 'zod';
import type { Checker } from '../types.js';
import { displayName, findContainer, getHost, hostName } from '../lib/lookup.js';
import { bad, list, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({ host, container: name });

/**
 * A container that still exists but does not run (`docker stop`): its processes are gone, and with
 * them its network namespace and the host end of its veth. A paused container is not stopped: it
 * keeps both.
 */
export const containerStopped: Checker<typeof params> = defineChecker({
  kind: 'container-stopped',
  description:
    'A container exists but is stopped (docker stop): not running, not paused, not removed.',
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const c = findContainer(h, p.container);
    if (!c) {
      const others = h.containers.map(displayName);
      return bad(
        'check.container-stopped.gone',
        { container: p.container, host: h.host, others: list(others) },
        {
          expected: t('check.value.containerStopped', { container: p.container }),
          seen: t('check.value.noSuchContainer'),
          evidence: [`containers on ${h.host}: ${list(others)}`],
        },
      );
    }
    const cname = displayName(c);
    const evidence = [`container ${cname} (${c.id.slice(0, 12)}): ${c.status}`];
    const vars = { container: cname, status: c.status };
    if (c.status === 'paused')
      return bad('check.container-stopped.paused', vars, {
        expected: t('check.value.stopped'),
        seen: c.status,
        evidence,
      });
    if (c.running)
      return bad('check.container-stopped.running', vars, {
        expected: t('check.value.stopped'),
        seen: c.status,
        evidence,
      });
    return ok('check.container-stopped.ok', vars, {
      expected: t('check.value.stopped'),
      seen: c.status,
      evidence,
    });
  },
});
