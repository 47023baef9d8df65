import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnlab, isRoot, onHost, sleep, useTestInstance } from './lab-helpers.js';
import { machineSnapshot } from './machine-snapshot.js';

useTestInstance('t1');

const { down, reset, status, up } = await import('../../src/lab/lab.js');
const { engineFor, restartDockerd } = await import('../../src/lab/daemon.js');
const { labNetnsFiles } = await import('../../src/lab/netns.js');
const { labRoot, hostPaths, netnsName, netnsPath } = await import('../../src/lab/config.js');
const { diffSnapshots, snapshotHost } = await import('../../src/lab/snapshot.js');
const { cliPath } = await import('./lab-helpers.js');

async function labProcessCount(name: string): Promise<number> {
  let n = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes(') Z')) continue;
      if (cmd.split('\0')[0]?.endsWith(name) && cmd.includes(labRoot())) n++;
    } catch {
      /* gone */
    }
  }
  return n;
}

/**
 * Until `up` (in a child) is starting the engines: its signal handlers are in place by then. Under
 * load the CLI can take seconds to get there; a signal before it would find no handler.
 */
async function untilEnginesStart(deadlineMs = 60_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!fs.existsSync(hostPaths('host1').containerdSock)) {
    if (Date.now() > end) throw new Error(`up did not start host1's containerd within ${deadlineMs} ms`);
    await sleep(10);
  }
}

describe.skipIf(!isRoot)('lab hosts (real engines)', () => {
  let before: Record<string, string>;

  beforeAll(async () => {
    await down();
    before = await machineSnapshot();
    await up();
  });

  afterAll(async () => {
    await down();
  });

  it('gives two hosts, each with its own docker0 and its own hostname', async () => {
    const s = await status();
    expect(s.up).toBe(true);
    expect(s.hosts.map((h) => h.name)).toEqual(['host1', 'host2']);
    for (const host of ['host1', 'host2']) {
      const addr = await onHost(host, ['ip', '-j', 'addr', 'show', 'docker0']);
      expect(addr.code).toBe(0);
      expect(JSON.parse(addr.stdout)[0].addr_info[0].local).toBe('172.17.0.1');
      expect((await onHost(host, ['hostname'])).stdout.trim()).toBe(host);
    }
    const inode = (h: string) => fs.statSync(netnsPath(h)).ino;
    expect(inode('host1')).not.toBe(inode('host2'));
  });

  it('runs a container on host1 that host2 reaches over the LAN through a published port', async () => {
    const runWeb = await onHost('host1', [
      'docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'dnlab/busybox', 'httpd', '-f', '-p', '80', '-h', '/var/www',
    ]);
    expect(runWeb.code, runWeb.stderr).toBe(0);
    const ping = await onHost('host2', ['ping', '-c', '1', '-W', '2', '192.0.2.11']);
    expect(ping.code, ping.stdout + ping.stderr).toBe(0);
    // httpd may need a moment after `docker run -d` returns.
    let page = { stdout: '' };
    for (let i = 0; i < 20 && !page.stdout.includes('hello'); i++) {
      page = await onHost('host2', ['busybox', 'wget', '-q', '-O', '-', 'http://192.0.2.11:8080/'], 5000);
      if (!page.stdout) await sleep(100);
    }
    expect(page.stdout).toContain('hello from dnlab');
    // host2's engine knows nothing of host1's containers: its own DNAT table and container list are empty.
    const ps2 = await onHost('host2', ['docker', 'ps', '-q']);
    expect(ps2.stdout.trim()).toBe('');
    const nat2 = await onHost('host2', ['iptables-save', '-t', 'nat']);
    expect(nat2.stdout).not.toContain('--dport 8080');
    const nat1 = await onHost('host1', ['iptables-save', '-t', 'nat']);
    expect(nat1.stdout).toContain('--dport 8080');
  });

  it('host2 cannot resolve host1’s containers', async () => {
    await onHost('host1', ['docker', 'network', 'create', 'appnet']);
    await onHost('host1', ['docker', 'run', '-d', '--name', 'db', '--network', 'appnet', 'dnlab/busybox', 'sleep', '3600']);
    await onHost('host2', ['docker', 'network', 'create', 'appnet']);
    const look = await onHost('host2', [
      'docker', 'run', '--rm', '--network', 'appnet', 'dnlab/busybox', 'nslookup', 'db',
    ]);
    expect(look.code).not.toBe(0);
    expect(look.stdout + look.stderr).toContain('NXDOMAIN');
    const own = await onHost('host1', [
      'docker', 'run', '--rm', '--network', 'appnet', 'dnlab/busybox', 'nslookup', 'db',
    ]);
    expect(own.stdout).toMatch(/Address:\s+172\.\d+\.\d+\.\d+/);
  });

  it('an engine restart stops containers as docker stop would: SIGTERM first, then SIGKILL', async () => {
    const h = 'host2';
    const start = (name: string, ...argv: string[]) =>
      onHost(h, ['docker', 'run', '-d', '--name', name, ...argv]).then((r) => expect(r.code, r.stderr).toBe(0));
    // Exits 7 on SIGTERM (the engine's first signal); ignores SIGTERM (PID 1); comes back.
    await start('polite', 'dnlab/busybox', 'sh', '-c', 'trap "exit 7" TERM; while :; do sleep 0.1; done');
    await start('deaf', 'dnlab/busybox', 'sleep', '3600');
    await start('always', '--restart', 'always', 'dnlab/busybox', 'sleep', '3600');
    await restartDockerd(h);
    const ps = await onHost(h, ['docker', 'ps', '-a', '--format', '{{.Names}} {{.State}}']);
    const exitCode = async (name: string) =>
      (await onHost(h, ['docker', 'inspect', '-f', '{{.State.ExitCode}}', name])).stdout.trim();
    expect(await exitCode('polite')).toBe('7');
    expect(await exitCode('deaf')).toBe('137');
    expect(ps.stdout).toMatch(/^always running$/m);
    await onHost(h, ['docker', 'rm', '-f', 'polite', 'deaf', 'always']);
  });

  it('reset host1 gives a host whose observable state equals a fresh one', async () => {
    const h = 'host1';
    await onHost(h, ['docker', 'network', 'create', '--subnet', '10.10.0.0/24', 'mynet']);
    await onHost(h, ['docker', 'run', '-d', '--name', 'api', '--network', 'mynet', '-p', '9000:80', 'dnlab/busybox', 'sleep', '3600']);
    await onHost(h, ['docker', 'volume', 'create', 'data']);
    await onHost(h, ['docker', 'tag', 'dnlab/busybox', 'mine:1']);
    await onHost(h, ['iptables', '-I', 'DOCKER-USER', '-s', '10.10.0.5', '-j', 'DROP']);
    await onHost(h, ['ip', 'link', 'add', 'br-mine', 'type', 'bridge']);
    const baseline = JSON.parse(fs.readFileSync(hostPaths(h).baseline, 'utf8')).snapshot;
    expect(diffSnapshots(baseline, await snapshotHost(h, engineFor(h))).length).toBeGreaterThan(5);

    const r = await reset(h);
    expect(r.how).toBe('fast');
    expect(diffSnapshots(baseline, await snapshotHost(h, engineFor(h)))).toEqual([]);
    // …and a fresh host of the same spec (host2, reset too) looks the same but for its LAN address.
    await reset('host2');
    const other = await snapshotHost('host2', engineFor('host2'));
    const mine = await snapshotHost(h, engineFor(h));
    const norm = (s: typeof mine) => JSON.stringify(s).replaceAll('192.0.2.12', '192.0.2.11');
    expect(norm(other)).toBe(JSON.stringify(mine));
  });

  it('joins a two-host swarm: a container on host2 pings one on host1 by name over an overlay', async () => {
    const init = await onHost('host1', ['docker', 'swarm', 'init', '--advertise-addr', '192.0.2.11']);
    expect(init.code, init.stderr).toBe(0);
    const token = (await onHost('host1', ['docker', 'swarm', 'join-token', '-q', 'worker'])).stdout.trim();
    const join = await onHost('host2', [
      'docker', 'swarm', 'join', '--advertise-addr', '192.0.2.12', '--token', token, '192.0.2.11:2377',
    ]);
    expect(join.code, join.stderr).toBe(0);
    await onHost('host1', ['docker', 'network', 'create', '-d', 'overlay', '--attachable', 'ov']);
    await onHost('host1', ['docker', 'run', '-d', '--name', 'o1', '--network', 'ov', 'dnlab/busybox', 'sleep', '3600']);
    const ping = await onHost('host2', [
      'docker', 'run', '--rm', '--network', 'ov', 'dnlab/busybox', 'ping', '-c', '2', '-W', '2', 'o1',
    ]);
    expect(ping.code, ping.stdout + ping.stderr).toBe(0);
    expect(ping.stdout).toContain('2 packets received');

    // Leaving the swarm is part of reset, too, and the embedded DNS works again afterwards.
    for (const h of ['host2', 'host1']) {
      await reset(h);
      const baseline = JSON.parse(fs.readFileSync(hostPaths(h).baseline, 'utf8')).snapshot;
      expect(diffSnapshots(baseline, await snapshotHost(h, engineFor(h)))).toEqual([]);
    }
    await onHost('host1', ['docker', 'network', 'create', 'after']);
    await onHost('host1', ['docker', 'run', '-d', '--name', 'named', '--network', 'after', 'dnlab/busybox', 'sleep', '600']);
    const look = await onHost('host1', [
      'docker', 'run', '--rm', '--network', 'after', 'dnlab/busybox', 'nslookup', '-timeout=2', 'named',
    ]);
    expect(look.stdout, look.stderr).toMatch(/Address:\s+172\./);
  });

  it('kill -9 during up, then up succeeds with no duplicate objects', async () => {
    await down();
    const child = spawn(process.execPath, [cliPath, 'up'], { stdio: 'ignore', env: process.env });
    // Wait until the engines are starting, then kill without a chance to clean up.
    await untilEnginesStart();
    child.kill('SIGKILL');
    await sleep(100);
    expect(labNetnsFiles().length).toBeGreaterThan(0);

    const again = await dnlab(['up']);
    expect(again.code, again.stderr).toBe(0);
    expect(labNetnsFiles().map((f) => f.split('/').pop()).sort()).toEqual(
      ['host1', 'host2', 'internet', 'switch'].map(netnsName),
    );
    expect(await labProcessCount('dockerd')).toBe(2);
    expect(await labProcessCount('containerd')).toBe(2);
    expect((await status()).up).toBe(true);
  });

  it('Ctrl-C during up leaves nothing behind', async () => {
    await down();
    const child = spawn(process.execPath, [cliPath, 'up'], { stdio: 'ignore', env: process.env });
    await untilEnginesStart();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(labNetnsFiles()).toEqual([]);
    expect(fs.existsSync(labRoot())).toBe(false);
    expect(await labProcessCount('dockerd')).toBe(0);
  });

  it('down leaves the machine exactly as it was', async () => {
    await up();
    await down();
    expect(labNetnsFiles()).toEqual([]);
    expect(fs.existsSync(labRoot())).toBe(false);
    expect(await machineSnapshot()).toEqual(before);
  });
});
