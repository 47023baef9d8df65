import fs from 'node:fs';
import path from 'node:path';
import { NETNS_DIR, namePrefix, netnsName, netnsPath } from './config.js';
import { runOk, type RunResult } from './run.js';

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

/** A veth from the switch's bridge to `eth0` inside `node`, with an address. */
export async function plugIntoSwitch(
  switchNode: string,
  node: string,
  address: string,
  extraAddresses: string[] = [],
): Promise<void> {
  const port = `p-${node}`.slice(0, 15);
  await ipIn(switchNode, [
    'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netnsName(node),
  ]);
  await ipIn(switchNode, ['link', 'set', port, 'master', 'br0', 'up']);
  await ipIn(node, ['addr', 'add', address, 'dev', 'eth0']);
  for (const extra of extraAddresses) await ipIn(node, ['addr', 'add', extra, 'dev', 'lo']);
  await ipIn(node, ['link', 'set', 'eth0', 'up']);
}

export async function makeSwitch(switchNode: string): Promise<void> {
  await addNetns(switchNode);
  await ipIn(switchNode, ['link', 'add', 'br0', 'type', 'bridge']);
  await ipIn(switchNode, ['link', 'set', 'br0', 'up']);
}
