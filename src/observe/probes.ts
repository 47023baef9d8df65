import fs from 'node:fs';
import type { Probe } from './facts.js';
import { t, type MessageKey } from '../i18n/index.js';
import { run } from '../lab/run.js';
import { readContainerFile, type FileKind, type FileRead } from './container-files.js';
import { findContainerRef } from './container-ref.js';
import type { ContainerFacts, ProbeResult } from './facts.js';
import { containerNameserver, hostNameserver, hostNetPath, listHostNetns } from './probe-host.js';

/**
 * The probe runner: every probe runs a program of the MACHINE's, by absolute path (its
 * busybox-static, or iproute2's `ip`), never one from a container image or from a lab host's mount
 * namespace. It enters only a network namespace (a container's, by pid; a lab host's; or a
 * learner's named one inside a host, reached through a host process's /proc/<pid>/root), as user
 * nobody with no capability but NET_RAW for ping (setpriv: bounding, inheritable and ambient sets),
 * no new privileges, under `timeout -k` (the whole process group stops at the deadline).
 * `cat <path>` in a container is read in Node (container-files.ts); `ip -j netns list` on a host
 * too. `nslookup <name>` without a server asks the target's own first nameserver: the container's
 * /etc/resolv.conf (read as a file), or the resolv.conf dnlab wrote for the lab host.
 */

/** No try of a probe may run longer than this, whatever it asks. */
export const PROBE_MAX_MS = 3000;

/** Grace between the polite stop (TERM) and the kill, for a probe past its timeout. */
const KILL_AFTER_S = '0.2';

/** The user a probe runs as (nobody): it reads nothing of the lab's, and owns nothing. */
const PROBE_UID = '65534';

/** After a failed try in a window, wait this long before the next. */
const RETRY_PAUSE_MS = 200;

/** The environment a probe runs with: no learner or lab variables. */
export const PROBE_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/',
  LANG: 'C',
};

/** The BusyBox applets a probe may run, with the capabilities each keeps. */
const APPLET_CAPS: Record<string, string[]> = { ping: ['net_raw'], nc: [], nslookup: [] };

const PLACES: Record<string, string[]> = {
  busybox: ['/usr/bin/busybox', '/bin/busybox'],
  ip: ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'],
  nsenter: ['/usr/bin/nsenter', '/bin/nsenter'],
  setpriv: ['/usr/bin/setpriv', '/bin/setpriv'],
  timeout: ['/usr/bin/timeout', '/bin/timeout'],
};

const found = new Map<string, string | null>();

/** The machine's program by absolute path (a root-owned regular file), looked up once. */
export function machineProgram(name: string): string | undefined {
  if (!found.has(name)) {
    const hit = (PLACES[name] ?? []).find((p) => {
      const st = fs.statSync(p, { throwIfNoEntry: false });
      return st !== undefined && st.isFile() && st.uid === 0 && (st.mode & 0o111) !== 0;
    });
    found.set(name, hit ?? null);
  }
  return found.get(name) ?? undefined;
}

export function probeTimeoutMs(probe: Probe): number {
  const t0 =
    Number.isFinite(probe.timeoutMs) && probe.timeoutMs > 0 ? probe.timeoutMs : PROBE_MAX_MS;
  return Math.min(t0, PROBE_MAX_MS);
}

/** Where a probe runs: a container's network namespace, or a lab host's (or a named one in it). */
export type ProbeTarget = { pid: number } | { host: string; netns?: string };

function failed(code: number, stderr: string): ProbeResult {
  return { code, stdout: '', stderr, ms: 0 };
}

function enterArgs(target: ProbeTarget): string[] | ProbeResult {
  if ('pid' in target) return ['-t', String(target.pid), '-n'];
  const net = hostNetPath(target.host, target.netns);
  if (!net) return failed(125, t('check.probe.noHostNs', { host: target.host }));
  return [`--net=${net}`];
}

/** The program and its arguments: a BusyBox applet through the machine's busybox, or `ip`. */
function programArgs(argv: readonly string[]): { argv: string[]; caps: string[] } | ProbeResult {
  const [tool, ...rest] = argv;
  if (tool === 'ip') {
    const ip = machineProgram('ip');
    if (!ip) return failed(127, t('check.probe.noTool', { tool: 'ip', package: 'iproute2' }));
    return { argv: [ip, ...rest], caps: [] };
  }
  const caps = tool === undefined ? undefined : APPLET_CAPS[tool];
  if (!tool || !caps) return failed(126, t('check.probe.badApplet', { tool: tool ?? '-' }));
  const bb = machineProgram('busybox');
  if (!bb)
    return failed(127, t('check.probe.noTool', { tool: 'busybox', package: 'busybox-static' }));
  return { argv: [bb, tool, ...rest], caps };
}

/** setpriv options: user nobody, no groups, only `caps` in every capability set, no new privileges. */
export function dropPrivileges(caps: readonly string[]): string[] {
  const set = ['-all', ...caps.map((c) => `+${c}`)].join(',');
  return [
    `--reuid=${PROBE_UID}`,
    `--regid=${PROBE_UID}`,
    '--clear-groups',
    `--bounding-set=${set}`,
    `--inh-caps=${set}`,
    `--ambient-caps=${set}`,
    '--no-new-privs',
  ];
}

/**
 * The argv of one try: `timeout` puts it in its own process group and stops the whole group at
 * the deadline; nsenter enters the network namespace; setpriv drops to nobody and the probe's
 * capabilities; then the machine's program. A ProbeResult when it cannot be built (no program).
 */
export function probeArgv(probe: Probe, target: ProbeTarget): string[] | ProbeResult {
  const secs = (probeTimeoutMs(probe) / 1000).toFixed(3);
  const enter = enterArgs(target);
  if (!Array.isArray(enter)) return enter;
  const prog = programArgs(probe.argv);
  if (!('caps' in prog)) return prog;
  const [timeout, nsenter, setpriv] = ['timeout', 'nsenter', 'setpriv'].map(machineProgram);
  if (!timeout || !nsenter || !setpriv)
    return failed(
      127,
      t('check.probe.noTool', { tool: 'timeout/nsenter/setpriv', package: 'coreutils util-linux' }),
    );
  return [
    timeout,
    '-k',
    KILL_AFTER_S,
    secs,
    nsenter,
    ...enter,
    '--',
    setpriv,
    ...dropPrivileges(prog.caps),
    '--',
    ...prog.argv,
  ];
}

/** `nslookup <name>` with no server: ask the target's own nameserver, as its resolver would. */
function withServer(argv: string[], target: ProbeTarget): string[] | ProbeResult {
  if (argv[0] !== 'nslookup' || argv.slice(1).filter((a) => !a.startsWith('-')).length !== 1)
    return argv;
  const server = 'pid' in target ? containerNameserver(target.pid) : hostNameserver(target.host);
  if (!server) return failed(125, t('check.probe.noResolvConf'));
  return [...argv, server];
}

/** One try, timed. */
async function tryOnce(probe: Probe, target: ProbeTarget): Promise<ProbeResult> {
  const argv = withServer(probe.argv, target);
  if (!Array.isArray(argv)) return argv;
  const full = probeArgv({ ...probe, argv }, target);
  if (!Array.isArray(full)) return full;
  const limit = probeTimeoutMs(probe);
  const t0 = performance.now();
  // The run() timeout is only a backstop: `timeout` stops the probe first.
  const r = await run(full, { env: PROBE_ENV, timeoutMs: limit + 1500 });
  const ms = Math.round(performance.now() - t0);
  const result: ProbeResult = { code: r.code, stdout: r.stdout, stderr: r.stderr, ms };
  if (r.code === 124 || (r.code === 137 && ms >= limit)) result.timedOut = true;
  return result;
}

/** A try that got an answer: exit 0, or any DNS reply (a UDP probe: NXDOMAIN proves a round trip). */
export function trySucceeded(r: ProbeResult): boolean {
  return r.code === 0 || /^Server:/m.test(r.stdout);
}

/** A try that could not run at all (no program, no namespace): trying again changes nothing. */
function couldNotRun(r: ProbeResult): boolean {
  return r.code >= 125 && r.code <= 127 && !r.timedOut;
}

/**
 * Run a probe: once, or — with `windowMs` — again and again until a try succeeds or the window
 * has passed. So "reached" needs one answer before the deadline, and "not reached" holds only if
 * every try of the whole window failed.
 */
export async function runProbe(
  probe: Probe,
  target: ProbeTarget,
  once: (p: Probe, t: ProbeTarget) => Promise<ProbeResult> = tryOnce,
): Promise<ProbeResult> {
  if (!probe.windowMs) return once(probe, target);
  const t0 = performance.now();
  const end = t0 + Math.min(probe.windowMs, PROBE_MAX_MS);
  let tries = 0;
  for (;;) {
    const left = end - performance.now();
    const timeoutMs = Math.min(probeTimeoutMs(probe), Math.max(1500, left));
    const r = await once({ ...probe, timeoutMs }, target);
    tries++;
    const done = trySucceeded(r) || couldNotRun(r) || end - performance.now() < 500;
    if (done) return { ...r, ms: Math.round(performance.now() - t0), tries };
    await new Promise((res) => setTimeout(res, RETRY_PAUSE_MS));
  }
}

const FILE_ERROR_KEYS: Record<Exclude<FileRead, { ok: true }>['error'], MessageKey> = {
  missing: 'check.probe.file.missing',
  'not-a-file': 'check.probe.file.notAFile',
  'not-a-directory': 'check.probe.file.notADirectory',
  'too-large': 'check.probe.file.tooLarge',
  'too-many-links': 'check.probe.file.tooManyLinks',
  unreadable: 'check.probe.file.unreadable',
};

const KIND_TEXT: Record<FileKind, MessageKey> = {
  directory: 'check.probe.kind.directory',
  chardev: 'check.probe.kind.chardev',
  blockdev: 'check.probe.kind.blockdev',
  fifo: 'check.probe.kind.fifo',
  socket: 'check.probe.kind.socket',
  special: 'check.probe.kind.special',
};

/** `cat <path>` in a container: read in Node through its root, never by a program. */
function readFileProbe(pid: number, path: string): ProbeResult {
  const t0 = performance.now();
  const r = readContainerFile(pid, path);
  const ms = Math.round(performance.now() - t0);
  if (r.ok) return { code: 0, stdout: r.text, stderr: '', ms };
  return {
    code: 1,
    stdout: '',
    stderr: t(FILE_ERROR_KEYS[r.error], {
      path,
      detail:
        r.error === 'not-a-file'
          ? KIND_TEXT[r.detail as FileKind]
            ? t(KIND_TEXT[r.detail as FileKind])
            : r.detail
          : r.detail,
    }),
    ms,
  };
}

/** The container a probe names (the one rule of src/observe/container-ref.ts). */
export function findContainer(
  containers: ContainerFacts[],
  ref: string,
): ContainerFacts | undefined {
  return findContainerRef(containers, ref);
}

export function notRunning(container: string): ProbeResult {
  return failed(125, `container ${container} is not running`);
}

async function runOne(host: string, p: Probe, containers: ContainerFacts[]): Promise<ProbeResult> {
  if (p.argv.length === 0) return failed(126, 'probe has no command');
  if (p.container === undefined) {
    if (p.argv.join(' ') === 'ip -j netns list') {
      const l = listHostNetns(host);
      return l.ok
        ? { code: 0, stdout: l.json, stderr: '', ms: 0 }
        : failed(125, t('check.probe.noHostNs', { host }));
    }
    if (p.netns === undefined) return runProbe(p, { host });
    const path = hostNetPath(host, p.netns);
    // As `ip -n` says it, so the netns checks tell a missing namespace from a failing probe.
    if (!path || !fs.existsSync(path))
      return failed(255, `Cannot open network namespace "${p.netns}": No such file or directory`);
    return runProbe(p, { host, netns: p.netns });
  }
  const c = findContainer(containers, p.container);
  if (!c || !c.running || !c.pid) return notRunning(p.container);
  // Like `docker exec`: a paused container runs nothing.
  if (c.status === 'paused') return failed(125, `container ${p.container} is paused`);
  if (p.argv[0] === 'cat' && p.argv.length === 2) return readFileProbe(c.pid, p.argv[1]!);
  return runProbe(p, { pid: c.pid });
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
    [...unique.values()].map(async (p): Promise<[string, ProbeResult]> => [
      p.id,
      await runOne(host, p, containers),
    ]),
  );
  return Object.fromEntries(entries);
}
