import fs from 'node:fs';
import { hostPaths, netnsName, netnsPath } from './config.js';
import { engineFor } from './daemon.js';
import { enterHost } from './hostns.js';
import { run } from './run.js';
import { restoreInput, snapshotKernel, type HostSnapshot } from './snapshot.js';

const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none']);

/** Remove the learner's objects through the Engine API and restore the kernel state recorded at `up`. */
export async function fastReset(host: string, baseline: { snapshot: HostSnapshot; iptablesSave: string }): Promise<void> {
  const engine = engineFor(host);
  const containers = await engine.request<{ Id: string }[]>({ path: '/containers/json', query: { all: true } });
  await Promise.all(
    containers.map((c) => engine.request({ method: 'DELETE', path: `/containers/${c.Id}`, query: { force: true, v: true } })),
  );
  const networks = await engine.request<{ Id: string; Name: string }[]>({ path: '/networks' });
  await Promise.all(
    networks
      .filter((n) => !PREDEFINED_NETWORKS.has(n.Name))
      .map((n) => engine.request({ method: 'DELETE', path: `/networks/${n.Id}` })),
  );
  const volumes = await engine.request<{ Volumes?: { Name: string }[] | null }>({ path: '/volumes' });
  await Promise.all(
    (volumes.Volumes ?? []).map((v) => engine.request({ method: 'DELETE', path: `/volumes/${v.Name}`, query: { force: true } })),
  );
  const images = await engine.request<{ RepoTags?: string[] | null }[]>({ path: '/images/json' });
  const keep = new Set(baseline.snapshot.images);
  for (const tag of images.flatMap((i) => i.RepoTags ?? []).filter((t) => !keep.has(t))) {
    await engine.request({ method: 'DELETE', path: `/images/${encodeURIComponent(tag)}`, query: { noprune: false } });
  }
  const now = await snapshotKernel(host);
  if (now.iptables.join('\n') !== baseline.snapshot.iptables.join('\n')) {
    const save = await run(['nsenter', `--net=${netnsPath(host)}`, '--', 'iptables-save']);
    const input = restoreInput(baseline.iptablesSave, save.stdout);
    await run(['nsenter', `--net=${netnsPath(host)}`, '--', 'iptables-restore'], { input });
  }
  // Namespaces a learner made with `ip netns add` live in the host's own /run/netns (its mount
  // namespace): delete them there, before the links (their veths go with them).
  await removeLearnerNetns(host);
  const keepLinks = new Set(baseline.snapshot.links.map((l) => l.split(' ')[0]));
  for (const link of now.links.map((l) => l.split(' ')[0] ?? '')) {
    if (link && !keepLinks.has(link)) await run(['ip', '-n', netnsName(host), 'link', 'del', link]);
  }
}

/** `ip netns del` every namespace in the host's /run/netns (a fresh host has none). */
async function removeLearnerNetns(host: string): Promise<void> {
  const names = fs.existsSync(hostPaths(host).runNetns) ? fs.readdirSync(hostPaths(host).runNetns) : [];
  for (const name of names) {
    const r = await run(['nsenter', ...enterHost(host), '--', 'ip', 'netns', 'del', name]);
    // Not a mounted namespace (a stray file): remove the file itself.
    if (r.code !== 0) fs.rmSync(`${hostPaths(host).runNetns}/${name}`, { force: true, recursive: true });
  }
}
