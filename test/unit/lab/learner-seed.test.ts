import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { learnerSeed, loadProgress, progressPath } from '../../../src/lab/progress-store.js';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-seed-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe("the learner's seed", () => {
  it('DNLAB_SEED, else the workshop id DNLAB_STUDENT', () => {
    const env = { XDG_STATE_HOME: home };
    expect(learnerSeed({ ...env, DNLAB_SEED: 'abc', DNLAB_STUDENT: 'ann' })).toBe('abc');
    expect(learnerSeed({ ...env, DNLAB_STUDENT: ' ann ' })).toBe('ann');
  });

  it('reading writes nothing; the TUI draws one once and keeps it in progress', () => {
    const env = { XDG_STATE_HOME: path.join(home, 'x') };
    expect(learnerSeed(env)).toBeUndefined();
    expect(fs.existsSync(progressPath(env))).toBe(false);
    const first = learnerSeed(env, { save: true, draw: () => 'drawn-1' });
    expect(first).toBe('drawn-1');
    expect(loadProgress(progressPath(env)).progress.seed).toBe('drawn-1');
    expect(learnerSeed(env, { save: true, draw: () => 'drawn-2' })).toBe('drawn-1');
    expect(learnerSeed(env)).toBe('drawn-1');
  });
});
