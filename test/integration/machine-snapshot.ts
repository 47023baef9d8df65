import fs from 'node:fs';
import { run } from '../../src/lab/run.js';
import { mountPoints } from '../../src/lab/mounts.js';

/**
 * What the machine itself looks like outside the lab: root-namespace links, addresses, routes,
 * firewall rules, namespaces and mounts (the lab's own, named dnlab*, aside), and the machine's
 * own Docker engine if one runs. `up` then `down` must leave it identical.
 */
export async function machineSnapshot(): Promise<Record<string, string>> {
  const strip = (s: string) =>
    s
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .map((l) => l.replace(/\[\d+:\d+\]/g, ''))
      .join('\n');
  const [links, addrs, routes, ipt, netns] = await Promise.all([
    run(['ip', '-br', 'link']),
    run(['ip', '-br', 'addr']),
    run(['ip', 'route', 'show', 'table', 'all']),
    run(['iptables-save']),
    run(['ip', 'netns', 'list']),
  ]);
  const snap: Record<string, string> = {
    links: links.stdout,
    addresses: addrs.stdout,
    routes: routes.stdout,
    iptables: strip(ipt.stdout),
    netns: netns.stdout
      .split('\n')
      .filter((l) => l && !l.startsWith('dnlab'))
      .join('\n'),
    mounts: mountPoints()
      .filter((m) => !m.includes('dnlab') && !m.startsWith('/run/containerd') && !m.startsWith('/proc'))
      .sort()
      .join('\n'),
  };
  if (fs.existsSync('/var/run/docker.sock')) {
    const ps = await run(['curl', '-s', '--unix-socket', '/var/run/docker.sock', 'http://x/containers/json?all=1']);
    const nets = await run(['curl', '-s', '--unix-socket', '/var/run/docker.sock', 'http://x/networks']);
    snap.machineDocker = `${ps.stdout}\n${nets.stdout}`;
  }
  return snap;
}
