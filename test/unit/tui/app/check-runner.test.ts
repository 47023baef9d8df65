import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../src/checks/types.js';
import { CheckRunner } from '../../../../src/tui/app/check-runner.js';
import { outcomeOf } from '../../../../src/tui/app/lesson-view.js';

const result = (pass: boolean, extra: Partial<CheckResult> = {}): CheckResult => ({
  id: 'c',
  kind: 'k',
  pass,
  message: '',
  evidence: [],
  ...extra,
});

/** A check round the test finishes by hand. */
function controlled() {
  const rounds: { resolve: (r: CheckResult[]) => void }[] = [];
  const delivered: CheckResult[][] = [];
  const running: boolean[] = [];
  const runner = new CheckRunner({
    run: () => new Promise((resolve) => rounds.push({ resolve })),
    onResults: (r) => delivered.push(r),
    onRunning: (b) => running.push(b),
    onError: () => undefined,
    debounceMs: 5,
  });
  return { runner, rounds, delivered, running };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('CheckRunner', () => {
  it('debounces a burst of prompts into one round', async () => {
    const c = controlled();
    c.runner.request();
    c.runner.request();
    c.runner.request();
    await until(() => c.rounds.length === 1);
    c.rounds[0]!.resolve([result(true)]);
    await until(() => c.delivered.length === 1);
    expect(c.running).toEqual([true, false]);
  });

  it('one round at a time; a request during a round runs one more and drops the stale result', async () => {
    const c = controlled();
    c.runner.request(true);
    expect(c.rounds).toHaveLength(1);
    c.runner.request(true); // while the first is in flight
    c.runner.request(true);
    expect(c.rounds).toHaveLength(1);
    c.rounds[0]!.resolve([result(false)]);
    await until(() => c.rounds.length === 2);
    expect(c.delivered).toEqual([]); // the first round's result was stale
    c.rounds[1]!.resolve([result(true)]);
    await until(() => c.delivered.length === 1);
    expect(c.delivered[0]![0]!.pass).toBe(true);
  });

  it('drops results that arrive after dispose (the step changed)', async () => {
    const c = controlled();
    c.runner.request(true);
    c.runner.dispose();
    c.rounds[0]!.resolve([result(true)]);
    await flush();
    await flush();
    expect(c.delivered).toEqual([]);
  });
});

describe('outcomeOf', () => {
  it('done when all pass, skipped when only skipped ones do not, else not yet', () => {
    expect(outcomeOf([result(true), result(true)])).toBe('done');
    expect(outcomeOf([result(true), result(false, { skipped: 'vlan' })])).toBe('skipped');
    expect(outcomeOf([result(true), result(false)])).toBeUndefined();
    expect(outcomeOf([])).toBeUndefined();
  });
});
