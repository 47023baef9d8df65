import path from 'node:path';
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../../../src/i18n/index.js';
import { loadAllLessons } from '../../../../src/lessons/index.js';
import { App, type AppOutcome } from '../../../../src/tui/App.js';
import { ServicesProvider, type TuiServices } from '../../../../src/tui/services.js';
import { KEY, renderTui, tick, waitForFrame, type Rendered } from '../helpers.js';
import { fakeLab } from './fakes.js';

const LESSONS = loadAllLessons(path.resolve(import.meta.dirname, '../../../fixtures/e2e-lessons'));

let r: Rendered | undefined;
afterEach(() => r?.unmount());

function renderApp(services: TuiServices, outcome: AppOutcome = { labUp: false }) {
  r = renderTui(
    <ServicesProvider value={services}>
      <App outcome={outcome} />
    </ServicesProvider>,
  );
  return r;
}

describe('the TUI app (fake lab)', () => {
  it('brings a lab that is down up, showing each stage, then lists the lessons', async () => {
    const lab = fakeLab(LESSONS, { up: false });
    const app = renderApp(lab.services);
    const frame = await waitForFrame(app, (f) => f.includes('Lessons'));
    expect(frame).toContain('The default bridge (test fixture)');
    expect(frame).toMatch(/○ new/);
  });

  it('a failed start shows the doctor’s finding and fix, not a stack trace', async () => {
    const lab = fakeLab(LESSONS, {
      up: false,
      upFails: new Error('dockerd did not answer within 10 s'),
      findings: [
        { id: 'bin:dockerd', ok: false, title: 'dockerd is installed', fix: 'install docker.io' },
        { id: 'feature:vlan', ok: false, optional: true, title: 'kernel feature: vlan', fix: 'x' },
      ],
    });
    const app = renderApp(lab.services);
    const frame = await waitForFrame(app, (f) => f.includes('Something went wrong'));
    expect(frame).toContain('The lab could not start: dockerd did not answer within 10 s');
    expect(frame).toContain('install docker.io');
    expect(frame).toMatch(/docker engine\s+failed/);
    expect(frame).not.toContain('vlan');
    expect(frame).not.toMatch(/at \S+ \(/); // no stack
  });

  it('handles every key of a burst, keys typed before the list was up included', async () => {
    const lab = fakeLab(LESSONS);
    lab.services.loadLessons = () =>
      loadAllLessons(path.resolve(import.meta.dirname, '../../../fixtures/lessons/good'));
    const app = renderApp(lab.services);
    await tick();
    // Before the lesson list: one key; then the rest as one write (a fast typist, a paste).
    app.stdin.write('j');
    expect(app.lastFrame()).not.toContain('Lessons');
    await waitForFrame(app, (f) => f.includes('Lessons') && f.includes('Plain'));
    app.stdin.write('jk\x1b[B\r');
    // early j, then j k ↓: the third lesson (a lost key would leave the second), opened by the
    // Enter of the same write.
    // (Plain, the second, has one step; Publish a port has two.)
    await waitForFrame(app, (f) => f.includes('Step 1 of 2: Run web'));
  });

  it('opens a lesson on fresh hosts, re-checks when a command finishes, saves the step as done', async () => {
    const lab = fakeLab(LESSONS);
    const outcome: AppOutcome = { labUp: false };
    const app = renderApp(lab.services, outcome);
    await waitForFrame(app, (f) => f.includes('Lessons'));
    await tick();
    app.stdin.write(KEY.enter);
    await waitForFrame(app, (f) => f.includes('Step 1 of 2') && f.includes('lab: up'));
    // A new lesson: its hosts were reset first; the step was checked as it opened.
    expect(lab.resets).toEqual(['host1']);
    await waitForFrame(app, (f) => f.includes('0 of 1 pass'));
    // The step's kernel features go with its checks, so a missing one is skipped as in check and grade.
    expect(lab.checks.last?.features).toEqual(LESSONS[0]!.steps[0]!.features);
    const shell = lab.shells.at(-1)!;
    await shell.show('root@host1:~# ');
    await waitForFrame(app, (f) => f.includes('root@host1:~#'));

    // Keys go to the shell once it has focus; a finished command re-runs the checks.
    await tick();
    app.stdin.write(KEY.toggle);
    await waitForFrame(app, (f) => f.includes('focus: shell'));
    await tick();
    app.stdin.write('n');
    expect(shell.typed).toContain('n'); // not "next step"
    lab.checks.pass = true;
    const before = lab.checks.count;
    shell.prompt();
    // Done: the text scrolls to the explanation, and the next step is offered.
    const done = await waitForFrame(
      app,
      (f) => f.includes('Step done') && f.includes('was plugged') && f.includes('into docker0.'),
    );
    expect(lab.checks.count).toBeGreaterThan(before);
    expect(done).toMatch(/Step 1 of 2: .*✔ done/);
    expect(lab.saved.at(-1)!.lessons['02-docker0']!.steps['run-web']!.state).toBe('done');

    // Back to the lesson keys: next step, then home shows the lesson in progress.
    await tick();
    app.stdin.write(KEY.toggle);
    await waitForFrame(app, (f) => f.includes('focus: lesson'));
    lab.checks.pass = false;
    await tick();
    app.stdin.write('n');
    await waitForFrame(app, (f) => f.includes('Step 2 of 2'));
    await vi.waitFor(() =>
      expect(lab.saved.at(-1)!.last).toEqual({ lesson: '02-docker0', step: 'make-net' }),
    );
    await tick();
    app.stdin.write('b');
    const home = await waitForFrame(app, (f) => f.includes('Lessons'));
    expect(home).toMatch(/◐ in progress.*1\/2/);
    expect(home).toContain('continue here');
    await tick();
    app.stdin.write('q');
    await waitForFrame(app, () => outcome.labUp);
    expect(lab.shells.every((s) => s.disposed)).toBe(true);
  });

  it('reset asks first, says the hosts start fresh, then resets and runs the setup', async () => {
    const lab = fakeLab(LESSONS, {
      progress: {
        format: 'dnlab-progress',
        version: 1,
        last: { lesson: '02-docker0', step: 'run-web' },
        lessons: { '02-docker0': { steps: {}, hints: { 'run-web': 1 }, lastStep: 'run-web' } },
      },
    });
    const app = renderApp(lab.services);
    await waitForFrame(app, (f) => f.includes('Lessons'));
    await tick();
    app.stdin.write(KEY.enter);
    // In progress: opened as it was (no reset), the revealed hint still shown.
    const open = await waitForFrame(app, (f) => f.includes('Step 1 of 2'));
    expect(open).not.toContain('fresh');
    await tick();
    app.stdin.write('z'); // the text gets the whole screen
    await waitForFrame(app, (f) => f.includes('Hint 1 of 1'));
    await tick();
    app.stdin.write('z');
    await tick();
    app.stdin.write('z');
    expect(lab.resets).toEqual([]);
    await tick();
    app.stdin.write('r');
    const ask = await waitForFrame(app, (f) => f.includes('Reset this lesson'));
    expect(ask).toMatch(/start fresh/);
    await tick();
    app.stdin.write('y');
    await waitForFrame(app, (f) => f.includes('back to the start of the lesson'));
    expect(lab.resets).toEqual(['host1']);
  });

  it('Ctrl-C outside the pane quits', async () => {
    const lab = fakeLab(LESSONS);
    const outcome: AppOutcome = { labUp: false };
    const app = renderApp(lab.services, outcome);
    await waitForFrame(app, (f) => f.includes('Lessons'));
    await tick();
    app.stdin.write(KEY.ctrlC);
    await waitForFrame(app, () => outcome.labUp);
  });

  it('L on the list switches every text, the lessons’ too, between English and 中文', async () => {
    const lab = fakeLab(LESSONS);
    const translated = path.resolve(import.meta.dirname, '../../../fixtures/lessons/good');
    lab.services.loadLessons = () => loadAllLessons(translated);
    try {
      const app = renderApp(lab.services);
      let frame = await waitForFrame(app, (f) => f.includes('Lessons'));
      expect(frame).toContain('Publish a port');
      expect(frame).toContain('L 中文');
      await tick();
      app.stdin.write('L');
      frame = await waitForFrame(app, (f) => f.includes('课程'));
      expect(frame).toContain('发布端口');
      expect(frame).toContain('L English');
      expect(frame).toContain('Plain'); // a lesson in English only stays English
      await tick();
      app.stdin.write('L');
      frame = await waitForFrame(app, (f) => f.includes('Lessons'));
      expect(frame).toContain('Publish a port');
    } finally {
      setLang('en');
    }
  });
});
