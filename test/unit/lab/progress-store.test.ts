import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  emptyProgress,
  loadProgress,
  markHints,
  markStep,
  markWhere,
  progressPath,
  saveProgress,
  stateDir,
} from '../../../src/lab/progress-store.js';

let dir: string;
let saved: string | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-progress-'));
  saved = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = saved;
  fs.rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const stateFolder = () => path.join(dir, 'dnlab');

describe('progress store', () => {
  it('lives in $XDG_STATE_HOME/dnlab, else ~/.local/state/dnlab', () => {
    expect(progressPath()).toBe(path.join(dir, 'dnlab', 'progress.json'));
    expect(stateDir({ HOME: os.homedir() })).toBe(
      path.join(os.homedir(), '.local', 'state', 'dnlab'),
    );
    // A relative XDG_STATE_HOME is invalid per the XDG spec and is ignored.
    expect(stateDir({ XDG_STATE_HOME: 'rel/dir' })).toBe(
      path.join(os.homedir(), '.local', 'state', 'dnlab'),
    );
  });

  it('no file is no progress (and nothing is written by reading)', () => {
    const { progress, movedAside } = loadProgress();
    expect(progress).toEqual(emptyProgress());
    expect(movedAside).toBeUndefined();
    expect(fs.existsSync(stateFolder())).toBe(false);
  });

  it('round trip: steps, hints, where the learner left off', () => {
    let p = emptyProgress();
    p = markStep(p, '02-docker0', 'find-docker0', 'done', new Date('2025-01-02T03:04:05Z'));
    p = markHints(p, '02-docker0', 'run-web', 2);
    p = markHints(p, '02-docker0', 'run-web', 1); // never fewer
    p = markWhere(p, '02-docker0', 'run-web');
    saveProgress(p);
    const back = loadProgress();
    expect(back.movedAside).toBeUndefined();
    expect(back.progress).toEqual(p);
    expect(back.progress.lessons['02-docker0']).toEqual({
      steps: { 'find-docker0': { state: 'done', at: '2025-01-02T03:04:05.000Z' } },
      hints: { 'run-web': 2 },
      lastStep: 'run-web',
    });
    expect(back.progress.last).toEqual({ lesson: '02-docker0', step: 'run-web' });
  });

  it('a step keeps the time it was first done', () => {
    const a = markStep(emptyProgress(), 'l', 's', 'done', new Date('2025-01-01T00:00:00Z'));
    expect(markStep(a, 'l', 's', 'done', new Date('2026-01-01T00:00:00Z'))).toBe(a);
  });

  it('a corrupt file is moved aside with a reason, never a crash', () => {
    fs.mkdirSync(stateFolder(), { recursive: true });
    fs.writeFileSync(progressPath(), '{"format": "dnlab-progress", "versi');
    const { progress, movedAside } = loadProgress();
    expect(progress).toEqual(emptyProgress());
    expect(movedAside?.reason).toBe('corrupt');
    expect(path.basename(movedAside!.to)).toMatch(/^progress\.json\.bad-\d{4}-\d\d-\d\dT/);
    expect(fs.readFileSync(movedAside!.to, 'utf8')).toContain('versi');
    expect(fs.existsSync(progressPath())).toBe(false);
  });

  it('a foreign JSON file (valid JSON, not ours) is moved aside too', () => {
    fs.mkdirSync(stateFolder(), { recursive: true });
    for (const foreign of ['[1,2]', '{"lessons": {}}', '{"format":"dnlab-progress","version":9}']) {
      fs.writeFileSync(progressPath(), foreign);
      const { progress, movedAside } = loadProgress();
      expect(progress).toEqual(emptyProgress());
      expect(movedAside?.reason).toBe('foreign');
      expect(fs.readFileSync(movedAside!.to, 'utf8')).toBe(foreign);
      fs.rmSync(movedAside!.to);
    }
  });

  it('writes atomically: a temp file renamed over the old one, nothing left behind', () => {
    saveProgress(markWhere(emptyProgress(), 'a'));
    const renames: [string, string][] = [];
    const real = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      renames.push([String(from), String(to)]);
      // The old file is intact until the rename.
      expect(JSON.parse(fs.readFileSync(progressPath(), 'utf8')).last.lesson).toBe('a');
      return real(from, to);
    });
    saveProgress(markWhere(emptyProgress(), 'b'));
    expect(renames).toHaveLength(1);
    expect(renames[0]![0]).toMatch(/progress\.json\.\d+\.\w+\.tmp$/);
    expect(renames[0]![1]).toBe(progressPath());
    expect(fs.readdirSync(stateFolder())).toEqual(['progress.json']);
    expect(loadProgress().progress.last).toEqual({ lesson: 'b' });
  });

  it('a failed write leaves the old file and no temp file', () => {
    saveProgress(markWhere(emptyProgress(), 'a'));
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    });
    expect(() => saveProgress(markWhere(emptyProgress(), 'b'))).toThrow('EIO');
    vi.restoreAllMocks();
    expect(fs.readdirSync(stateFolder())).toEqual(['progress.json']);
    expect(loadProgress().progress.last).toEqual({ lesson: 'a' });
  });
});
