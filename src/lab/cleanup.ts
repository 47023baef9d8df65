import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hostPaths, labRoot, namePrefix } from './config.js';
import { mountPoints, unmountUnder } from './mounts.js';
import { labNetnsFiles } from './netns.js';
import { english, type Translate } from './messages.js';
import { killLabProcesses, nsInode } from './processes.js';
import { assertOwnRoot } from './state.js';

export interface CleanupReport {
  processes: number;
  mounts: number;
  namespaces: number;
  cgroups: number;
}

const CGROUP_ROOT = '/sys/fs/cgroup';

/** cgroup folders the lab made: `/<prefix>-<host>` at the root of each hierarchy (v1) or of v2. */
function labCgroupDirs(match: (name: string) => boolean): string[] {
  const found: string[] = [];
  const scan = (dir: string) => {
    try {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory() && match(e.name)) found.push(path.join(dir, e.name));
      }
    } catch {
      /* not a cgroup hierarchy we can read */
    }
  };
  scan(CGROUP_ROOT);
  try {
    for (const e of fs.readdirSync(CGROUP_ROOT, { withFileTypes: true })) {
      if (e.isDirectory() && !match(e.name)) scan(path.join(CGROUP_ROOT, e.name));
    }
  } catch {
    /* no cgroup fs */
  }
  return found;
}

function removeCgroupTree(dir: string): boolean {
  try {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) removeCgroupTree(path.join(dir, e.name));
    }
    fs.rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * containerd 1.6 keeps each shim's socket at /run/containerd/s/<sha256(address/ns/id)>, outside
 * our folder; a killed shim leaves it behind. Remove exactly the ones of this host's containers.
 */
function removeShimSockets(host: string): void {
  const p = hostPaths(host);
  const ids = (() => {
    try {
      return fs.readdirSync(path.join(p.dataRoot, 'containers'));
    } catch {
      return [];
    }
  })();
  for (const id of ids) {
    const digest = crypto
      .createHash('sha256')
      .update(path.join(p.containerdSock, 'moby', id))
      .digest('hex');
    fs.rmSync(path.join('/run/containerd/s', digest), { force: true });
  }
}

function hostsOnDisk(): string[] {
  try {
    return fs.readdirSync(path.join(labRoot(), 'hosts'));
  } catch {
    return [];
  }
}

/**
 * Remove lab objects: processes (by namespace and cgroup), mounts, namespaces, cgroups and
 * folders. `nodes` limits it to those nodes; without it, everything that carries the prefix.
 */
export async function cleanup(nodes?: string[]): Promise<CleanupReport> {
  assertOwnRoot(); // never delete a folder that is not the lab's own (a git clone, a home folder)
  const all = nodes === undefined;
  const mine = (node: string) => all || nodes.includes(node);
  const netFiles = labNetnsFiles().filter((f) => mine(path.basename(f).slice(namePrefix().length + 1)));
  const hostDirs = hostsOnDisk().filter(mine);
  const netInodes = new Set(netFiles.map(nsInode).filter((n): n is number => n !== undefined));
  const utsInodes = new Set(
    hostDirs.map((h) => nsInode(hostPaths(h).uts)).filter((n): n is number => n !== undefined),
  );
  const mntInodes = new Set(
    hostDirs.map((h) => nsInode(hostPaths(h).mnt)).filter((n): n is number => n !== undefined),
  );
  const cgroupName = (name: string) =>
    all ? name.startsWith(`${namePrefix()}-`) : nodes.some((n) => name === `${namePrefix()}-${n}`);
  const processes = await killLabProcesses({
    netInodes,
    utsInodes,
    mntInodes,
    cgroup: (p) => cgroupName(p.split('/')[1] ?? ''),
  });
  for (const h of hostDirs) removeShimSockets(h);
  const dirs = all ? [labRoot()] : hostDirs.map((h) => hostPaths(h).dir);
  const mntFiles = hostDirs.map((h) => hostPaths(h).mnt);
  // The lab never mounts its folder itself: a mount there is the image's volume, which stays.
  const mounts = await unmountUnder([...dirs, ...mntFiles, ...netFiles], [labRoot()]);
  for (const f of mntFiles) fs.rmSync(f, { force: true });
  for (const f of netFiles) fs.rmSync(f, { force: true });
  let cgroups = 0;
  for (const dir of labCgroupDirs(cgroupName)) if (removeCgroupTree(dir)) cgroups++;
  for (const d of dirs) removeDir(d);
  return { processes, mounts, namespaces: netFiles.length, cgroups };
}

/** Remove a folder; where it is a mount point (the image's volume for /var/lib/dnlab), what is in it. */
function removeDir(dir: string): void {
  if (!mountPoints().includes(dir)) {
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}

/** Does the folder hold anything? (An empty one, such as the image's volume, is no leftover.) */
function holdsAnything(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/**
 * Anything of the lab's left on the machine (for doctor and for `up` after a crash), named in
 * English unless a translator is given (the names go into `status --json` too).
 */
export function leftovers(tr: Translate = english): string[] {
  const out = labNetnsFiles().map((f) => tr('lab.leftover.netns', { name: path.basename(f) }));
  if (holdsAnything(labRoot())) out.push(tr('lab.leftover.folder', { path: labRoot() }));
  return out;
}
