import { z } from 'zod';
import type { Checker } from '../types.js';
import { findNetwork, getHost, hostName } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({ host, name });

export const networkAbsent: Checker<typeof params> = defineChecker({
  kind: 'network-absent',
  description: 'No Docker network of that name exists (it was removed, or never created).',
  params,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const n = findNetwork(h, p.name);
    const names = h.networks.map((x) => x.name);
    const evidence = [`networks on ${h.host}: ${names.join(', ') || 'none'}`];
    if (!n) return ok('check.network-absent.ok', { network: p.name, host: h.host }, { evidence });
    const attached = n.containers.map((c) => c.name);
    if (attached.length) {
      return bad(
        'check.network-absent.inUse',
        { network: n.name, containers: attached.join(', ') },
        {
          expected: t('check.value.noNetwork'),
          seen: t('check.value.networkInUse', { network: n.name, count: attached.length }),
          evidence: [...evidence, `attached to ${n.name}: ${attached.join(', ')}`],
        },
      );
    }
    return bad(
      'check.network-absent.exists',
      { network: n.name, driver: n.driver },
      { expected: t('check.value.noNetwork'), seen: n.name, evidence },
    );
  },
});
