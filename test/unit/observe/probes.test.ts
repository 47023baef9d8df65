import { describe, expect, it } from 'vitest';
import type { Probe } from '../../../src/checks/types.js';
import type { ContainerFacts } from '../../../src/observe/facts.js';
import { PROBE_MAX_MS, findContainer, probeArgv, runProbes } from '../../../src/observe/probes.js';

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

describe('probeArgv', () => {
  it('in a container: every namespace of its pid, under a group-killing timeout', () => {
    expect(probeArgv(probe(), { pid: 4242 })).toEqual([
      'timeout',
      '-k',
      '0.2',
      '2.000',
      'nsenter',
      '-t',
      '4242',
      '-m',
      '-u',
      '-i',
      '-n',
      '-p',
      '-r',
      '-w',
      '--',
      'ping',
      '-c',
      '1',
      '-W',
      '1',
      '172.17.0.2',
    ]);
  });

  it("on the host: its network namespace only, the machine's programs", () => {
    const argv = probeArgv(probe({ argv: ['nc', '-z', '127.0.0.1', '8080'] }), { host: 'host1' });
    expect(argv.slice(0, 5)).toEqual(['timeout', '-k', '0.2', '2.000', 'nsenter']);
    expect(argv[5]).toMatch(/^--net=\/run\/netns\/dnlab[a-z0-9]*-host1$/);
    // --uts/--mount of the host follow when the lab made them; then the probe itself.
    const sep = argv.indexOf('--');
    expect(argv.slice(6, sep).every((a) => /^--(uts|mount)=/.test(a))).toBe(true);
    expect(argv.slice(sep)).toEqual(['--', 'nc', '-z', '127.0.0.1', '8080']);
  });

  it(`caps the timeout at ${PROBE_MAX_MS} ms`, () => {
    expect(probeArgv(probe({ timeoutMs: 60_000 }), { pid: 1 })[3]).toBe('3.000');
    expect(probeArgv(probe({ timeoutMs: 0 }), { pid: 1 })[3]).toBe('3.000');
    expect(probeArgv(probe({ timeoutMs: 250 }), { pid: 1 })[3]).toBe('0.250');
  });
});

describe('findContainer', () => {
  const cs = [container('web', true, 10), container('db', false)];
  it('by name, full id or id prefix', () => {
    expect(findContainer(cs, 'web')?.name).toBe('web');
    expect(findContainer(cs, '/web')?.name).toBe('web');
    expect(findContainer(cs, 'db0123456789abcdef')?.name).toBe('db');
    expect(findContainer(cs, 'db01')?.name).toBe('db');
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
