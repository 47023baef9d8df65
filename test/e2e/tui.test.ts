import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLesson, type Lesson } from '../../src/lessons/index.js';
import { MAIN, ROOT, TuiDriver } from './tui-driver.js';
import stringWidth from 'string-width';

/**
 * The real binary in a pty at 100×30 (side by side): the lab comes up, 02-docker0 opens, the first step's
 * solution typed into the shell pane turns the step done with no check key pressed, vi opens
 * and quits inside the pane, and quitting leaves a sane terminal.
 *
 * Uses the real lessons/02-docker0 when it exists, else the stand-in under
 * test/fixtures/e2e-lessons (through DNLAB_LESSONS).
 */

const isRoot = process.getuid?.() === 0;
/** The lab instance (DNLAB_E2E_INSTANCE: run beside another session's lab). */
const INSTANCE = process.env.DNLAB_E2E_INSTANCE || `tui${process.env.DNLAB_TEST_TAG ?? ''}`;
const REAL = path.join(ROOT, 'lessons', '02-docker0');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'e2e-lessons');
const useReal = fs.existsSync(path.join(REAL, 'lesson.yaml'));

let stateHome: string;
let driver: TuiDriver | undefined;

function dnlab(args: string[]): void {
  spawnSync(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DNLAB_INSTANCE: INSTANCE },
    stdio: 'ignore',
  });
}

const ctrl = { toggle: '\x1d' };

/** The row of the lesson list the cursor (❯) is on. */
function selectedRow(screen: string): string {
  return screen.split('\n').find((l) => l.trimStart().startsWith('❯')) ?? '';
}

describe.skipIf(!isRoot)('dnlab TUI end to end (real binary in a pty)', () => {
  let lesson: Lesson;

  beforeAll(() => {
    // Build what the binary runs. Errors elsewhere in the tree do not stop tsc from emitting.
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      const out = String((e as { stdout?: Buffer }).stdout ?? '');
      if (/src\/(tui|cli\/main|lab\/progress-store)/.test(out)) throw new Error(out);
    }
    expect(fs.existsSync(MAIN)).toBe(true);
    stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-e2e-state-'));
    lesson = loadLesson(useReal ? REAL : path.join(FIXTURES, '02-docker0'));
    console.log(`e2e: using ${useReal ? 'the real lessons/02-docker0' : 'the fixture 02-docker0'}`);
  });

  afterAll(() => {
    driver?.kill();
    dnlab(['down']);
    if (stateHome) fs.rmSync(stateHome, { recursive: true, force: true });
  });

  it('start, open 02-docker0, the first step turns done by itself, vi in the pane, quit', async () => {
    const step = lesson.steps[0]!;
    driver = new TuiDriver({
      env: {
        DNLAB_INSTANCE: INSTANCE,
        XDG_STATE_HOME: stateHome,
        ...(useReal ? {} : { DNLAB_LESSONS: FIXTURES }),
      },
    });
    const d = driver;

    // Start: the lab comes up (from nothing, or already up), then the lesson list.
    await d.waitFor(/^Lessons/m, 'the lesson list', 240_000);
    expect(d.term.buffer.active.type).toBe('alternate');

    // Select 02-docker0 and open it.
    for (let i = 0; i < 50 && !selectedRow(d.screen()).includes(lesson.title); i++) {
      const before = selectedRow(d.screen());
      d.write('j');
      await d.waitFor((s) => selectedRow(s) !== before, 'the selection to move');
    }
    expect(selectedRow(d.screen())).toContain(lesson.title);
    d.write('\r');
    const header = new RegExp(`Step 1 of ${lesson.steps.length}: `);
    await d.waitFor(header, 'the first step');
    // A new lesson starts on fresh hosts; then the first check round: not done yet.
    await d.waitFor(/lab: up/, 'the lesson reset to finish', 120_000);
    await d.waitFor(/Checks · 0 of \d+ pass/, 'the first check round (failing)');
    expect(d.screen()).toMatch(/○ to do/);

    // Into the pane; type the solution; the step turns done without pressing the check key.
    d.write(ctrl.toggle);
    await d.waitFor(/focus: shell/, 'focus on the shell');
    await d.waitFor(new RegExp(`root@${step.host}:[^\\n]*[#$]`), 'the shell prompt');
    for (const c of step.solution) {
      expect(c.host).toBe(step.host);
      d.write(`${c.run}\r`);
    }
    const done = await d.waitFor(
      (s) => new RegExp(`Step 1 of \\d+: .*✔ done`).test(s),
      'step 1 done by itself',
      90_000,
    );
    expect(done).toMatch(/Step done\. Press n for the next step\.|lesson complete/);

    // vi opens inside the pane (its own alternate screen there) and quits with :q!.
    d.write('vi\r');
    await d.waitFor(/^(?:.*│)?~ *$/m, 'vi on screen');
    expect(d.term.buffer.active.type).toBe('alternate'); // the outer terminal is untouched
    d.write('\x1b:q!\r');
    await d.waitFor(
      (s) => !/^(?:.*│)?~ *$/m.test(s) && /root@\S+:[^\n]*[#$] *$/m.test(s),
      'vi gone',
    );

    // Leave the pane, go home, quit.
    d.write(ctrl.toggle);
    await d.waitFor(/focus: lesson/, 'focus back on the lesson');
    d.write('b');
    await d.waitFor(/^Lessons/m, 'the lesson list again');
    expect(selectedRow(d.screen())).toMatch(/in progress|done/);
    d.write('q');
    const exit = await d.waitExit();
    expect(exit.exitCode).toBe(0);
    // A sane terminal: back on the main screen, cursor shown, and told how to stop the lab.
    expect(d.term.buffer.active.type).toBe('normal');
    expect(d.cursorVisible).toBe(true);
    expect(d.screen()).toContain('`dnlab down` stops it');

    // Progress was saved: step 1 done, and where the learner left off.
    const saved = JSON.parse(
      fs.readFileSync(path.join(stateHome, 'dnlab', 'progress.json'), 'utf8'),
    ) as {
      last: { lesson: string };
      lessons: Record<string, { steps: Record<string, { state: string }> }>;
    };
    expect(saved.last.lesson).toBe('02-docker0');
    expect(saved.lessons['02-docker0']!.steps[step.id]!.state).toBe('done');
  }, 600_000);

  it('in zh-CN at 80×24: the lesson list, a step and the help box fit, no row spills over', async () => {
    driver?.kill();
    const zhState = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-e2e-zh-'));
    driver = new TuiDriver({
      args: ['--lang', 'zh-CN'],
      cols: 80,
      rows: 24,
      env: {
        DNLAB_INSTANCE: INSTANCE,
        XDG_STATE_HOME: zhState,
        ...(useReal ? {} : { DNLAB_LESSONS: FIXTURES }),
      },
    });
    const d = driver;
    /** Rows that are the overflow of the row above: a row wider than the terminal. */
    const spilled = () => {
      const b = d.term.buffer.active;
      return d
        .lines()
        .filter((_, y) => b.getLine(b.viewportY + y)?.isWrapped)
        .map((l) => `spilled: ${l}`);
    };
    try {
      await d.waitFor(/^课程$/m, 'the lesson list in Chinese', 240_000);
      await d.waitFor(/分钟/, 'the minutes column');
      expect(spilled()).toEqual([]);
      expect(d.screen()).toContain('Enter 打开 · c 继续 · q 退出 · ? 帮助');

      d.write('\r');
      await d.waitFor(/^步骤 1\/\d+：/m, 'the first step in Chinese', 120_000);
      await d.waitFor(/实验环境：运行中/, 'the lab up', 120_000);
      await d.waitFor(/检查 · \d+\/\d+ 通过/, 'the first check round');
      expect(spilled()).toEqual([]);
      // The pane title is a rule to the last column.
      const lines = d.lines();
      const title = lines.find((l) => l.includes('上的 shell'))!;
      expect(title.startsWith('── ')).toBe(true);
      expect(stringWidth(title)).toBe(80);
      expect(title.endsWith('─')).toBe(true);
      // The status bar: the last row drawn (the app leaves the terminal's last row free).
      const status = lines.filter((l) => l.trim()).at(-1)!;
      expect(status.startsWith('焦点：课程'), status).toBe(true);
      expect(status.endsWith('? 帮助'), status).toBe(true);
      expect(stringWidth(status)).toBe(80);

      d.write('?');
      await d.waitFor(/│ 按键/, 'the help box');
      expect(spilled()).toEqual([]);
      const box = d.lines();
      const top = box.findIndex((l) => l.startsWith('╭'));
      const bottom = box.findIndex((l) => l.startsWith('╰'));
      expect(top).toBeGreaterThanOrEqual(0);
      expect(bottom).toBeGreaterThan(top);
      for (const row of box.slice(top, bottom + 1)) expect(stringWidth(row), row).toBe(80);
      for (const row of box.slice(top + 1, bottom)) {
        expect(row.startsWith('│'), row).toBe(true);
        expect(row.endsWith('│'), row).toBe(true);
      }

      d.write('\x1b');
      await d.waitFor((s) => !s.includes('╭'), 'the help closed');
      d.write('\x03');
      expect((await d.waitExit()).exitCode).toBe(0);
      expect(d.screen()).toContain('`dnlab down` 可以停止它');
    } finally {
      fs.rmSync(zhState, { recursive: true, force: true });
    }
  }, 600_000);

  // Issue 21's "Done when", at the two sizes a learner is most likely to have.
  for (const [cols, rows] of [
    [80, 24],
    [120, 40],
  ] as const) {
    it(`at ${cols}×${rows}: early keys and a burst open the lesson; code is cut, not wrapped; the text scrolls from the shell; the map opens and closes`, async () => {
      driver?.kill();
      dnlab(['up']); // the list must be reachable without a bring-up screen in between
      const state = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-e2e-read-'));
      const d = new TuiDriver({
        cols,
        rows,
        env: {
          DNLAB_INSTANCE: INSTANCE,
          XDG_STATE_HOME: state,
          ...(useReal ? {} : { DNLAB_LESSONS: FIXTURES }),
        },
      });
      driver = d;
      const wide = cols >= 100;
      /** The lesson column of a row (side by side, the text is left of the rule). */
      const textOf = (row: string) => (wide ? (row.split('│')[0] ?? '') : row).trimEnd();
      try {
        // 100 ms after spawn (long before the first frame), one write: j j k Enter. A lost key,
        // or the burst read as one key, opens another lesson or none.
        await new Promise((r) => setTimeout(r, 100));
        expect(d.screen().trim()).toBe('');
        d.write('jjk\r');
        await d.waitFor(new RegExp(`Step 1 of ${lesson.steps.length}: `), 'the lesson', 120_000);
        expect(d.screen()).toContain(
          useReal ? 'docker0 and its first container' : lesson.steps[0]!.title,
        );
        // At 80 columns the note of the reset leaves no room for "lab: up" in the status bar.
        await d.waitFor(/lab: up|starts on a fresh host1/, 'the lesson reset to finish', 120_000);
        await d.waitFor(/Checks · \d+ of \d+ pass/, 'the first check round');

        // The shell takes the keyboard; Shift-PgDn pages the text, the checks stay in sight.
        d.write(ctrl.toggle);
        await d.waitFor(/focus: shell/, 'focus on the shell');
        await d.waitFor(/root@host1:[^\n]*[#$]/, 'the shell prompt');
        const firstText = (s: string) =>
          s
            .split('\n')
            .map(textOf)
            .find((l) => l && !/^Step \d|^docker0,|^[❯ ] [○✔]/.test(l)) ?? '';
        const pageDown = async (what: string) => {
          const before = firstText(d.screen());
          d.write('\x1b[6;2~');
          const after = await d.waitFor((s) => firstText(s) !== before, what, 20_000);
          expect(after).toMatch(/focus: shell/);
          expect(after).toMatch(/Checks · \d+ of \d+ pass/);
          return after;
        };
        // Code wider than the column is cut with …, never continued on the next row.
        const codeRow = (s: string) =>
          s
            .split('\n')
            .map(textOf)
            .findIndex((l) => l.includes('<NO-CARRIER'));
        let screen = d.screen();
        for (let i = 0; i < 15 && useReal && codeRow(screen) < 0; i++)
          screen = await pageDown('the text to page on');
        if (useReal) {
          const at = codeRow(screen);
          expect(at, screen).toBeGreaterThanOrEqual(0);
          const lines = screen.split('\n').map(textOf);
          expect(lines[at]!.endsWith('…'), lines[at]).toBe(true);
          expect(lines[at + 1] ?? '', 'the next row').not.toMatch(/group default|qdisc/);
          expect(screen).not.toContain('state DOWN group default');
          for (const l of d.lines()) expect(stringWidth(l)).toBeLessThanOrEqual(cols);
        }
        await pageDown('the text to scroll while the shell has focus');
        d.write('echo typed-here');
        await d.waitFor(/root@host1:[^\n]*# echo typed-here/, 'keys still go to the shell');
        d.write('\x15'); // Ctrl-U: clear the line

        // The shell's scrollback: output scrolls back with Shift-Up, typing returns to the prompt.
        d.write('seq 1 200\r');
        await d.waitFor(/^(?:.*│)?200\s*$/m, 'seq done');
        d.write('\x1b[1;2A');
        await d.waitFor(/lines back/, 'the pane scrolled back');
        d.write('\x1b[1;2B'.repeat(20));
        await d.waitFor((s) => !s.includes('lines back'), 'the pane back at the prompt');

        // The map: m opens it beside the text when wide (above the shell), in the text's place
        // at 80×24; m closes it.
        d.write(ctrl.toggle);
        await d.waitFor(/focus: lesson/, 'focus on the lesson');
        const textBefore = firstText(d.screen());
        d.write('m');
        screen = await d.waitFor(/Lab map/, 'the map panel');
        screen = await d.waitFor(
          (s) => !s.includes('Reading the lab') && /Lab map[^\n]*\d\d:\d\d/.test(s),
          'the map read from the lab',
        );
        expect(screen).not.toContain('could not be read');
        expect(screen).toMatch(/Checks · \d+ of \d+ pass/);
        const mapRow = screen.split('\n').find((l) => l.includes('Lab map')) ?? '';
        if (wide) {
          expect(mapRow.indexOf('│'), mapRow).toBeGreaterThanOrEqual(0);
          expect(mapRow.indexOf('Lab map')).toBeGreaterThan(mapRow.indexOf('│'));
          expect(firstText(screen), 'the text stays beside the map').toBe(textBefore);
          expect(screen, 'the shell stays under the map').toMatch(/root@host1/);
        } else {
          expect(textOf(mapRow), 'the map in the text column').toContain('Lab map');
        }
        d.write('m');
        await d.waitFor((s) => !s.includes('Lab map'), 'the map closed');
        d.write('\x03');
        expect((await d.waitExit()).exitCode).toBe(0);
      } finally {
        fs.rmSync(state, { recursive: true, force: true });
      }
    }, 600_000);
  }
});
