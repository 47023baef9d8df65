import { z } from 'zod';
import type { ContainerFacts, HostFacts, LabFacts } from '../../observe/facts.js';
import type { CheckContext, CheckOutcome, Probe } from '../types.js';
import type { Checker } from '../types.js';
import { isIPv4 } from '../lib/cidr.js';
import {
  containerIps,
  displayName,
  endpointsOf,
  findContainer,
  getContainer,
  getHost,
  getRunning,
  hostName,
  isDefaultBridgeOnly,
} from '../lib/lookup.js';
import { bad, ok } from '../lib/outcome.js';
import { host, name } from '../lib/params.js';
import { catProbe } from '../lib/file-probe.js';
import { dockerHostsEntry, parseHostsFile } from '../lib/hosts-file.js';
import {
  PROBE_MAX_MS,
  applet,
  makeProbe,
  parseNslookup,
  probeLine,
  probeResult,
  type Nslookup,
} from '../../observe/probe.js';
import { defineChecker } from '../define.js';
import { t } from '../../i18n/index.js';

const dnsName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, {
  message: 'expected a DNS name like web or web.labnet',
});

const params = z.strictObject({
  host,
  container: name,
  name: dnsName,
  /** A container name (its addresses), an IPv4 address, or `nxdomain` (the name must not resolve). */
  expect: z.string().min(1).optional(),
  /**
   * `resolver` (default): as the container's resolver, /etc/hosts (where Docker put the name) then
   * its nameserver. `dns`: only what its nameserver answers (e.g. "the default bridge has no
   * embedded DNS", while --link wrote the name into /etc/hosts).
   */
  via: z.enum(['resolver', 'dns']).default('resolver'),
});

type P = z.infer<typeof params>;

const TIMEOUT_S = 2;

/** The container's resolver: the runner asks the first nameserver of its /etc/resolv.conf. */
function dnsProbe(p: P, ctx: CheckContext): Probe {
  const argv = applet('nslookup', `-timeout=${TIMEOUT_S}`, '-retry=1', '-type=a', p.name);
  return makeProbe(hostName(p.host, ctx), p.container, argv, PROBE_MAX_MS);
}

/** Its /etc/hosts, which the resolver reads first. */
function hostsProbe(p: P, ctx: CheckContext): Probe {
  return catProbe(hostName(p.host, ctx), p.container, '/etc/hosts');
}

function probesFor(p: P, ctx: CheckContext, facts?: LabFacts): Probe[] {
  if (facts) {
    const h = facts.hosts[hostName(p.host, ctx)];
    const c = h ? findContainer(h, p.container) : undefined;
    if (!c?.running) return [];
  }
  return p.via === 'dns' ? [dnsProbe(p, ctx)] : [hostsProbe(p, ctx), dnsProbe(p, ctx)];
}

interface Answer {
  ns: Nslookup;
  evidence: string[];
  /** /etc/hosts maps the name, but Docker did not put it there: not counted. */
  byHand?: string[];
  /** The DNS probe could not run. */
  error?: string;
}

/**
 * What the container's resolver answers: /etc/hosts first where Docker put the name there
 * (`--add-host`, `--link`), else what the nameserver of its resolv.conf answers.
 */
function answerOf(facts: LabFacts, p: P, ctx: CheckContext, c: ContainerFacts): Answer | undefined {
  const hostsRes = p.via === 'dns' ? undefined : probeResult(facts, hostsProbe(p, ctx));
  const inHosts =
    hostsRes?.code === 0 ? parseHostsFile(hostsRes.stdout).get(p.name.toLowerCase()) : undefined;
  const docker = inHosts ? dockerHostsEntry(c, p.name) : undefined;
  if (inHosts && docker && p.via === 'resolver') {
    const addresses = docker === true ? inHosts : docker;
    const how = docker === true ? '--link' : '--add-host';
    return {
      ns: { server: '/etc/hosts', addresses, nxdomain: false, noAnswer: false },
      evidence: [`/etc/hosts: ${p.name} → ${addresses.join(', ')} (written by Docker: ${how})`],
    };
  }
  const probe = dnsProbe(p, ctx);
  const res = probeResult(facts, probe);
  if (!res) return undefined;
  const ns = parseNslookup(res.stdout, res.stderr);
  if (res.timedOut) ns.noAnswer = true;
  const evidence = [
    `probe ${probe.id} → exit ${res.code}: ${probeLine(res)}`,
    `resolver: ${ns.server ?? '(none answered)'}`,
  ];
  const out: Answer = { ns, evidence };
  if (inHosts && !docker) {
    out.byHand = inHosts;
    evidence.push(
      `/etc/hosts: ${p.name} → ${inHosts.join(', ')} by hand (not from Docker): not counted`,
    );
  }
  if (!ns.addresses.length && !ns.nxdomain && !ns.noAnswer) out.error = probeLine(res);
  return out;
}

/**
 * The name is a container's name or network alias, but only on user-defined networks the asking
 * container is not on: the embedded DNS answers names of shared networks only.
 */
function nameOnOtherNetwork(
  h: HostFacts,
  c: ContainerFacts,
  wanted: string,
): { owner: string; what: string; network: string; networks: string } | undefined {
  const lower = wanted.toLowerCase();
  const mine = new Set(endpointsOf(h, c).map((e) => e.networkId));
  for (const o of h.containers) {
    if (o.id === c.id) continue;
    const isName = displayName(o).toLowerCase() === lower;
    for (const e of endpointsOf(h, o)) {
      if (mine.has(e.networkId) || e.network === 'bridge') continue;
      const isAlias = e.aliases.some((a) => a.toLowerCase() === lower);
      if (!isName && !isAlias) continue;
      return {
        owner: displayName(o),
        what: isAlias && !isName ? t('check.dns-resolves.alias') : t('check.dns-resolves.name'),
        network: e.network,
        networks:
          endpointsOf(h, c)
            .map((x) => x.network)
            .join(', ') || t('check.common.none'),
      };
    }
  }
  return undefined;
}

export const dnsResolves: Checker<typeof params> = defineChecker({
  kind: 'dns-resolves',
  description:
    "A name resolves from inside a container as its own resolver does — /etc/hosts where Docker put the name there (--add-host, --link), else the nameserver of its resolv.conf (127.0.0.11 on user-defined networks) — to the expected container's address, an IP, or — with expect: nxdomain — does not resolve.",
  params,
  probes: probesFor,
  run(facts, p, ctx) {
    const hf = getHost(facts, hostName(p.host, ctx));
    if (!hf.ok) return hf.outcome;
    const h = hf.value;
    const cf = getRunning(h, p.container);
    if (!cf.ok) return cf.outcome;
    const c = cf.value;
    const cname = displayName(c);
    const answer = answerOf(facts, p, ctx, c);
    if (!answer) {
      const id = dnsProbe(p, ctx).id;
      return bad(
        'check.common.probeMissing',
        { from: cname, probe: id },
        { evidence: [`probe ${id}: no result`] },
      );
    }
    const { ns, evidence } = answer;
    if (answer.error !== undefined)
      return bad('check.common.probeError', { from: cname, line: answer.error }, { evidence });
    const out = judgeAnswer(facts, p, h, c, ns, evidence);
    if (answer.byHand && !out.pass)
      out.message += ` ${t('check.dns-resolves.byHand', { container: cname, name: p.name, seen: answer.byHand.join(', ') })}`;
    return out;
  },
});

function judgeAnswer(
  facts: LabFacts,
  p: P,
  h: HostFacts,
  c: ContainerFacts,
  ns: Nslookup,
  evidence: string[],
): CheckOutcome {
  const cname = displayName(c);
  const resolved = ns.addresses.length > 0;
  const seen = resolved
    ? ns.addresses.join(', ')
    : ns.nxdomain
      ? 'NXDOMAIN'
      : t('check.value.noAnswer');
  const vars = { container: cname, name: p.name, seen, server: ns.server ?? '-' };

  const noAddress = t('check.value.noAddress');
  if (p.expect === 'nxdomain') {
    if (!resolved)
      return ok('check.dns-resolves.okNx', vars, { expected: noAddress, seen, evidence });
    return bad('check.dns-resolves.resolvedNx', vars, { expected: noAddress, seen, evidence });
  }

  let wanted: string[] | undefined;
  let wantedLabel = '';
  if (p.expect !== undefined) {
    if (isIPv4(p.expect)) {
      wanted = [p.expect];
      wantedLabel = p.expect;
    } else {
      // The expected container: on this host, else on another (overlay networks span hosts).
      const elsewhere = Object.values(facts.hosts).filter((x) => x !== h);
      const th = [h, ...elsewhere].find((x) => findContainer(x, p.expect as string)) ?? h;
      const tf = getContainer(th, p.expect);
      if (!tf.ok) return tf.outcome;
      const ips = containerIps(th, tf.value);
      wanted = ips.map((x) => x.ip);
      wantedLabel = `${displayName(tf.value)} (${wanted.join(', ') || noAddress})`;
      evidence.push(
        `${displayName(tf.value)} on ${th.host}: ${ips.map((x) => `${x.ip} on ${x.network}`).join(', ') || 'no address'}`,
      );
    }
  }
  const expected = wantedLabel || t('check.value.anAddress');
  if (!resolved) {
    if (isDefaultBridgeOnly(h, c)) {
      return bad(
        'check.dns-resolves.defaultBridge',
        { ...vars, expected },
        { expected, seen, evidence },
      );
    }
    const elsewhere = ns.nxdomain ? nameOnOtherNetwork(h, c, p.name) : undefined;
    if (elsewhere) {
      return bad(
        'check.dns-resolves.otherNetwork',
        { ...vars, expected, ...elsewhere },
        { expected, seen, evidence },
      );
    }
    const key = ns.nxdomain ? 'check.dns-resolves.nxdomain' : 'check.dns-resolves.noAnswer';
    return bad(key, { ...vars, expected }, { expected, seen, evidence });
  }
  if (wanted && !ns.addresses.some((a) => wanted.includes(a))) {
    return bad('check.dns-resolves.wrong', { ...vars, expected }, { expected, seen, evidence });
  }
  return ok('check.dns-resolves.ok', vars, { expected, seen, evidence });
}
