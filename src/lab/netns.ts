import fs from 'node:fs';
import path from 'node:path';
import { NETNS_DIR, namePrefix, netnsName, netnsPath } from './config.js';
import { run, runOk, type RunResult } from './run.js';

/** `ip -n <lab ns> ...args` */
export function ipIn(node: string, args: readonly string[]): Promise<RunResult> {
  return runOk(['ip', '-n', netnsName(node), ...args]);
}

/** Run a program inside a lab node's network namespace only (fast path for observers). */
export function nsenterArgv(node: string, argv: readonly string[]): string[] {
  return ['nsenter', `--net=${netnsPath(node)}`, '--', ...argv];
}

export async function addNetns(node: string): Promise<void> {
  await runOk(['ip', 'netns', 'add', netnsName(node)]);
  await ipIn(node, ['link', 'set', 'lo', 'up']);
}

/** Lab namespaces present on the machine (by prefix). */
export function labNetnsFiles(): string[] {
  try {
    return fs
      .readdirSync(NETNS_DIR)
      .filter((n) => n.startsWith(`${namePrefix()}-`))
      .map((n) => path.join(NETNS_DIR, n));
  } catch {
    return [];
  }
}

/** The switch's port for a node (the bridge side of its veth). */
export function switchPort(node: string): string {
  return `p-${node}`.slice(0, 15);
}

/**
 * A stable MAC for a node's LAN interface, derived from its LAN address: locally administered
 * `02:d1` (d1 for dnlab; Docker's own are 02:42) and the 4 octets. A rebuilt host keeps its MAC, so
 * the other hosts' neighbour entries stay right.
 */
export function lanMac(address: string): string {
  const octets = address.split('/')[0]?.split('.').map(Number) ?? [];
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) {
    throw new Error(`not an IPv4 address: ${address}`);
  }
  return ['02', 'd1', ...octets.map((o) => o.toString(16).padStart(2, '0'))].join(':');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Remove a node's switch port and wait until the kernel has let it go. A namespace's links go
 * asynchronously when the namespace does (slower with vxlan devices of an overlay), so a rebuild
 * that only dropped the namespace can meet the old port: "RTNETLINK answers: File exists".
 */
export async function unplugFromSwitch(switchNode: string, node: string, deadlineMs = 10_000): Promise<void> {
  if (!fs.existsSync(netnsPath(switchNode))) return;
  const port = switchPort(node);
  const end = Date.now() + deadlineMs;
  for (;;) {
    const show = await run(['ip', '-n', netnsName(switchNode), 'link', 'show', port]);
    if (show.code !== 0) return;
    await run(['ip', '-n', netnsName(switchNode), 'link', 'del', port]);
    if (Date.now() > end) throw new Error(`switch port ${port} is still there after ${deadlineMs} ms`);
    await sleep(20);
  }
}

/** A veth from the switch's bridge to `eth0` inside `node`, with an address and a stable MAC. */
export async function plugIntoSwitch(
  switchNode: string,
  node: string,
  address: string,
  extraAddresses: string[] = [],
): Promise<void> {
  const port = switchPort(node);
  await unplugFromSwitch(switchNode, node);
  await ipIn(switchNode, [
    'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'address', lanMac(address), 'netns', netnsName(node),
  ]);
  await ipIn(switchNode, ['link', 'set', port, 'master', 'br0', 'up']);
  await ipIn(node, ['addr', 'add', address, 'dev', 'eth0']);
  for (const extra of extraAddresses) await ipIn(node, ['addr', 'add', extra, 'dev', 'lo']);
  await ipIn(node, ['link', 'set', 'eth0', 'up']);
}

/**
 * After a node was rebuilt: the other nodes on the LAN forget what they knew of its address, and
 * the node announces itself (gratuitous ARP, the machine's busybox), so the first packet to it
 * finds it. Best effort: a neighbour entry that is not there needs no flush.
 */
export async function refreshNeighbours(node: string, others: string[], address: string): Promise<void> {
  const ip = address.split('/')[0] ?? address;
  await Promise.all(
    others.filter((o) => fs.existsSync(netnsPath(o))).map((o) => run(['ip', '-n', netnsName(o), 'neigh', 'flush', 'to', ip])),
  );
  await run(nsenterArgv(node, ['busybox', 'arping', '-U', '-c', '1', '-w', '1', '-I', 'eth0', '-s', ip, ip]), { timeoutMs: 3000 });
}

export async function makeSwitch(switchNode: string): Promise<void> {
  await addNetns(switchNode);
  await ipIn(switchNode, ['link', 'add', 'br0', 'type', 'bridge']);
  await ipIn(switchNode, ['link', 'set', 'br0', 'up']);
}
