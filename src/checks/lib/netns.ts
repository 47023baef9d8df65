import { z } from 'zod';
import type { LabFacts, LinkFacts, RouteFacts } from '../../observe/facts.js';
import { parseIpLinks, parseIpRoutes } from '../../observe/iproute.js';
import type { CheckOutcome, Probe } from '../types.js';
import { getHost } from './lookup.js';
import { bad, list } from './outcome.js';
import { makeProbe, probeResult } from '../../observe/probe.js';
import { t } from '../../i18n/index.js';

/**
 * Named network namespaces a learner makes inside a lab host with `ip netns add <name>`. They live
 * in the host's own /run/netns, which only the host's mount namespace shows; the probe runner
 * never enters that namespace: it lists the folder through a host process's /proc/<pid>/root and
 * runs the machine's `ip` in the named namespace (`netns` of the probe), as a learner's shell
 * would see it. The host's own namespace needs no probe: its links and routes are in the facts.
 *
 * Probes (iproute2 6.1, Debian 12, run on a lab host):
 * - `ip -j netns list` → read by the runner: `[{"name":"red"},{"name":"blue"}]`, `[]` for none.
 * - `ip -j -d addr show` in `red` → the links of `red` with their addresses (as `ip -j -d addr`);
 *   a missing namespace: exit 255, `Cannot open network namespace "red": No such file or
 *   directory` (the runner's words, as `ip -n` says it).
 * - `ip -j route show` in `red` → its main routing table.
 */

/** A namespace name as `ip netns add` takes it (a file under /run/netns). */
export const netnsName = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, {
    message: 'expected a namespace name like red (letters, digits, _ . -)',
  })
  .max(64, 'expected a namespace name of at most 64 characters');

/** Probes are cheap and shared by id: every netns check of a run asks for the same few. */
const NETNS_PROBE_MS = 2000;

export function netnsListProbe(host: string): Probe {
  return makeProbe(host, undefined, ['ip', '-j', 'netns', 'list'], NETNS_PROBE_MS);
}

export function netnsAddrProbe(host: string, netns: string): Probe {
  return makeProbe(host, undefined, ['ip', '-j', '-d', 'addr', 'show'], NETNS_PROBE_MS, { netns });
}

export function netnsRouteProbe(host: string, netns: string): Probe {
  return makeProbe(host, undefined, ['ip', '-j', 'route', 'show'], NETNS_PROBE_MS, { netns });
}

/** The namespace names `ip -j netns list` printed (empty when it printed nothing). */
export function parseNetnsList(stdout: string): string[] {
  const text = stdout.trim();
  if (!text) return [];
  try {
    const json: unknown = JSON.parse(text);
    if (!Array.isArray(json)) return [];
    return json
      .map((e) => (e && typeof e === 'object' ? (e as { name?: unknown }).name : undefined))
      .filter((n): n is string => typeof n === 'string');
  } catch {
    return [];
  }
}

function parseJson(stdout: string): unknown {
  try {
    return JSON.parse(stdout.trim() || '[]');
  } catch {
    return [];
  }
}

/** What one namespace of a host holds, from the facts (the host's own) or from the probes. */
export interface NetnsView {
  /** How to name it in a sentence: `red` or `host1`. */
  label: string;
  links: LinkFacts[];
  routes: RouteFacts[];
  evidence: string[];
}

export type NetnsRead = { ok: true; value: NetnsView } | { ok: false; outcome: CheckOutcome };

/** The probes a read of `netns` on `host` needs (none for the host's own namespace). */
export function netnsProbes(host: string, netns: string | undefined, routes: boolean): Probe[] {
  if (netns === undefined) return [];
  return [
    netnsListProbe(host),
    netnsAddrProbe(host, netns),
    ...(routes ? [netnsRouteProbe(host, netns)] : []),
  ];
}

/** A namespace that does not exist: say which ones do. */
export function noNetns(facts: LabFacts, host: string, netns: string): CheckOutcome {
  const listed = probeResult(facts, netnsListProbe(host));
  const names = listed && listed.code === 0 ? parseNetnsList(listed.stdout) : [];
  return bad(
    'check.netns-link.noNetns',
    { host, netns, others: list(names) },
    {
      expected: t('check.value.onHost', { what: `/run/netns/${netns}`, host }),
      seen: `ip netns list: ${list(names)}`,
      evidence: [`ip netns list on ${host}: ${list(names)}`],
    },
  );
}

/**
 * Read a namespace: the host's own (from the facts) when `netns` is absent, else the learner's
 * named namespace (from the probes). Fails with a sentence when the host or the namespace is
 * missing, or the probe did not run.
 */
export function readNetns(
  facts: LabFacts,
  host: string,
  netns: string | undefined,
  routes: boolean,
): NetnsRead {
  const hf = getHost(facts, host);
  if (!hf.ok) return hf;
  if (netns === undefined)
    return {
      ok: true,
      value: {
        label: host,
        links: hf.value.links,
        routes: hf.value.routes,
        evidence: [`${host}'s own namespace (ip -j -d addr, ip -j route)`],
      },
    };
  const addrProbe = netnsAddrProbe(host, netns);
  const addr = probeResult(facts, addrProbe);
  if (!addr)
    return {
      ok: false,
      outcome: bad(
        'check.common.probeMissing',
        { from: host, probe: addrProbe.id },
        { evidence: [`probe ${addrProbe.id}: no result`] },
      ),
    };
  if (addr.code !== 0) {
    if (/Cannot open network namespace|No such file/i.test(addr.stderr))
      return { ok: false, outcome: noNetns(facts, host, netns) };
    const line = addr.stderr.trim().split('\n')[0] || `exit ${addr.code}`;
    return {
      ok: false,
      outcome: bad(
        'check.common.probeError',
        { from: host, line },
        { evidence: [`probe ${addrProbe.id} → exit ${addr.code}: ${line}`] },
      ),
    };
  }
  const links = parseIpLinks(parseJson(addr.stdout));
  let routeList: RouteFacts[] = [];
  const evidence = [`probe ${addrProbe.id} → ${links.length} link(s)`];
  if (routes) {
    const rp = netnsRouteProbe(host, netns);
    const rr = probeResult(facts, rp);
    if (!rr || rr.code !== 0) {
      const line = rr ? rr.stderr.trim().split('\n')[0] || `exit ${rr.code}` : 'no result';
      return {
        ok: false,
        outcome: bad(
          'check.common.probeError',
          { from: host, line },
          { evidence: [`probe ${rp.id}: ${line}`] },
        ),
      };
    }
    routeList = parseIpRoutes(parseJson(rr.stdout));
    evidence.push(`probe ${rp.id} → ${routeList.length} route(s)`);
  }
  return { ok: true, value: { label: netns, links, routes: routeList, evidence } };
}

/** `eth0 (veth, UP, 10.0.0.2/24)` for sentences and evidence. */
export function describeLink(l: LinkFacts): string {
  const parts = [l.kind ?? l.linkType ?? 'link', l.up ? 'UP' : 'DOWN'];
  const v4 = l.addresses.filter((a) => a.family === 'inet');
  parts.push(v4.length ? v4.map((a) => `${a.address}/${a.prefixLen}`).join(' ') : 'no IPv4');
  if (l.master) parts.push(`master ${l.master}`);
  return `${l.name} (${parts.join(', ')})`;
}

/** `default via 10.0.0.1 dev eth0` as `ip route` prints it. */
export function describeRoute(r: RouteFacts): string {
  return [
    r.type && r.type !== 'unicast' ? r.type : '',
    r.dst,
    r.gateway ? `via ${r.gateway}` : '',
    r.dev ? `dev ${r.dev}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
