import { describe, expect, it } from 'vitest';
import type { LabFacts } from '../../../src/observe/facts.js';
import { engineTimedOut, inOrder, type SelftestCase } from '../../../src/orchestrate/selftest.js';

const kase = (step: string): SelftestCase => ({
  lesson: 'l',
  step,
  phase: 'before',
  ok: true,
  detail: '',
  ms: 0,
});

describe('self-test cases in plan order', () => {
  it('hands out cases that finish out of order in plan order, each once', () => {
    const seen: string[] = [];
    const settle = inOrder(4, (c) => seen.push(c.step));
    settle(2, kase('c'));
    settle(1, kase('b'));
    expect(seen).toEqual([]);
    settle(0, kase('a'));
    expect(seen).toEqual(['a', 'b', 'c']);
    settle(3, kase('d'));
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('an engine that did not answer in time', () => {
  const facts = (errors: { source: string; message: string; timedOut?: boolean }[]): LabFacts =>
    ({ hosts: { host1: { errors } }, features: {}, observedAt: '' }) as unknown as LabFacts;

  it('is told from an engine that is down or a read that failed otherwise', () => {
    expect(
      engineTimedOut(facts([{ source: 'engine', message: 'no reply in 3 s', timedOut: true }])),
    ).toBe(true);
    expect(engineTimedOut(facts([{ source: 'engine', message: 'nothing listens' }]))).toBe(false);
    expect(engineTimedOut(facts([]))).toBe(false);
  });
});
