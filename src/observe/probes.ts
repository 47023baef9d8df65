import fs from 'node:fs';
import type { Probe } from '../checks/types.js';
import { hostPaths, netnsPath } from '../lab/config.js';
import { enterHost } from '../lab/hostns.js';
import { run } from '../lab/run.js';
import type { ContainerFacts, ProbeResult } from './facts.js';

/** No probe may run longer than this, whatever it asks. */
export const PROBE_MAX_MS = 3000;

/** Grace between the polite stop (TERM) and the kill, for a probe past its timeout. */
const KILL_AFTER_S = '0.2';

/** The environment a probe runs with, like `docker exec`'s default: no learner or lab variables. */
export const PROBE_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/root',
  LANG: 'C',
};

export function probeTimeoutMs(probe: Probe): number {
  const t =
    Number.isFinite(probe.timeoutMs) && probe.timeoutMs > 0 ? probe.timeoutMs : PROBE_MAX_MS;
  return Math.min(t, PROBE_MAX_MS);
}

/**
 * Where a probe runs: inside a container (all its namespaces, root and working directory, so
 * the container's own programs run, as with `docker exec`), or on a lab host (the machine's
 * programs, in the host's network namespace, and in its UTS and mount namespaces when the lab
 * made them: the host's hostname, /etc/resolv.conf and /etc/docker, as the learner's shell sees).
 */
export type ProbeTarget = { pid: number } | { host: string };

/** nsenter options for a probe on a lab host. */
export function hostProbeNamespaces(host: string): string[] {
  const p = hostPaths(host);
  return fs.existsSync(p.mnt) && fs.existsSync(p.uts)
    ? enterHost(host)
    : [`--net=${netnsPath(host)}`];
}

/**
 * The argv of a probe. `timeout` (coreutils) puts the probe in its own process group and stops
 * the whole group at the deadline: `nsenter -p` forks, so killing nsenter alone would leave the
 * probe running and its output pipe open.
 */
export function probeArgv(probe: Probe, target: ProbeTarget): string[] {
  const secs = (probeTimeoutMs(probe) / 1000).toFixed(3);
  const enter =
    'pid' in target
      ? ['nsenter', '-t', String(target.pid), '-m', '-u', '-i', '-n', '-p', '-r', '-w']
      : ['nsenter', ...hostProbeNamespaces(target.host)];
  return ['timeout', '-k', KILL_AFTER_S, secs, ...enter, '--', ...probe.argv];
}

/** The container a probe names: by name, then by full id, then by id prefix. */
export function findContainer(
  containers: ContainerFacts[],
  ref: string,
): ContainerFacts | undefined {
  const name = ref.replace(/^\//, '');
  return (
    containers.find((c) => c.name === name) ??
    containers.find((c) => c.id === ref) ??
    (ref.length >= 4 ? containers.find((c) => c.id.startsWith(ref)) : undefined)
  );
}

export function notRunning(container: string): ProbeResult {
  return { code: 125, stdout: '', stderr: `container ${container} is not running`, ms: 0 };
}

/** Run one probe (already resolved to a target) and time it. */
export async function runProbe(probe: Probe, target: ProbeTarget): Promise<ProbeResult> {
  const limit = probeTimeoutMs(probe);
  const t0 = performance.now();
  // The run() timeout is only a backstop: `timeout` stops the probe first.
  const r = await run(probeArgv(probe, target), { env: PROBE_ENV, timeoutMs: limit + 1500 });
  const ms = Math.round(performance.now() - t0);
  const result: ProbeResult = { code: r.code, stdout: r.stdout, stderr: r.stderr, ms };
  if (r.code === 124 || (r.code === 137 && ms >= limit)) result.timedOut = true;
  return result;
}

/**
 * Run every probe of one host once (by id), in parallel. `containers` are the host's observed
 * containers: a probe naming one that is missing or stopped gets code 125 without running.
 */
export async function runProbes(
  host: string,
  probes: Probe[],
  containers: ContainerFacts[],
): Promise<Record<string, ProbeResult>> {
  const unique = new Map<string, Probe>();
  for (const p of probes) if (!unique.has(p.id)) unique.set(p.id, p);
  const entries = await Promise.all(
    [...unique.values()].map(async (p): Promise<[string, ProbeResult]> => {
      // nsenter without a program would start a shell: refuse instead.
      if (p.argv.length === 0)
        return [p.id, { code: 126, stdout: '', stderr: 'probe has no command', ms: 0 }];
      if (p.container === undefined) return [p.id, await runProbe(p, { host })];
      const c = findContainer(containers, p.container);
      if (!c || !c.running || !c.pid) return [p.id, notRunning(p.container)];
      // Like `docker exec`: a paused container runs nothing.
      if (c.status === 'paused')
        return [p.id, { ...notRunning(p.container), stderr: `container ${p.container} is paused` }];
      return [p.id, await runProbe(p, { pid: c.pid })];
    }),
  );
  return Object.fromEntries(entries);
}
