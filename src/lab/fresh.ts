import fs from 'node:fs';
import path from 'node:path';
import { hostPaths, netnsPath } from './config.js';
import type { Engine } from './engine.js';
import { killAndWait, nsInode, strayPids } from './processes.js';
import { runOk } from './run.js';

/**
 * What makes a lab host fresh beyond its Engine objects and kernel tables: no processes but its
 * daemons and containers, the mount table it was built with, and no swarm identity.
 */

function readPid(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The host's daemons and its containers' shims (which containerd starts and then lets go). */
function daemonsOf(host: string): (pid: string) => boolean {
  const p = hostPaths(host);
  const daemons = new Set([readPid(p.containerdPid), readPid(p.dockerPid)].filter(Boolean));
  return (pid) => {
    if (daemons.has(pid)) return true;
    try {
      const exe = path.basename(fs.readlinkSync(`/proc/${pid}/exe`));
      if (!exe.startsWith('containerd-shim')) return false;
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv[argv.indexOf('-address') + 1] === p.containerdSock;
    } catch {
      return false;
    }
  };
}

/**
 * Stop every process in the host's namespaces that is not one of its daemons, shims or container
 * processes (a learner's `sleep 3000 &`, a `dnlab shell`). Returns how many were stopped.
 */
export async function stopStrayProcesses(host: string, deadlineMs = 5000): Promise<number> {
  const p = hostPaths(host);
  const inodes = (file: string) => new Set([nsInode(file)].filter((n): n is number => n !== undefined));
  const q = { netInodes: inodes(netnsPath(host)), utsInodes: inodes(p.uts), mntInodes: inodes(p.mnt) };
  const keep = daemonsOf(host);
  const end = Date.now() + deadlineMs;
  const stopped = new Set<number>();
  // Again until none is left: a shell loop may start a new one while the last ones go.
  for (let pids = strayPids(q, keep); pids.length > 0; pids = strayPids(q, keep)) {
    if (Date.now() > end) throw new Error(`processes in ${host} still alive after ${deadlineMs} ms: ${pids.join(', ')}`);
    await killAndWait(pids, Math.max(end - Date.now(), 100));
    for (const pid of pids) stopped.add(pid);
  }
  return stopped.size;
}

/** One mountinfo line without its ids (mount point, root, per-mount options, type, source). */
export function normalizeMountinfo(text: string): string[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [fields = '', tail = ''] = line.split(' - ');
      const f = fields.split(' ');
      const [fstype = '', source = ''] = tail.split(' ');
      return [f[4], f[3], f[5], fstype, source].join(' ');
    })
    .sort();
}

export interface MountBaseline {
  /** The host's whole table: a mount that is not in it was added later (a learner's bind mount). */
  all: string[];
  /**
   * The host's own mounts (not copies of the machine's): each must still be there. Copies of the
   * machine's mounts are not checked: one goes when its file is deleted on the machine (another
   * lab's namespace file, say), which says nothing about this host.
   */
  own: string[];
}

async function hostMounts(host: string): Promise<string[]> {
  const r = await runOk(['nsenter', `--mount=${hostPaths(host).mnt}`, '--', 'cat', '/proc/self/mountinfo']);
  return normalizeMountinfo(r.stdout);
}

/** The host's mount table for its baseline. */
export async function mountBaseline(host: string): Promise<MountBaseline> {
  const all = await hostMounts(host);
  const machine = new Set(normalizeMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8')));
  return { all, own: all.filter((m) => !machine.has(m)) };
}

/** How the host's mounts differ from its baseline (`extra …`, `missing …`); empty when they do not. */
export async function mountChanges(host: string, baseline: MountBaseline): Promise<string[]> {
  const now = await hostMounts(host);
  const all = new Set(baseline.all);
  const seen = new Set(now);
  return [
    ...now.filter((m) => !all.has(m)).map((m) => `mounts: extra ${m}`),
    ...baseline.own.filter((m) => !seen.has(m)).map((m) => `mounts: missing ${m}`),
  ];
}

/** How long the swarm questions may take: a stuck engine means a rebuild, not a hang. */
const ENGINE_DEADLINE_MS = 5000;

/**
 * Has this host ever been in a swarm? Its state, its node id, anything left in
 * `<data-root>/swarm`, or a network only a swarm makes (docker_gwbridge stays after `swarm
 * leave`). Such a host is rebuilt: one that never was is fresh by construction.
 */
export async function swarmTrace(host: string, engine: Engine): Promise<string | undefined> {
  const info = await engine.request<{ Swarm?: { LocalNodeState?: string; NodeID?: string } }>({
    path: '/info',
    timeoutMs: ENGINE_DEADLINE_MS,
  });
  const state = info.Swarm?.LocalNodeState ?? 'inactive';
  if (state !== 'inactive' && state !== '') return `swarm ${state}`;
  if (info.Swarm?.NodeID) return `swarm node ${info.Swarm.NodeID}`;
  const dir = path.join(hostPaths(host).dataRoot, 'swarm');
  const left = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  if (left.length > 0) return `swarm files ${left.join(',')}`;
  // A node that left keeps docker_gwbridge (and its libnetwork store remembers the swarm).
  const networks = await engine.request<{ Name: string; Driver: string; Scope?: string }[]>({
    path: '/networks',
    timeoutMs: ENGINE_DEADLINE_MS,
  });
  const swarmy = networks.find((n) => n.Name === 'docker_gwbridge' || n.Driver === 'overlay' || n.Scope === 'swarm');
  return swarmy ? `swarm network ${swarmy.Name}` : undefined;
}
