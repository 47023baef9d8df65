import { z } from 'zod';
import type { ContainerFacts, HostFacts, PortBinding } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import {
  displayName,
  endpointsOf,
  findNetwork,
  getHostContainer,
  hostName,
  modeOf,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name, port } from '../lib/params.js';
import { defineChecker } from '../define.js';
import { t, type MessageKey } from '../../i18n/index.js';

const params = z.strictObject({
  host,
  container: name,
  containerPort: port,
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
  hostPort: port.optional(),
  /** `0.0.0.0` (or `""`, `::`, `*`) means every address; else one address such as 127.0.0.1. */
  hostIp: z.string().optional(),
  /** The host port must be one the engine chose (`-p CONTAINER`, `-p IP::CONTAINER`, `-P`), not a fixed one. */
  randomHostPort: z.boolean().optional(),
});

const ANY = new Set(['', '0.0.0.0', '::', '*']);

export function isAnyAddress(ip: string | undefined): boolean {
  return ip === undefined || ANY.has(ip);
}

/** `8080->80/tcp`, `127.0.0.1:9090->80/tcp` (the address only when it is not every address). */
export function formatBinding(b: PortBinding, withAnyIp = false): string {
  const ip = isAnyAddress(b.hostIp) ? (withAnyIp ? '0.0.0.0:' : '') : `${b.hostIp}:`;
  const hp = b.hostPort !== undefined ? String(b.hostPort) : b.ephemeral ? '?' : '';
  return hp ? `${ip}${hp}->${b.containerPort}/${b.protocol}` : `${b.containerPort}/${b.protocol}`;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function published(b: PortBinding): boolean {
  return b.hostPort !== undefined || b.ephemeral === true;
}

function onlyInternal(h: HostFacts, eps: { network: string; networkId: string }[]): boolean {
  if (!eps.length) return false;
  return eps.every(
    (e) => (findNetwork(h, e.networkId) ?? findNetwork(h, e.network))?.internal === true,
  );
}

/**
 * A container that is not running may have failed to start because a host port it asks for is
 * already published by a running container ("port is already allocated"): which port, and whose.
 */
function takenBy(h: HostFacts, c: ContainerFacts): { hostPort: number; other: string } | undefined {
  for (const b of c.ports) {
    if (b.hostPort === undefined) continue;
    for (const o of h.containers) {
      if (o.id === c.id || !o.running) continue;
      const hit = o.ports.find(
        (x) =>
          x.hostPort === b.hostPort &&
          x.protocol === b.protocol &&
          (isAnyAddress(x.hostIp) || isAnyAddress(b.hostIp) || x.hostIp === b.hostIp),
      );
      if (hit) return { hostPort: b.hostPort, other: displayName(o) };
    }
  }
  return undefined;
}

/** Did the engine choose the host port of containerPort/protocol (nothing fixed it in `-p`)? */
function engineChosen(c: ContainerFacts, containerPort: number, protocol: string): boolean {
  const asked = (c.requestedPorts ?? []).filter(
    (b) => b.containerPort === containerPort && b.protocol === protocol,
  );
  return asked.length ? asked.every((b) => b.ephemeral === true) : c.publishAll;
}

/** Why the container port is not published: reversed, another protocol, exposed only, ... */
function notPublished(
  h: HostFacts,
  c: ContainerFacts,
  p: z.infer<typeof params>,
  ctx: {
    vars: { container: string; expected: string; seen: string };
    all: string[];
    evidence: string[];
  },
): ReturnType<typeof bad> {
  const { vars, all, evidence } = ctx;
  const { expected, seen } = vars;
  if (p.hostPort !== undefined) {
    const reversed = c.ports.find(
      (b) =>
        published(b) &&
        b.containerPort === p.hostPort &&
        b.hostPort === p.containerPort &&
        b.protocol === p.protocol,
    );
    if (reversed) {
      return bad(
        'check.port-published.reversed',
        {
          ...vars,
          seen: formatBinding(reversed),
          hostPort: p.hostPort,
          containerPort: p.containerPort,
        },
        { expected, seen: formatBinding(reversed), evidence },
      );
    }
  }
  const otherProto = c.ports.filter(
    (b) => b.containerPort === p.containerPort && b.protocol !== p.protocol && published(b),
  );
  if (otherProto.length) {
    const s = uniq(otherProto.map((b) => formatBinding(b))).join(', ');
    return bad(
      'check.port-published.protocol',
      { ...vars, seen: s, protocol: p.protocol },
      { expected, seen: s, evidence },
    );
  }
  const exposed = c.ports.some(
    (b) => b.containerPort === p.containerPort && b.protocol === p.protocol && !published(b),
  );
  if (exposed) {
    return bad(
      'check.port-published.exposedOnly',
      { ...vars, port: `${p.containerPort}/${p.protocol}` },
      {
        expected,
        seen: t('check.value.portExposed', { port: `${p.containerPort}/${p.protocol}` }),
        evidence,
      },
    );
  }
  if (c.publishAll && !all.length) {
    return bad('check.port-published.publishAllNothing', vars, {
      expected,
      seen: t('check.value.publishAllNothing'),
      evidence,
    });
  }
  if (onlyInternal(h, endpointsOf(h, c))) {
    return bad('check.port-published.internal', vars, { expected, seen, evidence });
  }
  const key = all.length ? 'check.port-published.other' : 'check.port-published.none';
  return bad(key, vars, { expected, seen, evidence });
}

export const portPublished: Checker<typeof params> = defineChecker({
  kind: 'port-published',
  description:
    'A container port is published on the host: host address and port → container port/protocol.',
  params,
  run(facts, p, ctx) {
    const found = getHostContainer(facts, hostName(p.host, ctx), p.container);
    if (!found.ok) return found.outcome;
    const { h, c } = found.value;
    const cname = displayName(c);
    const wantIp = p.hostIp !== undefined && !isAnyAddress(p.hostIp) ? `${p.hostIp}:` : '';
    const expected =
      p.hostPort !== undefined
        ? `${wantIp}${p.hostPort}->${p.containerPort}/${p.protocol}`
        : `${wantIp}${p.containerPort}/${p.protocol}`;
    const all = uniq(
      c.ports.filter(published).map((b) => formatBinding(b, p.hostIp !== undefined)),
    );
    const seen = all.join(', ') || '-';
    const evidence = [
      `container ${cname}: network mode ${c.networkMode}, ports ${c.ports.map((b) => `${b.hostIp || '*'}:${b.hostPort ?? '-'}->${b.containerPort}/${b.protocol}`).join(', ') || 'none'}${c.portsFrom ? ` (from ${c.portsFrom})` : ''}${c.publishAll ? ', -P' : ''}`,
    ];
    const vars = { container: cname, expected, seen };

    if (modeOf(h, c).kind === 'host') {
      return bad('check.port-published.hostMode', vars, {
        expected,
        seen: '--network host',
        evidence,
      });
    }
    if (!c.running) {
      const clash = takenBy(h, c);
      if (clash) {
        return bad(
          'check.port-published.portTaken',
          { ...vars, status: c.status, hostPort: clash.hostPort, other: clash.other },
          {
            expected,
            seen: t('check.value.portTaken', {
              status: c.status,
              hostPort: clash.hostPort,
              other: clash.other,
            }),
            evidence,
          },
        );
      }
      return bad(
        'check.port-published.notRunning',
        { ...vars, status: c.status },
        { expected, seen: c.status, evidence },
      );
    }

    const relevant = c.ports.filter(
      (b) => b.containerPort === p.containerPort && b.protocol === p.protocol && published(b),
    );
    if (!relevant.length) return notPublished(h, c, p, { vars, all, evidence });

    let matches = relevant;
    if (p.hostPort !== undefined) {
      matches = relevant.filter((b) => b.hostPort === p.hostPort);
      if (!matches.length) {
        const s = uniq(relevant.map((b) => formatBinding(b))).join(', ');
        return bad(
          'check.port-published.hostPort',
          { ...vars, seen: s },
          { expected, seen: s, evidence },
        );
      }
    }
    if (p.hostIp !== undefined) {
      const wantAny = isAnyAddress(p.hostIp);
      const good = matches.filter((b) =>
        wantAny ? isAnyAddress(b.hostIp) : b.hostIp === p.hostIp,
      );
      if (!good.length) {
        const s = uniq(matches.map((b) => formatBinding(b, true))).join(', ');
        const ips = uniq(matches.map((b) => (isAnyAddress(b.hostIp) ? '0.0.0.0' : b.hostIp))).join(
          ', ',
        );
        let key: MessageKey = 'check.port-published.hostIp';
        const loopback = (ip: string) => ip.startsWith('127.') || ip === '::1';
        if (wantAny && matches.every((b) => loopback(b.hostIp)))
          key = 'check.port-published.loopbackOnly';
        else if (!loopback(p.hostIp) && matches.every((b) => loopback(b.hostIp)))
          key = 'check.port-published.loopbackNotLan';
        else if (!wantAny && matches.some((b) => isAnyAddress(b.hostIp)))
          key = 'check.port-published.everyAddress';
        return bad(
          key,
          { ...vars, seen: s, ips, hostIp: wantAny ? '0.0.0.0' : p.hostIp },
          { expected, seen: s, evidence },
        );
      }
      matches = good;
    }
    const s = uniq(matches.map((b) => formatBinding(b, p.hostIp !== undefined))).join(', ');
    if (p.randomHostPort && !engineChosen(c, p.containerPort, p.protocol))
      return bad(
        'check.port-published.fixedHostPort',
        { ...vars, seen: s, containerPort: p.containerPort },
        { expected, seen: s, evidence },
      );
    return ok('check.port-published.ok', { ...vars, seen: s }, { expected, seen: s, evidence });
  },
});
