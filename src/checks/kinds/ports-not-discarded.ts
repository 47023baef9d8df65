import { z } from 'zod';
import type { Checker } from '../types.js';
import { describeMode, displayName, getHostContainer, hostName, modeOf } from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { defineChecker } from '../define.js';
import type { PortBinding } from '../../observe/facts.js';
import { formatBinding, isAnyAddress } from './port-published.js';
import { t } from '../../i18n/index.js';

const params = z.strictObject({ host, container: name });

/** A binding the way it was typed: `-p 8081:80`, `-p 127.0.0.1:8081:80/udp`, `-p 80`. */
function asTyped(b: PortBinding): string {
  const proto = b.protocol === 'tcp' ? '' : `/${b.protocol}`;
  const ip = isAnyAddress(b.hostIp) ? '' : `${b.hostIp}:`;
  if (b.hostPort === undefined)
    return ip ? `-p ${ip}:${b.containerPort}${proto}` : `-p ${b.containerPort}${proto}`;
  return `-p ${ip}${b.hostPort}:${b.containerPort}${proto}`;
}

/**
 * `-p`/`-P` that the network mode throws away. With `--network host` the engine keeps
 * `HostConfig.PortBindings` but publishes nothing (the CLI only warns "Published ports are
 * discarded when using host network mode"); with `--network none` it says nothing at all.
 * (`container:<name>` with `-p` is refused at create time, so it never gets here.)
 */
export const portsNotDiscarded: Checker<typeof params> = defineChecker({
  kind: 'ports-not-discarded',
  description:
    'A container carries no -p or -P that its network mode silently discards (--network host or none).',
  params,
  run(facts, p, ctx) {
    const found = getHostContainer(facts, hostName(p.host, ctx), p.container);
    if (!found.ok) return found.outcome;
    const { h, c } = found.value;
    const cname = displayName(c);
    const mode = modeOf(h, c);
    const asked = [
      ...new Set((c.requestedPorts ?? []).map(asTyped)),
      ...(c.publishAll ? ['-P'] : []),
    ];
    const seen = asked.join(' ') || '-';
    const evidence = [
      `container ${cname}: HostConfig.NetworkMode ${c.networkMode}, HostConfig.PortBindings ${
        (c.requestedPorts ?? []).map((b) => formatBinding(b, true)).join(', ') || 'none'
      }, PublishAllPorts ${c.publishAll}`,
    ];
    const vars = { container: cname, ports: seen, mode: describeMode(mode), host: h.host };
    if (asked.length && (mode.kind === 'host' || mode.kind === 'none')) {
      const key =
        mode.kind === 'host' ? 'check.ports-not-discarded.host' : 'check.ports-not-discarded.none';
      return bad(key, vars, {
        expected: t('check.value.noPorts'),
        seen,
        evidence,
      });
    }
    return ok('check.ports-not-discarded.ok', vars, { seen, evidence });
  },
});
