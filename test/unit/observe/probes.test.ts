import { describe, expect, it } from 'vitest';
import type { Probe } from '../../../src/checks/types.js';
import type { ContainerFacts, ProbeResult } from '../../../src/observe/facts.js';
import {
  PROBE_MAX_MS,
  findContainer,
  machineProgram,
  probeArgv,
  runProbe,
  runProbes,
} from '../../../src/observe/probes.js';

const probe = (over: Partial<Probe> = {}): Probe => ({
  id: 'p',
  host: 'host1',
  argv: ['ping', '-c', '1', '-W', '1', '172.17.0.2'],
  timeoutMs: 2000,
  ...over,
});

const container = (name: string, running: boolean, pid?: number): ContainerFacts => ({
  id: `${name}0123456789abcdef`,
  name,
  image: 'img',
  running,
  status: running ? 'running' : 'exited',
  networkMode: 'bridge',
  ports: [],
  publishAll: false,
  endpoints: [],
  legacyLinks: [],
  ...(pid ? { pid } : {}),
});

const argvOf = (p: Probe, target: Parameters<typeof probeArgv>[1]): string[] => {
  const a = probeArgv(p, target);
  if (!Array.isArray(a)) throw new Error(a.stderr);
  return a;
};

describe('probeArgv', () => {
  it("in a container: its network namespace only, nobody with NET_RAW alone, the machine's busybox", () => {
    expect(argvOf(probe(), { pid: 4242 })).toEqual([
      machineProgram('timeout'),
      '-k',
      '0.2',
      '2.000',
      machineProgram('nsenter'),
      '-t',
      '4242',
      '-n',
      '--',
      machineProgram('setpriv'),
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      '--bounding-set=-all,+net_raw',
      '--inh-caps=-all,+net_raw',
      '--ambient-caps=-all,+net_raw',
      '--no-new-privs',
      '--',
      machineProgram('busybox'),
      'ping',
      '-c',
      '1',
      '-W',
      '1',
      '172.17.0.2',
    ]);
    expect(machineProgram('busybox')).toMatch(/^\/(usr\/)?bin\/busybox$/);
  });

  it("on the host: its network namespace only, no capability for nc, the machine's programs", () => {
    const argv = argvOf(probe({ argv: ['nc', '-w', '1', '127.0.0.1', '8080'] }), { host: 'host1' });
    expect(argv[5]).toMatch(/^--net=\/run\/netns\/dnlab[a-z0-9]*-host1$/);
    expect(argv[6]).toBe('--');
    expect(argv).toContain('--bounding-set=-all');
    expect(argv.slice(-6)).toEqual([
      machineProgram('busybox'),
      'nc',
      '-w',
      '1',
      '127.0.0.1',
      '8080',
    ]);
    expect(argv.some((a) => /^--(mount|uts)|^-m$|^-r$/.test(a))).toBe(false);
  });

  it('refuses a program that is not a probe applet (no shell, no cat, no container program)', () => {
    for (const argv of [['sh', '-c', 'true'], ['cat', '/etc/hosts'], ['/bin/nc']]) {
      const r = probeArgv(probe({ argv }), { pid: 1 });
      expect(Array.isArray(r)).toBe(false);
      expect((r as { code: number }).code).toBe(126);
    }
  });

  it(`caps the timeout at ${PROBE_MAX_MS} ms`, () => {
    expect(argvOf(probe({ timeoutMs: 60_000 }), { pid: 1 })[3]).toBe('3.000');
    expect(argvOf(probe({ timeoutMs: 0 }), { pid: 1 })[3]).toBe('3.000');
    expect(argvOf(probe({ timeoutMs: 250 }), { pid: 1 })[3]).toBe('0.250');
  });
});

describe('findContainer', () => {
  const cs = [container('web', true, 10), container('db', false)];
  it('by name, full id or id prefix', () => {
    expect(findContainer(cs, 'web')?.name).toBe('web');
    expect(findContainer(cs, '/web')?.name).toBe('web');
    expect(findContainer(cs, 'db0123456789abcdef')?.name).toBe('db');
    expect(findContainer(cs, 'db01')?.name).toBe('db');
    expect(findContainer(cs, 'd01')).toBeUndefined();
    expect(findContainer(cs, 'nope')).toBeUndefined();
  });
});

describe('runProbes without running anything', () => {
  it('a probe without a command is refused (nsenter would start a shell)', async () => {
    const results = await runProbes('host1', [probe({ id: 'e', argv: [] })], []);
    expect(results.e).toEqual({ code: 126, stdout: '', stderr: 'probe has no command', ms: 0 });
  });

  it('a paused container gets code 125 too', async () => {
    const paused = { ...container('p', true, 99), status: 'paused' };
    const results = await runProbes('host1', [probe({ id: 'x', container: 'p' })], [paused]);
    expect(results.x).toEqual({ code: 125, stdout: '', stderr: 'container p is paused', ms: 0 });
  });

  it('a missing or stopped container gets code 125; each id runs once', async () => {
    const results = await runProbes(
      'host1',
      [
        probe({ id: 'a', container: 'ghost' }),
        probe({ id: 'b', container: 'db' }),
        probe({ id: 'a', container: 'ghost' }),
      ],
      [container('db', false)],
    );
    expect(results).toEqual({
      a: { code: 125, stdout: '', stderr: 'container ghost is not running', ms: 0 },
      b: { code: 125, stdout: '', stderr: 'container db is not running', ms: 0 },
    });
  });
});

describe('runProbe: a window of tries (the runner itself, with scripted tries)', () => {
  const answer = (code: number, stdout = '', stderr = ''): ProbeResult => ({
    code,
    stdout,
    stderr,
    ms: 1,
  });
  /** Tries answered from a script, in order (the last one repeats). */
  function scripted(...results: ProbeResult[]) {
    const seen: Probe[] = [];
    const once = (p: Probe) => {
      seen.push(p);
      return Promise.resolve(results[Math.min(seen.length - 1, results.length - 1)]!);
    };
    return { once, seen };
  }
  const refused = answer(1, '', "nc: can't connect to remote host (10.0.0.2): Connection refused");

  it('one answer in the window is "reached": the tries stop there', async () => {
    const { once, seen } = scripted(refused, answer(0));
    const r = await runProbe(probe({ windowMs: 3000 }), { pid: 1 }, once);
    expect(r.code).toBe(0);
    expect(r.tries).toBe(2);
    expect(seen).toHaveLength(2);
  });

  it('a UDP probe counts any DNS reply (NXDOMAIN) as an answer', async () => {
    const { once } = scripted(
      answer(1, "Server:\t\t10.0.0.2:5353\n\n** server can't find x: NXDOMAIN\n"),
    );
    expect((await runProbe(probe({ windowMs: 3000 }), { pid: 1 }, once)).tries).toBe(1);
  });

  it('"not reached" only after the whole window failed: tried again, the last failure returned', async () => {
    const { once, seen } = scripted(refused);
    const r = await runProbe(probe({ windowMs: 600 }), { pid: 1 }, once);
    expect(r).toMatchObject({ code: 1, stderr: refused.stderr });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(r.tries).toBe(seen.length);
  });

  it('a probe that could not run is not tried again (and is never an answer)', async () => {
    const { once, seen } = scripted(answer(127, '', 'no busybox'), answer(0));
    const r = await runProbe(probe({ windowMs: 3000 }), { pid: 1 }, once);
    expect(r.code).toBe(127);
    expect(seen).toHaveLength(1);
  });

  it('without a window: exactly one try', async () => {
    const { once, seen } = scripted(refused, answer(0));
    expect((await runProbe(probe(), { pid: 1 }, once)).code).toBe(1);
    expect(seen).toHaveLength(1);
  });
});
