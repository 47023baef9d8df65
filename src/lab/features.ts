import fs from 'node:fs';
import path from 'node:path';
import { labRoot, namePrefix } from './config.js';
import { run } from './run.js';
import { writeFileAtomic } from './state.js';

/** Kernel features a lesson step may need, with the `ip link add` arguments that prove each. */
const PROBES: Record<string, string[][]> = {
  veth: [['link', 'add', 'f-veth0', 'type', 'veth', 'peer', 'name', 'f-veth1']],
  bridge: [['link', 'add', 'f-br', 'type', 'bridge']],
  vxlan: [['link', 'add', 'f-vx', 'type', 'vxlan', 'id', '42', 'local', '192.0.2.1', 'dstport', '4789']],
  macvlan: [['link', 'add', 'f-mv', 'link', 'f-veth0', 'type', 'macvlan', 'mode', 'bridge']],
  vlan: [['link', 'add', 'f-vlan', 'link', 'f-veth0', 'type', 'vlan', 'id', '10']],
  ipvlan: [['link', 'add', 'f-ipv', 'link', 'f-veth0', 'type', 'ipvlan', 'mode', 'l2']],
  dummy: [['link', 'add', 'f-dummy', 'type', 'dummy']],
  gre: [['link', 'add', 'f-gre', 'type', 'gre', 'remote', '192.0.2.2', 'local', '192.0.2.1']],
};

/** Features the lab itself cannot run without; the rest only gate the steps that need them. */
export const REQUIRED_FEATURES = ['netns', 'veth', 'bridge'] as const;
export const FEATURE_NAMES = ['netns', ...Object.keys(PROBES)];

export type Features = Record<string, boolean>;

let memo: Features | undefined;

function cacheFile(): string {
  return path.join(labRoot(), 'features.json');
}

/** Probe the kernel in a throwaway namespace of the lab's own (nothing outside it is touched). */
export async function probeFeatures(): Promise<Features> {
  const ns = `${namePrefix()}-featureprobe`;
  await run(['ip', 'netns', 'del', ns]);
  const add = await run(['ip', 'netns', 'add', ns]);
  const result: Features = { netns: add.code === 0 };
  if (!result.netns) {
    for (const f of Object.keys(PROBES)) result[f] = false;
    return result;
  }
  try {
    // veth first: macvlan, vlan and ipvlan need it as their parent.
    for (const [feature, cmds] of Object.entries(PROBES)) {
      let ok = true;
      for (const args of cmds) ok = ok && (await run(['ip', '-n', ns, ...args])).code === 0;
      result[feature] = ok;
    }
  } finally {
    await run(['ip', 'netns', 'del', ns]);
  }
  return result;
}

/** The machine's kernel features, probed once and remembered for the lab's lifetime. */
export async function kernelFeatures(): Promise<Features> {
  if (memo) return memo;
  try {
    memo = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as Features;
    return memo;
  } catch {
    /* not cached yet */
  }
  memo = await probeFeatures();
  if (fs.existsSync(labRoot())) writeFileAtomic(cacheFile(), JSON.stringify(memo));
  return memo;
}
