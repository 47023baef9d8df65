import { z } from 'zod';
import type { Checker } from '../types.js';
import { getHost, getNetwork, hostName } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const VXLAN_OPT = 'com.docker.network.driver.overlay.vxlanid_list';

const params = z.strictObject({
  host,
  network: name,
  vxlanId: z.coerce.number().int().min(1).max(16777215).optional(),
});

export const overlayVxlan: Checker<typeof params> = defineChecker({
  kind: 'overlay-vxlan',
  description: `An overlay network exists on the host, with a VXLAN id (VNI) in its options (${VXLAN_OPT}).`,
  params,
  features() {
    return ['vxlan'];
  },
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const nf = getNetwork(h, p.network);
    if (!nf.ok) {
      if (h.swarm.state === 'active' && !h.swarm.isManager) {
        return bad(
          'check.overlay-vxlan.lazy',
          { network: p.network, host: h.host },
          { expected: p.network, evidence: nf.outcome.evidence },
        );
      }
      return nf.outcome;
    }
    const n = nf.value;
    const raw = n.options[VXLAN_OPT];
    const ids = (raw ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map(Number);
    const evidence = [
      `network ${n.name}: driver ${n.driver}, scope ${n.scope}, ${VXLAN_OPT}=${raw ?? '(absent)'}`,
    ];
    const expected =
      p.vxlanId !== undefined
        ? t('check.overlay-vxlan.expected', { id: p.vxlanId })
        : t('check.overlay-vxlan.expectedAny');
    if (n.driver !== 'overlay') {
      return bad(
        'check.overlay-vxlan.notOverlay',
        { network: n.name, driver: n.driver },
        { expected, seen: n.driver, evidence },
      );
    }
    if (!ids.length)
      return bad(
        'check.overlay-vxlan.noId',
        { network: n.name },
        { expected, seen: '-', evidence },
      );
    const seen = ids.join(', ');
    if (p.vxlanId !== undefined && !ids.includes(p.vxlanId)) {
      return bad(
        'check.overlay-vxlan.wrongId',
        { network: n.name, seen, expected: p.vxlanId },
        { expected, seen, evidence },
      );
    }
    return ok('check.overlay-vxlan.ok', { network: n.name, seen }, { expected, seen, evidence });
  },
});
