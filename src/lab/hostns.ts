import fs from 'node:fs';
import { hostPaths, netnsPath, nsDir } from './config.js';
import { mountPoints } from './mounts.js';
import { unsharePersistent } from './ns-files.js';
import { runOk } from './run.js';

/**
 * A lab host's own namespaces beside its network namespace: UTS (its hostname) and mount (its
 * own /etc/resolv.conf and /etc/docker). The daemon and the learner's shells share them, so a
 * shell sees the host's daemon.json, its containers' SandboxKey files, its hostname, its own /sys
 * and its own /run/netns.
 */
export async function makeHostNamespaces(host: string, nameserver: string): Promise<void> {
  const p = hostPaths(host);
  await makePrivateNsDir();
  fs.mkdirSync(p.etcDocker, { recursive: true });
  fs.writeFileSync(p.uts, '');
  fs.writeFileSync(p.mnt, '');
  // Upstream DNS for the host's engine: the lab's router, where nothing listens on port 53, so a
  // name the lab does not know fails at once (and no query ever leaves the machine).
  fs.writeFileSync(p.resolvConf, `# dnlab: lab host ${host}\nnameserver ${nameserver}\n`);
  await unsharePersistent([p.uts, p.mnt], [
    'unshare',
    `--uts=${p.uts}`,
    `--mount=${p.mnt}`,
    '--propagation',
    'private',
    'hostname',
    host,
  ]);
  // The bind targets must exist on the machine; /etc/docker normally comes with docker.io.
  fs.mkdirSync('/etc/docker', { recursive: true });
  await runOk([
    'nsenter',
    `--mount=${p.mnt}`,
    '--',
    'mount',
    '--bind',
    p.resolvConf,
    '/etc/resolv.conf',
  ]);
  await runOk(['nsenter', `--mount=${p.mnt}`, '--', 'mount', '--bind', p.etcDocker, '/etc/docker']);
  await ownSysAndNetns(host);
}

/**
 * Inside the host's mount namespace: a sysfs of the host's network namespace (so `brctl show` and
 * /sys/class/net show the host's links) with the machine's cgroup mounts kept under it (dockerd
 * needs them), and the host's own /run/netns (namespaces a learner adds stay inside the host).
 */
async function ownSysAndNetns(host: string): Promise<void> {
  const p = hostPaths(host);
  const inMnt = (...argv: string[]) => runOk(['nsenter', `--mount=${p.mnt}`, '--', ...argv]);
  fs.mkdirSync(p.runNetns, { recursive: true });
  fs.mkdirSync('/run/netns', { recursive: true });
  await inMnt('mount', '--bind', p.runNetns, '/run/netns');
  fs.mkdirSync(p.cgroupStage, { recursive: true });
  await inMnt('mount', '--rbind', '/sys/fs/cgroup', p.cgroupStage);
  await runOk([
    'nsenter',
    `--net=${netnsPath(host)}`,
    `--mount=${p.mnt}`,
    '--',
    'mount',
    '-t',
    'sysfs',
    'sysfs',
    '/sys',
  ]);
  await inMnt('mount', '--move', p.cgroupStage, '/sys/fs/cgroup');
}

/**
 * ns/ as a private mount of its own, so a namespace file bound there never propagates. Hosts are
 * made in parallel: one at a time here, so the second sees the first's mount and binds no other.
 */
function makePrivateNsDir(): Promise<void> {
  const next = nsDirQueue.then(privateNsDir);
  nsDirQueue = next.catch(() => {});
  return next;
}
let nsDirQueue: Promise<void> = Promise.resolve();

async function privateNsDir(): Promise<void> {
  const dir = nsDir();
  fs.mkdirSync(dir, { recursive: true });
  if (!mountPoints().includes(dir)) {
    await runOk(['mount', '--bind', dir, dir]);
    await runOk(['mount', '--make-private', dir]);
  }
}

/** nsenter options that enter every namespace of a lab host. */
export function enterHost(host: string): string[] {
  const p = hostPaths(host);
  return [`--net=${netnsPath(host)}`, `--uts=${p.uts}`, `--mount=${p.mnt}`];
}
