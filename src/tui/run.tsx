import React from 'react';
import { render } from 'ink';
import { t } from '../i18n/index.js';
import { App, type AppOutcome } from './App.js';
import { ServicesProvider, realServices, type TuiServices } from './services.js';
import { ThemeProvider } from './theme.js';

export interface TuiOptions {
  services?: TuiServices;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
}

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
const ALT_SCREEN_OFF = '\x1b[?1049l';
const CURSOR_SHOW = '\x1b[?25h';

/**
 * `dnlab` with no command: the TUI on the alternate screen. Returns the exit code. On the way out
 * the terminal is restored (main screen, cursor shown) and the learner is told the lab is still up
 * and how to stop it; an error that stopped the start is printed again, where it stays readable.
 */
export async function runTui(opts: TuiOptions = {}): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const stdin = opts.stdin ?? process.stdin;
  const stderr = opts.stderr ?? process.stderr;
  if (process.getuid?.() !== 0) {
    stderr.write(`${t('cli.needsRoot', { command: 'dnlab' })}\n`);
    return 1;
  }
  if (!stdout.isTTY || !stdin.isTTY) {
    stderr.write(`${t('tui.needsTty')}\n`);
    return 1;
  }
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(CURSOR_SHOW + ALT_SCREEN_OFF);
  };
  stdout.write(ALT_SCREEN_ON);
  process.once('exit', restore);

  const outcome: AppOutcome = { labUp: false };
  const app = render(
    <ServicesProvider value={opts.services ?? realServices()}>
      <ThemeProvider theme={{}}>
        <App outcome={outcome} />
      </ThemeProvider>
    </ServicesProvider>,
    // Not incrementalRendering: with full-width rows (the pane's title) Ink 6.8's line-diffing
    // writer drifted by a row during fast output (the bench's seq run left stale rows behind).
    // maxFps 60: the shell pane's frames are already paced (terminal-session.ts: 30 a second
    // under a flood), so Ink's own throttle must not hold back a typed key's echo as well.
    { stdout, stdin, stderr, exitOnCtrlC: false, maxFps: 60, patchConsole: true },
  );
  // A closed terminal or a kill: leave as cleanly as a quit.
  const onSignal = () => app.unmount();
  for (const s of ['SIGTERM', 'SIGHUP'] as const) process.once(s, onSignal);
  try {
    await app.waitUntilExit();
  } finally {
    for (const s of ['SIGTERM', 'SIGHUP'] as const) process.off(s, onSignal);
    restore();
    process.off('exit', restore);
  }
  if (outcome.error) {
    stderr.write(`${t('cli.error')}: ${outcome.error.message}\n`);
    if (outcome.error.tryMessage) stderr.write(`${t('cli.try')}: ${outcome.error.tryMessage}\n`);
    for (const s of outcome.error.nextSteps ?? []) stderr.write(`- ${s}\n`);
    return 1;
  }
  stdout.write(`${t(outcome.labUp ? 'tui.quit.labUp' : 'tui.quit.labNotUp')}\n`);
  return 0;
}
