import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError, exitCodeOf, tryMessageOf } from '../../../src/errors.js';
import { LabError } from '../../../src/lab/lab.js';
import { RootError } from '../../../src/lab/state.js';
import { MissingImageError } from '../../../src/lab/image.js';
import { LintPathError } from '../../../src/lessons/lint.js';
import { reportError } from '../../../src/cli/output.js';
import { startErrorView } from '../../../src/tui/hooks/useLabStart.js';

describe('UserError', () => {
  it('carries message, what to try, next steps and exit code as typed fields', () => {
    const e = new UserError('it broke', {
      tryMessage: 'do this',
      nextSteps: ['then that'],
      exitCode: 2,
    });
    expect(e).toBeInstanceOf(Error);
    expect([e.message, e.tryMessage, e.nextSteps, e.exitCode]).toEqual([
      'it broke',
      'do this',
      ['then that'],
      2,
    ]);
  });

  it('is the base of the lab and lesson errors, with their fixes out of the message', () => {
    const lab = new LabError('not up', 'dnlab up');
    expect(lab).toBeInstanceOf(UserError);
    expect(lab.name).toBe('LabError');
    expect(tryMessageOf(lab)).toBe('dnlab up');
    expect(tryMessageOf(new RootError('not root'))).toBeTruthy();
    const image = new MissingImageError('/x/lab.tar');
    expect(image.message).not.toContain('provision.sh');
    expect(image.tryMessage).toContain('provision.sh');
    expect(exitCodeOf(new LintPathError('no such path'))).toBe(2);
  });

  it('exit code: the error’s own, else the fallback', () => {
    expect(exitCodeOf(new UserError('x', { exitCode: 3 }))).toBe(3);
    expect(exitCodeOf(new UserError('x'))).toBe(1);
    expect(exitCodeOf(new UserError('x'), 2)).toBe(2);
    expect(exitCodeOf(new Error('x'), 2)).toBe(2);
    expect(tryMessageOf(new Error('x'))).toBeUndefined();
  });
});

describe('reportError and the TUI read the typed fields', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the message, what to try and the next steps, and returns the error’s exit code', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    const code = reportError(
      new UserError('gone', { tryMessage: 'fetch it', nextSteps: ['look again'], exitCode: 4 }),
    );
    const text = lines.join('');
    expect(code).toBe(4);
    expect(text).toContain('gone');
    expect(text).toContain('fetch it');
    expect(text).toContain('look again');
    expect(reportError(new Error('plain'), 2)).toBe(2);
  });

  it('the TUI start error shows the error’s tryMessage before the doctor’s', () => {
    const view = startErrorView(new LabError('no', 'start it'), [
      { ok: false, title: 'root', fix: 'sudo' } as never,
    ]);
    expect(view.tryMessage).toBe('start it');
    expect(
      startErrorView(new Error('no'), [{ ok: false, title: 'root', fix: 'sudo' } as never])
        .tryMessage,
    ).toBe('sudo');
  });
});
