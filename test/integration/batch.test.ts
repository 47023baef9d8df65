import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinesOnHost } from '../../src/lab/commands.js';
import { inInstance } from '../../src/lab/config.js';
import { down, up } from '../../src/lab/lab.js';
import { isRoot, testTag, useTestInstance } from './lab-helpers.js';

// The self-test runs a case's lines from one shell per host (runLinesOnHost). Each line must
// still be its own `bash -c` in the real lab host, with its own exit code and output.
useTestInstance('bat');

describe.skipIf(!isRoot)('runLinesOnHost (real lab host)', () => {
  beforeAll(async () => {
    await down();
    await up();
  }, 180_000);
  afterAll(async () => {
    await down();
  }, 120_000);

  it('gives each line its own exit code, stdout and stderr, and stops at a failure when asked', async () => {
    const lines = ['echo one', 'echo two >&2; exit 3', 'printf three'];
    const stopped = await runLinesOnHost('host1', lines, { stopOnFailure: true });
    expect(stopped.map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [0, 'one\n', ''],
      [3, '', 'two\n'],
    ]);
    const all = await runLinesOnHost('host1', lines, { stopOnFailure: false });
    expect(all.map((r) => [r.code, r.stdout])).toEqual([
      [0, 'one\n'],
      [3, ''],
      [0, 'three'],
    ]);
  });

  it('runs each line in a shell of its own, in the lab host, with its engine', async () => {
    const r = await runLinesOnHost(
      'host1',
      ['x=1; cd /tmp', 'echo "[$x] $(pwd) $(hostname)"', 'docker network ls --format "{{.Name}}" | sort | head -1'],
      { stopOnFailure: true },
    );
    expect(r.map((x) => x.code)).toEqual([0, 0, 0]);
    // Neither the variable nor the cd of the line before: a fresh shell per line.
    expect(r[1]!.stdout).toMatch(/^\[\] (?!\/tmp )\S+ host1\n$/);
    expect(r[2]!.stdout).toBe('bridge\n');
  });

  it('a line cut off by its deadline fails with the batch own code', async () => {
    const r = await runLinesOnHost('host1', ['echo a', 'sleep 30'], { stopOnFailure: true, timeoutMs: 1500 });
    expect(r).toHaveLength(2);
    expect(r[0]!.code).toBe(0);
    expect(r[1]!.code).not.toBe(0);
  }, 30_000);

  it('reaches the host of another lab instance from inInstance, not this one', async () => {
    // No lab runs in that instance: nsenter finds none of its namespaces and the line fails.
    const r = await inInstance(`nx${testTag}`, () =>
      runLinesOnHost('host1', ['true'], { stopOnFailure: true }),
    );
    expect(r[0]!.code).not.toBe(0);
  });
});
