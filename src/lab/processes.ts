import fs from 'node:fs';

/** The inode of a namespace file (a bind-mounted nsfs entry), or undefined if it is not one. */
export function nsInode(file: string): number | undefined {
  try {
    return fs.statSync(file).ino;
  } catch {
    return undefined;
  }
}

function nsLinkInode(pid: string, kind: 'net' | 'uts' | 'mnt'): number | undefined {
  try {
    const m = /\[(\d+)\]/.exec(fs.readlinkSync(`/proc/${pid}/ns/${kind}`));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function inLabCgroup(pid: string, match: (cgroupPath: string) => boolean): boolean {
  try {
    const text = fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    return text.split('\n').some((line) => match(line.split(':')[2] ?? ''));
  } catch {
    return false;
  }
}

function isAlive(pid: string): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function ancestors(): Set<string> {
  const mine = new Set<string>();
  let pid = String(process.pid);
  while (pid && pid !== '0' && !mine.has(pid)) {
    mine.add(pid);
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '0';
    } catch {
      break;
    }
  }
  return mine;
}

export interface LabProcessQuery {
  netInodes: Set<number>;
  utsInodes: Set<number>;
  mntInodes: Set<number>;
  /** True for a cgroup path (as in /proc/PID/cgroup) that belongs to the lab. */
  cgroup: (cgroupPath: string) => boolean;
}

/** Every live process that belongs to the lab: in one of its namespaces or its cgroups. */
export function labPids(q: LabProcessQuery): number[] {
  const skip = ancestors();
  const found: number[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || skip.has(pid)) continue;
    const net = nsLinkInode(pid, 'net');
    const uts = nsLinkInode(pid, 'uts');
    const mnt = nsLinkInode(pid, 'mnt');
    const ours =
      (net !== undefined && q.netInodes.has(net)) ||
      (uts !== undefined && q.utsInodes.has(uts)) ||
      (mnt !== undefined && q.mntInodes.has(mnt)) ||
      inLabCgroup(pid, q.cgroup);
    if (ours && isAlive(pid)) found.push(Number(pid));
  }
  return found;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGKILL every lab process until none is left (or the deadline passes). Returns how many. */
export async function killLabProcesses(q: LabProcessQuery, deadlineMs = 5000): Promise<number> {
  const killed = new Set<number>();
  const end = Date.now() + deadlineMs;
  for (;;) {
    const pids = labPids(q);
    if (pids.length === 0) return killed.size;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed.add(pid);
      } catch {
        /* already gone */
      }
    }
    if (Date.now() > end) {
      throw new Error(`lab processes still alive after ${deadlineMs} ms: ${pids.join(', ')}`);
    }
    await sleep(20);
  }
}

export function pidAlive(pid: number): boolean {
  return isAlive(String(pid));
}

function parentPid(pid: string): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
  } catch {
    return undefined;
  }
}

/**
 * Live processes in any of the given namespaces that are neither a kept process (`keep`: the
 * host's daemons and container shims) nor a descendant of one, nor this program or its parents.
 */
export function strayPids(q: Omit<LabProcessQuery, 'cgroup'>, keep: (pid: string) => boolean): number[] {
  const skip = ancestors();
  const pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const children = new Map<string, string[]>();
  for (const pid of pids) {
    const ppid = parentPid(pid);
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const kept = new Set<string>();
  const todo = pids.filter(keep);
  for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
    if (kept.has(pid)) continue;
    kept.add(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return pids
    .filter((pid) => !kept.has(pid) && !skip.has(pid))
    .filter((pid) => {
      const net = nsLinkInode(pid, 'net');
      const uts = nsLinkInode(pid, 'uts');
      const mnt = nsLinkInode(pid, 'mnt');
      return (
        (net !== undefined && q.netInodes.has(net)) ||
        (uts !== undefined && q.utsInodes.has(uts)) ||
        (mnt !== undefined && q.mntInodes.has(mnt))
      );
    })
    .filter(isAlive)
    .map(Number);
}

/** SIGKILL the given processes and wait (with a deadline) until they are gone. Returns how many. */
export async function killAndWait(pids: number[], deadlineMs = 5000): Promise<number> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  const end = Date.now() + deadlineMs;
  let left = pids.filter((p) => isAlive(String(p)));
  while (left.length > 0) {
    if (Date.now() > end) throw new Error(`processes still alive after ${deadlineMs} ms: ${left.join(', ')}`);
    await sleep(20);
    left = left.filter((p) => isAlive(String(p)));
  }
  return pids.length;
}
