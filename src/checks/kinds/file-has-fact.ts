import { z } from 'zod';
import type { ContainerFacts, EndpointFacts, HostFacts, LabFacts } from '../../observe/facts.js';
import type { Checker } from '../types.js';
import { stripPrefix } from '../lib/cidr.js';
import {
  displayName,
  endpointsOf,
  endpointMatches,
  getContainer,
  getHost,
  getRunning,
  hostName,
} from '../lib/lookup.js';
import { bad, list, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { probeResult } from '../../observe/probe.js';
import { catProbe, catProbeIfRunning } from '../lib/file-probe.js';
import { defineChecker } from '../define.js';
import { t, type MessageKey } from '../../i18n/index.js';

/**
 * Evidence that a learner found a real value: a file inside a running container (written by the
 * learner, e.g. `docker exec web sh -c 'echo … > /found'`) holds a value the observers read from
 * the engine or the kernel — a container's id, SandboxKey, Pid, network namespace inode, or an
 * endpoint's EndpointID, NetworkID, IP, gateway or MAC. The value is never in the lesson: it is
 * what this lab's engine made, so only looking finds it.
 */
const FACTS = [
  'id',
  'sandboxKey',
  'pid',
  'netnsInode',
  'endpointId',
  'networkId',
  'ip',
  'gateway',
  'mac',
] as const;
type Fact = (typeof FACTS)[number];

/** How a fact is named in a sentence (localised). */
const LABEL: Record<Fact, MessageKey> = {
  id: 'check.file-has-fact.fact.id',
  sandboxKey: 'check.file-has-fact.fact.sandboxKey',
  pid: 'check.file-has-fact.fact.pid',
  netnsInode: 'check.file-has-fact.fact.netnsInode',
  endpointId: 'check.file-has-fact.fact.endpointId',
  networkId: 'check.file-has-fact.fact.networkId',
  ip: 'check.file-has-fact.fact.ip',
  gateway: 'check.file-has-fact.fact.gateway',
  mac: 'check.file-has-fact.fact.mac',
};

function label(f: Fact): string {
  return t(LABEL[f]);
}

const params = z.strictObject({
  host,
  /** The running container that holds the file. */
  container: name,
  path: z.string().regex(/^\//, { message: 'expected an absolute path like /found' }),
  /** The container the value is about (default: `container`). */
  of: name.optional(),
  fact: z.enum(FACTS),
  /** For endpoint values (endpointId, networkId, ip, gateway, mac): the network; default the only one. */
  network: name.optional(),
});

function endpointOf(h: HostFacts, c: ContainerFacts, network?: string): EndpointFacts | undefined {
  const eps = endpointsOf(h, c);
  if (network !== undefined) return eps.find((e) => endpointMatches(h, e, network));
  return eps.length === 1 ? eps[0] : undefined;
}

/** Every value of `fact` the container has (one, or none). */
function valueOf(
  h: HostFacts,
  c: ContainerFacts,
  fact: Fact,
  network?: string,
): string | undefined {
  switch (fact) {
    case 'id':
      return c.id;
    case 'sandboxKey':
      return c.sandboxKey || undefined;
    case 'pid':
      return c.pid ? String(c.pid) : undefined;
    case 'netnsInode':
      return c.netnsInode ? String(c.netnsInode) : undefined;
    default: {
      const e = endpointOf(h, c, network);
      if (!e) return undefined;
      const v =
        fact === 'endpointId'
          ? e.endpointId
          : fact === 'networkId'
            ? e.networkId
            : fact === 'ip'
              ? e.ip && stripPrefix(e.ip)
              : fact === 'gateway'
                ? e.gateway
                : e.mac;
      return v || undefined;
    }
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does the text hold the value, the way a person would write it down? */
export function holds(text: string, fact: Fact, value: string): boolean {
  switch (fact) {
    case 'id':
    case 'endpointId':
    case 'networkId': {
      // The full id or Docker's short form (its first 12 characters), as a whole word.
      const short = value.slice(0, 12).toLowerCase();
      return new RegExp(`(?<![0-9a-f])${escape(short)}`).test(text.toLowerCase());
    }
    case 'sandboxKey': {
      // /var/run/docker/netns/<key> or /run/docker/netns/<key>: the key file's name is what counts.
      const base = value.split('/').pop() ?? value;
      return new RegExp(`(?<![0-9A-Za-z_-])${escape(base)}(?![0-9A-Za-z_-])`).test(text);
    }
    case 'mac':
      return text.toLowerCase().includes(value.toLowerCase());
    case 'gateway':
      // The host's routes name the bridge's address too, as `src` of the bridge's link route:
      // only a route through the gateway (`via`), or the bare value, is the container's.
      return holds(
        text.replace(new RegExp(`\\bsrc\\s+${escape(value)}(?![0-9])`, 'g'), ''),
        'ip',
        value,
      );
    default:
      return new RegExp(`(?<![0-9.])${escape(value)}(?![0-9])`).test(text);
  }
}

function excerpt(s: string): string {
  const lines = s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const shown = lines.slice(0, 3).join(' / ');
  return shown.length > 160 ? `${shown.slice(0, 160)}…` : shown || t('check.value.empty');
}

export const fileHasFact: Checker<typeof params> = defineChecker({
  kind: 'file-has-fact',
  description:
    "A file inside a running container holds a real value of a container, as the engine reports it: its id, SandboxKey, Pid, network namespace inode, or an endpoint's EndpointID, NetworkID, IP, gateway or MAC (evidence that the learner found it).",
  params,
  probes(p, ctx, facts?: LabFacts) {
    return catProbeIfRunning(facts, hostName(p.host, ctx), p.container, p.path);
  },
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const holder = getRunning(h, p.container);
    if (!holder.ok) return holder.outcome;
    const subject = getContainer(h, p.of ?? p.container);
    if (!subject.ok) return subject.outcome;
    const cname = displayName(holder.value);
    const of = displayName(subject.value);
    const fact = label(p.fact);
    const value = valueOf(h, subject.value, p.fact, p.network);
    if (!value) {
      const nets = list(endpointsOf(h, subject.value).map((e) => e.network));
      return bad(
        'check.file-has-fact.noValue',
        { of, fact, networks: nets },
        { expected: fact, evidence: [`${of}: networks ${nets}, running ${subject.value.running}`] },
      );
    }
    const probe = catProbe(hostName(p.host, ctx), p.container, p.path);
    const res = probeResult(facts, probe);
    if (!res)
      return bad(
        'check.common.probeMissing',
        { from: cname, probe: probe.id },
        { evidence: [`probe ${probe.id}: no result`] },
      );
    const vars = { container: cname, path: p.path, of, fact, other: '', seen: '', error: '' };
    if (res.code !== 0) {
      const error = res.stderr.trim().split('\n')[0] || `exit ${res.code}`;
      return bad(
        'check.file-has-fact.unreadable',
        { ...vars, error },
        {
          expected: t('check.file-has-fact.expected', { path: p.path, of, fact }),
          seen: error,
          evidence: [`probe ${probe.id} → exit ${res.code}: ${error}`],
        },
      );
    }
    const evidence = [`${of}'s ${fact}: ${value}`, `${cname}:${p.path}: ${excerpt(res.stdout)}`];
    if (holds(res.stdout, p.fact, value))
      return ok('check.file-has-fact.ok', vars, {
        expected: value,
        seen: excerpt(res.stdout),
        evidence,
      });
    if (p.fact === 'gateway' && /\bdev (docker0|br-[0-9a-f]+)\b/.test(res.stdout))
      return bad(
        'check.file-has-fact.hostRoutes',
        { ...vars, seen: excerpt(res.stdout) },
        { expected: value, seen: excerpt(res.stdout), evidence },
      );
    // A typical slip: another of the container's values (its id for the EndpointID…).
    const others = FACTS.filter((f) => f !== p.fact).filter((f) => {
      const v = valueOf(h, subject.value, f, p.network);
      return v !== undefined && v !== value && holds(res.stdout, f, v);
    });
    if (others.length)
      return bad(
        'check.file-has-fact.other',
        { ...vars, other: others.map(label).join(', ') },
        { expected: value, seen: excerpt(res.stdout), evidence },
      );
    return bad(
      'check.file-has-fact.missing',
      { ...vars, seen: excerpt(res.stdout) },
      { expected: value, seen: excerpt(res.stdout), evidence },
    );
  },
});
