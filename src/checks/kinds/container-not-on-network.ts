import { z } from 'zod';
import type { Checker } from '../types.js';
import {
  describeEndpoints,
  displayName,
  endpointOn,
  getHostContainer,
  hostName,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({ host, container: name, network: name });

export const containerNotOnNetwork: Checker<typeof params> = defineChecker({
  kind: 'container-not-on-network',
  description:
    'A container (that still exists) has no endpoint on a network: it was disconnected, or never attached.',
  params,
  run(facts, p, ctx) {
    const found = getHostContainer(facts, hostName(p.host, ctx), p.container);
    if (!found.ok) return found.outcome;
    const { h, c } = found.value;
    const cname = displayName(c);
    const seen = describeEndpoints(h, c);
    const evidence = [`container ${cname}: network mode ${c.networkMode}, endpoints ${seen}`];
    const e = endpointOn(h, c, p.network);
    if (e) {
      return bad(
        'check.container-not-on-network.still',
        { container: cname, network: e.network, ip: e.ip ?? '-' },
        { expected: t('check.value.notOn', { network: p.network }), seen, evidence },
      );
    }
    return ok(
      'check.container-not-on-network.ok',
      { container: cname, network: p.network, seen },
      { seen, evidence },
    );
  },
});
