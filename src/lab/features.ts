import { run } from './run.js';

/**
 * Kernel features a lesson step may need: each with the link `ip link add` makes to prove it.
 * veth comes first: it is the parent of macvlan, vlan and ipvlan.
 */
const PROBES: Record<string, { link: string; add: string }> = {
  veth: { link: 'f-veth0', add: 'link add f-veth0 type veth peer name f-veth1' },
  bridge: { link: 'f-br', add: 'link add f-br type bridge' },
  vxlan: { link: 'f-vx', add: 'link add f-vx type vxlan id 42 local 192.0.2.1 dstport 4789' },
  macvlan: { link: 'f-mv', add: 'link add f-mv link f-veth0 type macvlan mode bridge' },
  vlan: { link: 'f-vlan', add: 'link add f-vlan link f-veth0 type vlan id 10' },
  ipvlan: { link: 'f-ipv', add: 'link add f-ipv link f-veth0 type ipvlan mode l2' },
  dummy: { link: 'f-dummy', add: 'link add f-dummy type dummy' },
  gre: { link: 'f-gre', add: 'link add f-gre type gre remote 192.0.2.2 local 192.0.2.1' },
};

/** Features the lab itself cannot run without; the rest only gate the steps that need them. */
export const REQUIRED_FEATURES = ['netns', 'veth', 'bridge'] as const;
export const FEATURE_NAMES = ['netns', ...Object.keys(PROBES)];

export type Features = Record<string, boolean>;

/** The whole probe has this long (a wait always has a deadline; a hung probe means "absent"). */
const PROBE_TIMEOUT_MS = 5_000;

/** The link names in `ip -o link show` output (`3: f-veth0@f-veth1: <…> …` → f-veth0). */
export function linkNames(out: string): Set<string> {
  const names = new Set<string>();
  for (const line of out.split('\n')) {
    const m = /^\d+:\s+([^:@\s]+)[@:]/.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}

/** Features from the links that exist after the probe: a feature is there when its link is. */
export function featuresFromLinks(names: ReadonlySet<string>): Features {
  const result: Features = { netns: names.has('lo') };
  for (const [feature, p] of Object.entries(PROBES))
    result[feature] = result.netns! && names.has(p.link);
  return result;
}

/**
 * Probe the kernel: one `ip` process in a new, unnamed network namespace of its own (`unshare
 * --net`), which makes every probe link (`-force`: a failed one does not stop the rest) and then
 * lists the links that exist. The namespace dies with the process, so nothing is left behind and
 * nothing outside it is touched. The verdict is the list of links made, not error text.
 */
export async function probeFeatures(): Promise<Features> {
  const batch = [...Object.values(PROBES).map((p) => p.add), 'link show', ''].join('\n');
  const r = await run(['unshare', '--net', '--', 'ip', '-o', '-force', '-batch', '-'], {
    input: batch,
    timeoutMs: PROBE_TIMEOUT_MS,
  });
  return featuresFromLinks(linkNames(r.stdout));
}

let memo: Promise<Features> | undefined;

/**
 * The machine's kernel features, probed in this process the first time they are asked for and
 * kept in memory for this process only. Nothing is cached in the lab root: a learner who is
 * root in the lab could edit such a file and turn a failing step into "skipped".
 */
export function kernelFeatures(): Promise<Features> {
  memo ??= probeFeatures().catch((e: unknown) => {
    memo = undefined;
    throw e;
  });
  return memo;
}

/** The features of `needed` this machine lacks (a feature never probed counts as present). */
export function missingFeatures(needed: readonly string[], features: Features): string[] {
  return needed.filter((f) => features[f] === false);
}
