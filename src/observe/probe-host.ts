import fs from 'node:fs';
import net from 'node:net';
import { hostPaths, netnsPath } from '../lab/config.js';
import { readContainerFile } from './container-files.js';

/**
 * What a probe needs to know of where it runs, read by dnlab itself (never by a program from a
 * container or from a lab host's mount namespace): the namespaces to enter, and the resolver.
 */

function sameNs(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function pidFrom(file: string): number | undefined {
  try {
    const n = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A process in the lab host's mount namespace (its engine, normally), so that the host's own
 * /run/netns is reached as `/proc/<pid>/root/run/netns` without entering that namespace.
 */
export function hostMountPid(host: string): number | undefined {
  const p = hostPaths(host);
  const known = [pidFrom(p.dockerPid), pidFrom(p.containerdPid)];
  for (const pid of known) if (pid && sameNs(`/proc/${pid}/ns/mnt`, p.mnt)) return pid;
  let all: string[] = [];
  try {
    all = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  const want = fs.statSync(p.mnt, { throwIfNoEntry: false });
  if (!want) return undefined;
  for (const d of all) {
    const st = fs.statSync(`/proc/${d}/ns/mnt`, { throwIfNoEntry: false });
    if (st && st.dev === want.dev && st.ino === want.ino) return Number(d);
  }
  return undefined;
}

/** Where a lab host keeps the namespaces a learner adds (`ip netns add`), seen from the machine. */
export function hostRunNetns(host: string): string | undefined {
  if (!fs.existsSync(hostPaths(host).mnt)) return '/run/netns';
  const pid = hostMountPid(host);
  return pid ? `/proc/${pid}/root/run/netns` : undefined;
}

/** The lab host's own network namespace, or a learner's named one inside it. */
export function hostNetPath(host: string, netns?: string): string | undefined {
  if (netns === undefined) return netnsPath(host);
  const dir = hostRunNetns(host);
  return dir ? `${dir}/${netns}` : undefined;
}

/** `ip -j netns list` as the host's shell would print it, read from its /run/netns. */
export function listHostNetns(host: string): { ok: boolean; json: string } {
  const dir = hostRunNetns(host);
  if (!dir) return { ok: false, json: '' };
  try {
    const names = fs.readdirSync(dir).sort();
    return { ok: true, json: JSON.stringify(names.map((name) => ({ name }))) };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT'
      ? { ok: true, json: '[]' }
      : { ok: false, json: '' };
  }
}

/** The first nameserver of a resolv.conf text (the C library's default 127.0.0.1 when none). */
export function firstNameserver(text: string): string {
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (m?.[1] && net.isIP(m[1])) return m[1];
  }
  return '127.0.0.1';
}

/** The nameserver a container's resolver asks: from its own /etc/resolv.conf. */
export function containerNameserver(pid: number): string | undefined {
  const r = readContainerFile(pid, '/etc/resolv.conf');
  return r.ok ? firstNameserver(r.text) : r.error === 'missing' ? '127.0.0.1' : undefined;
}

/** The nameserver of a lab host: from the resolv.conf dnlab wrote for it. */
export function hostNameserver(host: string): string {
  try {
    return firstNameserver(fs.readFileSync(hostPaths(host).resolvConf, 'utf8'));
  } catch {
    return '127.0.0.1';
  }
}
