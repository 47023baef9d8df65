import fs from 'node:fs';
import { hostPaths, netnsPath, nsDir } from './config.js';
import { mountPoints } from './mounts.js';
import { runOk } from './run.js';

/**
 * A lab host's own namespaces beside its network namespace: UTS (its hostname) and mount (its
 * own /etc/resolv.conf and /etc/docker). The daemon and the learner's shells share them, so a
 * shell sees the host's daemon.json, its containers' SandboxKey files and its hostname.
 */
export async function makeHostNamespaces(host: string, nameserver: string): Promise<void> {
  const p = hostPaths(host);
  await ensurePrivateNsDir();
  fs.mkdirSync(p.etcDocker, { recursive: true });
  fs.writeFileSync(p.uts, '');
  fs.writeFileSync(p.mnt, '');
  // Upstream DNS for the host's engine: the lab's router, where nothing listens on port 53, so a
  // name the lab does not know fails at once (and no query ever leaves the machine).
  fs.writeFileSync(p.resolvConf, `# dnlab: lab host ${host}\nnameserver ${nameserver}\n`);
  await runOk(['unshare', `--uts=${p.uts}`, `--mount=${p.mnt}`, '--propagation', 'private', 'hostname', host]);
  // The bind targets must exist on the machine; /etc/docker normally comes with docker.io.
  fs.mkdirSync('/etc/docker', { recursive: true });
  await runOk(['nsenter', `--mount=${p.mnt}`, '--', 'mount', '--bind', p.resolvConf, '/etc/resolv.conf']);
  await runOk(['nsenter', `--mount=${p.mnt}`, '--', 'mount', '--bind', p.etcDocker, '/etc/docker']);
}

async function ensurePrivateNsDir(): Promise<void> {
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
