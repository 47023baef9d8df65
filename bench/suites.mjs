// Extra benchmark suites for bench/run.mjs (`npm run bench -- tui`). Not tests: they report.
//
// tui: the real binary in a pty at 100×30, its screen read through @xterm/headless
//   (BENCH_MAIN=path/to/entry.mjs measures another entry point, e.g. a bundle).
//   - first frame: spawn → the lesson list on screen, the lab already up (target ≤ 500 ms), on a
//     small fixture and on the real curriculum with its lessons cache warm
//   - key echo: a key typed in the shell pane → the character on screen (target ≤ 50 ms)
//   - seq 1 200000 in the pane: time to the prompt, and how fast the UI answers a key meanwhile
// Its lab is the `tui` instance (dnlabtui-*, plus DNLAB_TEST_TAG), brought up here and taken down at the end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = process.env.BENCH_MAIN ?? path.join(ROOT, 'dist', 'cli', 'main.js');
const LESSONS = path.join(ROOT, 'test', 'fixtures', 'e2e-lessons');
// DNLAB_TEST_TAG (as in the tests) keeps two checkouts' benches apart.
const INSTANCE = `tui${process.env.DNLAB_TEST_TAG ?? ''}`;

function dnlab(args) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DNLAB_INSTANCE: INSTANCE },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`dnlab ${args.join(' ')}: ${r.stderr}`);
}

/** The binary in a pty; `until(test)` resolves with the time the screen first matched. */
function launch(stateHome, lessons = LESSONS) {
  const term = new xtermHeadless.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
  const t0 = performance.now();
  const proc = pty.spawn(process.execPath, [MAIN], {
    name: 'xterm-256color',
    cols: 100,
    rows: 30,
    cwd: ROOT,
    env: {
      ...process.env,
      TERM: 'xterm-256color',
      DNLAB_INSTANCE: INSTANCE,
      ...(lessons ? { DNLAB_LESSONS: lessons } : {}),
      XDG_STATE_HOME: stateHome,
    },
  });
  const waiters = new Set();
  let frames = 0;
  const screen = () => {
    const b = term.buffer.active;
    const rows = [];
    for (let y = 0; y < term.rows; y++)
      rows.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
    return rows.join('\n');
  };
  const settle = () => {
    const s = screen();
    for (const w of [...waiters]) {
      if (w.test(s)) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(performance.now());
      }
    }
  };
  proc.onData((d) => {
    frames++;
    term.write(d, settle);
  });
  term.onData((d) => proc.write(d));
  let exited = false;
  proc.onExit(() => (exited = true));
  const until = (re, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const test = typeof re === 'function' ? re : (s) => re.test(s);
      if (test(screen())) return resolve(performance.now());
      const w = { test, resolve, timer: undefined };
      w.timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`timed out waiting for ${re}:\n${screen()}`));
      }, timeoutMs);
      waiters.add(w);
    });
  return {
    t0,
    until,
    screen,
    write: (k) => proc.write(k),
    get frames() {
      return frames;
    },
    /** SIGTERM: the app leaves as on a quit (terminal restored, shells ended). */
    async quit() {
      if (exited) return;
      proc.kill('SIGTERM');
      const end = Date.now() + 5000;
      while (!exited && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      if (!exited) proc.kill('SIGKILL');
    },
  };
}

// The shell pane's part of the screen: right of the rule when side by side (100+ columns).
const paneText = (s) => s.split('\n').map((l) => l.slice(l.lastIndexOf('│') + 1)).join('\n');
// The prompt line (the screen is read with trailing blanks trimmed, cursor drawn or not).
const promptLine = (s) => paneText(s).split('\n').find((l) => /^root@host1:~#( |$)/.test(l)) ?? '';

export const suites = {
  async tui({ runs, report }) {
    const stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-bench-tui-'));
    try {
      dnlab(['up']);
      // The machine's own floor: a bare node start, for reading the figures below.
      const bare = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        spawnSync(process.execPath, ['-e', '']);
        bare.push(performance.now() - t);
      }
      report('tui: baseline, node -e "" (this machine, now)', bare);
      // First frame with the lab up: spawn → the lesson list.
      const first = [];
      for (let i = 0; i < runs; i++) {
        const app = launch(stateHome);
        const at = await app.until(/^Lessons[\s\S]*The default bridge/m, 30_000);
        first.push(at - app.t0);
        await app.quit();
      }
      report('tui: first frame, lab up (spawn → lesson list)', first, 500);
      // The same with the real curriculum (every lesson; the first start fills the lessons cache).
      const real = [];
      for (let i = 0; i <= runs; i++) {
        const app = launch(stateHome, null);
        const at = await app.until(/^Lessons[\s\S]*Namespaces and the container network model/m, 30_000);
        if (i > 0) real.push(at - app.t0);
        await app.quit();
      }
      report('tui: first frame, all lessons, warm cache', real, 500);

      // Open the lesson, focus the pane, wait for the prompt.
      const app = launch(stateHome);
      await app.until(/^Lessons/m);
      // Enter again if it was lost (older builds lost a key sent just as the list appeared).
      for (let i = 0; ; i++) {
        app.write('\r');
        const opened = await app.until(/lab: \w/, 3000).catch(() => undefined);
        if (opened || i >= 4) break;
      }
      await app.until(/lab: up/, 120_000);
      app.write('\x1d');
      await app.until(/focus: shell/);
      await app.until((s) => promptLine(s) !== '');
      await app.until(/Checks · \d+ of \d+ pass(?! · checking)/);

      // Key echo: one character at a time, each until it shows on the prompt line.
      const echo = [];
      const word = 'abcdefghijklmnopqrstuvwxyz';
      for (let i = 0; i < Math.max(20, runs * 4); i++) {
        const typed = word.slice(0, (i % word.length) + 1);
        if (i % word.length === 0 && i > 0) {
          app.write('\x15'); // Ctrl-U: clear the line
          await app.until((s) => promptLine(s).trimEnd() === 'root@host1:~#');
        }
        const t = performance.now();
        app.write(typed.at(-1));
        const at = await app.until((s) => promptLine(s).trimEnd().endsWith(`# ${typed}`));
        echo.push(at - t);
      }
      app.write('\x15');
      await app.until((s) => promptLine(s).trimEnd() === 'root@host1:~#');
      report('tui: key echo in the pane', echo, 50);

      // seq 1 200000: time to the prompt, and the UI's answer to a key meanwhile (focus toggle).
      const seqMs = [];
      const toggles = [];
      const fps = [];
      for (let i = 0; i < runs; i++) {
        app.write('clear\r');
        await app.until((s) => /^root@host1:~#\s*$/m.test(paneText(s)) && !/200000/.test(s));
        const frames0 = app.frames;
        const t = performance.now();
        app.write('seq 1 200000\r');
        const done = app.until((s) => /^200000\n(?:.*\n)*?root@host1:~#/m.test(paneText(s)), 120_000);
        let finished = false;
        done.then(() => (finished = true));
        await app.until((s) => /^\d{3,}$/m.test(paneText(s))); // output is streaming
        while (!finished) {
          const k = performance.now();
          app.write('\x1d');
          toggles.push((await app.until(/focus: lesson/)) - k);
          app.write('\x1d');
          await app.until(/focus: shell/);
          await new Promise((r) => setTimeout(r, 100));
        }
        const at = await done;
        seqMs.push(at - t);
        fps.push(((app.frames - frames0) * 1000) / (at - t));
      }
      report('tui: seq 1 200000 in the pane (to the prompt)', seqMs);
      report('tui: UI answers a key during seq (focus toggle)', toggles, 100);
      console.log(
        `  output writes per second during seq (p50): ${Math.round(fps.sort((a, b) => a - b)[fps.length >> 1])}`,
      );
      await app.quit();
    } finally {
      dnlab(['down']);
      fs.rmSync(stateHome, { recursive: true, force: true });
    }
  },
};
