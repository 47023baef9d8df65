import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { cgroupParent, hostPaths } from './config.js';
import { enterHost } from './hostns.js';
import { Engine } from './engine.js';
import { engineEnv, labEngineOrChoose } from './engines.js';
import { t } from './messages.js';
import { killAndWait, labPids, pidAlive } from './processes.js';
import { runOk } from './run.js';
import { writeShellRc } from './shell.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Give a host its own UTS namespace (pinned to a file) with its own hostname. */
export async function makeUts(host: string): Promise<void> {
  const p = hostPaths(host);
  fs.mkdirSync(p.dir, { recursive: true });
  fs.writeFileSync(p.uts, '');
  await runOk(['unshare', `--uts=${p.uts}`, 'hostname', host]);
}

/**
 * How to enter a host's namespaces: by their files from the machine, or (for a restart, which may
 * be asked from inside the host, where /run/netns is the host's own) through its containerd.
 */
function entry(host: string): string[] {
  const pid = readPid(hostPaths(host).containerdPid);
  return pid && pidAlive(pid) ? ['-t', String(pid), '--net', '--uts', '--mount'] : enterHost(host);
}

function readPid(file: string): number | undefined {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Start a program detached (own session, output to a log) inside the host's namespaces, with the
 * lab's engine folder first on PATH (see engines.ts).
 */
function startDetached(host: string, argv: string[], logFile: string): number {
  const log = fs.openSync(logFile, 'a');
  const child = spawn('nsenter', [...entry(host), '--', ...argv], {
    detached: true,
    env: engineEnv(),
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${argv[0]}`);
  return child.pid;
}

/** Wait until `ok`; fail at once when the program exits, with the end of its log (the reason). */
async function waitFor(
  what: string,
  logFile: string,
  ok: () => Promise<boolean> | boolean,
  ms: number,
  pid?: number,
) {
  const end = Date.now() + ms;
  let exited = false;
  while (Date.now() < end) {
    if (await ok()) return;
    if (pid !== undefined && !pidAlive(pid)) {
      exited = true;
      break;
    }
    await sleep(25);
  }
  const tail = fs.existsSync(logFile)
    ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join('\n  ')
    : t('lab.daemon.noLog');
  const vars = { program: what, ms, log: logFile };
  const how = exited ? t('lab.daemon.exited', vars) : t('lab.daemon.timeout', vars);
  throw new Error(`${how}\n  ${tail}`);
}

function containerdConfig(host: string): string {
  const p = hostPaths(host);
  return [
    'version = 2',
    `root = "${p.containerdDir}/root"`,
    `state = "${p.containerdDir}/state"`,
    'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
    '[grpc]',
    `  address = "${p.containerdSock}"`,
    '[ttrpc]',
    `  address = "${p.containerdSock}.ttrpc"`,
    '',
  ].join('\n');
}

/** The daemon.json a fresh host starts with. */
export const PRISTINE_DAEMON_JSON = '{}\n';

/** Start the host's own containerd, then its dockerd, and wait until the Engine answers. */
export async function startDaemons(host: string): Promise<void> {
  await startContainerd(host);
  await startDockerd(host);
}

/** Is the host's containerd (by its pidfile) running? */
export function containerdAlive(host: string): boolean {
  const pid = readPid(hostPaths(host).containerdPid);
  return pid !== undefined && pidAlive(pid);
}

/** Start the host's containerd (a dead one's socket file is removed first, so the wait is real). */
export async function startContainerd(host: string): Promise<void> {
  const p = hostPaths(host);
  fs.mkdirSync(p.containerdDir, { recursive: true });
  fs.writeFileSync(p.containerdConfig, containerdConfig(host));
  if (!fs.existsSync(p.daemonJson)) fs.writeFileSync(p.daemonJson, PRISTINE_DAEMON_JSON);
  fs.rmSync(p.containerdSock, { force: true });
  // The engine is chosen (or read back) now; the learner's rc file gets its `docker` first on PATH.
  await labEngineOrChoose();
  writeShellRc(host);
  const pid = startDetached(host, ['containerd', '--config', p.containerdConfig], p.containerdLog);
  fs.writeFileSync(p.containerdPid, `${pid}\n`);
  await waitFor('containerd', p.containerdLog, () => fs.existsSync(p.containerdSock), 10_000, pid);
}

export async function startDockerd(host: string): Promise<void> {
  const p = hostPaths(host);
  const pid = startDetached(
    host,
    [
      'dockerd',
      '--containerd', p.containerdSock,
      '--data-root', p.dataRoot,
      '--exec-root', p.execRoot,
      '--pidfile', p.dockerPid,
      '--host', `unix://${p.dockerSock}`,
      '--config-file', '/etc/docker/daemon.json',
      '--cgroup-parent', cgroupParent(host),
    ],
    p.dockerLog,
  );
  const engine = new Engine(p.dockerSock, host);
  await waitFor('dockerd', p.dockerLog, () => engine.ping(), 20_000, pid);
}

/**
 * Restart a host's engine the lab's way (the lab's `systemctl restart docker`): it re-reads
 * /etc/docker/daemon.json; when the daemon does not come back, the error says why (its log).
 */
export async function restartDockerd(host: string): Promise<void> {
  await stopDockerd(host);
  await startDockerd(host);
}

/**
 * The engine stops its containers as `docker stop` would: SIGTERM, then SIGKILL after the stop
 * timeout (10 s by default). A container whose first process has no SIGTERM handler (a `sleep`:
 * the kernel drops an unhandled SIGTERM sent to a namespace's PID 1) can only end at the SIGKILL,
 * so every restart of an engine with one took 10 s. After this long the lab sends that SIGKILL
 * itself, to those containers only: the outcome is the engine's own (exit 137, restart policies
 * as after any engine stop), and a container that handles SIGTERM still gets its full timeout.
 */
const CONTAINER_GRACE_MS = 1000;

/** The first processes of the host's containers (in its --cgroup-parent) that SIGTERM cannot end. */
function deafContainerInits(host: string): number[] {
  const parent = `${cgroupParent(host)}/`;
  const none = new Set<number>();
  return labPids({ netInodes: none, utsInodes: none, mntInodes: none, cgroup: (c) => c.startsWith(parent) })
    .filter(ignoresSigterm);
}

/** PID 1 of its own PID namespace, with no handler for SIGTERM (/proc/PID/status). */
function ignoresSigterm(pid: number): boolean {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const nspid = /^NSpid:\s+(.*)$/m.exec(status)?.[1]?.trim().split(/\s+/) ?? [];
    const caught = BigInt(`0x${/^SigCgt:\s+([0-9a-f]+)$/m.exec(status)?.[1] ?? '0'}`);
    return nspid.length > 1 && nspid.at(-1) === '1' && (caught & (1n << 14n)) === 0n;
  } catch {
    return false;
  }
}

/** Stop the host's dockerd (SIGTERM, then SIGKILL) and wait until its pidfile's process is gone. */
export async function stopDockerd(host: string, graceMs = 10_000): Promise<void> {
  const p = hostPaths(host);
  let pid: number;
  try {
    pid = Number(fs.readFileSync(p.dockerPid, 'utf8').trim());
  } catch {
    return;
  }
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, 'SIGTERM');
  const start = Date.now();
  let containersKilled = false;
  while (alive() && Date.now() < start + graceMs) {
    if (!containersKilled && Date.now() >= start + CONTAINER_GRACE_MS) {
      containersKilled = true;
      await killAndWait(deafContainerInits(host), 2000).catch(() => 0);
    }
    await sleep(25);
  }
  if (alive()) process.kill(pid, 'SIGKILL');
  while (alive()) await sleep(25);
}

export function engineFor(host: string): Engine {
  return new Engine(hostPaths(host).dockerSock, host);
}
